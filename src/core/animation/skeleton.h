// animation/skeleton.h: the figure's bones, their adult proportions and their normal ranges.
//
// Bones are stored parent before child, pelvis first. Lengths are fractions of body height
// from the Drillis and Contini segment table (as given in D. A. Winter, "Biomechanics and
// Motor Control of Human Movement", fig. 4.1): thigh 0.245 H, shank 0.246 H, upper arm
// 0.186 H, forearm 0.146 H, hand 0.108 H, foot 0.152 H long, ankle 0.039 H high, hip
// (trochanter) 0.530 H and shoulder 0.818 H high, shoulders 0.259 H and hips 0.191 H wide,
// chin at 0.870 H. Ranges of motion are the American Academy of Orthopaedic Surgeons'
// normal values (hip flexion 0-120, knee 0-135, shoulder flexion 0-180, ...), with the
// spine's split between its two bones.
//
// Passive ranges (passive_flex) are for positions where the body's weight or a hand moves a
// joint past what its own muscles reach: the hip and knee folded deeply in child's pose, the
// feet lying flat behind a kneeling person. Values from I. A. Kapandji, "The Physiology of
// the Joints", vol. 2: hip flexion with the knee bent reaches 140 degrees passively, the
// knee 160 (heel to buttock). The figure's foot is drawn along the line from the ankle to
// the toes, level when standing, where a real foot's top slopes down about 25 degrees; so
// a foot lying flat behind a kneeling person needs about 85 degrees of the figure's
// plantarflexion for about 60 at the real ankle, within its passive range. A clip lists
// the joints it holds in such a position (clip.h: "passive").
//
// Each joint turns by three angles in degrees: flex (bending forward / anatomical flexion
// positive), abd (away from the midline, or bending sideways for the spine), twist (about
// the bone, external rotation positive for limbs, turning left for the spine).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "animation/math3.h"

namespace limber::animation {

enum class Bone : std::uint8_t {
  pelvis, lower_spine, upper_spine, neck, head,
  thigh_l, shin_l, foot_l, thigh_r, shin_r, foot_r,
  upper_arm_l, forearm_l, hand_l, upper_arm_r, forearm_r, hand_r,
  count
};
inline constexpr int kBoneCount = static_cast<int>(Bone::count);
inline constexpr int index(Bone b) { return static_cast<int>(b); }

enum class BodySide : std::uint8_t { centre, left, right };

struct Range2 {
  float min = 0, max = 0;
};

struct BoneInfo {
  std::string_view id;
  Bone parent;            // pelvis is its own parent
  BodySide side;
  Vec3 offset;            // where the bone starts in its parent's frame, in metres (at height 1)
  Vec3 direction;         // which way it points in the standing pose
  float length;           // fraction of body height
  float radius;           // half its drawn thickness, fraction of body height
  Range2 flex, abd, twist;  // normal range of motion, degrees
};

const std::array<BoneInfo, kBoneCount>& skeleton();
const BoneInfo& info(Bone bone);
std::optional<Bone> bone_from_id(std::string_view id);
// The same bone on the other side (centre bones map to themselves).
Bone mirror(Bone bone);

// The flexion a joint reaches when moved passively (see above); its normal range otherwise.
Range2 passive_flex(Bone bone);

// Limbs taper: thinner at their far end (knee, ankle, wrist) than at their start.
// Radius in metres at the bone's start (at_end false) or end.
float bone_radius(Bone bone, bool at_end);

inline constexpr float kBodyHeight = 1.70f;  // metres, for an adult of median height

}  // namespace limber::animation
