// Every way a catalogue can be wrong, one case each: each is refused as a whole, and the
// report names the file, the exercise or routine id, and the field.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "catalogue/load.h"
#include "problem_matchers.h"

using limber::catalogue::format;
using limber::catalogue::load;

namespace {

// A minimal valid catalogue; each test breaks one thing in it.
struct Texts {
  std::string sources = R"({"schema":1,"sources":[
    {"id":"nhs","organisation":"NHS","title":"Exercises","seed":"002.txt","summary":"Five exercises."},
    {"id":"ours","organisation":"Limber","title":"Ours","summary":"Our numbers."}]})";
  std::string exercises = R"({"schema":1,"exercises":[
    {"id":"tilt","name":"Pelvic tilt","kind":"mobility","position":"on_back","in_bed":true,
     "target_areas":["lower back"],"start_position":"Lie on your back.","steps":["Tilt."],
     "tips":[{"text":"Go slowly.","source":"nhs"}],"cues":{"move":"Tilt.","release":"Back."},
     "dosages":[{"id":"nhs","label":"NHS","sources":["nhs"],
        "dosage":{"reps":{"min":10,"max":15,"start":10},"sets":1,"hold":{"unit":"seconds","amount":5},
                  "sides":"together","move_seconds":3,"release_seconds":3,"rest_seconds":1,"set_rest_seconds":0}}],
     "sources":["nhs"]}]})";
  std::string routines = R"({"schema":1,"routines":[
    {"id":"daily","name":"Daily","purpose":"Ease pain.","frequency":"every_day","frequency_note":"before breakfast",
     "rest_between_exercises_seconds":10,"items":[{"exercise":"tilt"}],"sources":["nhs"]}]})";
  std::string safety = R"({"schema":1,"safety":{"max_pain_while_exercising":5,"pain_eases_within_weeks":2,
    "pain_passes_within_weeks":{"min":4,"max":6,"start":4},"items":[
      {"id":"a","topic":"pain_rule","text":"At most 5.","sources":["nhs"]},
      {"id":"b","topic":"what_to_expect","text":"Eases.","sources":["nhs"]},
      {"id":"c","topic":"see_gp","text":"GP.","sources":["nhs"]},
      {"id":"d","topic":"stop_exercise","text":"Stop.","sources":["nhs"]},
      {"id":"e","topic":"red_flag_emergency","text":"999.","sources":["nhs"]},
      {"id":"f","topic":"red_flag_urgent","text":"111.","sources":["nhs"]}]}})";

  limber::catalogue::LoadResult load_all() const {
    return load({.sources = sources, .exercises = exercises, .routines = routines, .safety = safety});
  }
};

void replace(std::string& text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, "fixture lacks: " << from);
  text.replace(at, from.size(), to);
}

// Loads, and checks the catalogue is refused with `expected` among the problems.
void expect_refused(const Texts& t, const std::string& expected) {
  const auto result = t.load_all();
  CHECK_FALSE(result.catalogue.has_value());
  limber::test::expect_problem(result.problems, expected);
}

}  // namespace

TEST_CASE("catalogue: the minimal fixture is valid") {
  const auto result = Texts{}.load_all();
  CHECK(result.problems.empty());
  REQUIRE(result.catalogue.has_value());
  CHECK(result.catalogue->exercises.size() == 1);
}

TEST_CASE("catalogue: JSON syntax error, with file, line and column") {
  Texts t;
  replace(t.routines, R"("name":"Daily",)", R"("name":"Daily")");
  expect_refused(t, "routines.json:2:33: expected ',' or '}' after a field");
}

TEST_CASE("catalogue: unknown field") {
  Texts t;
  replace(t.exercises, R"("in_bed":true,)", R"("in_bed":true,"inbed":false,)");
  expect_refused(t,
                 "exercises.json:2:100: exercises[tilt].inbed: unknown field (fields here: id, name, other_names, kind, "
                 "position, in_bed, props, target_areas, start_position, steps, tips, cautions, cues, first_side, dosages, "
                 "variations, sources)");
}

TEST_CASE("catalogue: missing field") {
  Texts t;
  replace(t.exercises, R"("start_position":"Lie on your back.",)", "");
  expect_refused(t, "exercises.json: exercises[tilt].start_position: missing field");
}

TEST_CASE("catalogue: wrong type") {
  Texts t;
  replace(t.exercises, R"("in_bed":true)", R"("in_bed":"yes")");
  expect_refused(t, "exercises.json:2:87: exercises[tilt].in_bed: expected true or false, got a string");
}

TEST_CASE("catalogue: unknown enum value") {
  Texts t;
  replace(t.exercises, R"("position":"on_back")", R"("position":"upside_down")");
  expect_refused(t,
                 "exercises.json:2:68: exercises[tilt].position: unknown value 'upside_down' (expected one of: "
                 "on_back, on_front, all_fours, kneeling, sitting, standing)");
}

TEST_CASE("catalogue: empty text") {
  Texts t;
  replace(t.exercises, R"("steps":["Tilt."])", R"("steps":[""])");
  expect_refused(t, "exercises.json:3:82: exercises[tilt].steps[0]: empty text");
}

TEST_CASE("catalogue: an exercise without steps") {
  Texts t;
  replace(t.exercises, R"("steps":["Tilt."])", R"("steps":[])");
  expect_refused(t, "exercises.json: exercises[tilt].steps: needs at least one step");
}

TEST_CASE("catalogue: an exercise without a dosage") {
  Texts t;
  const auto from = t.exercises.find(R"("dosages":[)");
  const auto to = t.exercises.find(R"("sources":["nhs"]}]})");
  t.exercises.replace(from, to - from, R"("dosages":[],)");
  expect_refused(t, "exercises.json: exercises[tilt].dosages: needs at least one dosage");
}

TEST_CASE("catalogue: negative dosage values") {
  Texts t;
  replace(t.exercises, R"("rest_seconds":1)", R"("rest_seconds":-1)");
  expect_refused(t, "exercises.json: exercises[tilt].dosages[nhs].dosage.rest_seconds: must not be negative");
  Texts u;
  replace(u.exercises, R"("amount":5)", R"("amount":-5)");
  expect_refused(u, "exercises.json: exercises[tilt].dosages[nhs].dosage.hold.amount: a hold must not be negative");
}

TEST_CASE("catalogue: zero reps") {
  Texts t;
  replace(t.exercises, R"("reps":{"min":10,"max":15,"start":10})", R"("reps":0)");
  expect_refused(t, "exercises.json: exercises[tilt].dosages[nhs].dosage.reps: zero reps: an exercise needs at least 1");
}

TEST_CASE("catalogue: zero sets") {
  Texts t;
  replace(t.exercises, R"("sets":1)", R"("sets":0)");
  expect_refused(t, "exercises.json: exercises[tilt].dosages[nhs].dosage.sets.min: sets must be at least 1");
}

TEST_CASE("catalogue: a hold of 0 seconds") {
  Texts t;
  replace(t.exercises, R"("amount":5)", R"("amount":0)");
  expect_refused(t, "exercises.json: exercises[tilt].dosages[nhs].dosage.hold.amount.min: a hold must be at least 1");
}

TEST_CASE("catalogue: a hold longer than 5 minutes") {
  Texts t;
  replace(t.exercises, R"("amount":5)", R"("amount":{"min":30,"max":400,"start":30})");
  expect_refused(t,
                 "exercises.json: exercises[tilt].dosages[nhs].dosage.hold.amount.max: a hold longer than 5 minutes "
                 "(400 seconds)");
}

TEST_CASE("catalogue: a hold of too many breaths") {
  Texts t;
  replace(t.exercises, R"("unit":"seconds","amount":5)", R"("unit":"breaths","amount":40)");
  expect_refused(t, "exercises.json: exercises[tilt].dosages[nhs].dosage.hold.amount.max: a hold in breaths must be at most 30");
}

TEST_CASE("catalogue: a range whose start is outside it") {
  Texts t;
  replace(t.exercises, R"("reps":{"min":10,"max":15,"start":10})", R"("reps":{"min":10,"max":15,"start":20})");
  expect_refused(t, "exercises.json: exercises[tilt].dosages[nhs].dosage.reps.start: start (20) is outside 10 to 15");
}

TEST_CASE("catalogue: a range that runs backwards") {
  Texts t;
  replace(t.exercises, R"("reps":{"min":10,"max":15,"start":10})", R"("reps":{"min":15,"max":10,"start":12})");
  expect_refused(t, "exercises.json: exercises[tilt].dosages[nhs].dosage.reps: min (15) is above max (10)");
}

TEST_CASE("catalogue: a movement with no time to move") {
  Texts t;
  replace(t.exercises, R"("move_seconds":3)", R"("move_seconds":0)");
  expect_refused(t, "exercises.json: exercises[tilt].dosages[nhs].dosage.move_seconds: must be from 0 to 60 seconds");
}

TEST_CASE("catalogue: a routine naming an unknown exercise") {
  Texts t;
  replace(t.routines, R"({"exercise":"tilt"})", R"({"exercise":"tilt"},{"exercise":"cartwheel"})");
  expect_refused(t, "routines.json: routines[daily].items[1].exercise: unknown exercise 'cartwheel'");
}

TEST_CASE("catalogue: a routine naming an unknown dosage option") {
  Texts t;
  replace(t.routines, R"({"exercise":"tilt"})", R"({"exercise":"tilt","dosage":"bhf"})");
  expect_refused(t, "routines.json: routines[daily].items[0].dosage: exercise 'tilt' has no dosage option 'bhf'");
}

TEST_CASE("catalogue: a routine override outside the source's range") {
  Texts t;
  replace(t.routines, R"({"exercise":"tilt"})", R"({"exercise":"tilt","reps":20})");
  expect_refused(t, "routines.json: routines[daily].items[0].reps: reps override must stay within the source's 10 to 15");
}

TEST_CASE("catalogue: a routine without exercises") {
  Texts t;
  replace(t.routines, R"("items":[{"exercise":"tilt"}])", R"("items":[])");
  expect_refused(t, "routines.json: routines[daily].items: a routine needs at least one exercise");
}

TEST_CASE("catalogue: duplicate ids") {
  Texts t;
  replace(t.sources, R"({"id":"ours")", R"({"id":"nhs")");
  expect_refused(t, "sources.json: sources[nhs].id: duplicate id 'nhs'");

  Texts u;
  replace(u.routines, R"("sources":["nhs"]}]})",
          R"("sources":["nhs"]},{"id":"daily","name":"Again","purpose":"P","frequency":"every_day","frequency_note":"F",)"
          R"("rest_between_exercises_seconds":0,"items":[{"exercise":"tilt"}],"sources":["nhs"]}]})");
  expect_refused(u, "routines.json: routines[daily].id: duplicate id 'daily'");
}

TEST_CASE("catalogue: ids must be well formed") {
  Texts t;
  replace(t.exercises, R"({"id":"tilt")", R"({"id":"Pelvic Tilt")");
  replace(t.routines, R"({"exercise":"tilt"})", R"({"exercise":"Pelvic Tilt"})");
  expect_refused(t, "exercises.json: exercises[Pelvic Tilt].id: id must be lower-case letters, digits and '_' (got 'Pelvic Tilt')");
}

TEST_CASE("catalogue: an unknown source") {
  Texts t;
  replace(t.exercises, R"("sources":["nhs"]}]})", R"("sources":["bbc"]}]})");
  expect_refused(t, "exercises.json: exercises[tilt].sources: unknown source 'bbc'");
  Texts u;
  replace(u.exercises, R"("source":"nhs")", R"("source":"someone")");
  expect_refused(u, "exercises.json: exercises[tilt].tips[0].source: unknown source 'someone'");
}

TEST_CASE("catalogue: an exercise without sources") {
  Texts t;
  replace(t.exercises, R"("sources":["nhs"]}]})", R"("sources":[]}]})");
  expect_refused(t, "exercises.json: exercises[tilt].sources: needs at least one source");
}

TEST_CASE("catalogue: safety guidance must cover every topic") {
  Texts t;
  replace(t.safety, R"({"id":"e","topic":"red_flag_emergency","text":"999.","sources":["nhs"]},)", "");
  expect_refused(t, "safety.json: safety.items: no guidance on 'red_flag_emergency'");
}

TEST_CASE("catalogue: the pain rule must be on the 0 to 10 scale") {
  Texts t;
  replace(t.safety, R"("max_pain_while_exercising":5)", R"("max_pain_while_exercising":11)");
  expect_refused(t, "safety.json: safety.max_pain_while_exercising: must be from 0 to 10");
}

TEST_CASE("catalogue: an unsupported schema version") {
  Texts t;
  replace(t.routines, R"({"schema":1)", R"({"schema":2)");
  expect_refused(t, "routines.json: schema: unsupported schema 2 (this version reads 1)");
}

TEST_CASE("catalogue: one bad file refuses the whole catalogue, and every file's problems are reported") {
  Texts t;
  replace(t.sources, R"("title":"Exercises",)", "");
  replace(t.safety, R"("max_pain_while_exercising":5)", R"("max_pain_while_exercising":"five")");
  const auto result = t.load_all();
  CHECK_FALSE(result.catalogue.has_value());
  REQUIRE(result.problems.size() == 2);
  CHECK(result.problems[0].file == "sources.json");
  CHECK(result.problems[1].file == "safety.json");
}

TEST_CASE("catalogue: the report says how many problems there are, one a line") {
  Texts t;
  replace(t.exercises, R"("steps":["Tilt."])", R"("steps":[])");
  replace(t.routines, R"({"exercise":"tilt"})", R"({"exercise":"nope"})");
  const auto result = t.load_all();
  const std::string report = limber::catalogue::format_report(result.problems);
  CHECK(report.rfind("The exercise catalogue was refused: 2 problems.\n", 0) == 0);
  CHECK(std::count(report.begin(), report.end(), '\n') == 3);
}

// ---- Merged exercises: an old id that now leads to another exercise -------------------------

namespace {
Texts with_merged(const std::string& merged) {
  Texts t;
  replace(t.exercises, R"("sources":["nhs"]}]})", R"("sources":["nhs"]}],"merged":[)" + merged + "]}");
  return t;
}
constexpr const char* kMerged = R"({"id":"old_tilt","into":"tilt","dosages":["nhs"],"why":"One movement."})";
}  // namespace

TEST_CASE("catalogue: a merged id finds the exercise it became") {
  const auto result = with_merged(kMerged).load_all();
  REQUIRE_MESSAGE(result.catalogue, limber::catalogue::format_report(result.problems));
  CHECK(result.catalogue->find_exercise("old_tilt") == &result.catalogue->exercises[0]);
  CHECK(result.catalogue->current_id("old_tilt") == "tilt");
}

TEST_CASE("catalogue: a merged id that is still an exercise's own id") {
  expect_refused(with_merged(R"({"id":"tilt","into":"tilt","dosages":["nhs"],"why":"x"})"),
                 "exercises.json: merged[tilt].id: 'tilt' is still an exercise's id");
}

TEST_CASE("catalogue: a merged id leading to an unknown exercise") {
  expect_refused(with_merged(R"({"id":"old_tilt","into":"tlit","dosages":["nhs"],"why":"x"})"),
                 "exercises.json: merged[old_tilt].into: unknown exercise 'tlit'");
}

TEST_CASE("catalogue: a merged id whose option the exercise it became does not have") {
  expect_refused(with_merged(R"({"id":"old_tilt","into":"tilt","dosages":["nhs","bhf"],"why":"x"})"),
                 "exercises.json: merged[old_tilt].dosages: 'tilt' has no option 'bhf'");
}

TEST_CASE("catalogue: a merged id that lists none of its options") {
  expect_refused(with_merged(R"({"id":"old_tilt","into":"tilt","dosages":[],"why":"x"})"),
                 "exercises.json: merged[old_tilt].dosages: needs the id of each option it had");
}

TEST_CASE("catalogue: a merged id given twice") {
  expect_refused(with_merged(std::string(kMerged) + "," + kMerged),
                 "exercises.json: merged[old_tilt].id: duplicate id 'old_tilt'");
}

TEST_CASE("catalogue: a merged id that is not well formed") {
  expect_refused(with_merged(R"({"id":"Old Tilt","into":"tilt","dosages":["nhs"],"why":"x"})"),
                 "exercises.json: merged[Old Tilt].id: id must be lower-case letters, digits and '_' (got 'Old Tilt')");
}

TEST_CASE("catalogue: a built-in routine that names an exercise by its merged id") {
  Texts t = with_merged(kMerged);
  replace(t.routines, R"({"exercise":"tilt"})", R"({"exercise":"old_tilt"})");
  expect_refused(t, "routines.json: routines[daily].items[0].exercise: 'old_tilt' is now 'tilt'");
}
