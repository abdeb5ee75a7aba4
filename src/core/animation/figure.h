// animation/figure.h: from a sampled pose to where the figure really is in the world.
//
// Mirrors it for the right side, keeps the anchor (the knees, on all fours) where it was in
// the start position, then plants each contact (feet, hands) where it was at the start
// with two-bone IK. Breathing adds a small rise of the chest. No allocation.
//
// Usage:
//     limber::animation::LocalPose local;
//     limber::animation::sample(clip.move, 0.4f, local);
//     limber::animation::add_breath(local, 0.7f);        // 0 out .. 1 in
//     limber::animation::WorldPose world;
//     limber::animation::place(clip, local, /*right_side=*/false, world);
#pragma once

#include "animation/clip.h"

namespace limber::animation {

// The contact's limb chain and the joint that is planted.
struct ContactChain {
  Bone upper, lower, end;
};
ContactChain chain_of(Contact contact, bool right_side);

void add_breath(LocalPose& pose, float inhale);
// A forearm or hand slid under the back (between it and the surface): the body hides it
// from any view above the floor, so the drawing sorts it on its own, not with its arm.
bool under_back(const WorldPose& world, Bone bone);
void place(const CompiledClip& clip, const LocalPose& local, bool right_side, WorldPose& out);

}  // namespace limber::animation
