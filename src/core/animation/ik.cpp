#include "animation/ik.h"

#include <algorithm>
#include <cmath>

namespace limber::animation {

namespace {

bool is_descendant(Bone bone, Bone of) {
  for (Bone b = bone; b != Bone::pelvis; b = info(b).parent) {
    if (b == of) return true;
  }
  return of == Bone::pelvis;
}

// A unit vector perpendicular to `axis`, leaning towards `hint` where it can.
Vec3 perpendicular(Vec3 axis, Vec3 hint) {
  Vec3 p = hint - axis * dot(hint, axis);
  if (length(p) > 1e-6f) return normalize(p);
  p = cross(axis, std::fabs(axis.x) < 0.9f ? Vec3{1, 0, 0} : Vec3{0, 0, 1});
  return normalize(p, {0, 0, 1});
}

}  // namespace

void rotate_subtree(WorldPose& pose, Bone bone, const Mat3& delta) {
  const Vec3 pivot = pose.start[static_cast<std::size_t>(bone)];
  for (int i = index(bone); i < kBoneCount; ++i) {
    const Bone b = static_cast<Bone>(i);
    if (!is_descendant(b, bone)) continue;
    const auto k = static_cast<std::size_t>(i);
    pose.start[k] = pivot + delta * (pose.start[k] - pivot);
    pose.end[k] = pivot + delta * (pose.end[k] - pivot);
    pose.rotation[k] = delta * pose.rotation[k];
  }
}

TwoBoneResult solve_two_bone(WorldPose& pose, Bone upper, Bone lower, Vec3 target, float soft_start) {
  const auto u = static_cast<std::size_t>(upper), l = static_cast<std::size_t>(lower);
  const Vec3 a = pose.start[u];
  const float l1 = info(upper).length * kBodyHeight;
  const float l2 = info(lower).length * kBodyHeight;
  const float reach = l1 + l2;
  const float shortest = std::fabs(l1 - l2);

  const Vec3 to_target = target - a;
  const float wanted = length(to_target);
  const Vec3 dir = normalize(to_target, normalize(pose.end[l] - a, {0, -1, 0}));

  // Soft reach: past soft_start * reach the distance eases towards full reach instead of
  // arriving there, so the joint straightens smoothly rather than snapping.
  float d = wanted;
  const float soft = reach * std::clamp(soft_start, 0.5f, 1.0f);
  if (d > soft && reach > soft) {
    const float span = reach - soft;
    d = soft + span * (1.0f - std::exp(-(d - soft) / span));
  }
  d = std::clamp(d, shortest + 1e-5f, std::max(reach, shortest + 1e-5f));

  // The middle joint: on the circle where the two bones meet, on the side it bends to now.
  const float along = d > 1e-6f ? (l1 * l1 - l2 * l2 + d * d) / (2 * d) : 0.0f;
  const float height = std::sqrt(std::max(0.0f, l1 * l1 - along * along));
  const Vec3 bend = perpendicular(dir, pose.end[u] - a);
  const Vec3 mid = a + dir * along + bend * height;
  const Vec3 end = a + dir * d;

  // Turn each bone from where it points to where it must point, children following.
  rotate_subtree(pose, upper, rotation_between(normalize(pose.end[u] - a), normalize(mid - a)));
  const Vec3 lower_from = normalize(pose.end[l] - pose.start[l]);
  rotate_subtree(pose, lower, rotation_between(lower_from, normalize(end - mid, lower_from)));

  TwoBoneResult result;
  result.error = distance(pose.end[l], target);
  result.reached = result.error < 1e-6f * std::max(1.0f, reach);
  return result;
}

}  // namespace limber::animation
