#include "animation/skeleton.h"

namespace limber::animation {

namespace {

// Fractions of body height (see skeleton.h for the table they come from).
constexpr float kHipHalfWidth = 0.191f / 2;
constexpr float kShoulderHalfWidth = 0.259f / 2;
constexpr float kPelvisLength = 0.06f;      // hip joints to the lumbosacral joint
constexpr float kLowerSpine = 0.11f;        // to the thoracolumbar junction
constexpr float kUpperSpine = 0.128f;       // to the base of the neck, just above the shoulders (0.818 H)
constexpr float kShoulderAbove = 0.118f;    // shoulder joints above the start of the upper spine
constexpr float kNeck = 0.052f;             // to the chin (0.870 H)
constexpr float kHead = 0.12f;
constexpr float kThigh = 0.245f, kShank = 0.246f, kFoot = 0.152f * 0.75f;  // ankle to toes: 3/4 of the foot
constexpr float kUpperArm = 0.186f, kForearm = 0.146f, kHand = 0.108f * 0.8f;

constexpr Vec3 up{0, 1, 0}, down{0, -1, 0}, forward{1, 0, 0};

using B = Bone;
using S = BodySide;

// Ranges (degrees): AAOS normal values; the spine's total split over its two bones.
constexpr Range2 hip_flex{-20, 125}, hip_abd{-25, 45}, hip_twist{-40, 50};
constexpr Range2 knee_flex{-5, 140}, ankle_flex{-25, 50}, none{0, 0}, small{-10, 10};
constexpr Range2 shoulder_flex{-50, 180}, shoulder_abd{-30, 180}, shoulder_twist{-70, 90};
constexpr Range2 elbow_flex{-5, 150}, wrist_flex{-70, 80}, wrist_abd{-20, 30};
constexpr Range2 lower_spine_flex{-25, 50}, lower_spine_abd{-20, 20}, lower_spine_twist{-10, 10};
constexpr Range2 upper_spine_flex{-15, 35}, upper_spine_abd{-20, 20}, upper_spine_twist{-40, 40};
constexpr Range2 neck_flex{-45, 45}, neck_abd{-40, 40}, neck_twist{-70, 70};
constexpr Range2 head_flex{-20, 20};
constexpr Range2 any{-360, 360};

constexpr std::array<BoneInfo, kBoneCount> kSkeleton = {{
    {"pelvis", B::pelvis, S::centre, {0, 0, 0}, up, kPelvisLength, 0.072f, any, any, any},
    {"lower_spine", B::pelvis, S::centre, {0, kPelvisLength, 0}, up, kLowerSpine, 0.068f, lower_spine_flex, lower_spine_abd, lower_spine_twist},
    {"upper_spine", B::lower_spine, S::centre, {0, kLowerSpine, 0}, up, kUpperSpine, 0.075f, upper_spine_flex, upper_spine_abd, upper_spine_twist},
    {"neck", B::upper_spine, S::centre, {0, kUpperSpine, 0}, up, kNeck, 0.026f, neck_flex, neck_abd, neck_twist},
    {"head", B::neck, S::centre, {0, kNeck, 0}, up, kHead, 0.058f, head_flex, small, small},
    {"thigh_l", B::pelvis, S::left, {0, 0, kHipHalfWidth}, down, kThigh, 0.05f, hip_flex, hip_abd, hip_twist},
    {"shin_l", B::thigh_l, S::left, {0, -kThigh, 0}, down, kShank, 0.037f, knee_flex, none, none},
    {"foot_l", B::shin_l, S::left, {0, -kShank, 0}, forward, kFoot, 0.022f, ankle_flex, small, small},
    {"thigh_r", B::pelvis, S::right, {0, 0, -kHipHalfWidth}, down, kThigh, 0.05f, hip_flex, hip_abd, hip_twist},
    {"shin_r", B::thigh_r, S::right, {0, -kThigh, 0}, down, kShank, 0.037f, knee_flex, none, none},
    {"foot_r", B::shin_r, S::right, {0, -kShank, 0}, forward, kFoot, 0.022f, ankle_flex, small, small},
    {"upper_arm_l", B::upper_spine, S::left, {0, kShoulderAbove, kShoulderHalfWidth}, down, kUpperArm, 0.032f, shoulder_flex, shoulder_abd, shoulder_twist},
    {"forearm_l", B::upper_arm_l, S::left, {0, -kUpperArm, 0}, down, kForearm, 0.027f, elbow_flex, none, none},
    {"hand_l", B::forearm_l, S::left, {0, -kForearm, 0}, down, kHand, 0.02f, wrist_flex, wrist_abd, none},
    {"upper_arm_r", B::upper_spine, S::right, {0, kShoulderAbove, -kShoulderHalfWidth}, down, kUpperArm, 0.032f, shoulder_flex, shoulder_abd, shoulder_twist},
    {"forearm_r", B::upper_arm_r, S::right, {0, -kUpperArm, 0}, down, kForearm, 0.027f, elbow_flex, none, none},
    {"hand_r", B::forearm_r, S::right, {0, -kForearm, 0}, down, kHand, 0.02f, wrist_flex, wrist_abd, none},
}};

}  // namespace

const std::array<BoneInfo, kBoneCount>& skeleton() { return kSkeleton; }
const BoneInfo& info(Bone bone) { return kSkeleton[static_cast<std::size_t>(bone)]; }

std::optional<Bone> bone_from_id(std::string_view id) {
  for (int i = 0; i < kBoneCount; ++i) {
    if (kSkeleton[static_cast<std::size_t>(i)].id == id) return static_cast<Bone>(i);
  }
  return std::nullopt;
}

Range2 passive_flex(Bone bone) {
  switch (bone) {
    case B::thigh_l: case B::thigh_r: return {hip_flex.min, 140};
    case B::shin_l: case B::shin_r: return {knee_flex.min, 160};
    case B::foot_l: case B::foot_r: return {ankle_flex.min, 85};
    default: return info(bone).flex;
  }
}

float bone_radius(Bone bone, bool at_end) {
  const BoneInfo& b = info(bone);
  const bool limb = b.side != BodySide::centre;
  return b.radius * kBodyHeight * (at_end && limb ? 0.85f : 1.0f);
}

Bone mirror(Bone bone) {
  switch (bone) {
    case B::thigh_l: return B::thigh_r;
    case B::shin_l: return B::shin_r;
    case B::foot_l: return B::foot_r;
    case B::upper_arm_l: return B::upper_arm_r;
    case B::forearm_l: return B::forearm_r;
    case B::hand_l: return B::hand_r;
    case B::thigh_r: return B::thigh_l;
    case B::shin_r: return B::shin_l;
    case B::foot_r: return B::foot_l;
    case B::upper_arm_r: return B::upper_arm_l;
    case B::forearm_r: return B::forearm_l;
    case B::hand_r: return B::hand_l;
    default: return bone;
  }
}

}  // namespace limber::animation
