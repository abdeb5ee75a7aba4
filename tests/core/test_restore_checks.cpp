// Restore checks a backup as completely as the editor and a link check a routine: each way a
// backup got through before (issue 18) is a case of its own, refused whole, naming the place in
// the file, with nothing changed.
#include <doctest/doctest.h>

#include <string>

#include "animation_fixtures.h"
#include "storage/backup.h"
#include "storage/data_checks.h"

using namespace limber;
using namespace limber::storage;

namespace {

session::SessionRecord one_session(std::int64_t start, const char* routine) {
  session::SessionRecord r{.routine = routine, .started_at_ms = start, .ended_at_ms = start + 600'000, .active_seconds = 590};
  r.completed = true;
  r.exercises.push_back({.exercise = "knee_rolls", .dosage = "nhs", .planned_reps = 8,
                         .reps_done = {.left = 4, .right = 4}, .holds_done = {.left = 4}, .hold_seconds = 64,
                         .outcome = session::Outcome::completed});
  return r;
}

catalogue::Routine own_routine() {
  catalogue::Routine r;
  r.id = "my-1";
  r.name = "Mornings";
  r.purpose = "Before work.";
  r.items = {{.exercise = "knee_rolls"}};
  return r;
}

UserData backup_data() {
  UserData d;
  d.routines.push_back(own_routine());
  for (const auto& r : {one_session(1'700'000'000'000, "nhs_daily"), one_session(1'700'090'000'000, "my-1")}) {
    d.sessions.push_back({.id = session_id(r), .record = r});
  }
  return d;
}

// What is here before the restore: one session of its own, which must stay exactly as it is.
UserData here_before() {
  UserData d;
  const session::SessionRecord r = one_session(1'690'000'000'000, "in_bed");
  d.sessions.push_back({.id = session_id(r), .record = r});
  return d;
}

// Restores `backup` over here_before(); the error, with here_before() checked unchanged.
std::string refused(const UserData& backup) {
  UserData here = here_before();
  const ImportResult r = import_backup(here, export_backup(backup, 1), test::shipped_catalogue());
  CHECK_FALSE(r.ok());
  CHECK(here == here_before());
  CHECK(r.error.rfind("This Limber backup has a problem and was not imported; nothing has changed. ", 0) == 0);
  return r.error;
}

bool says(const std::string& error, const std::string& words) {
  INFO(error);
  return error.find(words) != std::string::npos;
}

UserData with_name(std::string name) {
  UserData d = backup_data();
  d.routines[0].name = std::move(name);
  return d;
}

}  // namespace

TEST_CASE("restore checks: the backup as exported restores, so the refusals below are about their one change") {
  UserData here = here_before();
  const ImportResult r = import_backup(here, export_backup(backup_data(), 1), test::shipped_catalogue());
  CHECK(r.ok());
  CHECK(r.sessions_added == 2);
  CHECK(r.routines_added == 1);
}

TEST_CASE("restore refused: a routine name of 61 characters") {
  CHECK(says(refused(with_name(std::string(61, 'a'))), "data.routines[0].name: is 61 characters long; the most is 60"));
}

TEST_CASE("restore refused: a routine name of 1 MB") {
  CHECK(says(refused(with_name(std::string(1'000'000, 'a'))), "data.routines[0].name: is 1000000 characters long"));
}

TEST_CASE("restore refused: a routine name holding NUL") {
  CHECK(says(refused(with_name(std::string("Morn\0ing", 8))), "data.routines[0].name: has a control character"));
}

TEST_CASE("restore refused: a routine name holding BEL") {
  CHECK(says(refused(with_name("Morn\aing")), "data.routines[0].name: has a control character"));
}

TEST_CASE("restore refused: a routine name holding a C1 control (U+0085)") {
  CHECK(says(refused(with_name("Morn\xc2\x85ing")), "data.routines[0].name: has a control character"));
}

TEST_CASE("restore refused: a routine name holding a line break") {
  CHECK(says(refused(with_name("Morn\ning")), "data.routines[0].name: has a control character"));
}

TEST_CASE("restore refused: a routine name holding U+202E") {
  CHECK(says(refused(with_name("Stretch \u202Egnp.exe")), "data.routines[0].name: has an invisible mark"));
}

// The marks added to the direction marks above: each is refused, in each text, and named.
namespace {
const std::string kTurns = ", that turns the direction of the text around it, which could disguise what it says";
const std::string kBreaks = ", that breaks the line in some places and not in others";

UserData with_note(std::string note) {
  UserData d = backup_data();
  d.routines[0].note = std::move(note);
  return d;
}
UserData with_dosage(std::string dosage) {
  UserData d = backup_data();
  d.sessions[0].record.exercises[0].dosage = std::move(dosage);
  return d;
}
const std::string kName = "data.routines[0].name: has an invisible mark, the ";
const std::string kNote = "data.routines[0].note: has an invisible mark, the ";
const std::string kDosage = "data.sessions[0].record.exercises[0].dosage: ";
}  // namespace

TEST_CASE("restore refused: a routine name holding the left-to-right mark (U+200E)") {
  CHECK(says(refused(with_name("Morn\u200Eing")), kName + "left-to-right mark (U+200E)" + kTurns));
}
TEST_CASE("restore refused: a routine name holding the right-to-left mark (U+200F)") {
  CHECK(says(refused(with_name("Morn\u200Fing")), kName + "right-to-left mark (U+200F)" + kTurns));
}
TEST_CASE("restore refused: a routine name holding the Arabic letter mark (U+061C)") {
  CHECK(says(refused(with_name("Morn\u061Cing")), kName + "Arabic letter mark (U+061C)" + kTurns));
}
TEST_CASE("restore refused: a routine name holding the line separator (U+2028)") {
  CHECK(says(refused(with_name("Morn\u2028ing")), kName + "line separator (U+2028)" + kBreaks));
}
TEST_CASE("restore refused: a routine name holding the paragraph separator (U+2029)") {
  CHECK(says(refused(with_name("Morn\u2029ing")), kName + "paragraph separator (U+2029)" + kBreaks));
}

TEST_CASE("restore refused: a routine note holding the right-to-left override (U+202E)") {
  CHECK(says(refused(with_note("Slowly \u202Eplease")), kNote + "right-to-left override (U+202E)" + kTurns));
}
TEST_CASE("restore refused: a routine note holding the left-to-right mark (U+200E)") {
  CHECK(says(refused(with_note("Slowly \u200Eplease")), kNote + "left-to-right mark (U+200E)" + kTurns));
}
TEST_CASE("restore refused: a routine note holding the right-to-left mark (U+200F)") {
  CHECK(says(refused(with_note("Slowly \u200Fplease")), kNote + "right-to-left mark (U+200F)" + kTurns));
}
TEST_CASE("restore refused: a routine note holding the Arabic letter mark (U+061C)") {
  CHECK(says(refused(with_note("Slowly \u061Cplease")), kNote + "Arabic letter mark (U+061C)" + kTurns));
}
TEST_CASE("restore refused: a routine note holding the line separator (U+2028), though a note may break lines") {
  CHECK(says(refused(with_note("Slowly\u2028please")), kNote + "line separator (U+2028)" + kBreaks));
}
TEST_CASE("restore refused: a routine note holding the paragraph separator (U+2029), though a note may break lines") {
  CHECK(says(refused(with_note("Slowly\u2029please")), kNote + "paragraph separator (U+2029)" + kBreaks));
}

TEST_CASE("restore refused: a session's dosage holding NUL") {
  CHECK(says(refused(with_dosage(std::string("nh\0s", 4))), kDosage + "has a control character"));
}
TEST_CASE("restore refused: a session's dosage holding BEL") {
  CHECK(says(refused(with_dosage("nh\as")), kDosage + "has a control character"));
}
TEST_CASE("restore refused: a session's dosage holding CR") {
  CHECK(says(refused(with_dosage("nh\rs")), kDosage + "has a control character"));
}
TEST_CASE("restore refused: a session's dosage holding LF") {
  CHECK(says(refused(with_dosage("nh\ns")), kDosage + "has a control character"));
}
TEST_CASE("restore refused: a session's dosage holding a tab") {
  CHECK(says(refused(with_dosage("nh\ts")), kDosage + "has a control character"));
}
TEST_CASE("restore refused: a session's dosage holding DEL") {
  CHECK(says(refused(with_dosage("nh\x7fs")), kDosage + "has a control character"));
}
TEST_CASE("restore refused: a session's dosage holding a C1 control (U+0085)") {
  CHECK(says(refused(with_dosage("nh\xc2\x85s")), kDosage + "has a control character"));
}
TEST_CASE("restore refused: a session's dosage holding the right-to-left override (U+202E)") {
  CHECK(says(refused(with_dosage("nh\u202Es")), kDosage + "has an invisible mark, the right-to-left override (U+202E)" + kTurns));
}
TEST_CASE("restore refused: a session's dosage holding the left-to-right mark (U+200E)") {
  CHECK(says(refused(with_dosage("nh\u200Es")), kDosage + "has an invisible mark, the left-to-right mark (U+200E)" + kTurns));
}
TEST_CASE("restore refused: a session's dosage holding the right-to-left mark (U+200F)") {
  CHECK(says(refused(with_dosage("nh\u200Fs")), kDosage + "has an invisible mark, the right-to-left mark (U+200F)" + kTurns));
}
TEST_CASE("restore refused: a session's dosage holding the Arabic letter mark (U+061C)") {
  CHECK(says(refused(with_dosage("nh\u061Cs")), kDosage + "has an invisible mark, the Arabic letter mark (U+061C)" + kTurns));
}
TEST_CASE("restore refused: a session's dosage holding the line separator (U+2028)") {
  CHECK(says(refused(with_dosage("nh\u2028s")), kDosage + "has an invisible mark, the line separator (U+2028)" + kBreaks));
}
TEST_CASE("restore refused: a session's dosage holding the paragraph separator (U+2029)") {
  CHECK(says(refused(with_dosage("nh\u2029s")), kDosage + "has an invisible mark, the paragraph separator (U+2029)" + kBreaks));
}
TEST_CASE("restore refused: a session's dosage of 41 characters") {
  CHECK(says(refused(with_dosage(std::string(41, 'a'))), kDosage + "too long for a dosage id"));
}
TEST_CASE("restore: a session's dosage of 40 characters is kept") {
  UserData here = here_before();
  CHECK(import_backup(here, export_backup(with_dosage(std::string(40, 'a')), 1), test::shipped_catalogue()).error == "");
}

// Not valid UTF-8 cannot pass through a backup (the JSON parser refuses it first), but stored
// data is checked by the same rules: here, directly.
namespace {
// What the checks of stored data say at `path`: "" when nothing.
std::string stored_problem(const UserData& d, const std::string& path) {
  std::vector<DataProblem> problems;
  check(d, test::shipped_catalogue(), problems);
  for (const DataProblem& p : problems) {
    if (p.path == path) return p.message;
  }
  return {};
}
}  // namespace

TEST_CASE("stored data refused: a session's dosage that is not valid UTF-8") {
  CHECK(stored_problem(with_dosage("nh\xffs"), "sessions[0].record.exercises[0].dosage") == "is not valid text (UTF-8)");
  CHECK(stored_problem(with_dosage("nhs"), "sessions[0].record.exercises[0].dosage") == "");
}

TEST_CASE("stored data refused: the session in progress, its dosage holding the right-to-left override (U+202E)") {
  UserData d = backup_data();
  d.in_progress = InProgress{.record = one_session(1'700'200'000'000, "nhs_daily"), .next_exercise = 0, .saved_at_ms = 1};
  d.in_progress->record.exercises[0].dosage = "nh\u202Es";
  CHECK(stored_problem(d, "in_progress.record.exercises[0].dosage") ==
        "has an invisible mark, the right-to-left override (U+202E)" + kTurns);
}

TEST_CASE("restore refused: an unknown exercise's name is not echoed when it is not an id") {
  UserData d = backup_data();
  d.sessions[1].record.exercises[0].exercise = "cart\u202Ewheel";
  const std::string error = refused(d);
  CHECK(says(error, "data.sessions[1].record.exercises[0].exercise: unknown exercise"));
  CHECK_FALSE(says(error, "cart"));
}

TEST_CASE("restore refused: a routine of 31 exercises") {
  UserData d = backup_data();
  d.routines[0].items.assign(31, {.exercise = "knee_rolls"});
  CHECK(says(refused(d), "data.routines[0].items: has 31 exercises; the most is 30"));
}

TEST_CASE("restore refused: a routine of 2,000 exercises") {
  UserData d = backup_data();
  d.routines[0].items.assign(2000, {.exercise = "knee_rolls"});
  CHECK(says(refused(d), "data.routines[0].items: has 2000 exercises; the most is 30"));
}

TEST_CASE("restore refused: an own routine under a built-in routine's id") {
  UserData d = backup_data();
  d.routines[0].id = "nhs_daily";
  CHECK(says(refused(d), "data.routines[0].id: 'nhs_daily' is the id of one of Limber's own routines"));
}

TEST_CASE("restore refused: a routine id that is not an id") {
  UserData d = backup_data();
  d.routines[0].id = "My Routine!";
  CHECK(says(refused(d), "data.routines[0].id: a routine's id must be 1 to 40 lower-case letters"));
}

TEST_CASE("restore refused: a session naming an exercise Limber does not have") {
  UserData d = backup_data();
  d.sessions[1].record.exercises[0].exercise = "cartwheel";
  CHECK(says(refused(d), "data.sessions[1].record.exercises[0].exercise: unknown exercise 'cartwheel'"));
}

TEST_CASE("restore refused: active_seconds of 1e300") {
  UserData d = backup_data();
  d.sessions[0].record.active_seconds = 1e300;
  CHECK(says(refused(d), "data.sessions[0].record.active_seconds: must be from 0 to 86400 seconds"));
}

TEST_CASE("restore refused: active_seconds of -100") {
  UserData d = backup_data();
  d.sessions[0].record.active_seconds = -100;
  CHECK(says(refused(d), "data.sessions[0].record.active_seconds: must be from 0 to 86400 seconds"));
}

TEST_CASE("restore refused: a billion reps") {
  UserData d = backup_data();
  d.sessions[0].record.exercises[0].reps_done.left = 1'000'000'000;
  CHECK(says(refused(d), "data.sessions[0].record.exercises[0].reps_done: each count must be from 0 to 500"));
}

TEST_CASE("restore refused: a negative hold") {
  UserData d = backup_data();
  d.sessions[0].record.exercises[0].hold_seconds = -5;
  CHECK(says(refused(d), "data.sessions[0].record.exercises[0].hold_seconds: must be from 0 to 86400 seconds"));
  d = backup_data();
  d.sessions[0].record.exercises[0].holds_done.right = -1;
  CHECK(says(refused(d), "data.sessions[0].record.exercises[0].holds_done: each count must be from 0 to 500"));
}

TEST_CASE("restore refused: a session with no exercises at all") {
  UserData d = backup_data();
  d.sessions[0].record.exercises.clear();
  CHECK(says(refused(d), "data.sessions[0].record.exercises: a session has at least one exercise"));
}

TEST_CASE("restore refused: a session whose routine id is not an id") {
  UserData d = backup_data();
  auto& s = d.sessions[0];
  s.record.routine = std::string(41, 'a');
  s.id = session_id(s.record);
  CHECK(says(refused(d), "data.sessions[0].record.routine: a routine id must be 1 to 40"));
}

TEST_CASE("restore refused: several problems are named, the first three with their places") {
  UserData d = backup_data();
  d.routines[0].name = std::string(61, 'a');
  d.sessions[0].record.active_seconds = -1;
  d.sessions[1].record.pain_before = 11;
  d.sessions[1].record.exercises[0].planned_reps = -2;
  const std::string error = refused(d);
  CHECK(says(error, "data.routines[0].name: is 61 characters long; the most is 60; "
                    "data.sessions[0].record.active_seconds: must be from 0 to 86400 seconds (a day); "
                    "data.sessions[1].record.pain_before: a pain score must be from 0 to 10, got 11 (and 1 more)."));
}

TEST_CASE("restore: a session of a routine since deleted is kept, and named as no longer here") {
  UserData d = backup_data();
  d.routines.clear();  // "my-1" was deleted before the backup was saved
  UserData here;
  const ImportResult r = import_backup(here, export_backup(d, 1), test::shipped_catalogue());
  REQUIRE(r.ok());
  CHECK(here.sessions.size() == 2);
  const std::string csv = history_csv(here, test::shipped_catalogue(), 0);
  CHECK(says(csv, ",a routine no longer here (my-1),completed,"));
  CHECK(says(csv, ",NHS daily exercises,completed,"));  // a built-in routine keeps its name
}
