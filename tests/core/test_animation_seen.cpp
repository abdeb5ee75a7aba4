// What a person can see: the pixel relations (seen, apart) measured in the drawing at phone
// size, each way one can be wrong on its own; and the framing rule, that every shipped
// clip's figure fills its box and stays inside it on a phone and a desktop.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "animation/callout.h"
#include "animation/clip.h"
#include "animation/figure.h"
#include "animation/scene.h"
#include "animation_fixtures.h"
#include "problem_matchers.h"

using namespace limber::animation;

namespace {

// Lying on the back, knees bent together; the move lets the left knee fall out to the side.
std::string clip_with(const std::string& relations, const std::string& view = "side") {
  return R"({"schema":1,
 "postures":[{"id":"lying","surface":"floor","root":{"y":0.122,"pitch":90},
              "joints":{"thigh_l":{"flex":45},"shin_l":{"flex":100},"thigh_r":{"flex":45},"shin_r":{"flex":100}}}],
 "clips":[{"id":"fall","exercise":"knee_fall","posture":"lying","view":")" + view + R"(","props":[],"contacts":[],
           "move":[{"t":1,"joints":{"thigh_l":{"abd":40}}}],
           "relations":[)" + relations + "]}]}";
}

void expect(const std::string& relations, const std::string& problem) {
  const auto r = load_clips(clip_with(relations));
  CHECK_FALSE(r.library.has_value());
  limber::test::expect_problem(r.problems, problem);
}

Vec2 drawn(const CompiledClip& c, const LocalPose& local, Bone b) {
  WorldPose w;
  place(c, local, false, w);
  return to_pixels(frame_clip(c, kPhoneFigureWidth, kPhoneFigureHeight), w.start[static_cast<std::size_t>(index(b))]);
}

}  // namespace

TEST_CASE("seen: a point's travel is measured in pixels in the phone-size drawing") {
  const auto r = load_clips(clip_with(R"({"says":"the knee falls out","seen":"knee_l","min":1})", "three_quarter"));
  REQUIRE(r.library.has_value());
  const CompiledClip& c = r.library->clips[0];
  const Vec2 a = drawn(c, c.start, Bone::shin_l), b = drawn(c, c.held, Bone::shin_l);
  const Measurement m = measure(c, c.relations[0]);
  CHECK(m.holds);
  CHECK(m.phase == Phase::held);
  CHECK(m.measured == doctest::Approx(std::hypot(a.x - b.x, a.y - b.y)).epsilon(0.001));
  CHECK(m.measured > 5);
}

TEST_CASE("seen: a movement nobody can see at phone size is refused in pixels") {
  // From the side a knee falling towards the viewer barely moves in the drawing.
  const auto r = load_clips(clip_with(R"({"says":"the knee falls out","seen":"knee_l","min":40})"));
  REQUIRE_FALSE(r.library.has_value());
  REQUIRE(r.problems.size() == 1);
  const std::string text = limber::catalogue::format(r.problems[0]);
  CHECK(text.starts_with("clips.json: clips[fall].relations[0]: the knee falls out: at held, knee_l's travel in the drawing at phone size is "));
  CHECK(text.ends_with(" px, wanted at least 40 px"));
}

TEST_CASE("seen: a point that must stay still and moves in the drawing") {
  const auto r = load_clips(clip_with(R"({"says":"the left ankle stays still","seen":"ankle_l","max":0.5,"at":"always"})"));
  REQUIRE_FALSE(r.library.has_value());
  const std::string text = limber::catalogue::format(r.problems.at(0));
  CHECK(text.starts_with("clips.json: clips[fall].relations[0]: the left ankle stays still: at held, ankle_l's travel in the drawing at phone size is "));
  CHECK(text.ends_with(" px, wanted at most 0.5 px"));
}

TEST_CASE("apart: two knees drawn one over the other read as one and are refused") {
  // At the start both knees are bent alike: seen exactly from the side they would coincide;
  // the camera's slight height must part them, but not by 30 px.
  const auto r = load_clips(clip_with(R"({"says":"both knees show","apart":["knee_l","knee_r"],"min":30,"at":"start"})"));
  REQUIRE_FALSE(r.library.has_value());
  const std::string text = limber::catalogue::format(r.problems.at(0));
  CHECK(text.find("at start, knee_l to knee_r in the drawing at phone size is ") != std::string::npos);
  CHECK(text.ends_with(" px, wanted at least 30 px"));
  const auto ok = load_clips(clip_with(R"({"says":"both knees show","apart":["knee_l","knee_r"],"min":4,"at":"start"})"));
  CHECK_MESSAGE(ok.library.has_value(), limber::catalogue::format_report(ok.problems));
}

TEST_CASE("seen: no number of pixels") {
  expect(R"({"says":"x","seen":"knee_l"})", "clips.json: clips[fall].relations[0]: how many pixels (min or max)?");
}

TEST_CASE("seen: measured at the start") {
  expect(R"({"says":"x","seen":"knee_l","min":3,"at":"start"})",
         "clips.json: clips[fall].relations[0].at: a movement from the start cannot be measured at the start");
}

TEST_CASE("seen: an unknown point") {
  expect(R"({"says":"x","seen":"kneecap","min":3})", "clips.json: clips[fall].relations[0].seen: unknown point 'kneecap'");
}

TEST_CASE("apart: one point") {
  expect(R"({"says":"x","apart":["knee_l"],"min":3})", "clips.json: clips[fall].relations[0].apart: needs two points, got 1");
}

TEST_CASE("apart: no number of pixels") {
  expect(R"({"says":"x","apart":["knee_l","knee_r"]})", "clips.json: clips[fall].relations[0]: how many pixels (min or max)?");
}

TEST_CASE("apart and seen: two kinds in one relation") {
  expect(R"({"says":"x","apart":["knee_l","knee_r"],"seen":"knee_l","min":3})",
         "clips.json: clips[fall].relations[0]: a relation is exactly one of distance, on, under, offset, moves, seen, apart (this has 2)");
}

// ---- Callouts ---------------------------------------------------------------------------

namespace {

std::string with_callout(const std::string& callout, const std::string& relations) {
  std::string text = clip_with(relations);
  text.replace(text.find(R"("relations")"), 0, callout.empty() ? "" : R"("callout":)" + callout + ",");
  return text;
}

void expect_callout(const std::string& callout, const std::string& relations, const std::string& problem) {
  const auto r = load_clips(with_callout(callout, relations));
  CHECK_FALSE(r.library.has_value());
  limber::test::expect_problem(r.problems, problem);
}

}  // namespace

TEST_CASE("callout: a part drawn larger shows its travel that many times larger, in its own box") {
  const auto r = load_clips(with_callout(R"({"point":"knee_l","zoom":5})",
                                         R"({"says":"seen","seen":"knee_l","min":0.01},{"says":"in the callout","seen":"knee_l","in":"callout","min":0.01})"));
  REQUIRE_MESSAGE(r.library.has_value(), limber::catalogue::format_report(r.problems));
  const CompiledClip& c = r.library->clips[0];
  const float plain = measure(c, c.relations[0]).measured, zoomed = measure(c, c.relations[1]).measured;
  CHECK(plain > 1);
  // Exactly side-on in the box, so not quite 5 times what the slightly raised camera shows.
  CHECK(zoomed > 3 * plain);
  const Framing f = frame_clip(c, kPhoneFigureWidth, kPhoneFigureHeight);
  const auto box = callout_for(c, f, kPhoneFigureWidth, kPhoneFigureHeight);
  REQUIRE(box);
  CHECK(box->framing.scale == doctest::Approx(f.scale * 5));
  CHECK(box->at.x >= 0);
  CHECK(box->at.x + box->size.x <= kPhoneFigureWidth);
}

TEST_CASE("callout: an unknown point") {
  expect_callout(R"({"point":"kneecap"})", "", "clips.json: clips[fall].callout.point: unknown point 'kneecap'");
}

TEST_CASE("callout: a zoom outside 2 to 8") {
  expect_callout(R"({"point":"knee_l","zoom":12})", "", "clips.json: clips[fall].callout.zoom: must be from 2 to 8 times");
}

TEST_CASE("callout: measured in a callout the clip does not have") {
  expect_callout("", R"({"says":"x","seen":"knee_l","in":"callout","min":1})",
                 "clips.json: clips[fall].relations[0].in: the clip has no callout to measure in");
}

TEST_CASE("callout: measured in something that is not a callout") {
  expect_callout(R"({"point":"knee_l"})", R"({"says":"x","seen":"knee_l","in":"inset","min":1})",
                 "clips.json: clips[fall].relations[0].in: 'inset' is not callout");
}

TEST_CASE("callout: a distance in metres is not measured in a drawing") {
  expect_callout(R"({"point":"knee_l"})", R"({"says":"x","distance":["knee_l","hip_l"],"in":"callout","max":1})",
                 "clips.json: clips[fall].relations[0].in: only seen and apart are measured in a drawing");
}

// ---- Framing ---------------------------------------------------------------------------

namespace {

struct Box2 {
  float x0 = 1e9f, x1 = -1e9f, y0 = 1e9f, y1 = -1e9f;
  void add(Vec2 p, float r) { x0 = std::min(x0, p.x - r), x1 = std::max(x1, p.x + r), y0 = std::min(y0, p.y - r), y1 = std::max(y1, p.y + r); }
};

// The drawn body (not its props, not the cue's arrow) over the clip's whole movement, both
// sides, and the callout's box; `hidden`: parts of the body under the callout's box.
Box2 drawn_body(const CompiledClip& c, float width, float height, int& hidden) {
  const Framing f = frame_clip(c, width, height);
  const auto callout = callout_for(c, f, width, height);
  Box2 box;
  hidden = 0;
  if (callout) {
    box.add({callout->at.x, callout->at.y}, 0);
    box.add({callout->at.x + callout->size.x, callout->at.y + callout->size.y}, 0);
  }
  Scene scene;
  WorldPose w;
  LocalPose local;
  for (const Track* track : {&c.move, &c.release}) {
    for (int k = 0; k <= 8; ++k) {
      sample(*track, static_cast<float>(k) / 8, local);
      for (const bool right : {false, true}) {
        place(c, local, right, w);
        build_scene(c, w, f, scene);
        for (int i = 0; i < scene.count; ++i) {
          const Shape& s = scene.shapes[static_cast<std::size_t>(i)];
          if (s.chain == 0 || s.kind == ShapeKind::arrow) continue;
          const PixelBox part = shape_box(s);
          box.add({part.x0, part.y0}, 0);
          box.add({part.x1, part.y1}, 0);
          hidden += callout && part.x1 > callout->at.x && part.x0 < callout->at.x + callout->size.x &&
                    part.y1 > callout->at.y && part.y0 < callout->at.y + callout->size.y;
        }
      }
    }
  }
  return box;
}

}  // namespace

TEST_CASE("framing: every clip's figure (and callout) fills its box and stays inside it at 320, 390 and 1280 px") {
  // The figure's box on a 320 px and a 390 px phone (wide and, for an upright clip, tall) and
  // on a 1280 px desktop.
  struct Size { float w, h; };
  for (const Size size : {Size{290, 190}, Size{290, 290}, Size{350, 230}, Size{350, 420}, Size{1200, 520}}) {
    for (const CompiledClip& c : limber::test::shipped_clips().clips) {
      CAPTURE(c.id);
      CAPTURE(size.w);
      CAPTURE(size.h);
      int hidden = 0;
      const Box2 b = drawn_body(c, size.w, size.h, hidden);
      CHECK(hidden == 0);  // a callout's box covers nothing of the figure
      CHECK(b.x0 >= -0.5f);
      CHECK(b.y0 >= -0.5f);
      CHECK(b.x1 <= size.w + 0.5f);
      CHECK(b.y1 <= size.h + 0.5f);
      // At least three quarters of the box on the side that limits it: the rest is the margin
      // and, under a figure lying down, a band of what it lies on (deep enough on a bed to
      // read as a bed).
      const float fill = std::max((b.x1 - b.x0) / size.w, (b.y1 - b.y0) / size.h);
      CHECK(fill >= 0.75f);
    }
  }
}
