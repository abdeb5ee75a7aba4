// animation/still.h: a still picture of a clip, for paper and the app's still view.
//
// A still shows one of the clip's positions (clip.stills: the start, a named middle, the
// held one) so that a person can follow it without the animation: the position before it
// ghosted underneath, an arrow for the movement (on the start, the way it is about to go,
// unless a middle still follows; on a later still, the way it came), and the area the exercise works highlighted where
// the position is held. A tensing exercise (nothing moves) gets no arrow: its held still
// shows the area working, its start the body at rest.
//
// Usage:
//     animation::Scene scene;
//     animation::still_scene(clip, {.still = 1, .area = target_bones(exercise.target_areas)},
//                            animation::frame_clip(clip, width, height), scene);
#pragma once

#include <cstddef>
#include <cstdint>

#include "animation/scene.h"

namespace limber::animation {

struct StillDesc {
  std::size_t still = 0;     // index into clip.stills
  std::uint32_t area = 0;    // bit per Bone the exercise works (cues.h: target_bones)
  bool right_side = false;   // the mirror image
};

void still_scene(const CompiledClip& clip, const StillDesc& desc, const Framing& framing, Scene& out);

// The still's placed figure and its cue, for drawing it again larger in a callout (callout.h).
struct StillFigure {
  WorldPose world;
  FigureCue cue;
};
StillFigure still_figure(const CompiledClip& clip, const StillDesc& desc);

}  // namespace limber::animation
