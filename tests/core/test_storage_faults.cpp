// Storage that misbehaves (app/app_storage_faults.cpp, storage/profile.h): nothing recorded is
// lost to a full disk, a storage that has not answered, a damaged or missing part, or a
// database emptied while the page is open; each time the person is told.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "app_fixtures.h"
#include "json/json_writer.h"
#include "storage/backup.h"

using namespace limber;
using test::AppRig;

namespace {

// The sessions a backup file holds.
std::size_t backup_sessions(const std::string& file) {
  const json::ParseResult parsed = json::parse(file);
  REQUIRE(parsed.ok());
  const json::Value* sessions = parsed.value.find("data")->find("sessions");
  REQUIRE(sessions);
  return std::get<json::Value::Array>(sessions->data).size();
}

// A whole session with every write failing (a full disk): filed at once, never waiting on them.
void session_while_full(AppRig& r, std::string_view routine) {
  REQUIRE(r.app.start_routine(routine) == "");
  REQUIRE(r.app.answer_pain(4) == "");
  r.run_while(app::PlayerStage::running);
  REQUIRE(r.app.answer_pain(3) == "");
  CHECK_FALSE(r.app.session_waiting_for_write());
  if (auto w = r.app.begin_write(r.clock.now + 60, true)) r.app.write_finished(w->revision, false, "the storage on this device is full", r.clock.now);
}

// One session stored; then a dark theme and a second session on a full disk.
void one_stored_then_full(AppRig& r) {
  r.complete_session("gentle_bad_day", 5, 4);
  r.store_all();
  REQUIRE(r.run("theme", "dark").ok);
  r.store(/*ok=*/false);
  session_while_full(r, "in_bed");
}

bool says(const AppRig& r, std::string_view words) { return r.app.notice().text.find(words) != std::string::npos; }

std::string legacy_fixture() {
  std::ifstream in(std::string(LIMBER_FIXTURES_DIR) + "/schema1_saved_by_0.1.0.json", std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("storage faults: a full disk: the page keeps what is unsaved, a backup holds it, and a reload takes it back") {
  AppRig r;
  one_stored_then_full(r);
  CHECK(r.sessions() == 2);
  const app::Effects kept = r.effects();
  REQUIRE(kept.keep_unsaved);
  CHECK(kept.keep_unsaved->find("\"blind\":false") != std::string::npos);
  CHECK(backup_sessions(r.backup_file()) == 2);  // the unsaved session too, as a session

  AppRig reloaded(false, r.disk);  // the disk still full
  reloaded.load_from_disk();
  CHECK(reloaded.sessions() == 2);
  CHECK(reloaded.app.settings().theme == storage::Theme::dark);
  CHECK(says(reloaded, "kept in this browser: it is back"));
  reloaded.store_all();
  CHECK(reloaded.disk->sessions.size() == 2);
  CHECK(reloaded.effects().keep_unsaved == std::optional<std::string>(""));  // stored: let go
  AppRig third(true, reloaded.disk);
  CHECK(third.sessions() == 2);
  CHECK(third.app.settings().theme == storage::Theme::dark);
}

TEST_CASE("storage faults: nothing is kept aside for the page while every write lands") {
  AppRig r;
  r.complete_session("gentle_bad_day", 5, 4);
  r.store_all();
  CHECK_FALSE(r.effects().keep_unsaved);
}

TEST_CASE("storage faults: work done before the storage answered is kept too, and the stored settings win over it") {
  AppRig earlier;
  earlier.complete_session("gentle_bad_day", 5, 4);
  REQUIRE(earlier.run("theme", "dark").ok);
  earlier.store_all();
  AppRig r(false, earlier.disk);
  r.app.load_stored({.kind = app::StoredInput::Kind::waiting}, "");
  r.complete_session("in_bed", 3, 2);
  const app::Effects kept = r.effects();
  REQUIRE(kept.keep_unsaved);
  CHECK(kept.keep_unsaved->find("\"blind\":true") != std::string::npos);

  AppRig reloaded(true, r.disk);  // the storage answers this time
  CHECK(reloaded.sessions() == 2);
  CHECK(reloaded.app.settings().theme == storage::Theme::dark);
  reloaded.store_all();
  CHECK(reloaded.disk->sessions.size() == 2);
}

TEST_CASE("storage faults: a session done while an upgrade was blocked is stored with the migrated ones") {
  AppRig r(false);
  r.disk->legacy = legacy_fixture();
  r.app.load_stored({.kind = app::StoredInput::Kind::waiting}, "");
  r.complete_session("in_bed", 3, 2);
  const app::StoredInput late = r.stored_input();
  json::Writer w;
  w.begin_object().key("kind").value("legacy").key("text").value(late.text).end_object();
  REQUIRE(r.run("stored_late", w.str()).ok);
  CHECK(r.sessions() == 3);
  r.store_all();
  CHECK(r.disk->sessions.size() == 3);  // the migration's 2 and the one done meanwhile
  AppRig reopened(true, r.disk);
  CHECK(reopened.sessions() == 3);
}

TEST_CASE("storage faults: unsaved work that cannot be read is kept aside and said, the stored data loads") {
  AppRig earlier;
  earlier.complete_session("gentle_bad_day", 5, 4);
  earlier.store_all();
  earlier.disk->unsaved = "{\"meta\":";
  AppRig r(true, earlier.disk);
  const app::Effects e = r.effects();
  REQUIRE(e.set_aside.size() == 1);
  CHECK(e.set_aside[0] == "{\"meta\":");
  CHECK(says(r, "could not be read"));
  CHECK(r.sessions() == 1);
}

TEST_CASE("storage faults: an unknown part that is not JSON is ignored, and left stored") {
  AppRig earlier;
  REQUIRE(earlier.run("theme", "dark").ok);
  earlier.store_all();
  earlier.disk->meta["notes"] = "this is not JSON";
  AppRig r(true, earlier.disk);
  CHECK(r.app.settings().theme == storage::Theme::dark);
  CHECK(r.app.notice().kind == app::NoticeKind::none);
  CHECK(r.effects().set_aside.empty());
  REQUIRE(r.run("theme", "high_contrast").ok);
  r.store_all();
  CHECK(r.disk->meta["notes"] == "this is not JSON");
  AppRig again(true, r.disk);
  CHECK(again.app.settings().theme == storage::Theme::high_contrast);
}

TEST_CASE("storage faults: a damaged settings part is kept aside once, and the own routines and history still load") {
  AppRig earlier;
  REQUIRE(earlier.run("copy_routine", "nhs_daily").ok);
  REQUIRE(earlier.run("save_routine").ok);
  earlier.complete_session("gentle_bad_day", 5, 4);
  earlier.store_all();
  earlier.disk->meta["settings"] = "{\"theme\":";
  AppRig r(true, earlier.disk);
  CHECK(r.app.data().routines.size() == 1);
  CHECK(r.sessions() == 1);
  CHECK(says(r, "your settings (settings: not valid JSON"));
  CHECK(says(r, "everything else is as you left it"));
  const app::Effects e = r.effects();
  REQUIRE(e.set_aside.size() == 1);
  CHECK(e.set_aside[0] == R"({"part":"settings","stored":"{\"theme\":"})");
  r.store_all();
  AppRig again(true, r.disk);  // read as new and written over: not set aside a second time
  CHECK(again.effects().set_aside.empty());
  CHECK(again.app.notice().kind == app::NoticeKind::none);
  CHECK(again.app.data().routines.size() == 1);
}

TEST_CASE("storage faults: each part can be damaged alone, and the others load") {
  for (const char* part : {"routines", "progress", "in_progress", "history"}) {
    CAPTURE(part);
    AppRig earlier;
    REQUIRE(earlier.run("theme", "dark").ok);
    earlier.complete_session("gentle_bad_day", 5, 4);
    earlier.store_all();
    earlier.disk->meta[part] = "[1,";
    AppRig r(true, earlier.disk);
    r.answer_reads();  // the history is counted again from its entries where it was the one
    CHECK(r.app.settings().theme == storage::Theme::dark);
    CHECK(r.sessions() == 1);
    CHECK(says(r, "Part of what Limber stored could not be read"));
  }
}

TEST_CASE("storage faults: a missing schema part is damage, not a first visit: the history is counted again, nothing overwritten unread") {
  AppRig earlier;
  REQUIRE(earlier.run("theme", "dark").ok);
  earlier.complete_session("gentle_bad_day", 5, 4);
  earlier.complete_session("in_bed", 3, 2);
  earlier.store_all();
  earlier.disk->meta.erase("schema");
  earlier.disk->meta.erase("history");
  AppRig r(true, earlier.disk);
  CHECK(says(r, "how the data is laid out"));
  CHECK(r.app.settings().theme == storage::Theme::dark);
  r.answer_reads();
  CHECK(r.sessions() == 2);
  r.store_all();
  CHECK(r.disk->meta.contains("schema"));
  AppRig again(true, r.disk);
  CHECK(again.sessions() == 2);
  CHECK(again.app.notice().kind == app::NoticeKind::none);
}

TEST_CASE("storage faults: a newer layout's parts are refused whole, never read as this one") {
  AppRig earlier;
  earlier.store_all();
  earlier.disk->meta["schema"] = "4";
  AppRig r(true, earlier.disk);
  CHECK(says(r, "newer version of Limber (layout 4)"));
}

TEST_CASE("storage faults: a storage emptied while open gets everything held written again, and the person is told") {
  AppRig r;
  REQUIRE(r.run("theme", "dark").ok);
  r.complete_session("gentle_bad_day", 5, 4);
  r.store_all();
  r.disk->meta.clear();
  r.disk->sessions.clear();
  CHECK_FALSE(r.run("storage_lost", "").ok);
  REQUIRE(r.run("storage_lost", "the database was deleted").ok);
  CHECK(r.app.notice().kind == app::NoticeKind::problem);
  CHECK(r.app.notice().offer_export);
  CHECK(says(r, "emptied while Limber was open (the database was deleted)"));
  CHECK(says(r, "all 1 session"));
  r.store_all();
  AppRig reopened(true, r.disk);
  CHECK(reopened.sessions() == 1);
  CHECK(reopened.disk->sessions.size() == 1);
  CHECK(reopened.app.settings().theme == storage::Theme::dark);
}

TEST_CASE("storage faults: an empty storage where this browser kept data before is said, not taken for a first visit") {
  AppRig earlier;
  earlier.complete_session("gentle_bad_day", 5, 4);
  earlier.store_all();
  REQUIRE(earlier.disk->held == 1);
  earlier.disk->meta.clear();
  earlier.disk->sessions.clear();
  AppRig r(true, earlier.disk);
  CHECK(r.app.notice().kind == app::NoticeKind::problem);
  CHECK(says(r, "had kept your Limber progress (1 session)"));
  AppRig first(true);
  CHECK(first.app.notice().kind == app::NoticeKind::none);
}

TEST_CASE("storage faults: a backup over the one limit is refused before it is read, in exact bytes") {
  AppRig r;
  CHECK(r.run("import_size", std::to_string(storage::kMaxBackupBytes)).ok);
  const app::CommandResult over = r.run("import_size", std::to_string(storage::kMaxBackupBytes + 1));
  CHECK_FALSE(over.ok);
  CHECK(says(r, "This file is 64,000,001 bytes; Limber reads backups of up to 64,000,000 bytes"));
  CHECK(says(r, "Nothing was changed"));
}

TEST_CASE("storage faults: a reload the storage cannot be read for shows the unsaved work, writes nothing, then keeps both") {
  AppRig r;
  one_stored_then_full(r);
  r.effects();  // the page keeps the unsaved work

  AppRig reloaded(false, r.disk);
  reloaded.app.load_stored({.unsaved = r.disk->unsaved}, "Internal error opening backing store");
  CHECK(says(reloaded, "could not be read"));
  CHECK(reloaded.sessions() == 1);  // the unsaved one, while the stored ones cannot be read
  CHECK_FALSE(reloaded.app.begin_write(reloaded.clock.now + 60, true));
  json::Writer w;
  w.begin_object().key("kind").value("parts").key("text").value(reloaded.stored_input().text).end_object();
  REQUIRE(reloaded.run("stored_late", w.str()).ok);
  CHECK(reloaded.sessions() == 2);
  CHECK(reloaded.app.settings().theme == storage::Theme::dark);  // the latest, not the stored one
  reloaded.store_all();
  CHECK(reloaded.effects().keep_unsaved == std::optional<std::string>(""));
  AppRig third(true, reloaded.disk);
  CHECK(third.sessions() == 2);
  CHECK(third.app.settings().theme == storage::Theme::dark);
}
