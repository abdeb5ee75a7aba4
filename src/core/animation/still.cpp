#include "animation/still.h"

#include <algorithm>

#include "animation/cues.h"
#include "animation/figure.h"

namespace limber::animation {

namespace {

// The shortest arrow worth drawing, and how far past the start position the start's arrow
// begins (so it does not sit on the limb it points from).
constexpr float kArrowMin = 0.12f, kArrowMax = 0.24f, kArrowGap = 0.06f, kStillTravel = 0.004f;  // a tilt of the pelvis still gets its direction

// The other position's body, as pale flat shapes just above the props: no outlines, no face,
// no highlight or arrow.
void add_ghost(const Scene& other, Scene& out, int props) {
  const int room = Scene::kCapacity - out.count;
  int ghosts = 0;
  for (int i = 0; i < other.count; ++i) {
    const Shape& s = other.shapes[static_cast<std::size_t>(i)];
    ghosts += s.chain != 0 && !s.overlay && s.paint != Paint::face;
  }
  if (ghosts > room) return;  // never half a ghost
  std::move_backward(out.shapes.begin() + props, out.shapes.begin() + out.count, out.shapes.begin() + out.count + ghosts);
  int at = props;
  for (int i = 0; i < other.count; ++i) {
    Shape s = other.shapes[static_cast<std::size_t>(i)];
    if (s.chain == 0 || s.overlay || s.paint == Paint::face) continue;
    s.chain = 0;
    s.paint = Paint::ghost;
    out.shapes[static_cast<std::size_t>(at++)] = s;
  }
  out.count += ghosts;
}

int prop_count(const Scene& s) {
  int n = 0;
  while (n < s.count && s.shapes[static_cast<std::size_t>(n)].chain == 0) ++n;
  return n;
}

}  // namespace

namespace {

struct Positions {
  std::size_t k = 0, other = 0;  // this still, and the one before it (after it, for the start)
  WorldPose now, before;
};

Positions positions(const CompiledClip& clip, const StillDesc& d) {
  Positions p;
  const std::size_t last = clip.stills.empty() ? 0 : clip.stills.size() - 1;
  p.k = std::min(d.still, last);
  p.other = p.k == 0 ? std::min<std::size_t>(1, last) : p.k - 1;
  LocalPose local;
  still_pose(clip, clip.stills[p.k], local);
  place(clip, local, d.right_side, p.now);
  still_pose(clip, clip.stills[p.other], local);
  place(clip, local, d.right_side, p.before);
  return p;
}

FigureCue cue_of(const CompiledClip& clip, const StillDesc& d, const Positions& p) {
  FigureCue cue;
  const std::size_t last = clip.stills.empty() ? 0 : clip.stills.size() - 1;
  // Only the held still shows the worked area: a tensing's start is the position before it
  // tenses, so its two stills differ by what is working (nothing else moves).
  if (p.k == last) cue.highlight = d.area;
  if (clip.tensing) {
    // Its own arrow only where it tenses, like the highlight (none on the start position).
    if (p.k == last && p.k != 0) add_tensing_arrow(clip, p.now, cue);
    return cue;
  }
  if (p.other == p.k) return cue;
  // With a middle still, each later still shows the way it came; an arrow on the start would
  // read as part of the start position (a pelvic tilt's first press drawn before it happens).
  if (p.k == 0 && clip.stills.size() > 2) return cue;
  // From where the leading part is to where it goes (the start), or from where it was to
  // where it is now (a later still).
  const Vec3 from = lead_point(clip, p.k == 0 ? p.now : p.before), to = lead_point(clip, p.k == 0 ? p.before : p.now);
  const float travel = length(to - from);
  if (travel <= kStillTravel) return cue;
  const Vec3 dir = (to - from) * (1.0f / travel);
  // Long enough to see, short enough not to cross the body: the start's from just past the
  // part, a later one's ending where the part is now.
  const float arrow = std::clamp(travel * 0.6f, kArrowMin, kArrowMax);
  cue.moving = true;
  cue.from = p.k == 0 ? from + dir * kArrowGap : to - dir * arrow;
  cue.to = cue.from + dir * arrow;
  return cue;
}

}  // namespace

StillFigure still_figure(const CompiledClip& clip, const StillDesc& d) {
  const Positions p = positions(clip, d);
  return {p.now, cue_of(clip, d, p)};
}

void still_scene(const CompiledClip& clip, const StillDesc& d, const Framing& f, Scene& out) {
  const Positions p = positions(clip, d);
  build_scene(clip, p.now, f, out, cue_of(clip, d, p));
  if (p.k != 0 && p.other != p.k) {
    Scene ghost;
    build_scene(clip, p.before, f, ghost);
    add_ghost(ghost, out, prop_count(out));
  }
}

}  // namespace limber::animation
