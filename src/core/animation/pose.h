// animation/pose.h: a pose as local joint angles, and the world transforms computed from it.
//
// Usage:
//     limber::animation::LocalPose local;                 // standing, arms by the sides
//     local.root_pitch = 90;                              // lying on the back
//     limber::animation::WorldPose world;
//     limber::animation::compute_world(local, world);     // no allocation
//     world.end[index(Bone::foot_l)];                     // the left toes, in metres
#pragma once

#include <array>

#include "animation/math3.h"
#include "animation/skeleton.h"

namespace limber::animation {

struct JointAngles {
  float flex = 0, abd = 0, twist = 0;  // degrees, see skeleton.h
  bool operator==(const JointAngles&) const = default;
};

struct LocalPose {
  Vec3 root;                 // the pelvis (midway between the hip joints), metres
  float root_pitch = 0;      // degrees about the lateral axis: 90 lies the body on its back
  float root_roll = 0;       // about the forward axis
  float root_yaw = 0;        // about the vertical axis
  std::array<JointAngles, kBoneCount> joints{};
};

struct WorldPose {
  std::array<Vec3, kBoneCount> start{};  // joint at the bone's start
  std::array<Vec3, kBoneCount> end{};    // and at its end
  std::array<Mat3, kBoneCount> rotation{};
  Vec3 body_up{0, 1, 0};                 // where the pelvis's "up" points (for drawing the face)
};

// The joint rotation of one bone from its angles.
Mat3 joint_rotation(Bone bone, const JointAngles& angles);
Mat3 root_rotation(const LocalPose& pose);
void compute_world(const LocalPose& pose, WorldPose& out);

// The pose of the other side: left and right swap, sideways angles and the root's roll and
// yaw change sign. compute_world of the result is the mirror image across the body's
// midline (z -> -z, for a root at z = 0).
LocalPose mirrored(const LocalPose& pose);

}  // namespace limber::animation
