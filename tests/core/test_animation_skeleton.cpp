#include <doctest/doctest.h>

#include <boost/pfr/core_name.hpp>

#include "animation/clip.h"
#include "animation/pose.h"

using namespace limber::animation;

TEST_CASE("skeleton: bones are stored parent before child, pelvis first") {
  CHECK(skeleton()[0].id == "pelvis");
  for (int i = 1; i < kBoneCount; ++i) {
    CAPTURE(skeleton()[static_cast<std::size_t>(i)].id);
    CHECK(index(skeleton()[static_cast<std::size_t>(i)].parent) < i);
  }
}

TEST_CASE("skeleton: the clip format names every bone, in the skeleton's order") {
  constexpr auto names = boost::pfr::names_as_array<JointKeys>();
  REQUIRE(names.size() == static_cast<std::size_t>(kBoneCount));
  for (int i = 0; i < kBoneCount; ++i) CHECK(names[static_cast<std::size_t>(i)] == skeleton()[static_cast<std::size_t>(i)].id);
}

TEST_CASE("skeleton: standing, the joints sit at the anthropometric heights") {
  LocalPose standing;
  standing.root = {0, 0.530f * kBodyHeight, 0};
  WorldPose w;
  compute_world(standing, w);
  const double H = kBodyHeight;
  CHECK(w.end[index(Bone::shin_l)].y == doctest::Approx(0.039 * H).epsilon(0.01));       // ankle
  CHECK(w.end[index(Bone::thigh_l)].y == doctest::Approx(0.285 * H).epsilon(0.01));      // knee
  CHECK(w.start[index(Bone::upper_arm_l)].y == doctest::Approx(0.818 * H).epsilon(0.01));  // shoulder
  CHECK(w.end[index(Bone::neck)].y == doctest::Approx(0.870 * H).epsilon(0.01));         // chin
  CHECK(w.end[index(Bone::head)].y == doctest::Approx(H).epsilon(0.01));                 // top of the head
  CHECK(w.start[index(Bone::upper_arm_l)].z - w.start[index(Bone::upper_arm_r)].z == doctest::Approx(0.259 * H).epsilon(1e-4));
  CHECK(w.start[index(Bone::thigh_l)].z - w.start[index(Bone::thigh_r)].z == doctest::Approx(0.191 * H));
}

TEST_CASE("skeleton: anatomical angles move the limbs the anatomical way") {
  LocalPose p;
  WorldPose w;
  p.joints[index(Bone::thigh_l)].flex = 90;  // hip flexion: the thigh comes forward
  p.joints[index(Bone::upper_arm_r)].abd = 90;  // shoulder abduction: out to the side (right is -z)
  compute_world(p, w);
  const Vec3 thigh = w.end[index(Bone::thigh_l)] - w.start[index(Bone::thigh_l)];
  CHECK(thigh.x > 0.4f);
  const Vec3 arm = w.end[index(Bone::upper_arm_r)] - w.start[index(Bone::upper_arm_r)];
  CHECK(arm.z == doctest::Approx(-info(Bone::upper_arm_r).length * kBodyHeight).epsilon(1e-4));
  LocalPose bend;
  bend.joints[index(Bone::lower_spine)].abd = 20;  // side bend to the left (+z)
  compute_world(bend, w);
  CHECK(w.end[index(Bone::head)].z > 0.1f);
}

TEST_CASE("skeleton: lying on the back puts the head one way, the feet the other, the face up") {
  LocalPose p;
  p.root_pitch = 90;
  WorldPose w;
  compute_world(p, w);
  CHECK(w.end[index(Bone::head)].x < -0.7f);
  CHECK(w.end[index(Bone::shin_l)].x > 0.7f);
  const Vec3 face = w.rotation[index(Bone::head)] * Vec3{1, 0, 0};
  CHECK(face.y == doctest::Approx(1).epsilon(1e-4));
}

TEST_CASE("skeleton: a mirrored pose is the mirror image") {
  LocalPose p;
  p.root = {0.1f, 0.3f, 0};
  p.root_pitch = 60;
  p.root_roll = 10;
  p.joints[index(Bone::thigh_l)] = {70, 20, 30};
  p.joints[index(Bone::upper_spine)] = {10, 15, 20};
  p.joints[index(Bone::upper_arm_r)] = {40, 10, -20};
  WorldPose a, b;
  compute_world(p, a);
  compute_world(mirrored(p), b);
  for (int i = 0; i < kBoneCount; ++i) {
    const auto m = static_cast<std::size_t>(index(mirror(static_cast<Bone>(i))));
    const Vec3 pa = a.end[static_cast<std::size_t>(i)], pb = b.end[m];
    CHECK(pb.x == doctest::Approx(pa.x).epsilon(1e-4));
    CHECK(pb.y == doctest::Approx(pa.y).epsilon(1e-4));
    CHECK(pb.z == doctest::Approx(-pa.z).epsilon(1e-4));
  }
}
