#include "animation/figure.h"

#include <algorithm>

#include "animation/ik.h"

namespace limber::animation {

ContactChain chain_of(Contact contact, bool right_side) {
  // Authored on the left; the mirrored figure plants the other limb.
  const bool left_limb = (contact == Contact::foot_l || contact == Contact::hand_l) != right_side;
  const bool leg = contact == Contact::foot_l || contact == Contact::foot_r;
  if (leg) return left_limb ? ContactChain{Bone::thigh_l, Bone::shin_l, Bone::foot_l}
                            : ContactChain{Bone::thigh_r, Bone::shin_r, Bone::foot_r};
  return left_limb ? ContactChain{Bone::upper_arm_l, Bone::forearm_l, Bone::hand_l}
                   : ContactChain{Bone::upper_arm_r, Bone::forearm_r, Bone::hand_r};
}

bool under_back(const WorldPose& w, Bone b) {
  if (b != Bone::forearm_l && b != Bone::forearm_r && b != Bone::hand_l && b != Bone::hand_r) return false;
  const auto k = static_cast<std::size_t>(index(b));
  const Vec3 p = (w.start[k] + w.end[k]) * 0.5f;
  // The nearest point of the back, from the hips to the base of the neck.
  const Vec3 a = w.start[index(Bone::pelvis)], along = w.start[index(Bone::neck)] - a;
  const Vec3 off = p - (a + along * std::clamp(dot(p - a, along) / dot(along, along), 0.0f, 1.0f));
  return off.y < 0 && length(off) < bone_radius(Bone::lower_spine, false) * 1.5f;
}

void add_breath(LocalPose& pose, float inhale) {
  // Breathing in lifts and opens the chest a little; the head follows. Never past the
  // joints' normal range, even in a pose already at its limit.
  const auto nudge = [&](Bone b, float degrees) {
    float& flex = pose.joints[static_cast<std::size_t>(index(b))].flex;
    flex = std::clamp(flex + degrees, std::min(flex, info(b).flex.min), std::max(flex, info(b).flex.max));
  };
  nudge(Bone::upper_spine, -3.0f * inhale);
  nudge(Bone::neck, 1.5f * inhale);
}

void place(const CompiledClip& clip, const LocalPose& local, bool right_side, WorldPose& out) {
  compute_world(right_side ? mirrored(local) : local, out);
  const WorldPose& rest = clip.rest[right_side ? 1 : 0];

  if (clip.anchor == Anchor::knees) {
    const auto mid = [](const WorldPose& w) { return (w.start[index(Bone::shin_l)] + w.start[index(Bone::shin_r)]) * 0.5f; };
    const Vec3 shift = mid(rest) - mid(out);
    for (int i = 0; i < kBoneCount; ++i) {
      out.start[static_cast<std::size_t>(i)] = out.start[static_cast<std::size_t>(i)] + shift;
      out.end[static_cast<std::size_t>(i)] = out.end[static_cast<std::size_t>(i)] + shift;
    }
  }
  for (const Contact c : clip.contacts) {
    const ContactChain ch = chain_of(c, right_side);
    const auto end = static_cast<std::size_t>(index(ch.end));
    solve_two_bone(out, ch.upper, ch.lower, rest.start[end]);
    // The planted foot or hand keeps the orientation it had at the start.
    out.rotation[end] = rest.rotation[end];
    out.start[end] = rest.start[end];
    out.end[end] = rest.end[end];
  }
}

}  // namespace limber::animation
