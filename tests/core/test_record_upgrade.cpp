// Layout 3: one outcome per exercise and a frequency note (storage/record_upgrade.h), read
// from every earlier form: the upgrade jobs case by case, then data saved by earlier builds.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "app_fixtures.h"
#include "json/json_writer.h"
#include "storage/record_upgrade.h"

using namespace limber;
using session::Outcome;
using test::AppRig;

namespace {

json::Value parsed(std::string_view text) {
  json::ParseResult r = json::parse(text);
  REQUIRE(r.ok());
  return r.value;
}

std::string outcome_of(std::string_view exercise_json) {
  json::Value record = parsed("{\"exercises\":[" + std::string(exercise_json) + "]}");
  REQUIRE(storage::upgrade_record(record, "record") == "");
  const json::Value& e = record.find("exercises")->as_array()[0];
  CHECK_FALSE(e.find("completed"));
  CHECK_FALSE(e.find("skipped"));
  CHECK_FALSE(e.find("hurt"));
  return e.find("outcome")->as_string();
}

std::optional<std::string> note_of(std::string_view frequency, std::string_view text) {
  json::Value routine = parsed(R"({"id":"my-1","frequency":")" + std::string(frequency) + R"(","frequency_text":)" +
                               json::quote(text) + "}");
  REQUIRE(storage::upgrade_routine(routine, "routines[0]") == "");
  CHECK_FALSE(routine.find("frequency_text"));
  const json::Value* note = routine.find("frequency_note");
  return note ? std::optional(note->as_string()) : std::nullopt;
}

std::string read_fixture(const char* name) {
  std::ifstream in(std::string(LIMBER_FIXTURES_DIR) + "/" + name, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  REQUIRE_FALSE(text.str().empty());
  return text.str();
}

}  // namespace

TEST_CASE("record upgrade: each combination of the three old booleans becomes one outcome") {
  CHECK(outcome_of(R"({"completed":true,"skipped":false,"hurt":false})") == "completed");
  CHECK(outcome_of(R"({"completed":false,"skipped":true,"hurt":false})") == "skipped");
  CHECK(outcome_of(R"({"completed":false,"skipped":false,"hurt":true})") == "stopped_hurt");
  CHECK(outcome_of(R"({"completed":false,"skipped":false,"hurt":false})") == "not_reached");
  // The contradictions the booleans allowed: a hurt always wins, then a skip.
  CHECK(outcome_of(R"({"completed":false,"skipped":true,"hurt":true})") == "stopped_hurt");
  CHECK(outcome_of(R"({"completed":true,"skipped":false,"hurt":true})") == "stopped_hurt");
  CHECK(outcome_of(R"({"completed":true,"skipped":true,"hurt":false})") == "skipped");
  CHECK(outcome_of(R"({"exercise":"knee_rolls"})") == "not_reached");  // none of them said
}

TEST_CASE("record upgrade: a record already in layout 3 passes through unchanged") {
  const std::string text = R"({"exercises":[{"exercise":"knee_rolls","outcome":"skipped"}]})";
  json::Value record = parsed(text);
  REQUIRE(storage::upgrade_record(record, "record") == "");
  json::Writer w;
  CHECK(record.find("exercises")->as_array()[0].find("outcome")->as_string() == "skipped");
  CHECK(record.find("exercises")->as_array()[0].as_object().size() == 2);
}

TEST_CASE("record upgrade: what cannot be upgraded is named, and nothing is guessed") {
  json::Value wrong = parsed(R"({"exercises":[{"completed":"yes"}]})");
  CHECK(storage::upgrade_record(wrong, "sessions[3].record") == "sessions[3].record.exercises[0].completed: expected true or false");
  json::Value not_list = parsed(R"({"exercises":{}})");
  CHECK(storage::upgrade_record(not_list, "record") == "record.exercises: expected an array");
  json::Value not_record = parsed(R"([1])");
  CHECK(storage::upgrade_record(not_record, "record") == "record: expected an object");
  json::Value no_record = parsed(R"({"id":"1-a"})");
  CHECK(storage::upgrade_stored_session(no_record, "entry") == "entry: expected an object with a record");
  json::Value frequency = parsed(R"({"frequency":"hourly","frequency_text":"Every hour"})");
  CHECK(storage::upgrade_routine(frequency, "routines[0]") ==
        "routines[0].frequency: expected one of every_day, twice_a_day_while_in_pain, when_needed");
  json::Value text = parsed(R"({"frequency":"every_day","frequency_text":7})");
  CHECK(storage::upgrade_routine(text, "routines[0]") == "routines[0].frequency_text: expected a string");
}

TEST_CASE("record upgrade: a frequency sentence keeps only what the frequency does not say") {
  CHECK(note_of("every_day", "Every day") == std::nullopt);
  CHECK(note_of("every_day", "Every day; a good way to start the morning") == "a good way to start the morning");
  CHECK(note_of("every_day", "Every day, alongside walking") == "alongside walking");
  CHECK(note_of("twice_a_day_while_in_pain", "Twice a day while you are in pain") == std::nullopt);
  CHECK(note_of("when_needed", "On a bad day, in place of your usual routine") ==
        "On a bad day, in place of your usual routine");  // not the frequency's words: kept whole
  CHECK(note_of("every_day", "Every dayish") == "Every dayish");
  json::Value done = parsed(R"({"frequency":"every_day","frequency_note":"after a walk"})");
  REQUIRE(storage::upgrade_routine(done, "routines[0]") == "");
  CHECK(done.find("frequency_note")->as_string() == "after a walk");
}

TEST_CASE("record upgrade: a schema-1 document saved by version 0.1.0 reads with one outcome per exercise") {
  const storage::DataResult r = storage::from_json(read_fixture("schema1_saved_by_0.1.0.json"), test::shipped_catalogue());
  REQUIRE_MESSAGE(r.data, (r.problems.empty() ? "" : r.problems[0].path + ": " + r.problems[0].message));
  CHECK(r.data->schema == storage::kUserDataSchema);
  int outcomes = 0;
  for (const storage::StoredSession& s : r.data->sessions) {
    for (const session::ExerciseRecord& e : s.record.exercises) outcomes += e.outcome != Outcome::not_reached ? 1 : 0;
  }
  CHECK(outcomes > 0);
}

TEST_CASE("record upgrade: layout 2 saved by an earlier build reads, then every part and entry is written again in layout 3") {
  const json::Value fixture = parsed(read_fixture("schema2_saved_by_2a39295.json"));
  AppRig r(false);
  for (const json::Member& m : fixture.find("meta")->as_object()) r.disk->meta[m.key] = m.value.as_string();
  for (const json::Member& m : fixture.find("sessions")->as_object()) r.disk->sessions[m.key] = m.value.as_string();
  REQUIRE(r.disk->meta.at("schema") == "2");
  r.load_from_disk();
  CHECK(r.app.notice().kind == app::NoticeKind::none);

  // Read as it was saved: the settings, the own routine, two sessions and one under way.
  const storage::Profile& data = r.app.data();
  CHECK(data.settings.theme == storage::Theme::dark);
  CHECK(data.settings.hold_preference == catalogue::HoldPreference::longer);
  REQUIRE(data.routines.size() == 1);
  CHECK(data.routines[0].name == "Evening in bed");
  CHECK(data.routines[0].frequency_note == "a good way to start the morning");
  CHECK(catalogue::frequency_sentence(data.routines[0]) == "Every day: a good way to start the morning");
  // Its lower back stretch, since merged into the knee hug, is still done as it was: its own 20 s hold.
  const auto merged = std::find_if(data.routines[0].items.begin(), data.routines[0].items.end(),
                                   [](const catalogue::RoutineItem& i) { return i.exercise == "lower_back_stretch_legs_straight"; });
  REQUIRE(merged != data.routines[0].items.end());
  CHECK(merged->dosage == "bed_article");
  CHECK(merged->hold->start == 20);
  REQUIRE(data.history.recent.size() == 2);
  const session::SessionRecord& bad_day = data.history.recent[0].record;
  REQUIRE(bad_day.exercises.size() == 4);
  CHECK(bad_day.exercises[0].outcome == Outcome::completed);
  CHECK(bad_day.exercises[1].outcome == Outcome::stopped_hurt);
  CHECK(bad_day.exercises[2].outcome == Outcome::skipped);
  CHECK(bad_day.exercises[3].outcome == Outcome::completed);
  REQUIRE(data.in_progress);
  CHECK(data.in_progress->record.exercises[0].outcome == Outcome::completed);
  CHECK(data.in_progress->record.exercises.back().outcome == Outcome::not_reached);

  // The upgrade asks for every entry and writes them all with every part, in one write.
  app::Effects effects = r.answer_reads();
  CHECK(r.app.sync().status() == storage::StoreStatus::pending);
  const std::string write = r.store();
  CHECK(r.disk->transactions == 1);
  CHECK(r.disk->meta.at("schema") == "3");
  CHECK(r.disk->sessions.size() == 2);
  for (const auto& [id, text] : r.disk->sessions) {
    INFO(id);
    CHECK(text.find("\"outcome\"") != std::string::npos);
    CHECK(text.find("\"hurt\"") == std::string::npos);
  }
  CHECK(r.disk->meta.at("routines").find("frequency_text") == std::string::npos);
  CHECK(r.disk->meta.at("history").find("\"skipped\":") == std::string::npos);

  // Opened again: layout 3 as written, the same data, and no upgrade asked for.
  AppRig reopened(true, r.disk);
  CHECK(reopened.app.data() == r.app.data());
  CHECK_FALSE(reopened.app.take_effects().read_sessions);
}

TEST_CASE("record upgrade: if the entries cannot be read, layout 2 stays recorded and the upgrade runs at the next start") {
  const json::Value fixture = parsed(read_fixture("schema2_saved_by_2a39295.json"));
  AppRig r(false);
  for (const json::Member& m : fixture.find("meta")->as_object()) r.disk->meta[m.key] = m.value.as_string();
  for (const json::Member& m : fixture.find("sessions")->as_object()) r.disk->sessions[m.key] = m.value.as_string();
  r.load_from_disk();
  REQUIRE(r.app.take_effects().read_sessions);
  REQUIRE(r.run("sessions_unreadable", "the database is busy").ok);
  CHECK(r.app.sync().status() == storage::StoreStatus::saved);  // nothing half-written
  CHECK(r.disk->meta.at("schema") == "2");
  AppRig again(true, r.disk);
  CHECK(again.app.take_effects().read_sessions);  // asked again
}
