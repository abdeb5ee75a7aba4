#include <doctest/doctest.h>

#include "catalogue/prescription.h"

#include <algorithm>
#include <array>

#include "animation_fixtures.h"
#include "catalogue/own_routine.h"
#include "storage/backup.h"
#include "storage/data_checks.h"
#include "storage/migrate.h"
#include "storage/user_data.h"

using namespace limber;
using namespace limber::storage;

namespace {

session::SessionRecord record(std::int64_t start, const char* routine, int pain_before, int pain_after) {
  session::SessionRecord r;
  r.routine = routine;
  r.started_at_ms = start;
  r.ended_at_ms = start + 600000;
  r.active_seconds = 590;
  r.pain_before = pain_before;
  r.pain_after = pain_after;
  r.completed = true;
  session::ExerciseRecord e;
  e.exercise = "knee_rolls";
  e.dosage = "nhs";
  e.planned_reps = 8;
  e.reps_done.left = 4;
  e.reps_done.right = 4;
  e.holds_done.left = 4;
  e.hold_seconds = 64;
  e.outcome = session::Outcome::completed;
  r.exercises.push_back(e);
  return r;
}

UserData sample() {
  UserData d;
  d.settings.theme = Theme::dark;
  d.settings.current_routine = "nhs_daily";
  for (const auto& r : {record(1'700'000'000'000, "nhs_daily", 6, 4), record(1'700'090'000'000, "in_bed", 5, 3)}) {
    d.sessions.push_back({.id = session_id(r), .record = r});
  }
  catalogue::Routine own;
  own.id = "my_morning";
  own.name = "My morning, short";
  own.purpose = "Before work.";
  own.frequency_note = "before breakfast";
  own.items = {{.exercise = "knee_rolls", .dosage = "nhs", .reps = catalogue::Range{.min = 8, .max = 8, .start = 8}}};
  own.sources = {"nhs_002"};
  catalogue::prescribe_exactly(test::shipped_catalogue(), own);
  d.routines.push_back(own);
  d.progress.exercises.push_back({.exercise = "knee_rolls", .level = 2, .clean_sessions = 1});
  d.in_progress = InProgress{.record = record(1'700'100'000'000, "nhs_daily", 4, 0), .next_exercise = 2, .saved_at_ms = 1'700'100'300'000};
  d.in_progress->record.pain_after.reset();
  return d;
}

std::string first_problem(std::string_view text) {
  const auto r = from_json(text, test::shipped_catalogue());
  REQUIRE_FALSE(r.data.has_value());
  REQUIRE_FALSE(r.problems.empty());
  return r.problems[0].path + ": " + r.problems[0].message;
}

}  // namespace

TEST_CASE("user data: a full document survives a round trip through JSON") {
  const UserData d = sample();
  const auto back = from_json(to_json(d), test::shipped_catalogue());
  REQUIRE(back.data.has_value());
  CHECK(*back.data == d);
}

TEST_CASE("user data: a first visit is an empty, valid document") {
  const auto back = from_json(to_json(UserData{}), test::shipped_catalogue());
  REQUIRE(back.data.has_value());
  CHECK(back.data->sessions.empty());
  CHECK(back.data->settings.theme == Theme::light);
}

TEST_CASE("user data: text that is not JSON is refused with where it broke") {
  CHECK(first_problem("{\"schema\":1,") == ": not valid JSON at line 1, column 13: expected a field name in double quotes");
}

TEST_CASE("user data: a document with no schema, or from a newer Limber, is refused") {
  CHECK(first_problem("{}") == "schema: the data has no valid schema version");
  CHECK(first_problem(R"({"schema":"1"})") == "schema: the data has no valid schema version");
  CHECK(first_problem(R"({"schema":7})") ==
        "schema: the data was saved by a newer version of Limber (schema 7; this version reads up to 2)");
}

TEST_CASE("user data: a pain score outside 0 to 10 is refused") {
  UserData d = sample();
  d.sessions[0].record.pain_before = 11;
  CHECK(first_problem(to_json(d)) == "sessions[0].record.pain_before: a pain score must be from 0 to 10, got 11");
}

TEST_CASE("user data: duplicate sessions are refused") {
  UserData d = sample();
  d.sessions.push_back(d.sessions.back());
  CHECK(first_problem(to_json(d)) == "sessions[2].id: a second session with the id '" + d.sessions.back().id + "'");
}

TEST_CASE("user data: a session id that does not match its record is refused") {
  UserData d = sample();
  d.sessions[0].id = "forged";
  CHECK(first_problem(to_json(d)) == "sessions[0].id: does not match the session's start and routine");
}

TEST_CASE("user data: sessions out of time order are refused") {
  UserData d = sample();
  std::swap(d.sessions[0], d.sessions[1]);
  CHECK(first_problem(to_json(d)) == "sessions[1]: sessions are not in time order");
}

TEST_CASE("user data: settings outside their ranges are refused") {
  UserData d = sample();
  d.settings.text_size_percent = 300;
  CHECK(first_problem(to_json(d)) == "settings.text_size_percent: must be from 100 to 200");
  d = sample();
  d.settings.breath_in_seconds = 0;
  CHECK(first_problem(to_json(d)) == "settings.breath_in_seconds: a breath must last from 2 to 10 seconds");
  std::string text = to_json(sample());
  const std::size_t at = text.find("\"theme\":\"dark\"");
  REQUIRE(at != std::string::npos);
  text.replace(at, 14, "\"theme\":\"neon\"");
  CHECK(first_problem(text) == "settings.theme: unknown value 'neon' (expected one of: light, dark, high_contrast)");
}

TEST_CASE("user data: unknown fields are refused, naming them") {
  std::string text = to_json(sample());
  text.insert(1, "\"nickname\":\"Bob\",");
  const std::string p = first_problem(text);
  CHECK(p.rfind("nickname: unknown field", 0) == 0);
}

// ---- migrations ---------------------------------------------------------------------

namespace {
std::string rename_note(json::Value& doc) {
  for (json::Member& m : std::get<json::Value::Object>(doc.data)) {
    if (m.key == "note") m.key = "remark";
  }
  return {};
}
std::string add_flag(json::Value& doc) {
  std::get<json::Value::Object>(doc.data).push_back({.key = "flag", .value = {.data = true}});
  return {};
}
std::string refuse(json::Value&) { return "the remark is too long"; }
}  // namespace

TEST_CASE("migrations: steps run in order from the document's version to the target") {
  const std::array steps = {MigrationStep{.from = 1, .run = &rename_note}, MigrationStep{.from = 2, .run = &add_flag}};
  json::Value doc = json::parse(R"({"schema":1,"note":"x"})").value;
  const auto r = migrate(doc, 3, steps);
  CHECK(r.ok());
  CHECK(r.from == 1);
  CHECK(doc.find("schema")->as_number() == 3);
  CHECK(doc.find("remark")->as_string() == "x");
  CHECK(doc.find("flag")->as_bool());
}

TEST_CASE("migrations: a document already current is left as it is") {
  const std::array steps = {MigrationStep{.from = 1, .run = &rename_note}};
  json::Value doc = json::parse(R"({"schema":2,"note":"x"})").value;
  CHECK(migrate(doc, 2, steps).ok());
  CHECK(doc.find("note") != nullptr);
}

TEST_CASE("migrations: a missing step or a failing step refuses the document") {
  const std::array gap = {MigrationStep{.from = 2, .run = &add_flag}};
  json::Value doc = json::parse(R"({"schema":1})").value;
  CHECK(migrate(doc, 3, gap).error == "no way to upgrade data from schema 1");
  const std::array failing = {MigrationStep{.from = 1, .run = &refuse}};
  json::Value doc2 = json::parse(R"({"schema":1})").value;
  CHECK(migrate(doc2, 2, failing).error == "upgrading from schema 1: the remark is too long");
}

// ---- backups ------------------------------------------------------------------------

namespace {
// Another device's data: the same routine id, renamed there, and one more session between ours.
UserData their_version(const session::SessionRecord& extra) {
  UserData theirs = sample();
  theirs.routines[0].name = "Their version";
  theirs.sessions.insert(theirs.sessions.begin() + 1, {.id = session_id(extra), .record = extra});
  return theirs;
}
}  // namespace

TEST_CASE("backup: export then import into a fresh start brings everything back") {
  const UserData d = sample();
  UserData fresh;
  const auto r = import_backup(fresh, export_backup(d, 1'700'200'000'000), test::shipped_catalogue());
  REQUIRE(r.ok());
  CHECK(r.sessions_added == 2);
  CHECK(r.routines_added == 1);
  CHECK(fresh.sessions == d.sessions);
  CHECK(fresh.routines == d.routines);
  CHECK(fresh.settings == UserData{}.settings);  // the device's settings stay
}

TEST_CASE("backup: importing the same backup twice adds nothing the second time") {
  UserData d = sample();
  const std::string file = export_backup(d, 1);
  const auto r = import_backup(d, file, test::shipped_catalogue());
  REQUIRE(r.ok());
  CHECK(r.sessions_added == 0);
  CHECK(r.sessions_already_there == 2);
  CHECK(r.routines_added == 0);
  CHECK(d == sample());
}

TEST_CASE("backup: a different routine with a taken id is kept under a new id, sessions merge in time order") {
  UserData mine = sample();
  const auto r = import_backup(mine, export_backup(their_version(record(1'700'050'000'000, "physio_mobility", 7, 5)), 1),
                               test::shipped_catalogue());
  REQUIRE(r.ok());
  CHECK(r.sessions_added == 1);
  REQUIRE(mine.routines.size() == 2);
  CHECK(mine.routines[1].id == "my_morning_imported");
  CHECK(mine.sessions[1].record.routine == "physio_mobility");
}

TEST_CASE("backup: sessions of a routine kept under a new id follow it there, ours stay with ours") {
  UserData mine = sample();
  const auto their_session = record(1'700'060'000'000, "my_morning", 6, 3);
  const auto r = import_backup(mine, export_backup(their_version(their_session), 1), test::shipped_catalogue());
  REQUIRE(r.ok());
  REQUIRE(r.sessions_added == 1);
  const auto by_id = [&](const std::string& id) {
    const auto found = std::find_if(mine.sessions.begin(), mine.sessions.end(), [&](const StoredSession& s) { return s.id == id; });
    REQUIRE(found != mine.sessions.end());
    return *found;
  };
  // Its id names the routine where it is kept, as every stored session's id must.
  session::SessionRecord kept = their_session;
  kept.routine = "my_morning_imported";
  CHECK(by_id(session_id(kept)).record == kept);
  CHECK(std::none_of(mine.sessions.begin(), mine.sessions.end(),
                     [&](const StoredSession& s) { return s.id == session_id(their_session); }));
  for (const StoredSession& s : sample().sessions) CHECK(by_id(s.id).record.routine == s.record.routine);
  std::vector<DataProblem> problems;
  check(mine, test::shipped_catalogue(), problems);
  CHECK(problems.empty());
}

TEST_CASE("backup: importing that file again adds no second copy of the renamed routine") {
  UserData mine = sample();
  const std::string file = export_backup(their_version(record(1'700'060'000'000, "my_morning", 6, 3)), 1);
  REQUIRE(import_backup(mine, file, test::shipped_catalogue()).ok());
  const UserData once = mine;
  const auto again = import_backup(mine, file, test::shipped_catalogue());
  REQUIRE(again.ok());
  CHECK(again.routines_added == 0);
  CHECK(again.sessions_added == 0);
  CHECK(mine == once);
}

namespace {
// Here, a routine under a 40-character id (the longest an id may be); the backup, a different
// routine under the same id, with a session of it.
const std::string kLongId(40, 'r');
UserData with_long_id(std::string name, std::int64_t session_at) {
  UserData d = sample();
  d.routines[0].id = kLongId;
  d.routines[0].name = std::move(name);
  const auto r = record(session_at, kLongId.c_str(), 6, 3);
  d.sessions = {{.id = session_id(r), .record = r}};
  d.in_progress.reset();
  return d;
}
void check_own_routines(const UserData& d) {
  for (const catalogue::Routine& r : d.routines) {
    CAPTURE(r.id);
    CHECK(r.id.size() <= catalogue::OwnRoutineLimits::max_id_chars);
    CHECK(catalogue::check_own_routine(test::shipped_catalogue(), r) == "");
  }
  std::vector<DataProblem> problems;
  check(d, test::shipped_catalogue(), problems);
  for (const DataProblem& p : problems) CHECK(p.path + ": " + p.message == "");
}
}  // namespace

TEST_CASE("backup: a routine under a 40-character id that is taken is kept under an id of 40 characters at most") {
  UserData mine = with_long_id("Mine", 1'700'000'000'000);
  REQUIRE(import_backup(mine, export_backup(with_long_id("Theirs", 1'700'060'000'000), 1), test::shipped_catalogue()).ok());
  REQUIRE(mine.routines.size() == 2);
  CHECK(mine.routines[1].id == std::string(31, 'r') + "_imported");
  CHECK(mine.routines[1].name == "Theirs");
  CHECK(mine.sessions[1].record.routine == mine.routines[1].id);
  check_own_routines(mine);
}

TEST_CASE("backup: two routines in turn under the same taken 40-character id get two different ids within 40") {
  UserData mine = with_long_id("Mine", 1'700'000'000'000);
  REQUIRE(import_backup(mine, export_backup(with_long_id("First", 1'700'060'000'000), 1), test::shipped_catalogue()).ok());
  REQUIRE(import_backup(mine, export_backup(with_long_id("Second", 1'700'120'000'000), 1), test::shipped_catalogue()).ok());
  REQUIRE(mine.routines.size() == 3);
  CHECK(mine.routines[1].id == std::string(31, 'r') + "_imported");
  CHECK(mine.routines[2].id == std::string(29, 'r') + "_imported_2");
  CHECK(mine.routines[2].name == "Second");
  CHECK(mine.sessions[2].record.routine == mine.routines[2].id);
  check_own_routines(mine);
  // Each file again: both found where they were kept, nothing added.
  const UserData twice = mine;
  for (const char* name : {"First", "Second"}) {
    const std::int64_t at = std::string_view(name) == "First" ? 1'700'060'000'000 : 1'700'120'000'000;
    const auto again = import_backup(mine, export_backup(with_long_id(name, at), 1), test::shipped_catalogue());
    REQUIRE(again.ok());
    CHECK(again.routines_added == 0);
  }
  CHECK(mine == twice);
}

TEST_CASE("backup: a tenth routine under a taken 40-character id is still within 40") {
  UserData mine = with_long_id("Mine", 1'700'000'000'000);
  for (int i = 1; i <= 10; ++i) {
    const UserData theirs = with_long_id("Theirs " + std::to_string(i), 1'700'000'000'000 + i * 60'000'000LL);
    const auto r = import_backup(mine, export_backup(theirs, 1), test::shipped_catalogue());
    REQUIRE(r.ok());
    CHECK(r.routines_added == 1);
  }
  CHECK(mine.routines.back().id == std::string(28, 'r') + "_imported_10");
  check_own_routines(mine);
}

TEST_CASE("backup: a file that starts with a UTF-8 byte-order mark is read as if it did not") {
  UserData fresh;
  const auto r = import_backup(fresh, "\xEF\xBB\xBF" + export_backup(sample(), 1), test::shipped_catalogue());
  CHECK(r.error == "");
  CHECK(r.sessions_added == 2);
  CHECK(fresh.routines == sample().routines);
}

namespace {
std::string import_error(const std::string& file) {
  UserData fresh;
  const std::string error = import_backup(fresh, file, test::shipped_catalogue()).error;
  CHECK(fresh == UserData{});
  return error;
}
}  // namespace

TEST_CASE("backup refused: a byte-order mark after a space") {
  CHECK(import_error(" \xEF\xBB\xBF" + export_backup(sample(), 1)).starts_with("This file is not a Limber backup: it is not valid JSON"));
}

TEST_CASE("backup refused: two byte-order marks") {
  CHECK(import_error("\xEF\xBB\xBF\xEF\xBB\xBF" + export_backup(sample(), 1))
            .starts_with("This file is not a Limber backup: it is not valid JSON (line 1, column 1: unexpected character"));
}

TEST_CASE("backup refused: half a byte-order mark") {
  CHECK(import_error("\xEF\xBB" + export_backup(sample(), 1)).starts_with("This file is not a Limber backup: it is not valid JSON"));
}

TEST_CASE("backup: a malformed or foreign file gets a clear error and changes nothing") {
  UserData d = sample();
  const UserData before = d;
  auto r = import_backup(d, "{\"format\":\"limber-backup\", \"data\": ", test::shipped_catalogue());
  CHECK(r.error.rfind("This file is not a Limber backup: it is not valid JSON (line 1", 0) == 0);
  r = import_backup(d, R"({"name":"my shopping list","items":[]})", test::shipped_catalogue());
  CHECK(r.error == "This file is not a Limber backup (it has no \"format\": \"limber-backup\" marker).");
  r = import_backup(d, R"({"format":"limber-backup","exported_at_ms":1})", test::shipped_catalogue());
  CHECK(r.error == "This Limber backup is incomplete: it has no data.");
  CHECK(d == before);
}

TEST_CASE("backup: a backup with bad data inside changes nothing") {
  UserData d = sample();
  const UserData before = d;
  UserData bad = sample();
  bad.sessions[1].record.pain_after = 42;
  auto r = import_backup(d, export_backup(bad, 1), test::shipped_catalogue());
  CHECK(r.error.find("a pain score must be from 0 to 10, got 42") != std::string::npos);
  UserData unknown = sample();
  unknown.routines[0].items[0].exercise = "cartwheel";
  r = import_backup(d, export_backup(unknown, 1), test::shipped_catalogue());
  CHECK(r.error.find("data.routines[0].items[0].exercise: unknown exercise 'cartwheel'") != std::string::npos);
  UserData overdosed = sample();
  overdosed.routines[0].items[0].reps = catalogue::Range{.min = 300, .max = 300, .start = 300};
  r = import_backup(d, export_backup(overdosed, 1), test::shipped_catalogue());
  CHECK(r.error.find("data.routines[0].items[0].reps: must be from 1 to 50, got 300") != std::string::npos);
  UserData no_option = sample();
  no_option.routines[0].items[0].dosage = "marathon";
  r = import_backup(d, export_backup(no_option, 1), test::shipped_catalogue());
  CHECK(r.error.find("exercise 'knee_rolls' has no dosage option 'marathon'") != std::string::npos);
  CHECK(d == before);
}

TEST_CASE("backup: a backup from a newer Limber is refused") {
  UserData d = sample();
  std::string file = export_backup(sample(), 1);
  const std::string now = "\"schema\":" + std::to_string(kUserDataSchema);
  const auto at = file.find(now);
  REQUIRE(at != std::string::npos);
  file.replace(at, now.size(), "\"schema\":9");
  const auto r = import_backup(d, file, test::shipped_catalogue());
  CHECK(r.error.find("saved by a newer version of Limber") != std::string::npos);
}

// ---- history as CSV -------------------------------------------------------------------

TEST_CASE("history csv: local times") {
  CHECK(format_local_time(0, 0) == "1970-01-01 00:00");
  CHECK(format_local_time(1'700'000'000'000, 0) == "2023-11-14 22:13");
  CHECK(format_local_time(1'700'000'000'000, 60) == "2023-11-14 23:13");
  CHECK(format_local_time(1'700'000'000'000, 120) == "2023-11-15 00:13");
  CHECK(format_local_time(1'709'164'800'000, -1) == "2024-02-28 23:59");  // a leap year's February
}

TEST_CASE("history csv: one row per session, names quoted when they need it") {
  UserData d = sample();
  const auto own = record(1'700'095'000'000, "my_morning", 3, 2);
  d.sessions.push_back({.id = session_id(own), .record = own});
  d.sessions[1].record.completed = false;
  d.sessions[1].record.ended_early = true;
  const std::string csv = history_csv(d, test::shipped_catalogue(), 0);
  CHECK(csv ==
        "date,routine,outcome,minutes,pain_before,pain_after,exercises_completed,exercises_skipped,exercises_that_hurt\n"
        "2023-11-14 22:13,NHS daily exercises,completed,9.8,6,4,1,0,0\n"
        "2023-11-15 23:13,In bed,ended early,9.8,5,3,1,0,0\n"
        "2023-11-16 00:36,\"My morning, short\",completed,9.8,3,2,1,0,0\n");
}

TEST_CASE("history csv: a routine name a spreadsheet would run as a formula is written as plain text") {
  // Every start OWASP lists: = + - @, a tab and a carriage return; names from a link or a backup.
  const std::vector<std::pair<std::string, std::string>> cases{
      {R"x(=HYPERLINK("http://x.example","Open"))x", R"x("'=HYPERLINK(""http://x.example"",""Open"")")x"},
      {"@SUM(1+1)*cmd|' /C calc'!A0", "\"'@SUM(1+1)*cmd|' /C calc'!A0\""},
      {"+1+1", "\"'+1+1\""},
      {"-2+3", "\"'-2+3\""},
      {"\tTabbed", "\"'\tTabbed\""},
      {"\rReturn", "\"'\rReturn\""},
  };
  for (const auto& [name, cell] : cases) {
    CAPTURE(name);
    UserData d = sample();
    d.routines.front().name = name;
    const auto own = record(1'700'095'000'000, "my_morning", 3, 2);
    d.sessions.push_back({.id = session_id(own), .record = own});
    const std::string csv = history_csv(d, test::shipped_catalogue(), 0);
    CHECK(csv.find("2023-11-16 00:36," + cell + ",completed,") != std::string::npos);
  }
  // Names that only contain such characters later stay as they are.
  UserData d = sample();
  d.routines.front().name = "Morning = stretch + walk";
  const auto own = record(1'700'095'000'000, "my_morning", 3, 2);
  d.sessions.push_back({.id = session_id(own), .record = own});
  CHECK(history_csv(d, test::shipped_catalogue(), 0).find(",Morning = stretch + walk,") != std::string::npos);
}

namespace {
// The CSV cell a session of the own routine named `name` gets.
std::string csv_cell(const std::string& name) {
  UserData d = sample();
  d.routines.front().name = name;
  const auto own = record(1'700'095'000'000, "my_morning", 3, 2);
  d.sessions.push_back({.id = session_id(own), .record = own});
  const std::string csv = history_csv(d, test::shipped_catalogue(), 0);
  const std::string before = "2023-11-16 00:36,", after = ",completed,";
  const auto at = csv.find(before);
  REQUIRE(at != std::string::npos);
  const auto end = csv.find(after, at + before.size());
  REQUIRE(end != std::string::npos);
  return csv.substr(at + before.size(), end - at - before.size());
}
}  // namespace

// Beyond OWASP's list: characters some spreadsheets skip before a formula, and signs that look
// like = + - @ and that some spreadsheets and input methods read as them. One case each.
TEST_CASE("history csv: a name starting with a space is written as plain text") {
  CHECK(csv_cell(" =1+1") == "\"' =1+1\"");
}
TEST_CASE("history csv: a name starting with a no-break space (U+00A0) is written as plain text") {
  CHECK(csv_cell("\u00A0=1+1") == "\"'\u00A0=1+1\"");
}
TEST_CASE("history csv: a name starting with a zero-width space (U+200B) is written as plain text") {
  CHECK(csv_cell("\u200B=1+1") == "\"'\u200B=1+1\"");
}
TEST_CASE("history csv: a name starting with a byte-order mark (U+FEFF) is written as plain text") {
  CHECK(csv_cell("\uFEFF=1+1") == "\"'\uFEFF=1+1\"");
}
TEST_CASE("history csv: a name starting with a full-width equals sign (U+FF1D) is written as plain text") {
  CHECK(csv_cell("\uFF1D1+1") == "\"'\uFF1D1+1\"");
}
TEST_CASE("history csv: a name starting with a full-width plus sign (U+FF0B) is written as plain text") {
  CHECK(csv_cell("\uFF0B1+1") == "\"'\uFF0B1+1\"");
}
TEST_CASE("history csv: a name starting with a full-width hyphen-minus (U+FF0D) is written as plain text") {
  CHECK(csv_cell("\uFF0D2+3") == "\"'\uFF0D2+3\"");
}
TEST_CASE("history csv: a name starting with a full-width commercial at (U+FF20) is written as plain text") {
  CHECK(csv_cell("\uFF20SUM(1+1)") == "\"'\uFF20SUM(1+1)\"");
}
TEST_CASE("history csv: a name starting with a minus sign (U+2212) is written as plain text") {
  CHECK(csv_cell("\u22122+3") == "\"'\u22122+3\"");
}
TEST_CASE("history csv: a name starting with a small plus sign (U+FE62) is written as plain text") {
  CHECK(csv_cell("\uFE621+1") == "\"'\uFE621+1\"");
}
TEST_CASE("history csv: a name starting with a small hyphen-minus (U+FE63) is written as plain text") {
  CHECK(csv_cell("\uFE632+3") == "\"'\uFE632+3\"");
}
TEST_CASE("history csv: a name starting with a small equals sign (U+FE66) is written as plain text") {
  CHECK(csv_cell("\uFE661+1") == "\"'\uFE661+1\"");
}
TEST_CASE("history csv: those characters later in a name, or other letters first, leave it as it is") {
  CHECK(csv_cell("Morning\u00A0\uFF1D stretch \u2212 walk") == "Morning\u00A0\uFF1D stretch \u2212 walk");
  CHECK(csv_cell("\u00A9 The clinic") == "\u00A9 The clinic");  // the copyright sign: the same first byte as U+00A0
  CHECK(csv_cell("\u2211 of exercises") == "\u2211 of exercises");  // N-ary summation: same first two bytes as U+2212
  CHECK(csv_cell("\uFF21bc") == "\uFF21bc");  // full-width A, just after the full-width at sign
}

TEST_CASE("backup import: a routine's text with a direction mark or a control character is refused, naming where") {
  for (const char* mark : {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"}) {
    for (const char* field : {"name", "purpose", "frequency_note"}) {
      CAPTURE(mark);
      CAPTURE(field);
      UserData backup = sample();
      catalogue::Routine& r = backup.routines.front();
      if (!r.frequency_note) r.frequency_note.emplace();
      (std::string_view(field) == "name" ? r.name : std::string_view(field) == "purpose" ? r.purpose : *r.frequency_note) =
          std::string("Stretch ") + mark + "gnp.exe";
      UserData here;
      const ImportResult result = import_backup(here, export_backup(backup, 1), test::shipped_catalogue());
      CHECK_FALSE(result.ok());
      CHECK(result.error.find(std::string("data.routines[0].") + field) != std::string::npos);
      CHECK(result.error.find("direction") != std::string::npos);
      CHECK(here == UserData{});
    }
  }
  UserData backup = sample();
  backup.routines.front().name = "Bell\aringing";
  UserData here;
  const ImportResult result = import_backup(here, export_backup(backup, 1), test::shipped_catalogue());
  CHECK(result.error.find("data.routines[0].name: has a control character") != std::string::npos);
}
