// Relations between a clip and its exercise's text: each way one can be wrong, one case each,
// and that breaking a shipped clip is caught with the relation, the measured and the wanted value.
#include <doctest/doctest.h>

#include <string>

#include "animation/clip.h"
#include "animation/figure.h"
#include "animation_fixtures.h"
#include "problem_matchers.h"

using namespace limber::animation;

namespace {

// Lying on the back, the left knee bent; the move lifts the thigh towards the chest.
std::string with_relations(const std::string& relations) {
  return R"({"schema":1,
 "postures":[{"id":"lying","surface":"floor","root":{"y":0.12,"pitch":90},"joints":{"thigh_l":{"flex":45},"shin_l":{"flex":100}}}],
 "clips":[{"id":"lift","exercise":"leg_lift","posture":"lying","view":"side","props":[],"contacts":[],
           "move":[{"t":0.5,"joints":{"thigh_l":{"flex":60}}},{"t":1,"joints":{"thigh_l":{"flex":80}}}],
           "relations":[)" + relations + "]}]}";
}

// The one problem loading these relations gives, and the number it reports as measured.
struct Reported {
  std::string text;
  float measured = 0;
};
Reported reported(const std::string& relations) {
  const auto r = load_clips(with_relations(relations));
  CHECK_FALSE(r.library.has_value());
  REQUIRE(r.problems.size() == 1);
  Reported out{limber::catalogue::format(r.problems[0]), 0};
  const std::size_t is = out.text.rfind(" is ");
  REQUIRE(is != std::string::npos);
  out.measured = std::stof(out.text.substr(is + 4));
  return out;
}

// The clip without relations, placed at a phase: to work out what should be measured.
WorldPose placed(bool held, float move_t = -1) {
  const auto r = load_clips(with_relations(""));
  REQUIRE(r.library.has_value());
  const CompiledClip& c = r.library->clips[0];
  LocalPose local = held ? c.held : c.start;
  if (move_t >= 0) sample(c.move, move_t, local);
  WorldPose w;
  place(c, local, false, w);
  return w;
}

Vec3 at(const WorldPose& w, Bone b, bool end = false) {
  return end ? w.end[static_cast<std::size_t>(index(b))] : w.start[static_cast<std::size_t>(index(b))];
}

void expect(const std::string& relations, const std::string& problem) {
  const auto r = load_clips(with_relations(relations));
  CHECK_FALSE(r.library.has_value());
  limber::test::expect_problem(r.problems, problem);
}

const CompiledClip& loaded(const std::string& relations) {
  static ClipLoadResult r;
  r = load_clips(with_relations(relations));
  if (!r.library) FAIL(limber::catalogue::format_report(r.problems));
  return r.library->clips[0];
}

}  // namespace

TEST_CASE("relations: one of each kind that holds loads, compiled as written") {
  const CompiledClip& c = loaded(
      R"({"says":"the back lies flat","on":"surface","point":"pelvis"},)"
      R"({"says":"the knee comes up","moves":"knee_l","axis":"y","min":0.1},)"
      R"({"says":"the knee stays over the hip side","distance":["knee_l","hip_l"],"max":0.45},)"
      R"({"says":"the ankle stays below the knee","offset":["knee_l","ankle_l"],"axis":"y","min":0.0,"at":"held"},)"
      R"({"says":"halfway, the knee is on its way","moves":"knee_l","axis":"y","min":0.03,"at":"move","t":0.5},)"
      R"({"says":"the pelvis lies below the raised knee","under":["pelvis","knee_l"],"max":0.5})");
  REQUIRE(c.relations.size() == 6);
  CHECK(c.relations[0].kind == RelationKind::on_surface);
  CHECK(c.relations[0].phase == Phase::always);
  CHECK(c.relations[1].kind == RelationKind::moves);
  CHECK(c.relations[1].phase == Phase::held);
  CHECK(c.relations[2].max == doctest::Approx(0.45f));
  CHECK(c.relations[3].kind == RelationKind::offset);
  CHECK(c.relations[4].phase == Phase::move_at);
  CHECK(c.relations[4].t == doctest::Approx(0.5f));
  for (const Relation& r : c.relations) CHECK(measure(c, r).holds);
}

TEST_CASE("relations: a distance that does not hold names clip, relation, phase, measured and wanted") {
  const Reported r = reported(R"({"says":"the knee touches the chest","distance":["knee_l","chest"],"max":0.1,"at":"held"})");
  CHECK(r.text.starts_with("clips.json: clips[lift].relations[0]: the knee touches the chest: at held, knee_l to chest is "));
  CHECK(r.text.ends_with(" m, wanted at most 0.1 m"));
  const WorldPose w = placed(true);
  CHECK(r.measured == doctest::Approx(distance(at(w, Bone::shin_l), lerp(at(w, Bone::upper_spine), at(w, Bone::upper_spine, true), 0.5f))).epsilon(0.002));
}

TEST_CASE("relations: a point that does not rest on the surface is caught at its worst moment") {
  const Reported r = reported(R"({"says":"the left foot stays down","on":"surface","point":"ankle_l"})");
  CHECK(r.text.starts_with("clips.json: clips[lift].relations[0]: the left foot stays down: at held, ankle_l above the surface is "));
  CHECK(r.text.ends_with(" m, wanted between -0.017 m and 0.03 m"));
  // The drawn ankle: the thicker of the shin's end and the foot's start.
  const float radius = std::max(bone_radius(Bone::shin_l, true), bone_radius(Bone::foot_l, false));
  CHECK(r.measured == doctest::Approx(at(placed(true), Bone::foot_l).y - radius).epsilon(0.002));
}

TEST_CASE("relations: a movement the wrong way round") {
  const Reported r = reported(R"({"says":"the knee goes down","moves":"knee_l","axis":"-y","min":0.05})");
  CHECK(r.text.starts_with("clips.json: clips[lift].relations[0]: the knee goes down: at held, knee_l's travel along -y is -"));
  CHECK(r.measured == doctest::Approx(at(placed(false), Bone::shin_l).y - at(placed(true), Bone::shin_l).y).epsilon(0.002));
}

TEST_CASE("relations: a moment along the move is measured there") {
  const Reported r = reported(R"({"says":"halfway the knee is already up","moves":"knee_l","axis":"y","min":0.1,"at":"move","t":0.5})");
  CHECK(r.text.starts_with("clips.json: clips[lift].relations[0]: halfway the knee is already up: at move t=0.5, knee_l's travel along y is "));
  CHECK(r.measured == doctest::Approx(at(placed(false, 0.5f), Bone::shin_l).y - at(placed(false), Bone::shin_l).y).epsilon(0.002));
  CHECK(r.measured > 0);
}

TEST_CASE("relations: a hand not under the back") {
  const Reported r = reported(R"({"says":"the hand lies under the small of the back","under":["wrist_l","lower_back"],"max":0.1})");
  CHECK(r.text.starts_with("clips.json: clips[lift].relations[0]: the hand lies under the small of the back: at start, wrist_l from below lower_back is "));
  const WorldPose w = placed(false);
  const Vec3 wrist = at(w, Bone::hand_l), back = lerp(at(w, Bone::lower_spine), at(w, Bone::lower_spine, true), 0.5f);
  const float above = std::max(0.0f, wrist.y - (back.y - bone_radius(Bone::lower_spine, false)));
  CHECK(r.measured == doctest::Approx(std::sqrt((wrist.x - back.x) * (wrist.x - back.x) + (wrist.z - back.z) * (wrist.z - back.z) + above * above)).epsilon(0.002));
}

TEST_CASE("relations: an unknown point") {
  expect(R"({"says":"x","distance":["knee_l","elbow_x"],"max":0.1})",
         "clips.json: clips[lift].relations[0].distance[1]: unknown point 'elbow_x'");
}

TEST_CASE("relations: a distance between one point") {
  expect(R"({"says":"x","distance":["knee_l"],"max":0.1})", "clips.json: clips[lift].relations[0].distance: needs two points, got 1");
}

TEST_CASE("relations: two kinds in one relation") {
  expect(R"({"says":"x","distance":["knee_l","hip_l"],"moves":"knee_l","axis":"y","max":0.1})",
         "clips.json: clips[lift].relations[0]: a relation is exactly one of distance, on, under, offset, moves, seen, apart (this has 2)");
}

TEST_CASE("relations: no kind at all") {
  expect(R"({"says":"x","max":0.1})",
         "clips.json: clips[lift].relations[0]: a relation is exactly one of distance, on, under, offset, moves, seen, apart (this has 0)");
}

TEST_CASE("relations: nothing said in words") {
  expect(R"({"says":"","on":"surface","point":"pelvis"})", "clips.json:5:33: clips[lift].relations[0].says: empty text");
}

TEST_CASE("relations: a distance with no bound") {
  expect(R"({"says":"x","distance":["knee_l","hip_l"]})", "clips.json: clips[lift].relations[0]: a distance needs min or max (metres)");
}

TEST_CASE("relations: min above max") {
  expect(R"({"says":"x","distance":["knee_l","hip_l"],"min":0.5,"max":0.1})", "clips.json: clips[lift].relations[0]: min is above max");
}

TEST_CASE("relations: resting on something unknown") {
  expect(R"({"says":"x","on":"sofa","point":"pelvis"})", "clips.json: clips[lift].relations[0].on: 'sofa' is not one of surface, floor, pillow");
}

TEST_CASE("relations: resting with no point") {
  expect(R"({"says":"x","on":"surface"})", "clips.json: clips[lift].relations[0].point: which point rests there?");
}

TEST_CASE("relations: a movement along no axis") {
  expect(R"({"says":"x","moves":"knee_l","axis":"up","min":0.1})",
         "clips.json: clips[lift].relations[0].axis: 'up' is not one of x, -x, y, -y, z, -z");
}

TEST_CASE("relations: a movement with no distance") {
  expect(R"({"says":"x","moves":"knee_l","axis":"y"})", "clips.json: clips[lift].relations[0]: how far (min or max, metres)?");
}

TEST_CASE("relations: a movement measured at the start") {
  expect(R"({"says":"x","moves":"knee_l","axis":"y","min":0.1,"at":"start"})",
         "clips.json: clips[lift].relations[0].at: a movement from the start cannot be measured at the start");
}

TEST_CASE("relations: an unknown phase") {
  expect(R"({"says":"x","on":"surface","point":"pelvis","at":"later"})",
         "clips.json: clips[lift].relations[0].at: 'later' is not one of start, held, moving, always, move, release");
}

TEST_CASE("relations: a moment without its time, and a time without its moment") {
  expect(R"({"says":"x","on":"surface","point":"pelvis","at":"move"})",
         "clips.json: clips[lift].relations[0].t: a moment (t from 0 to 1) goes with at move or release, and only there");
  expect(R"({"says":"x","on":"surface","point":"pelvis","t":0.5})",
         "clips.json: clips[lift].relations[0].t: a moment (t from 0 to 1) goes with at move or release, and only there");
}

TEST_CASE("relations: a moment outside the track") {
  expect(R"({"says":"x","on":"surface","point":"pelvis","at":"release","t":1.5})", "clips.json: clips[lift].relations[0].t: must be from 0 to 1");
}

TEST_CASE("passive range: a deep knee bend is refused unless the clip holds the knee passively") {
  std::string text = with_relations("");
  const std::string deep = R"({"t":1,"joints":{"thigh_l":{"flex":80},"shin_l":{"flex":150}}})";
  text.replace(text.find(R"({"t":1,"joints":{"thigh_l":{"flex":80}}})"), 40, deep);
  auto r = load_clips(text);
  CHECK_FALSE(r.library.has_value());
  limber::test::expect_problem(r.problems, "clips.json: clips[lift].move[1].joints.shin_l.flex: 150 is outside the normal range -5 to 140 for shin_l");
  text.replace(text.find(R"("relations")"), 0, R"("passive":["shin_l"],)");
  r = load_clips(text);
  CHECK(r.library.has_value());
  CHECK(r.library->clips[0].flex_range(Bone::shin_l).max == doctest::Approx(160));
  CHECK(r.library->clips[0].flex_range(Bone::shin_r).max == doctest::Approx(140));
}

TEST_CASE("passive range: an unknown bone") {
  std::string text = with_relations("");
  text.replace(text.find(R"("relations")"), 0, R"("passive":["kneecap"],)");
  const auto r = load_clips(text);
  CHECK_FALSE(r.library.has_value());
  limber::test::expect_problem(r.problems, "clips.json: clips[lift].passive[0]: unknown bone 'kneecap'");
}

TEST_CASE("relations: breaking one key of a shipped clip is caught by the relation it breaks") {
  std::string text = limber::test::read_asset("animation/clips.json");
  // Figure four's held position: uncross the ankle (the crossed thigh back to where it started).
  const std::size_t clip = text.find(R"("id": "figure_four_stretch")");
  REQUIRE(clip != std::string::npos);
  const std::size_t held = text.find(R"("t": 1)", text.find(R"("move": [)", clip));
  const std::size_t key = text.find(R"("thigh_l": {)", held);
  REQUIRE(key != std::string::npos);
  const std::size_t flex = text.find(R"("flex": )", key);
  const std::size_t end = text.find_first_of(",\n}", flex + 8);
  text.replace(flex, end - flex, R"("flex": 45)");
  const auto r = load_clips(text);
  REQUIRE_FALSE(r.library.has_value());
  bool named = false;
  for (const auto& p : r.problems) {
    const std::string s = limber::catalogue::format(p);
    named = named || (s.find("clips[figure_four_stretch].relations[") != std::string::npos &&
                      s.find("the crossed ankle rests on the other knee: at held, ankle_l to knee_r is") != std::string::npos &&
                      s.find("wanted at most 0.15 m") != std::string::npos);
  }
  CHECK_MESSAGE(named, limber::catalogue::format_report(r.problems));
}

TEST_CASE("tensing: a clip that tenses must not move") {
  std::string text = with_relations("");
  text.replace(text.find(R"("relations")"), 0, R"("tensing":true,)");
  const auto r = load_clips(text);
  CHECK_FALSE(r.library.has_value());
  limber::test::expect_problem(r.problems, "clips.json: clips[lift].move: a tensing keeps the start position (thigh_l moves)");
}
