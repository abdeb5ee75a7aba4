#include "animation/cues.h"

#include <array>
#include <utility>

#include "animation/figure.h"

namespace limber::animation {

namespace {

constexpr std::uint32_t bit(Bone b) { return 1u << index(b); }
constexpr std::uint32_t kPelvis = bit(Bone::pelvis), kLowerSpine = bit(Bone::lower_spine), kUpperSpine = bit(Bone::upper_spine);
constexpr std::uint32_t kThighs = bit(Bone::thigh_l) | bit(Bone::thigh_r);

constexpr std::array<std::pair<std::string_view, std::uint32_t>, 17> kAreas = {{
    {"lower back", kLowerSpine | kPelvis},
    {"buttocks", kPelvis},
    {"hips", kPelvis},
    {"sacroiliac joint", kPelvis},
    {"pelvic floor", kPelvis},
    {"hamstrings", kThighs},
    {"inner and outer thighs", kThighs},
    {"front of the thighs", kThighs},
    {"front of the hips", kPelvis | kThighs},
    {"hip flexors", kPelvis | kThighs},
    {"stomach muscles", kLowerSpine},
    {"deep stomach muscles", kLowerSpine | kPelvis},
    {"spine", kLowerSpine | kUpperSpine},
    {"whole spine", kLowerSpine | kUpperSpine | bit(Bone::neck)},
    {"upper back", kUpperSpine},
    {"sides of the back", kLowerSpine | kUpperSpine},
    {"whole body", 0},  // relaxation: nothing singled out
}};

// Less than this left to go, and the arrow would only flicker.
constexpr float kArrowFrom = 0.03f;
constexpr float kArrowGap = 0.07f, kArrowLength = 0.16f;

}  // namespace

std::optional<std::uint32_t> target_area_bones(std::string_view area) {
  for (const auto& [name, bones] : kAreas) {
    if (name == area) return bones;
  }
  return std::nullopt;
}

std::uint32_t target_bones(std::span<const std::string> areas) {
  std::uint32_t bones = 0;
  for (const std::string& a : areas) bones |= target_area_bones(a).value_or(0);
  return bones;
}

Vec3 lead_point(const CompiledClip& clip, const WorldPose& w) {
  if (clip.arrow) return locate(w, *clip.arrow).at;
  const auto k = static_cast<std::size_t>(index(clip.lead_bone));
  return clip.lead_at_end ? w.end[k] : w.start[k];
}

void add_tensing_arrow(const CompiledClip& clip, const WorldPose& now, FigureCue& cue) {
  if (!clip.tensing_arrow) return;
  // Just above the body at the point (the figure lies down), so it covers neither the part
  // nor the highlight over it.
  const PointAt p = locate(now, *clip.tensing_arrow);
  const Vec3 near = p.at + Vec3{0, p.radius + kArrowGap * 0.5f, 0}, far = near + Vec3{0, kArrowLength, 0};
  cue.moving = true;
  cue.from = clip.tensing_arrow_up ? near : far;
  cue.to = clip.tensing_arrow_up ? far : near;
}

FigureCue figure_cue(const CompiledClip& clip, const ClipTime& time, const WorldPose& now, std::uint32_t area) {
  FigureCue cue;
  const bool holding = time.track == ClipTime::Track::held;
  if (holding || (clip.tensing && time.track == ClipTime::Track::move)) cue.highlight = area;
  if (clip.tensing) {
    // Shown with the highlight: from the start of the tensing to the end of the hold.
    if (holding || time.track == ClipTime::Track::move) add_tensing_arrow(clip, now, cue);
    return cue;
  }
  if (time.track != ClipTime::Track::move && time.track != ClipTime::Track::release) return cue;
  WorldPose target;
  place(clip, time.track == ClipTime::Track::move ? clip.held : clip.start, time.right_side, target);
  const Vec3 at = lead_point(clip, now);
  const Vec3 to_go = lead_point(clip, target) - at;
  const float left = length(to_go);
  if (left < kArrowFrom) return cue;
  const Vec3 dir = to_go * (1.0f / left);
  cue.moving = true;
  cue.from = at + dir * kArrowGap;
  cue.to = cue.from + dir * kArrowLength;
  return cue;
}

}  // namespace limber::animation
