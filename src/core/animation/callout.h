// animation/callout.h: a part of the figure drawn larger, in a box of its own.
//
// Some movements are real but tiny at phone size: a pelvic tilt moves the lower back by a
// centimetre or two, a few pixels. Rather than exaggerate a joint beyond what a body does,
// the clip names the part (clips.json: "callout": {"point": "lower_back", "zoom": 4}) and
// every drawing of it adds a box in its upper corner with that part `zoom` times larger, as
// it is at that moment, and a ring where the part is in the figure. The relations can
// measure in the box ("seen" with "in": "callout"), so the movement it shows is checked too.
//
// Usage:
//     if (const auto box = limber::animation::callout_for(clip, framing, width, height)) {
//       Scene zoomed;
//       callout_scene(clip, world, *box, cue, zoomed);   // in the box's own pixels
//     }
#pragma once

#include <optional>

#include "animation/scene.h"

namespace limber::animation {

struct Callout {
  Vec2 at, size;       // the box, in the figure's pixels
  Vec2 target;         // the part in the figure (at its start position), for the ring
  float ring = 0;      // the ring's radius there, pixels
  Framing framing;     // world to the box's own pixels (0, 0 at its corner)
};

// None when the clip has no callout. The same for every moment of the clip, as the figure's
// framing is.
std::optional<Callout> callout_for(const CompiledClip& clip, const Framing& figure, float width, float height);

// The figure at `world` as the box shows it, with the cue's arrow scaled to the box.
void callout_scene(const CompiledClip& clip, const WorldPose& world, const Callout& box, const FigureCue& cue, Scene& out);

}  // namespace limber::animation
