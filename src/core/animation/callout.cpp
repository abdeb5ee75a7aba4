#include "animation/callout.h"

#include <algorithm>
#include <cmath>

#include "animation/clip.h"

namespace limber::animation {

std::optional<Callout> callout_for(const CompiledClip& clip, const Framing& figure, float width, float height) {
  if (!clip.callout) return std::nullopt;
  Callout c;
  // In the room the framing leaves above the figure (scene.h: kCalloutRoom), on the side of
  // the head, clear of the knees and feet the eye follows.
  const float room = height * kCalloutRoom / (1 + kCalloutRoom) * 0.92f;
  c.size = {std::round(std::min(width * 0.42f, room * 1.6f)), std::round(room)};
  const Vec3 head = clip.rest[0].start[index(Bone::head)], pelvis = clip.rest[0].start[index(Bone::pelvis)];
  const bool head_left = to_pixels(figure, head).x < to_pixels(figure, pelvis).x;
  const float pad = std::round(std::min(width, height) * 0.03f);
  c.at = {head_left ? pad : width - c.size.x - pad, pad};
  const PointAt part = locate(clip.rest[0], *clip.callout);
  c.target = to_pixels(figure, part.at);
  c.ring = std::max(6.0f, part.radius * figure.scale * 1.6f);
  // Exactly side-on (the figure's camera is a little above): the line of the floor, the
  // body's underside and the gap between them, with nothing of the far side in front.
  c.framing.camera = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
  c.framing.scale = figure.scale * clip.callout_zoom;
  // The part's underside at the box's centre: the gap under it, and what it rests on.
  const Vec3 underside{part.at.x, part.at.y - part.radius, part.at.z};
  const Vec2 at_scale = to_pixels({c.framing.camera, c.framing.scale, {0, 0}}, underside);
  c.framing.offset = {c.size.x * 0.5f - at_scale.x, c.size.y * 0.5f - at_scale.y};
  return c;
}

void callout_scene(const CompiledClip& clip, const WorldPose& world, const Callout& box, const FigureCue& cue, Scene& out) {
  FigureCue scaled = cue;
  if (cue.moving) {
    // The same arrow at the same place in the body, its length kept to what fits the box.
    scaled.from = cue.to - (cue.to - cue.from) * (1.0f / std::max(clip.callout_zoom * 0.5f, 1.0f));
  }
  build_scene(clip, world, box.framing, out, scaled);
  // The arms lie beside the body (or a hand under it) and would hide the part: the callout
  // shows the body alone.
  const auto arm = [](const Shape& sh) { return sh.chain == kArmChainL || sh.chain == kArmChainR || sh.chain == kUnderBackChain; };
  out.count = static_cast<int>(std::remove_if(out.shapes.begin(), out.shapes.begin() + out.count, arm) - out.shapes.begin());
}

}  // namespace limber::animation
