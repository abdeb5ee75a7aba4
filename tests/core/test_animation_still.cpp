// Stills for paper and the still view (animation/still.h): the position before ghosted under
// the position, the arrow of the movement (at the point a clip names: its invalid cases), the
// worked area, hands under the back hidden by it; for every shipped clip and still.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "animation/cues.h"
#include "animation/figure.h"
#include "animation/still.h"
#include "animation_fixtures.h"
#include "problem_matchers.h"

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

TEST_CASE("still: a tensing exercise shows its area and only its own arrow, held, and its start is the body at rest") {
  const CompiledClip& c = clip("deep_abdominal_strengthening");
  REQUIRE(c.tensing);
  const Framing f = frame_clip(c, 400, 200);
  const std::uint32_t area = target_bones(std::vector<std::string>{"deep stomach muscles"});
  Scene held, start;
  still_scene(c, {.still = 1, .area = area}, f, held);
  still_scene(c, {.still = 0, .area = area}, f, start);
  // Only the clip's tensing arrow (the lower tummy drawn in), on the held still alone.
  CHECK(arrows(held) == (c.tensing_arrow ? 1 : 0));
  CHECK(count(held, Paint::highlight) >= 1);
  // Otherwise the two stills are the same picture (the blind tester could not tell them apart).
  CHECK(arrows(start) == 0);
  CHECK(count(start, Paint::highlight) == 0);
}

TEST_CASE("still: a two-phase movement's start has no arrow, and each later still shows the way it came") {
  for (const char* id : {"pelvic_tilt", "cat_cow"}) {
    CAPTURE(id);
    const CompiledClip& c = clip(id);
    REQUIRE(c.stills.size() == 3);
    const Framing f = frame_clip(c, 400, 200);
    for (std::size_t k = 0; k < c.stills.size(); ++k) {
      Scene s;
      still_scene(c, {.still = k}, f, s);
      CHECK(arrows(s) == (k == 0 ? 0 : 1));
    }
  }
}

TEST_CASE("still: a clip that names its arrow's point has its arrow there, not at the part that travels furthest") {
  static const ClipLoadResult before = load_clips(limber::test::read_file(LIMBER_FIXTURES_DIR "/clips_before_blind_check.json"));
  REQUIRE(before.library);
  // clip, the point its text moves; before, the arrow sat at a foot swept up, the head, a hand.
  for (const auto& [id, point] : {std::pair{"knee_to_chest_stretch", Point::knee_l}, std::pair{"back_extensions", Point::chest},
                                  std::pair{"sacroiliac_knee_rock", Point::knee_l}, std::pair{"figure_four_stretch", Point::knee_r}}) {
    CAPTURE(id);
    for (const CompiledClip* c : {&clip(id), before.library->find(id)}) {
      REQUIRE(c);
      const bool now = c == &clip(id);
      CHECK(c->arrow.has_value() == now);
      const Framing f = frame_clip(*c, 400, 200);
      Scene held;
      still_scene(*c, {.still = c->stills.size() - 1}, f, held);
      const Shape* arrow = std::find_if(held.shapes.begin(), held.shapes.begin() + held.count, [](const Shape& s) { return s.kind == ShapeKind::arrow; });
      REQUIRE(arrow != held.shapes.begin() + held.count);
      // The held still's arrow ends where the point now is.
      const Vec2 at = to_pixels(f, locate(c->held_world, point).at);
      const float off = std::hypot(arrow->p[1].x - at.x, arrow->p[1].y - at.y);
      if (now) CHECK(off < 1.0f);
      else CHECK(off > 10.0f);
    }
  }
}

TEST_CASE("still: hands slid under the small of the back are drawn behind the body, not on the belly") {
  const CompiledClip& c = clip("dead_bug_level_one");
  CHECK(under_back(c.rest[0], Bone::hand_l));
  CHECK(under_back(c.rest[0], Bone::hand_r));
  // Hands resting on the floor beside the body are not under it.
  CHECK_FALSE(under_back(clip("single_leg_hug").rest[0], Bone::hand_l));
  Scene s;
  still_scene(c, {.still = 0}, frame_clip(c, 400, 200), s);
  int last_under = -1, first_trunk = s.count;
  for (int i = 0; i < s.count; ++i) {
    const std::uint8_t chain = s.shapes[static_cast<std::size_t>(i)].chain;
    if (chain == kUnderBackChain) last_under = i;
    if (chain == 1) first_trunk = std::min(first_trunk, i);  // scene.cpp: the trunk's chain
  }
  CHECK(last_under >= 0);
  CHECK(last_under < first_trunk);
}

namespace {

// Lying with knees bent; the move brings the left knee towards the chest.
std::string arrow_clip(const std::string& arrow, const std::string& extra = "", const std::string& move = R"({"t":1,"joints":{"thigh_l":{"flex":100}}})") {
  return R"({"schema":1,
 "postures":[{"id":"lying","surface":"floor","root":{"y":0.122,"pitch":90},
              "joints":{"thigh_l":{"flex":45},"shin_l":{"flex":100},"thigh_r":{"flex":45},"shin_r":{"flex":100}}}],
 "clips":[{"id":"lift","exercise":"knee_lift","posture":"lying","view":"side","props":[],"contacts":[],)" + extra +
         R"("arrow":")" + arrow + R"(","move":[)" + move + R"(],"relations":[]}]})";
}

void expect_arrow_problem(const std::string& text, const std::string& problem) {
  const auto r = load_clips(text);
  CHECK_FALSE(r.library.has_value());
  limber::test::expect_problem(r.problems, problem);
}

}  // namespace

TEST_CASE("arrow: a named point is read, and the cue's lead point is that point") {
  const auto r = load_clips(arrow_clip("knee_l"));
  REQUIRE_MESSAGE(r.library.has_value(), limber::catalogue::format_report(r.problems));
  const CompiledClip& c = r.library->clips[0];
  REQUIRE(c.arrow);
  CHECK(*c.arrow == Point::knee_l);
  const Vec3 lead = lead_point(c, c.held_world), knee = locate(c.held_world, Point::knee_l).at;
  CHECK(length(lead - knee) < 1e-6f);
}

TEST_CASE("arrow: an unknown point") {
  expect_arrow_problem(arrow_clip("kneecap"), "clips.json: clips[lift].arrow: unknown point 'kneecap'");
}

TEST_CASE("arrow: a tensing shows no arrow, so it names none") {
  expect_arrow_problem(arrow_clip("knee_l", R"("tensing":true,)", R"({"t":1})"), "clips.json: clips[lift].arrow: a tensing shows no arrow");
}

TEST_CASE("arrow: a point that stays put has no way to point") {
  expect_arrow_problem(arrow_clip("head"), "clips.json: clips[lift].arrow: 'head' travels 0 m from start to held: at least 0.02 m to point the way");
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
      CHECK((count(s, Paint::highlight) > 0) == (k + 1 == c.stills.size()));
    }
  }
}

namespace {

// Lying with knees bent, nothing moving: a tensing, with the tensing arrow given in `arrow`.
std::string tensing_clip(const std::string& arrow, const std::string& tensing = R"("tensing":true,)",
                         const std::string& move = R"({"t":1})") {
  return R"({"schema":1,
 "postures":[{"id":"lying","surface":"floor","root":{"y":0.122,"pitch":90},
              "joints":{"thigh_l":{"flex":45},"shin_l":{"flex":100},"thigh_r":{"flex":45},"shin_r":{"flex":100}}}],
 "clips":[{"id":"hold","exercise":"core_hold","posture":"lying","view":"side","props":[],"contacts":[],)" + tensing +
         R"("tensing_arrow":)" + arrow + R"(,"move":[)" + move + R"(],"relations":[]}]})";
}

}  // namespace

TEST_CASE("tensing arrow: the held still points down into the body at its point, the start has none") {
  const auto r = load_clips(tensing_clip(R"({"point":"lower_back","way":"down"})"));
  REQUIRE_MESSAGE(r.library.has_value(), limber::catalogue::format_report(r.problems));
  const CompiledClip& c = r.library->clips[0];
  REQUIRE(c.tensing_arrow);
  CHECK(*c.tensing_arrow == Point::lower_back);
  CHECK_FALSE(c.tensing_arrow_up);
  CHECK_FALSE(still_figure(c, {.still = 0}).cue.moving);
  const StillFigure held = still_figure(c, {.still = 1});
  REQUIRE(held.cue.moving);
  const PointAt belly = locate(held.world, Point::lower_back);
  CHECK(held.cue.to.y < held.cue.from.y);                  // pointing down
  CHECK(held.cue.to.y > belly.at.y + belly.radius);        // ending above the body, not in it
  CHECK(std::fabs(held.cue.to.x - belly.at.x) < 1e-5f);    // over the point
}

TEST_CASE("tensing arrow: up points away from the body, as the chest rises on a breath in") {
  const auto r = load_clips(tensing_clip(R"({"point":"chest","way":"up"})"));
  REQUIRE_MESSAGE(r.library.has_value(), limber::catalogue::format_report(r.problems));
  const StillFigure held = still_figure(r.library->clips[0], {.still = 1});
  REQUIRE(held.cue.moving);
  CHECK(held.cue.to.y > held.cue.from.y);
}

TEST_CASE("tensing arrow: the live figure shows it while tensing and holding, not at rest") {
  const auto r = load_clips(tensing_clip(R"({"point":"lower_back","way":"down"})"));
  REQUIRE(r.library.has_value());
  const CompiledClip& c = r.library->clips[0];
  ClipTime t;
  t.track = ClipTime::Track::held;
  CHECK(figure_cue(c, t, c.held_world, 0).moving);
  t.track = ClipTime::Track::start;
  CHECK_FALSE(figure_cue(c, t, c.held_world, 0).moving);
}

TEST_CASE("tensing arrow: an unknown point") {
  expect_arrow_problem(tensing_clip(R"({"point":"navel","way":"down"})"),
                       "clips.json: clips[hold].tensing_arrow.point: unknown point 'navel'");
}

TEST_CASE("tensing arrow: a way that is neither down nor up") {
  expect_arrow_problem(tensing_clip(R"({"point":"lower_back","way":"inwards"})"),
                       "clips.json: clips[hold].tensing_arrow.way: 'inwards' is not down or up");
}

TEST_CASE("tensing arrow: a movement shows its own arrow, so it has none") {
  expect_arrow_problem(tensing_clip(R"({"point":"knee_l","way":"up"})", "", R"({"t":1,"joints":{"thigh_l":{"flex":100}}})"),
                       "clips.json: clips[hold].tensing_arrow: only a tensing has one: a movement shows its own arrow");
}
