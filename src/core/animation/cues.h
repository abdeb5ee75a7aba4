// animation/cues.h: what is drawn over the figure to help a person follow it.
//
// While the body moves, an arrow at the part that travels furthest (the clip's lead point,
// or the point the clip names as its arrow's) points where it is going; while it holds,
// the area the exercise works is gently highlighted. A tensing exercise (nothing moves: the
// deep stomach muscles) shows its area from the start of the tensing to the end of the
// hold, and no arrow of movement: only its own arrow, if the clip names one, for what moves
// too little to draw (the lower tummy drawn in, the chest rising on a breath).
//
// Usage:
//     const std::uint32_t area = limber::animation::target_bones(exercise.target_areas);
//     const FigureCue cue = limber::animation::figure_cue(clip, time, world, area);
//     build_scene(clip, world, framing, scene, cue);
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "animation/animator.h"
#include "animation/scene.h"

namespace limber::animation {

// The bones under a target area named in the catalogue ("lower back", "hamstrings"), as a
// bit per Bone; nullopt for a name it does not know (a test keeps the catalogue covered).
std::optional<std::uint32_t> target_area_bones(std::string_view area);
std::uint32_t target_bones(std::span<const std::string> areas);

// The arrow and highlight for the figure at `time`, placed as `now`.
FigureCue figure_cue(const CompiledClip& clip, const ClipTime& time, const WorldPose& now, std::uint32_t area);

// A tensing's arrow (clip.h: TensingArrowData) at its point in `now`, if the clip has one.
void add_tensing_arrow(const CompiledClip& clip, const WorldPose& now, FigureCue& cue);

// Where the lead point (or the clip's named arrow point) is in a placed pose.
Vec3 lead_point(const CompiledClip& clip, const WorldPose& world);

}  // namespace limber::animation
