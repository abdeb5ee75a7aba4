// What is drawn over the figure: the arrow of the movement, the highlight of the worked area,
// and a tensing shown by its area instead of a movement.
#include <doctest/doctest.h>

#include "animation/cues.h"
#include "animation/figure.h"
#include "animation_fixtures.h"

using namespace limber;
using namespace limber::animation;

namespace {

const CompiledClip& clip(const char* exercise) {
  const CompiledClip* c = test::shipped_clips().find_for_exercise(exercise);
  REQUIRE(c);
  return *c;
}

FigureCue cue_at(const CompiledClip& c, ClipTime::Track track, float t, bool right, std::uint32_t area) {
  ClipTime time;
  time.track = track;
  time.t = t;
  time.right_side = right;
  LocalPose local;
  local_pose(c, time, local);
  WorldPose world;
  place(c, local, right, world);
  return figure_cue(c, time, world, area);
}

int count_paint(const Scene& s, Paint p) {
  int n = 0;
  for (int i = 0; i < s.count; ++i) n += s.shapes[static_cast<std::size_t>(i)].paint == p ? 1 : 0;
  return n;
}

}  // namespace

TEST_CASE("cues: every target area the catalogue names covers some of the body, or is the whole body") {
  for (const catalogue::Exercise& e : test::shipped_catalogue().exercises) {
    for (const std::string& area : e.target_areas) {
      CAPTURE(e.id);
      CAPTURE(area);
      const auto bones = target_area_bones(area);
      REQUIRE(bones.has_value());
      CHECK((*bones != 0 || area == "whole body"));
    }
  }
  CHECK_FALSE(target_area_bones("elbows").has_value());
}

TEST_CASE("cues: while the knees roll, an arrow points the way they go, on each side") {
  const CompiledClip& c = clip("knee_rolls");
  const FigureCue left = cue_at(c, ClipTime::Track::move, 0.3f, false, 0);
  REQUIRE(left.moving);
  WorldPose held;
  place(c, c.held, false, held);
  WorldPose now;
  LocalPose local;
  sample(c.move, 0.3f, local);
  place(c, local, false, now);
  const Vec3 way = lead_point(c, held) - lead_point(c, now);
  CHECK(dot(left.to - left.from, way) > 0);          // towards the held position
  CHECK(left.to.z > left.from.z);                    // the knees roll to the left first
  const FigureCue right = cue_at(c, ClipTime::Track::move, 0.3f, true, 0);
  REQUIRE(right.moving);
  CHECK(right.to.z < right.from.z);                  // and to the right on the other side
  const FigureCue back = cue_at(c, ClipTime::Track::release, 0.3f, false, 0);
  REQUIRE(back.moving);
  CHECK(back.to.z < back.from.z);                    // back to the middle
}

TEST_CASE("cues: no arrow at the start, in the hold, or at the very end of a move") {
  const CompiledClip& c = clip("knee_rolls");
  CHECK_FALSE(cue_at(c, ClipTime::Track::start, 0, false, 0).moving);
  CHECK_FALSE(cue_at(c, ClipTime::Track::held, 0, false, 0).moving);
  CHECK_FALSE(cue_at(c, ClipTime::Track::move, 1.0f, false, 0).moving);
}

TEST_CASE("cues: the worked area is highlighted while holding, not while moving") {
  const CompiledClip& c = clip("single_knee_hug_in_bed");
  const std::uint32_t area = target_bones(test::shipped_catalogue().find_exercise(c.exercise)->target_areas);
  const std::uint32_t lower_back = (1u << index(Bone::lower_spine)) | (1u << index(Bone::pelvis));
  CHECK((area & lower_back) == lower_back);
  CHECK(cue_at(c, ClipTime::Track::held, 0, false, area).highlight == area);
  CHECK(cue_at(c, ClipTime::Track::move, 0.5f, false, area).highlight == 0);
  CHECK(cue_at(c, ClipTime::Track::start, 0, false, area).highlight == 0);
}

TEST_CASE("cues: a tensing never moves, shows only its own arrow, and shows its area as it tenses and holds") {
  const CompiledClip& c = clip("deep_abdominal_strengthening");
  REQUIRE(c.tensing);
  const std::uint32_t area = target_bones(test::shipped_catalogue().find_exercise(c.exercise)->target_areas);
  REQUIRE(area != 0);
  for (const float t : {0.2f, 0.5f, 0.9f}) {
    const FigureCue move = cue_at(c, ClipTime::Track::move, t, false, area);
    // Its own arrow (the lower tummy drawn in), never one of movement.
    REQUIRE(c.tensing_arrow);
    CHECK(move.moving);
    CHECK(move.to.y < move.from.y);
    CHECK(move.highlight == area);
  }
  CHECK(cue_at(c, ClipTime::Track::held, 0, false, area).highlight == area);
  CHECK_FALSE(cue_at(c, ClipTime::Track::release, 0.5f, false, area).moving);
}

TEST_CASE("cues: the scene draws the arrow last and the highlight over its part, within capacity") {
  const CompiledClip& c = clip("knee_rolls");
  const Framing f = frame_clip(c, 360, 240);
  const std::uint32_t everything = (1u << kBoneCount) - 1;
  FigureCue cue = cue_at(c, ClipTime::Track::move, 0.3f, false, 0);
  cue.highlight = everything;  // the most a scene can be asked to hold
  LocalPose local;
  sample(c.move, 0.3f, local);
  WorldPose w;
  place(c, local, false, w);
  Scene s;
  build_scene(c, w, f, s, cue);
  CHECK(s.count <= Scene::kCapacity);
  CHECK(count_paint(s, Paint::cue) == 1);
  CHECK(s.shapes[static_cast<std::size_t>(s.count - 1)].kind == ShapeKind::arrow);
  CHECK(count_paint(s, Paint::highlight) == kBoneCount - 1);  // every part but the head
  for (int i = 0; i < s.count; ++i) {
    const Shape& sh = s.shapes[static_cast<std::size_t>(i)];
    if (sh.paint == Paint::highlight) CHECK(sh.overlay);
  }
  Scene plain;
  build_scene(c, w, f, plain);
  CHECK(count_paint(plain, Paint::cue) == 0);
  CHECK(count_paint(plain, Paint::highlight) == 0);
}
