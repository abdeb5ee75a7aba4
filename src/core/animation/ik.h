// animation/ik.h: two-bone inverse kinematics, applied to a world pose after sampling.
//
// Keeps what touches the floor or bed where it is (feet when lying with knees bent,
// hands on all fours). The chain bends in the plane it already bends in. Near full reach
// the solve softens so a knee or elbow never snaps straight; a target out of reach gets
// the limb pointing straight at it; zero-length bones and coincident points give a valid
// pose, never NaN.
//
// Usage:
//     limber::animation::solve_two_bone(world, Bone::thigh_l, Bone::shin_l, target_ankle);
#pragma once

#include "animation/pose.h"

namespace limber::animation {

struct TwoBoneResult {
  bool reached = false;  // the end is at the target (within a micrometre)
  float error = 0;       // distance left between the end and the target, metres
};

// Moves `upper` and `lower` (lower is upper's child) so lower's end lands on `target`,
// carrying lower's children along rigidly. `soft_start` is the fraction of full reach
// where softening begins (1: none).
TwoBoneResult solve_two_bone(WorldPose& pose, Bone upper, Bone lower, Vec3 target, float soft_start = 0.97f);

// Turns a bone (and everything below it) by `delta` about its start.
void rotate_subtree(WorldPose& pose, Bone bone, const Mat3& delta);

}  // namespace limber::animation
