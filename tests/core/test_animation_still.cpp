// Stills for paper and the still view (animation/still.h): the position before ghosted under
// the position, the arrow of the movement, the worked area; for every shipped clip and still.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "animation/cues.h"
#include "animation/figure.h"
#include "animation/still.h"
#include "animation_fixtures.h"

using namespace limber::animation;

namespace {

int count(const Scene& s, Paint p) {
  return static_cast<int>(std::count_if(s.shapes.begin(), s.shapes.begin() + s.count, [&](const Shape& x) { return x.paint == p; }));
}
int arrows(const Scene& s) {
  return static_cast<int>(std::count_if(s.shapes.begin(), s.shapes.begin() + s.count, [](const Shape& x) { return x.kind == ShapeKind::arrow; }));
}
const CompiledClip& clip(const char* id) {
  const CompiledClip* c = limber::test::shipped_clips().find(id);
  REQUIRE(c);
  return *c;
}

}  // namespace

TEST_CASE("still: the held position has the start ghosted under it and an arrow ending where the part now is") {
  const CompiledClip& c = clip("single_leg_hug");
  REQUIRE(c.stills.size() == 2);
  const Framing f = frame_clip(c, 400, 200);
  Scene held;
  still_scene(c, {.still = 1}, f, held);
  Scene plain;
  build_scene(c, c.held_world, f, plain);
  CHECK(count(held, Paint::ghost) >= 15);  // the whole start figure
  CHECK(arrows(held) == 1);
  // The ghost lies under the body: after the props, before the first part of the figure.
  int first_body = held.count, last_ghost = -1;
  for (int i = 0; i < held.count; ++i) {
    const Shape& s = held.shapes[static_cast<std::size_t>(i)];
    if (s.paint == Paint::ghost) {
      last_ghost = i;
      CHECK(s.chain == 0);
    } else if (s.chain != 0) {
      first_body = std::min(first_body, i);
    }
  }
  CHECK(last_ghost < first_body);
  // The figure itself is the held position, as without the still's additions.
  CHECK(held.count - count(held, Paint::ghost) - arrows(held) == plain.count);
  const Shape* arrow = std::find_if(held.shapes.begin(), held.shapes.begin() + held.count, [](const Shape& s) { return s.kind == ShapeKind::arrow; });
  const Vec2 lead = to_pixels(f, lead_point(c, c.held_world));
  CHECK(std::hypot(arrow->p[1].x - lead.x, arrow->p[1].y - lead.y) < 0.5f);
}

TEST_CASE("still: the start shows where the movement goes, with nothing ghosted") {
  const CompiledClip& c = clip("single_leg_hug");
  const Framing f = frame_clip(c, 400, 200);
  Scene start;
  still_scene(c, {.still = 0}, f, start);
  CHECK(count(start, Paint::ghost) == 0);
  REQUIRE(arrows(start) == 1);
  const Shape* arrow = std::find_if(start.shapes.begin(), start.shapes.begin() + start.count, [](const Shape& s) { return s.kind == ShapeKind::arrow; });
  // Pointing from the part's start towards where it is held.
  const Vec2 from = to_pixels(f, lead_point(c, c.rest[0])), to = to_pixels(f, lead_point(c, c.held_world));
  const float along = (arrow->p[1].x - arrow->p[0].x) * (to.x - from.x) + (arrow->p[1].y - arrow->p[0].y) * (to.y - from.y);
  CHECK(along > 0);
}

TEST_CASE("still: a tensing exercise shows its area and no arrow") {
  const CompiledClip& c = clip("deep_abdominal_strengthening");
  REQUIRE(c.tensing);
  const Framing f = frame_clip(c, 400, 200);
  Scene s;
  still_scene(c, {.still = 1, .area = target_bones(std::vector<std::string>{"deep stomach muscles"})}, f, s);
  CHECK(arrows(s) == 0);
  CHECK(count(s, Paint::highlight) >= 1);
}

TEST_CASE("still: every shipped still fits the scene whole: the ghost is never dropped, the held one highlighted") {
  for (const CompiledClip& c : limber::test::shipped_clips().clips) {
    const Framing f = frame_clip(c, 400, 200);
    for (std::size_t k = 0; k < c.stills.size(); ++k) {
      CAPTURE(c.id);
      CAPTURE(k);
      Scene s;
      still_scene(c, {.still = k, .area = ~0u}, f, s);
      CHECK(s.count < Scene::kCapacity);
      CHECK((k == 0) == (count(s, Paint::ghost) == 0));
      CHECK((count(s, Paint::highlight) > 0) == (c.tensing || k + 1 == c.stills.size()));
    }
  }
}
