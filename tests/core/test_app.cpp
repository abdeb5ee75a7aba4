// The app as a person uses it: sessions saved as they go, interrupted sessions, storage
// trouble, imports, deletions. Each case drives App through its public actions.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "app_fixtures.h"
#include "print/svg.h"
#include "storage/backup.h"

using namespace limber;
using app::PlayerStage;
using app::Screen;
using app::Confirm;
using test::AppRig;

namespace {
int completed_exercises(const session::SessionRecord& r) { return session::count_outcomes(r).completed; }
}  // namespace

TEST_CASE("app: a whole session is stored with its pain scores, and progression learns from it") {
  AppRig r;
  REQUIRE(r.app.start_routine("gentle_bad_day") == "");
  CHECK(r.app.nav().screen() == Screen::player);
  CHECK_FALSE(r.app.take_effects().request_persist);  // no browser question as a session starts
  REQUIRE(r.app.answer_pain(6) == "");
  r.run_while(PlayerStage::running);
  REQUIRE(r.app.player().stage() == PlayerStage::pain_after);
  CHECK_FALSE(r.app.take_effects().request_persist);
  REQUIRE(r.app.answer_pain(3) == "");
  CHECK(r.app.player().stage() == PlayerStage::summary);
  CHECK(r.app.take_effects().request_persist);  // asked at the last answer, with something to keep
  r.store();  // the score's own write
  REQUIRE(r.sessions() == 1);
  const auto& stored = r.last_session();
  CHECK(stored.routine == "gentle_bad_day");
  CHECK(stored.pain_before == 6);
  CHECK(stored.pain_after == 3);
  CHECK(stored.completed);
  CHECK(completed_exercises(stored) == 4);
  CHECK_FALSE(r.app.data().in_progress);
  CHECK_FALSE(r.app.data().progress.exercises.empty());
  // What is written reads back as the same data: the parts, and the session as its own entry.
  r.store();
  CHECK(r.disk->sessions.size() == 1);
  AppRig reopened(true, r.disk);
  CHECK(reopened.app.data() == r.app.data());
  r.app.close_session();
  CHECK(r.app.nav().screen() == Screen::today);
  CHECK_FALSE(r.app.session_open());
}

TEST_CASE("app: the last pain score is written on its own first, as small as an exercise's write, then the session is filed") {
  AppRig r;
  r.run_to_last_question("gentle_bad_day", 6);
  REQUIRE(r.app.answer_pain(3) == "");
  // Held back: the score is in the session in progress, which is all the next write carries.
  CHECK(r.app.session_waiting_for_write());
  CHECK(r.sessions() == 0);
  REQUIRE(r.app.data().in_progress);
  CHECK(r.app.data().in_progress->record.pain_after == 3);
  CHECK_FALSE(r.app.interrupted());  // finished, not interrupted, while it waits
  const std::string first = r.store();
  CHECK(first.find("\"in_progress\"") != std::string::npos);
  CHECK(first.find("\"history\"") == std::string::npos);
  // That write landed: the session is filed, and the next write carries it.
  CHECK_FALSE(r.app.session_waiting_for_write());
  CHECK(r.sessions() == 1);
  CHECK(r.last_session().pain_after == 3);
  const std::string second = r.store();
  CHECK(second.find("\"history\"") != std::string::npos);
}

TEST_CASE("app: a browser killed between the score's write and the session's still has the score") {
  auto disk = std::make_shared<test::FakeStore>();
  {
    AppRig first(true, disk);
    first.run_to_last_question("gentle_bad_day", 6);
    REQUIRE(first.app.answer_pain(3) == "");
    first.store();  // the score lands; the kill comes before the session's own write
  }
  AppRig again(false, disk);
  again.load_from_disk();
  REQUIRE(again.app.interrupted());
  REQUIRE(again.run("record_interrupted").ok);
  REQUIRE(again.sessions() == 1);
  CHECK(again.last_session().pain_after == 3);
  CHECK(again.last_session().completed);
  CHECK_FALSE(again.last_session().ended_early);
}

TEST_CASE("app: a failed write of the last score files the session at once, in memory") {
  AppRig r;
  r.run_to_last_question("gentle_bad_day", 6);
  REQUIRE(r.app.answer_pain(3) == "");
  r.store(false);
  CHECK_FALSE(r.app.session_waiting_for_write());
  CHECK(r.sessions() == 1);
}

TEST_CASE("app: each finished exercise is saved before the session moves on") {
  AppRig r;
  REQUIRE(r.app.start_routine("gentle_bad_day") == "");
  REQUIRE(r.app.answer_pain(4) == "");
  r.store();
  while (r.app.player().finished_exercises() == 0) r.advance(0.25);
  REQUIRE(r.app.data().in_progress);
  CHECK(r.app.data().in_progress->next_exercise == 1);
  CHECK(completed_exercises(r.app.data().in_progress->record) == 1);
  CHECK(r.app.sync().status() == storage::StoreStatus::pending);
  // Only what changed is written: the session so far, not the history or the settings.
  const std::string text = r.store();
  CHECK(text.find("\"in_progress\"") != std::string::npos);
  CHECK(text.find("\"history\"") == std::string::npos);
  CHECK(text.find("\"settings\"") == std::string::npos);
  AppRig reopened(true, r.disk);
  REQUIRE(reopened.app.data().in_progress);
  CHECK(reopened.app.data().in_progress->record.pain_before == 4);
}

TEST_CASE("app: nothing is written before the stored data has loaded") {
  AppRig r(/*load=*/false);
  REQUIRE(r.app.start_routine("gentle_bad_day") == "");
  REQUIRE(r.app.answer_pain(4) == "");
  r.advance(60);
  CHECK_FALSE(r.app.begin_write(r.clock.now, true));
}

TEST_CASE("app: an interrupted session is offered on return and can be recorded as ended early") {
  auto disk = std::make_shared<test::FakeStore>();
  {
    AppRig first(true, disk);
    REQUIRE(first.app.start_routine("gentle_bad_day") == "");
    REQUIRE(first.app.answer_pain(5) == "");
    while (first.app.player().finished_exercises() == 0) first.advance(0.25);
    first.store();  // then the tab is closed
  }
  AppRig again(true, disk);
  const storage::InProgress* ip = again.app.interrupted();
  REQUIRE(ip);
  CHECK(ip->next_exercise == 1);
  CHECK(again.run("record_interrupted").ok);
  CHECK_FALSE(again.app.interrupted());
  REQUIRE(again.sessions() == 1);
  const auto& rec = again.last_session();
  CHECK(rec.ended_early);
  CHECK_FALSE(rec.completed);
  CHECK(completed_exercises(rec) == 1);
  CHECK(rec.ended_at_ms >= rec.started_at_ms);
  again.store();
  AppRig reopened(true, disk);  // the record is valid stored data
  CHECK(reopened.sessions() == 1);
}

TEST_CASE("app: an interrupted session resumes at the next exercise and is stored as one session") {
  auto disk = std::make_shared<test::FakeStore>();
  std::int64_t started = 0;
  {
    AppRig first(true, disk);
    REQUIRE(first.app.start_routine("gentle_bad_day") == "");
    REQUIRE(first.app.answer_pain(5) == "");
    while (first.app.player().finished_exercises() == 0) first.advance(0.25);
    started = first.app.player().record().started_at_ms;
    first.store();
  }
  AppRig again(false, disk);
  again.clock.now += 3600;
  again.load_from_disk();
  REQUIRE(again.run("resume_interrupted").ok);
  CHECK(again.app.player().stage() == PlayerStage::running);  // pain was asked before
  CHECK(again.app.player().engine().snapshot().exercise_id == again.app.find_routine("gentle_bad_day")->items[1].exercise);
  again.run_while(PlayerStage::running);
  REQUIRE(again.app.answer_pain(2) == "");
  again.store();  // the score's own write
  REQUIRE(again.sessions() == 1);
  const auto& rec = again.last_session();
  CHECK(rec.started_at_ms == started);
  CHECK(rec.pain_before == 5);
  CHECK(rec.pain_after == 2);
  CHECK(rec.exercises.size() == 4);
  CHECK(completed_exercises(rec) == 4);
  CHECK_FALSE(again.app.data().in_progress);
}

TEST_CASE("app: a failed write keeps the data, tells the person, offers export, and recovers") {
  AppRig r;
  r.app.choose_routine("in_bed");
  r.store(/*ok=*/false);
  CHECK(r.app.notice().kind == app::NoticeKind::problem);
  CHECK(r.app.notice().offer_export);
  CHECK(r.app.notice().text.find("QuotaExceededError") != std::string::npos);
  CHECK(r.app.data().settings.current_routine == "in_bed");
  r.clock.now += storage::kFirstRetrySeconds;
  r.store(/*ok=*/true);
  CHECK(r.app.sync().status() == storage::StoreStatus::saved);
  CHECK(r.app.notice().kind == app::NoticeKind::info);
}

TEST_CASE("app: storage that cannot be opened is reported and the app works in memory") {
  AppRig r(false);
  r.app.load_stored({}, "IndexedDB is not available in private browsing");
  CHECK(r.app.notice().kind == app::NoticeKind::problem);
  CHECK(r.app.notice().offer_export);
  CHECK(r.app.start_routine("gentle_bad_day") == "");
}

TEST_CASE("app: stored data that cannot be read is kept aside, never overwritten unseen") {
  AppRig r(false);
  r.app.load_stored({.kind = app::StoredInput::Kind::legacy, .text = R"({"schema":1,"sessions":"lots"})"}, "");
  const auto effects = r.app.take_effects();
  REQUIRE(effects.set_aside.size() == 1);
  CHECK(effects.set_aside.front() == R"({"schema":1,"sessions":"lots"})");
  CHECK(r.app.notice().kind == app::NoticeKind::problem);
  CHECK(r.app.notice().text.find("kept aside") != std::string::npos);
  CHECK(r.app.data() == storage::Profile{});
}

TEST_CASE("app: stored parts that cannot be read are kept aside, and the history is counted again from its entries") {
  AppRig earlier;
  earlier.complete_session("gentle_bad_day", 5, 4);
  earlier.store();
  earlier.disk->meta["history"] = R"({"recent":"lots"})";
  AppRig r(true, earlier.disk);
  app::Effects effects = r.answer_reads();
  REQUIRE(effects.set_aside.size() == 1);
  CHECK(effects.set_aside.front().find("lots") != std::string::npos);
  CHECK(r.app.notice().text.find("kept aside") != std::string::npos);
  CHECK(r.sessions() == 1);  // rebuilt from the session's own entry
}

TEST_CASE("app: after a load that failed nothing is written until the stored data is read, then both are kept") {
  AppRig earlier;
  earlier.complete_session("gentle_bad_day", 5, 4);
  earlier.store();

  AppRig r(false, earlier.disk);
  r.app.load_stored({}, "the database was busy");
  CHECK(r.app.notice().text.find("could not be read") != std::string::npos);
  r.app.choose_routine("in_bed");
  r.complete_session("in_bed", 3, 2);
  CHECK_FALSE(r.app.begin_write(r.clock.now + 60, true));  // never over what was not read
  CHECK(r.disk->sessions.size() == 1);
  json::Writer w;
  w.begin_object().key("kind").value("parts").key("text").value(r.stored_input().text).end_object();
  REQUIRE(r.run("stored_late", w.str()).ok);  // the page read it again, and could
  CHECK(r.sessions() == 2);
  r.store_all();
  CHECK(r.disk->sessions.size() == 2);
  AppRig reopened(true, r.disk);
  CHECK(reopened.sessions() == 2);
  CHECK(reopened.app.data().settings.current_routine == earlier.app.data().settings.current_routine);  // the stored settings win
}

TEST_CASE("app: two tabs that both record sessions keep both, each written once, by entry") {
  AppRig a;
  AppRig b(true, a.disk);
  a.complete_session("gentle_bad_day", 5, 4);
  a.store_all();
  b.clock.now += 5000;
  b.clock.wall += 5'000'000;
  b.complete_session("in_bed", 3, 2);
  b.store_all();
  CHECK(b.sessions() == 2);
  a.app.choose_routine("nhs_daily");
  a.store_all();
  AppRig reopened(true, a.disk);
  CHECK(reopened.sessions() == 2);
  CHECK(reopened.app.data().history.recent.size() == 2);
  CHECK(a.disk->sessions.size() == 2);
}

TEST_CASE("app: a malformed or foreign backup changes nothing and says why") {
  AppRig r;
  r.complete_session("gentle_bad_day", 5, 4);
  const storage::Profile before = r.app.data();
  const auto revision = r.app.sync().revision();
  for (const char* text : {"{not json", R"({"format":"someone-else","data":{}})",
                           R"({"format":"limber-backup","exported_at_ms":1,"data":{"schema":1,"sessions":[{"id":"x"}]}})"}) {
    CAPTURE(text);
    CHECK_FALSE(r.run("import", text).ok);
    CHECK(r.app.notice().kind == app::NoticeKind::problem);
    CHECK(r.app.notice().text.find("Nothing was changed") != std::string::npos);
    CHECK(r.app.data() == before);
    CHECK(r.app.sync().revision() == revision);
  }
}

TEST_CASE("app: a backup imported twice adds its sessions once") {
  AppRig source;
  source.complete_session("gentle_bad_day", 5, 4);
  const std::string backup = source.backup_file();
  AppRig r;
  CHECK(r.run("import", backup).ok);
  r.answer_reads();
  CHECK(r.app.notice().text == "Backup imported: 1 session added.");
  r.store_all();
  CHECK(r.run("import", backup).ok);
  r.answer_reads();
  CHECK(r.sessions() == 1);
  CHECK(r.app.notice().text == "Backup imported: 0 sessions added, 1 already here.");
}

TEST_CASE("app: deleting everything asks first, and no keeps everything") {
  AppRig r;
  r.app.choose_routine("in_bed");
  CHECK(r.run("delete_all").ok);
  CHECK(r.app.confirm() == app::Confirm::delete_all_data);
  CHECK(r.run("no").ok);
  CHECK(r.app.data().settings.current_routine == "in_bed");
  CHECK(r.run("delete_all").ok);
  CHECK(r.run("yes").ok);
  CHECK(r.app.data() == storage::Profile{});
  CHECK(r.app.sync().status() == storage::StoreStatus::pending);  // the deletion is written
}

TEST_CASE("app: ending a session asks first, Back during a session asks too") {
  AppRig r;
  REQUIRE(r.app.start_routine("gentle_bad_day") == "");
  REQUIRE(r.app.answer_pain(5) == "");
  r.advance(5);
  CHECK(r.run("back").ok);
  CHECK(r.app.confirm() == app::Confirm::end_session);
  CHECK(r.app.nav().screen() == Screen::player);
  CHECK(r.app.player().engine().status() == session::Status::paused);  // waits while asking
  CHECK(r.run("back").ok);  // Back again closes the question, and the session carries on
  CHECK(r.app.confirm() == app::Confirm::none);
  CHECK(r.app.player().stage() == PlayerStage::running);
  CHECK(r.app.player().engine().status() == session::Status::running);
  r.run("pause");
  r.run("end");
  r.run("no");  // paused before the question: stays paused
  CHECK(r.app.player().engine().status() == session::Status::paused);
  r.run("pause");
  CHECK(r.run("end").ok);
  CHECK(r.run("yes").ok);
  r.advance(0.25);
  CHECK(r.app.player().stage() == PlayerStage::pain_after);
  CHECK(r.run("pain", "skip").ok);
  REQUIRE(r.sessions() == 1);
  CHECK(r.last_session().ended_early);
}

TEST_CASE("app: hiding the page pauses the session (by default) and saves it") {
  AppRig r;
  REQUIRE(r.app.start_routine("gentle_bad_day") == "");
  REQUIRE(r.app.answer_pain(5) == "");
  r.advance(3);
  r.store();
  r.app.page_hidden();
  CHECK(r.app.player().engine().status() == session::Status::paused);
  CHECK_FALSE(r.app.wants_wake_lock());
  r.run("pause");
  CHECK(r.app.player().engine().status() == session::Status::running);
}

TEST_CASE("app: the screen is kept awake only while a session runs and the setting allows") {
  AppRig r;
  CHECK_FALSE(r.app.wants_wake_lock());
  REQUIRE(r.app.start_routine("gentle_bad_day") == "");
  CHECK_FALSE(r.app.wants_wake_lock());  // asking about pain: nothing runs yet
  REQUIRE(r.app.answer_pain(5) == "");
  CHECK(r.app.wants_wake_lock());
  r.run("setting", "keep_screen_awake=off");
  CHECK_FALSE(r.app.wants_wake_lock());
}

TEST_CASE("app: the person's own routine is deleted only after confirmation") {
  AppRig r;
  r.app.copy_routine("gentle_bad_day");
  const catalogue::Routine* draft = r.app.draft().routine();
  REQUIRE(draft != nullptr);
  const std::string id = draft ? draft->id : std::string();  // the guard also satisfies GCC's -O2 null check
  REQUIRE(r.app.save_draft() == "");
  CHECK(r.app.is_own_routine(id));
  CHECK(r.app.nav().screen() == Screen::today);
  r.app.ask_delete_routine(id);
  CHECK(r.app.confirm() == app::Confirm::delete_routine);
  CHECK(r.run("no").ok);
  CHECK(r.app.is_own_routine(id));
  r.app.ask_delete_routine(id);
  CHECK(r.run("yes").ok);
  CHECK_FALSE(r.app.is_own_routine(id));
  r.app.ask_delete_routine("nhs_daily");  // built-in routines cannot be deleted
  CHECK(r.app.confirm() == app::Confirm::none);
}

TEST_CASE("app: cues reach the page as effects while a session runs") {
  AppRig r;
  REQUIRE(r.app.start_routine("gentle_bad_day") == "");
  REQUIRE(r.app.answer_pain(5) == "");
  r.advance(15);
  const auto effects = r.app.take_effects();
  CHECK_FALSE(effects.cues.empty());
  CHECK(r.app.take_effects().cues.empty());  // taken once
}

namespace {
// What the library should show for a filter, counted straight from the catalogue.
std::size_t expected_count(const catalogue::Catalogue& c, const app::LibraryFilter& f) {
  return static_cast<std::size_t>(std::count_if(c.exercises.begin(), c.exercises.end(), [&](const catalogue::Exercise& e) {
    return (!f.position || e.position == *f.position) && (!f.in_bed || e.in_bed == *f.in_bed) && (!f.kind || e.kind == *f.kind);
  }));
}
// Sets every filter through the command, as the library's chips do.
void set_filters(AppRig& r, const app::LibraryFilter& f) {
  REQUIRE(r.run("filter", "position=" + std::string(f.position ? json::enum_name(*f.position) : "any")).ok);
  REQUIRE(r.run("filter", "kind=" + std::string(f.kind ? json::enum_name(*f.kind) : "any")).ok);
  REQUIRE(r.run("filter", std::string("in_bed=") + (f.in_bed ? (*f.in_bed ? "yes" : "no") : "any")).ok);
  REQUIRE(r.app.library_filter() == f);
}
}  // namespace

TEST_CASE("app: the library filters by position, in bed and kind, each alone and together") {
  AppRig r;
  const catalogue::Catalogue& c = r.app.catalogue();
  CHECK(r.app.filtered_exercises().size() == c.exercises.size());
  // Every position and every kind the catalogue uses: the list is exactly those exercises,
  // none empty, none the whole catalogue (so a filter that does nothing fails here).
  int positions_seen = 0, kinds_seen = 0;
  for (const auto& [position, name] : json::EnumNames<catalogue::Position>::values) {
    set_filters(r, {.position = position});
    const auto shown = r.app.filtered_exercises();
    INFO("position " << name);
    CHECK(shown.size() == expected_count(c, r.app.library_filter()));
    CHECK(shown.size() < c.exercises.size());
    for (const auto* e : shown) CHECK(e->position == position);
    positions_seen += shown.empty() ? 0 : 1;
  }
  CHECK(positions_seen >= 3);
  for (const auto& [kind, name] : json::EnumNames<catalogue::ExerciseKind>::values) {
    set_filters(r, {.kind = kind});
    const auto shown = r.app.filtered_exercises();
    INFO("kind " << name);
    CHECK(shown.size() == expected_count(c, r.app.library_filter()));
    for (const auto* e : shown) CHECK(e->kind == kind);
    kinds_seen += shown.empty() ? 0 : 1;
  }
  CHECK(kinds_seen >= 3);
  set_filters(r, {.in_bed = true});
  const auto in_bed = r.app.filtered_exercises();
  CHECK_FALSE(in_bed.empty());
  CHECK(in_bed.size() == expected_count(c, r.app.library_filter()));
  for (const auto* e : in_bed) CHECK(e->in_bed);
  // Together: on the back and in bed is narrower than either alone, and not empty.
  set_filters(r, {.position = catalogue::Position::on_back, .in_bed = true});
  const auto both = r.app.filtered_exercises();
  CHECK_FALSE(both.empty());
  CHECK(both.size() == expected_count(c, r.app.library_filter()));
  for (const auto* e : both) CHECK((e->position == catalogue::Position::on_back && e->in_bed));
}

TEST_CASE("app: an update waits for the person, never starts in a session, and only once all is saved") {
  AppRig r;
  CHECK(r.run("apply_update").error == "apply_update: no update is waiting");
  CHECK(r.run("update_ready").ok);
  CHECK(r.app.update_ready());
  REQUIRE(r.app.start_routine("gentle_bad_day") == "");
  CHECK(r.run("apply_update").error == "apply_update: a session is open: the update waits until it ends");
  REQUIRE(r.app.answer_pain(3) == "");
  r.advance(5);
  CHECK_FALSE(r.app.take_effects().apply_update);
  r.run("end");
  r.run("yes");
  r.advance(0.25);
  r.run("pain", "skip");
  r.app.close_session();
  CHECK(r.run("apply_update").ok);
  CHECK_FALSE(r.app.take_effects().apply_update);  // the finished session is not stored yet
  r.store();
  const auto effects = r.app.take_effects();
  CHECK(effects.apply_update);
  CHECK(r.app.update_applying());
  CHECK_FALSE(r.app.take_effects().apply_update);  // once
}

TEST_CASE("app: a routine shared as a link is shown first, then added only when the person agrees") {
  AppRig clinician;
  clinician.app.copy_routine("gentle_bad_day");
  REQUIRE(clinician.run("text", "link_note=Every morning.").ok);
  REQUIRE(clinician.app.share_draft() == "");
  const std::string link = clinician.app.draft().last_link();
  CHECK(clinician.app.take_effects().copy_link == link);

  AppRig patient;
  REQUIRE(patient.run("open_link", "#" + link).ok);
  CHECK(patient.app.nav().screen() == Screen::shared_routine);
  REQUIRE(patient.app.incoming());
  CHECK(patient.app.incoming()->routine.note == "Every morning.");
  CHECK(patient.app.data().routines.empty());
  CHECK(patient.run("accept_link").ok);
  REQUIRE(patient.app.data().routines.size() == 1);
  CHECK(patient.app.current_routine() == &patient.app.data().routines.front());
  // The amounts the clinician's copy had, exactly, and the note with the routine itself.
  CHECK(patient.app.data().routines.front().items == clinician.app.draft().routine()->items);
  CHECK(patient.app.data().routines.front().note == "Every morning.");
  CHECK(patient.run("accept_link").error == "accept_link: no routine link is open");
}

TEST_CASE("app: a link is called copied only once the page says the clipboard took it") {
  AppRig r;
  r.app.copy_routine("in_bed");
  CHECK(r.run("link_copied", "yes").error == "link_copied: no link is waiting to be copied");
  REQUIRE(r.run("share_link").ok);
  CHECK(r.app.draft().link_copy() == app::LinkCopy::pending);
  CHECK(r.run("link_copied", "maybe").error == "link_copied: expected yes or no, got 'maybe'");
  REQUIRE(r.run("link_copied", "no").ok);
  CHECK(r.app.draft().link_copy() == app::LinkCopy::refused);
  REQUIRE(r.run("share_link").ok);
  REQUIRE(r.run("link_copied", "yes").ok);
  CHECK(r.app.draft().link_copy() == app::LinkCopy::copied);
  // Another routine in the editor: the old link and its outcome go.
  r.app.new_routine();
  CHECK(r.app.draft().link_copy() == app::LinkCopy::none);
  CHECK(r.app.draft().last_link().empty());
}

TEST_CASE("app: a broken routine link changes nothing and says what is wrong") {
  AppRig clinician;
  clinician.app.copy_routine("in_bed");
  REQUIRE(clinician.app.share_draft() == "");
  const std::string link = clinician.app.draft().last_link();
  AppRig patient;
  const auto revision = patient.app.sync().revision();
  const auto result = patient.run("open_link", link.substr(0, link.size() - 3));
  CHECK_FALSE(result.ok);
  CHECK(patient.app.notice().kind == app::NoticeKind::problem);
  CHECK(patient.app.notice().text.find("Nothing was added") != std::string::npos);
  CHECK(patient.app.nav().screen() == Screen::today);
  CHECK_FALSE(patient.app.incoming());
  CHECK(patient.app.sync().revision() == revision);
}

TEST_CASE("app: starting a new session keeps an interrupted one as ended early, never drops it") {
  auto disk = std::make_shared<test::FakeStore>();
  {
    AppRig first(true, disk);
    REQUIRE(first.app.start_routine("gentle_bad_day") == "");
    REQUIRE(first.app.answer_pain(5) == "");
    while (first.app.player().finished_exercises() == 0) first.advance(0.25);
    first.store();
  }
  AppRig again(false, disk);
  again.clock.now += 600;
  again.load_from_disk();
  REQUIRE(again.app.interrupted());
  REQUIRE(again.app.start_routine("in_bed") == "");
  REQUIRE(again.sessions() == 1);
  CHECK(again.last_session().routine == "gentle_bad_day");
  CHECK(again.last_session().ended_early);
}

TEST_CASE("app: a wall clock set back during a session still gives a record that can be stored and read") {
  AppRig r;
  REQUIRE(r.app.start_routine("gentle_bad_day") == "");
  REQUIRE(r.app.answer_pain(5) == "");
  r.advance(5);
  r.clock.wall -= 3'600'000;  // the device's clock is corrected an hour back
  r.run("end");
  r.run("yes");
  r.advance(0.25);
  r.run("pain", "skip");
  REQUIRE(r.sessions() == 1);
  const auto& rec = r.last_session();
  CHECK(rec.ended_at_ms >= rec.started_at_ms);
  r.store();
  AppRig reopened(true, r.disk);
  CHECK(reopened.sessions() == 1);
}

TEST_CASE("app: delete all clears storage (copies kept aside too), and nothing found later comes back") {
  AppRig earlier;
  earlier.complete_session("gentle_bad_day", 5, 4);
  earlier.store();
  AppRig r(false, earlier.disk);
  r.app.load_stored({}, "the database was busy");
  r.run("delete_all");
  r.run("yes");
  CHECK(r.app.take_effects().clear_storage);
  auto w = r.app.begin_write(r.clock.now, false);  // nothing left unread: writes start
  REQUIRE(w);
  r.app.write_finished(w->revision, false, "", r.clock.now, "{\"history\":" + earlier.disk->meta["history"] + ",\"routines\":null}");
  CHECK(r.sessions() == 0);
}

TEST_CASE("app: importing a backup learns progression again from the whole history") {
  AppRig source;
  for (int i = 0; i < 2; ++i) {
    source.complete_session("gentle_bad_day", 3, 2);
    source.app.close_session();
    source.clock.now += 86400;
  }
  REQUIRE_FALSE(source.app.data().progress.exercises.empty());
  AppRig r;
  REQUIRE(r.run("import", source.backup_file()).ok);
  r.answer_reads();
  CHECK(r.app.data().progress == source.app.data().progress);
}

TEST_CASE("app: a widget whose browser keeps no storage writes nothing and raises no alarm") {
  AppRig r(false);
  r.app.set_embed({.embedded = true, .routine = "in_bed", .theme = std::nullopt, .host_origin = "https://clinic.example"});
  r.app.load_stored({}, "The user denied permission to access the database.");
  r.app.choose_routine("in_bed");
  CHECK_FALSE(r.app.begin_write(r.clock.now, true));
  CHECK(r.app.notice().kind == app::NoticeKind::info);
}

TEST_CASE("app: when the stored sessions cannot be read, a backup holds what is in memory and says so, and an import changes nothing") {
  AppRig r;
  r.complete_session("gentle_bad_day", 5, 4);
  r.store_all();
  r.app.export_backup();
  REQUIRE(r.app.take_effects().read_sessions);
  CHECK(r.run("sessions_unreadable", "The database connection is closing.").ok);
  const app::Effects effects = r.app.take_effects();
  REQUIRE(effects.downloads.size() == 1);
  CHECK(effects.downloads.front().text.find(r.last_session().routine) != std::string::npos);
  CHECK(r.app.notice().kind == app::NoticeKind::problem);
  CHECK(r.app.notice().text.find("could not be read (The database connection is closing.)") != std::string::npos);
  CHECK(r.app.notice().text.find("1 most recent sessions") != std::string::npos);

  AppRig source;
  source.complete_session("in_bed", 3, 2);
  const std::string backup = source.backup_file();
  const auto revision = r.app.sync().revision();
  REQUIRE(r.run("import", backup).ok);
  CHECK(r.run("sessions_unreadable", "busy").ok);
  CHECK(r.app.notice().text.find("The backup was not imported; nothing was changed.") != std::string::npos);
  CHECK(r.sessions() == 1);
  CHECK(r.app.sync().revision() == revision);
  CHECK_FALSE(r.run("sessions_unreadable", "again").ok);  // nobody asked
}

TEST_CASE("app: the appointment report waits for every stored session, and counts them over the period chosen") {
  AppRig r;
  r.complete_session("gentle_bad_day", 5, 4);
  r.complete_session("gentle_bad_day", 6, 3);
  r.store_all();
  CHECK(r.run("report_weeks", "3").error == "report_weeks: expected 2, 4, 8 or 12 weeks");
  CHECK_FALSE(r.run("report_weeks", "four").ok);
  REQUIRE(r.run("report_weeks", "2").ok);
  CHECK(r.app.report_weeks() == 2);
  REQUIRE(r.run("print_report").ok);
  const app::Effects effects = r.answer_reads();
  CHECK(effects.print_sheet.find("(2 weeks): 2 sessions.") != std::string::npos);
  CHECK(effects.print_sheet.find("<td>5.5</td><td>3.5</td>") != std::string::npos);
  REQUIRE(r.app.current_routine() != nullptr);
  CHECK(effects.print_sheet.find("<strong>" + print::html_text(r.app.current_routine()->name) + "</strong>") != std::string::npos);
  CHECK(effects.print_sheet.find("#routine=2.") != std::string::npos);
}

TEST_CASE("app: a printed sheet for any routine by id, or for the one being edited with its note") {
  AppRig r;
  REQUIRE(r.run("print_routine", "in_bed").ok);
  const std::string sheet = r.app.take_effects().print_sheet;
  CHECK(sheet.find("<h1 id=\"sheet-title\">" + print::html_text(r.app.catalogue().find_routine("in_bed")->name)) != std::string::npos);
  CHECK(r.run("print_routine", "nope").error == "print_routine: no routine 'nope'");
  CHECK(r.run("print_draft").error == "print_draft: nothing is being edited");
  REQUIRE(r.run("new_routine").ok);
  REQUIRE(r.run("add_exercise", "knee_rolls").ok);
  REQUIRE(r.run("text", "routine_name=  Evenings  ").ok);
  REQUIRE(r.run("text", "link_note=Slowly").ok);
  REQUIRE(r.run("print_draft").ok);
  const std::string draft = r.app.take_effects().print_sheet;
  CHECK(draft.find("<h1 id=\"sheet-title\">Evenings</h1>") != std::string::npos);
  CHECK(draft.find("<p class=\"sheet-note\">Slowly</p>") != std::string::npos);
  CHECK(draft.find("#routine=2.") != std::string::npos);
}

TEST_CASE("app: a schema-1 document saved by version 0.1.0 migrates to parts and entries in one write, and reads back the same") {
  std::ifstream in(std::string(LIMBER_FIXTURES_DIR) + "/schema1_saved_by_0.1.0.json", std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  REQUIRE(storage::from_json(text.str(), test::shipped_catalogue()).data);
  const storage::UserData saved = *storage::from_json(text.str(), test::shipped_catalogue()).data;

  AppRig r(false);
  r.disk->legacy = text.str();
  r.load_from_disk();
  CHECK(r.app.notice().kind == app::NoticeKind::none);
  CHECK(r.sessions() == 2);
  CHECK(r.app.data().settings == saved.settings);
  CHECK(r.app.data().in_progress == saved.in_progress);
  CHECK(r.app.data().history.recent == saved.sessions);
  // The layout is written whole, in one transaction, the moment writing may start.
  REQUIRE(r.app.sync().status() == storage::StoreStatus::pending);
  const std::string write = r.store();
  CHECK(r.disk->transactions == 1);
  CHECK(write.find("\"migrated\":2") != std::string::npos);
  for (const char* part : {"schema", "settings", "routines", "progress", "in_progress", "history"}) CHECK(r.disk->meta.contains(part));
  CHECK(r.disk->sessions.size() == 2);
  CHECK_FALSE(r.disk->legacy);  // read back with every session: the old copy went
  AppRig reopened(true, r.disk);
  CHECK(reopened.app.data() == r.app.data());
  REQUIRE(reopened.app.interrupted());
  CHECK(reopened.app.interrupted()->record.routine == "nhs_daily");
}

TEST_CASE("app: a migration whose write fails keeps the old document and nothing else, and the next write carries it all") {
  std::ifstream in(std::string(LIMBER_FIXTURES_DIR) + "/schema1_saved_by_0.1.0.json", std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  AppRig r(false);
  r.disk->legacy = text.str();
  r.load_from_disk();
  r.store(/*ok=*/false);
  CHECK(r.disk->legacy);
  CHECK(r.disk->meta.empty());
  CHECK(r.disk->sessions.empty());
  r.clock.now += storage::kFirstRetrySeconds;
  const std::string write = r.store();
  CHECK(write.find("\"migrated\":2") != std::string::npos);
  CHECK(r.disk->sessions.size() == 2);
  CHECK_FALSE(r.disk->legacy);
}

TEST_CASE("app: a storage that answers after start-up stopped waiting: nothing written meanwhile, then both kept") {
  AppRig earlier;
  earlier.complete_session("gentle_bad_day", 5, 4);
  REQUIRE(earlier.run("theme", "dark").ok);
  earlier.store_all();

  AppRig r(false, earlier.disk);
  r.app.load_stored({.kind = app::StoredInput::Kind::waiting}, "");
  CHECK(r.app.notice().text.find("has not answered") != std::string::npos);
  // No backup offered: it could hold only what is in memory, and its read waits on the same storage.
  CHECK_FALSE(r.app.notice().offer_export);
  CHECK(r.app.sync().status() == storage::StoreStatus::loading);
  r.complete_session("in_bed", 3, 2);  // done while waiting
  CHECK_FALSE(r.app.begin_write(r.clock.now, true));  // nothing written over what was not read
  const app::StoredInput late = r.stored_input();
  json::Writer w;
  w.begin_object().key("kind").value("parts").key("text").value(late.text).key("legacyPresent").value(false).end_object();
  REQUIRE(r.run("stored_late", w.str()).ok);
  CHECK(r.sessions() == 2);
  CHECK(r.app.settings().theme == storage::Theme::dark);  // the stored settings
  CHECK(r.app.notice().text.find("answered") != std::string::npos);
  r.store_all();
  AppRig reopened(true, r.disk);
  CHECK(reopened.sessions() == 2);
  CHECK(reopened.disk->sessions.size() == 2);
  CHECK_FALSE(r.run("stored_late", w.str()).ok);  // once
}

TEST_CASE("app: a repaired storage gets everything held written again, the recent sessions' entries too") {
  AppRig r;
  r.complete_session("gentle_bad_day", 5, 4);
  r.store_all();
  r.disk->sessions.clear();
  r.disk->meta.clear();
  REQUIRE(r.run("storage_repaired", "it had no kv store").ok);
  CHECK(r.app.notice().text.find("repaired") != std::string::npos);
  r.store_all();
  CHECK(r.disk->sessions.size() == 1);
  AppRig reopened(true, r.disk);
  CHECK(reopened.sessions() == 1);
}

namespace {
// Replaces the first `from` in `text` with `to`.
std::string replaced(std::string text, std::string_view from, std::string_view to) {
  const std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}
}  // namespace

TEST_CASE("app: a stored routine an older build let in (a 61-character name) is kept aside, and the rest loads as left") {
  AppRig earlier;
  REQUIRE(earlier.run("copy_routine", "nhs_daily").ok);
  REQUIRE(earlier.run("save_routine").ok);
  REQUIRE(earlier.run("theme", "dark").ok);
  earlier.complete_session("gentle_bad_day", 5, 4);
  earlier.store_all();
  const std::string name = earlier.app.data().routines.at(0).name;
  earlier.disk->meta["routines"] = replaced(earlier.disk->meta["routines"], "\"" + name + "\"", "\"" + std::string(61, 'x') + "\"");

  AppRig r(true, earlier.disk);
  const app::Effects effects = r.answer_reads();
  CHECK(r.app.data().routines.empty());
  REQUIRE(effects.set_aside.size() == 1);
  CHECK(effects.set_aside[0].find(std::string(61, 'x')) != std::string::npos);
  CHECK(r.app.notice().text.find("routines[0].name: is 61 characters long; the most is 60") != std::string::npos);
  CHECK(r.app.settings().theme == storage::Theme::dark);
  CHECK(r.sessions() == 1);
}

TEST_CASE("app: a stored session an older build let in (active_seconds 1e300) is kept aside, and the history counted again") {
  AppRig earlier;
  earlier.complete_session("gentle_bad_day", 5, 4);
  earlier.complete_session("in_bed", 4, 3);
  earlier.store_all();
  REQUIRE(earlier.disk->sessions.size() == 2);
  // Both the digest's copy and the entry of the first session were stored with a wild duration.
  auto& entry = earlier.disk->sessions.begin()->second;
  const std::string active = "\"active_seconds\":";
  const std::size_t at = entry.find(active);
  REQUIRE(at != std::string::npos);
  const std::string value = entry.substr(at, entry.find(',', at) - at);
  entry = replaced(entry, value, active + "1e300");
  earlier.disk->meta["history"] = replaced(earlier.disk->meta["history"], value, active + "1e300");

  AppRig r(true, earlier.disk);
  const app::Effects effects = r.answer_reads();
  CHECK(effects.set_aside.size() == 1);
  CHECK(r.sessions() == 1);  // counted again from the entries, the wild one left out (and left stored)
  CHECK(r.app.notice().text.find("could not be read and is left out") != std::string::npos);
  CHECK(r.disk->sessions.size() == 2);
}

TEST_CASE("app: a session of a deleted routine is named as a routine no longer here") {
  AppRig r;
  REQUIRE(r.run("copy_routine", "nhs_daily").ok);
  REQUIRE(r.run("save_routine").ok);
  const std::string id = r.app.data().routines.at(0).id;
  CHECK(r.app.routine_name(id) == r.app.data().routines.at(0).name);
  CHECK(r.app.routine_name("nhs_daily") == "NHS daily exercises");
  REQUIRE(r.run("delete_routine", id).ok);
  REQUIRE(r.run("yes").ok);
  CHECK(r.app.data().routines.empty());
  CHECK(r.app.routine_name(id) == "a routine no longer here (" + id + ")");
}

TEST_CASE("app: a routine made while the storage was silent, under an id a stored routine has, keeps both, with its sessions") {
  AppRig earlier;
  REQUIRE(earlier.run("copy_routine", "in_bed").ok);
  REQUIRE(earlier.run("save_routine").ok);
  earlier.store_all();
  const catalogue::Routine stored = earlier.app.data().routines.at(0);

  AppRig r(false, earlier.disk);
  r.app.load_stored({.kind = app::StoredInput::Kind::waiting}, "");
  REQUIRE(r.run("copy_routine", "gentle_bad_day").ok);
  REQUIRE(r.run("save_routine").ok);
  const catalogue::Routine made = r.app.data().routines.at(0);
  REQUIRE(made.id == stored.id);  // made without knowing the stored ids
  r.complete_session(made.id, 4, 3);
  const app::StoredInput late = r.stored_input();
  json::Writer w;
  w.begin_object().key("kind").value("parts").key("text").value(late.text).key("legacyPresent").value(false).end_object();
  REQUIRE(r.run("stored_late", w.str()).ok);

  REQUIRE(r.app.data().routines.size() == 2);
  CHECK(r.app.data().routines[0] == stored);
  const catalogue::Routine& kept = r.app.data().routines[1];
  CHECK(kept.id != stored.id);
  CHECK(kept.name == made.name);
  CHECK(r.last_session().routine == kept.id);
  r.store_all();
  AppRig reopened(true, r.disk);
  CHECK(reopened.app.data().routines.size() == 2);
  REQUIRE(reopened.disk->sessions.size() == 1);
  CHECK(reopened.disk->sessions.begin()->first.ends_with("-" + kept.id));
  CHECK(reopened.last_session().routine == kept.id);
}

namespace {
// The sides a physio_mobility session's moves work on, for one of its exercises.
std::set<session::Side> sides_of(const app::App& app, const std::string& exercise) {
  std::set<session::Side> sides;
  const auto& items = test::shipped_catalogue().find_routine("physio_mobility")->items;
  for (const session::Step& step : app.player().engine().plan().steps) {
    if (step.phase == session::Phase::move && items[static_cast<std::size_t>(step.exercise)].exercise == exercise) {
      sides.insert(step.side);
    }
  }
  return sides;
}

// Ends the running session early and closes the player.
void stop(AppRig& r) {
  REQUIRE(r.app.end_session() == "");
  REQUIRE(r.app.confirm_yes() == "");
  r.advance(0.25);
  if (r.app.player().stage() == PlayerStage::pain_after) REQUIRE(r.app.answer_pain(std::nullopt) == "");
  REQUIRE(r.app.close_session() == "");
}
}  // namespace

TEST_CASE("app: a routine with a one-sided exercise asks once which side hurts, and works that side") {
  AppRig r;
  REQUIRE_FALSE(r.app.settings().affected_side);
  REQUIRE(r.app.start_routine("physio_mobility") == "");
  CHECK(r.app.confirm() == Confirm::affected_side);
  CHECK(r.app.player().stage() == PlayerStage::closed);  // nothing starts before the answer
  REQUIRE(r.app.confirm_yes() == "");                    // "My left side"
  CHECK(r.app.settings().affected_side == session::Side::left);
  CHECK(r.app.player().stage() == PlayerStage::pain_before);
  REQUIRE(r.app.answer_pain(std::nullopt) == "");
  CHECK(sides_of(r.app, "sacroiliac_knee_rock") == std::set{session::Side::left});
  CHECK(sides_of(r.app, "sacroiliac_hip_rotation") == std::set{session::Side::left});
  r.store();
  CHECK(r.disk->meta.at("settings").find(R"("affected_side":"left")") != std::string::npos);
  // Once answered, never asked again.
  stop(r);
  REQUIRE(r.app.start_routine("physio_mobility") == "");
  CHECK(r.app.confirm() == Confirm::none);
  CHECK(r.app.player().stage() == PlayerStage::pain_before);
}

TEST_CASE("app: the other answer is the right side, and the setting can change it later") {
  AppRig r;
  REQUIRE(r.app.start_routine("physio_mobility") == "");
  REQUIRE(r.app.confirm_no() == "");  // "My right side"
  REQUIRE(r.app.answer_pain(std::nullopt) == "");
  CHECK(sides_of(r.app, "sacroiliac_knee_rock") == std::set{session::Side::right});
  stop(r);
  CHECK(app::run_command(r.app, "setting", "affected_side=left").ok);
  REQUIRE(r.app.start_routine("physio_mobility") == "");
  REQUIRE(r.app.answer_pain(std::nullopt) == "");
  CHECK(sides_of(r.app, "sacroiliac_knee_rock") == std::set{session::Side::left});
  CHECK_FALSE(app::run_command(r.app, "setting", "affected_side=both").ok);
}

TEST_CASE("app: Back on the side question answers nothing and starts nothing") {
  AppRig r;
  REQUIRE(r.app.start_routine("physio_mobility") == "");
  REQUIRE(r.app.back() == "");
  CHECK(r.app.confirm() == Confirm::none);
  CHECK_FALSE(r.app.settings().affected_side);
  CHECK(r.app.player().stage() == PlayerStage::closed);
  // A routine with no one-sided exercise never asks.
  REQUIRE(r.app.start_routine("in_bed") == "");
  CHECK(r.app.confirm() == Confirm::none);
  CHECK(r.app.player().stage() == PlayerStage::pain_before);
}
