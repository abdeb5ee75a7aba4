#include <doctest/doctest.h>

#include <cmath>
#include <random>

#include "animation/ik.h"

using namespace limber::animation;

namespace {
bool finite(const WorldPose& w) {
  for (int i = 0; i < kBoneCount; ++i) {
    for (const Vec3 v : {w.start[static_cast<std::size_t>(i)], w.end[static_cast<std::size_t>(i)]}) {
      if (!std::isfinite(v.x) || !std::isfinite(v.y) || !std::isfinite(v.z)) return false;
    }
  }
  return true;
}
WorldPose bent_leg() {
  LocalPose p;
  p.root = {0, 1, 0};
  p.joints[index(Bone::thigh_l)].flex = 40;
  p.joints[index(Bone::shin_l)].flex = 60;
  WorldPose w;
  compute_world(p, w);
  return w;
}
}  // namespace

TEST_CASE("ik: reachable targets are reached within 0.1% of body height") {
  std::mt19937 rng(7);
  std::uniform_real_distribution<float> unit(-1, 1);
  const float reach = (info(Bone::thigh_l).length + info(Bone::shin_l).length) * kBodyHeight;
  for (int i = 0; i < 500; ++i) {
    WorldPose w = bent_leg();
    const Vec3 hip = w.start[index(Bone::thigh_l)];
    const Vec3 dir = normalize({unit(rng), unit(rng), unit(rng)});
    const float d = reach * (0.05f + 0.9f * (unit(rng) + 1) / 2);  // from 5% to 95% of full reach
    const Vec3 target = hip + dir * d;
    solve_two_bone(w, Bone::thigh_l, Bone::shin_l, target);
    CHECK(distance(w.end[index(Bone::shin_l)], target) < 0.001f * kBodyHeight);
    // The bones keep their lengths and stay joined.
    CHECK(distance(w.start[index(Bone::thigh_l)], w.end[index(Bone::thigh_l)]) ==
          doctest::Approx(info(Bone::thigh_l).length * kBodyHeight).epsilon(1e-4));
    CHECK(distance(w.end[index(Bone::thigh_l)], w.start[index(Bone::shin_l)]) < 1e-5f);
    // The foot comes along with the ankle.
    CHECK(distance(w.start[index(Bone::foot_l)], w.end[index(Bone::shin_l)]) < 1e-5f);
  }
}

namespace {
// Which way the knee points: the part of hip->knee square to hip->ankle, as a unit vector.
Vec3 knee_bend(const WorldPose& w) {
  const Vec3 hip = w.start[index(Bone::thigh_l)];
  const Vec3 knee = w.end[index(Bone::thigh_l)];
  const Vec3 line = normalize(w.end[index(Bone::shin_l)] - hip);
  const Vec3 to_knee = knee - hip;
  return normalize(to_knee - line * dot(to_knee, line));
}
}  // namespace

TEST_CASE("ik: the knee keeps bending the way it bent, wherever the foot is moved") {
  const WorldPose start = bent_leg();
  const Vec3 bend = knee_bend(start);
  const Vec3 ankle = start.end[index(Bone::shin_l)];
  // The foot moved forward, back, up, down and sideways (all within reach): the knee may
  // swing, but never flips to bend the other way.
  for (const Vec3 move : {Vec3{0.05f, 0.02f, 0}, Vec3{-0.05f, 0, 0}, Vec3{0, 0.08f, 0}, Vec3{0, -0.03f, 0},
                          Vec3{0, 0, 0.04f}, Vec3{0.03f, 0.05f, -0.03f}}) {
    WorldPose w = start;
    solve_two_bone(w, Bone::thigh_l, Bone::shin_l, ankle + move);
    INFO("foot moved by " << move.x << ", " << move.y << ", " << move.z);
    REQUIRE(distance(w.end[index(Bone::shin_l)], ankle + move) < 0.001f * kBodyHeight);
    CHECK(dot(knee_bend(w), bend) > 0.8f);
  }
}

TEST_CASE("ik: near full reach the limb softens instead of snapping straight") {
  WorldPose w = bent_leg();
  const Vec3 hip = w.start[index(Bone::thigh_l)];
  const float reach = (info(Bone::thigh_l).length + info(Bone::shin_l).length) * kBodyHeight;
  solve_two_bone(w, Bone::thigh_l, Bone::shin_l, hip + Vec3{0, -1, 0} * reach);
  const float got = distance(hip, w.end[index(Bone::shin_l)]);
  CHECK(got < reach * 0.999f);  // still a little bent
  CHECK(got > reach * 0.97f);
}

TEST_CASE("ik: a target out of reach gets the limb pointing straight at it, without NaN") {
  WorldPose w = bent_leg();
  const Vec3 hip = w.start[index(Bone::thigh_l)];
  const Vec3 target = hip + Vec3{3, -4, 0};
  const auto r = solve_two_bone(w, Bone::thigh_l, Bone::shin_l, target);
  CHECK_FALSE(r.reached);
  CHECK(finite(w));
  const Vec3 limb = normalize(w.end[index(Bone::shin_l)] - hip);
  CHECK(dot(limb, normalize(target - hip)) > 0.999f);
}

TEST_CASE("ik: a target on the hip joint itself gives a valid pose") {
  WorldPose w = bent_leg();
  solve_two_bone(w, Bone::thigh_l, Bone::shin_l, w.start[index(Bone::thigh_l)]);
  CHECK(finite(w));
}

TEST_CASE("ik: a fully straight chain aimed along itself gives a valid pose") {
  LocalPose p;
  WorldPose w;
  compute_world(p, w);
  solve_two_bone(w, Bone::thigh_l, Bone::shin_l, w.end[index(Bone::shin_l)] + Vec3{0, -0.5f, 0});
  CHECK(finite(w));
  solve_two_bone(w, Bone::thigh_l, Bone::shin_l, w.start[index(Bone::thigh_l)] + Vec3{0, 0.2f, 0});
  CHECK(finite(w));
}

TEST_CASE("ik: rotation_between handles parallel and opposite directions") {
  const Mat3 same = rotation_between({0, 1, 0}, {0, 1, 0});
  CHECK(same * Vec3{0, 1, 0} == Vec3{0, 1, 0});
  const Mat3 flip = rotation_between({0, 1, 0}, {0, -1, 0});
  const Vec3 v = flip * Vec3{0, 1, 0};
  CHECK(v.y == doctest::Approx(-1));
  CHECK(std::isfinite(v.x));
}
