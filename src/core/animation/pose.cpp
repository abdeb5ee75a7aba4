#include "animation/pose.h"

namespace limber::animation {

Mat3 joint_rotation(Bone bone, const JointAngles& a) {
  const BoneInfo& b = info(bone);
  // Signs turn anatomical angles into rotations about the standing body's axes.
  float flex_sign = 1;
  switch (bone) {
    case Bone::shin_l: case Bone::shin_r:  // the knee bends the shin backwards
    case Bone::foot_l: case Bone::foot_r:  // plantarflexion tips the toes down
    case Bone::lower_spine: case Bone::upper_spine: case Bone::neck: case Bone::head:
      flex_sign = -1;
      break;
    default: break;
  }
  const float side = b.side == BodySide::right ? 1.0f : -1.0f;
  const bool centre = b.side == BodySide::centre;
  const float abd = centre ? a.abd : a.abd * side;
  const float twist = centre ? -a.twist : a.twist * side;
  return rot_z(deg(a.flex * flex_sign)) * rot_x(deg(abd)) * rot_y(deg(twist));
}

Mat3 root_rotation(const LocalPose& p) {
  return rot_y(deg(p.root_yaw)) * rot_z(deg(p.root_pitch)) * rot_x(deg(p.root_roll));
}

void compute_world(const LocalPose& pose, WorldPose& out) {
  const auto& bones = skeleton();
  for (int i = 0; i < kBoneCount; ++i) {
    const BoneInfo& b = bones[static_cast<std::size_t>(i)];
    const Bone bone = static_cast<Bone>(i);
    const Mat3 local = joint_rotation(bone, pose.joints[static_cast<std::size_t>(i)]);
    if (bone == Bone::pelvis) {
      out.rotation[0] = root_rotation(pose) * local;
      out.start[0] = pose.root;
    } else {
      const auto p = static_cast<std::size_t>(b.parent);
      out.rotation[static_cast<std::size_t>(i)] = out.rotation[p] * local;
      out.start[static_cast<std::size_t>(i)] = out.start[p] + out.rotation[p] * (b.offset * kBodyHeight);
    }
    out.end[static_cast<std::size_t>(i)] =
        out.start[static_cast<std::size_t>(i)] + out.rotation[static_cast<std::size_t>(i)] * (b.direction * (b.length * kBodyHeight));
  }
  out.body_up = out.rotation[0] * Vec3{0, 1, 0};
}

LocalPose mirrored(const LocalPose& pose) {
  LocalPose m = pose;
  m.root.z = -pose.root.z;
  m.root_roll = -pose.root_roll;
  m.root_yaw = -pose.root_yaw;
  for (int i = 0; i < kBoneCount; ++i) {
    const Bone b = static_cast<Bone>(i);
    JointAngles a = pose.joints[static_cast<std::size_t>(index(mirror(b)))];
    if (info(b).side == BodySide::centre) {
      a.abd = -a.abd;
      a.twist = -a.twist;
    }
    m.joints[static_cast<std::size_t>(i)] = a;
  }
  return m;
}

}  // namespace limber::animation
