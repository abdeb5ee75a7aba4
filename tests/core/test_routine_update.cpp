// A clinician's newer link for a routine the person has (app/routine_update.h): compared by its
// identity and version, offered as an update that says what changes, taken under the same id so
// the history stays with it; an older link changes nothing. And the prescription as the person
// lives it: Today's count and what goes up, the side favoured, the widget's event.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "app/routine_update.h"
#include "app_fixtures.h"
#include "catalogue/calendar_day.h"
#include "catalogue/prescription.h"
#include "links/routine_link.h"
#include "progress/adherence.h"
#include "session/plan.h"

using namespace limber;
using catalogue::Range;
using test::AppRig;

namespace {

const catalogue::Catalogue& c() { return test::shipped_catalogue(); }
Range one(int v) { return {.min = v, .max = v, .start = v}; }

// The clinician's routine: pelvic tilt and knee rolls, twice a day, version `version`.
catalogue::Routine clinicians(int version) {
  catalogue::Routine r{.id = "my-1", .name = "Right side, weeks 1 to 3", .purpose = "From the clinic.",
                       .items = {{.exercise = "pelvic_tilt", .dosage = "hold_a_few_seconds"}, {.exercise = "knee_rolls"}}};
  catalogue::prescribe_exactly(c(), r);
  r.items[0].reps = one(10);
  r.items[0].hold = one(5);
  r.schedule = catalogue::Schedule{.times_a_day = 2, .days_a_week = 7, .times = {}};
  r.note = "Twice a day. Stop if it spreads down your leg.";
  r.uid = "5e1f0a2b3c4d";
  r.version = version;
  return r;
}

std::string link_of(const catalogue::Routine& r) { return links::encode_routine_link(r, c()); }

}  // namespace

// ---- comparing --------------------------------------------------------------------------------

TEST_CASE("routine update: a link is compared with the person's routine of the same identity") {
  std::vector<catalogue::Routine> mine{clinicians(2)};
  CHECK(app::compare_with_stored(clinicians(3), mine).kind == app::LinkVerdict::update);
  CHECK(app::compare_with_stored(clinicians(1), mine).kind == app::LinkVerdict::older);
  CHECK(app::compare_with_stored(clinicians(2), mine).kind == app::LinkVerdict::same);
  catalogue::Routine changed_here = clinicians(2);
  changed_here.items[0].reps = one(12);  // the same version, other contents: changed on one side since
  CHECK(app::compare_with_stored(changed_here, mine).kind == app::LinkVerdict::update);
  catalogue::Routine stranger = clinicians(9);
  stranger.uid = "ffffffffffff";
  CHECK(app::compare_with_stored(stranger, mine).kind == app::LinkVerdict::add);
  stranger.uid.reset();  // a format-1 link: no identity
  CHECK(app::compare_with_stored(stranger, mine).kind == app::LinkVerdict::add);
  CHECK(app::compare_with_stored(clinicians(3), mine).stored == &mine[0]);
  // What a link does not carry does not count: the receiver's id, purpose, the day it started.
  catalogue::Routine received = clinicians(2);
  received.id = "my-7";
  received.purpose = "Something else.";
  received.started_on = "2026-12-01";
  CHECK(app::same_prescription(received, clinicians(2)));
}

TEST_CASE("routine update: what changes, one sentence each") {
  const catalogue::Routine from = clinicians(1);
  catalogue::Routine to = clinicians(2);
  to.schedule->times_a_day = 1;
  to.review_on = "2027-01-04";
  to.note = "Once a day now.";
  to.items[0].reps = one(12);
  to.items.erase(to.items.begin() + 1);
  to.items.push_back({.exercise = "cat_cow", .dosage = "eight_to_ten", .reps = one(8), .sets = one(1)});
  to.items[0].note = "Hold the tilt";
  CHECK(app::routine_changes(c(), from, to) == std::vector<std::string>{
            "How often: Every day (was Twice a day, every day).",
            "Review on 4 Jan 2027.",
            "A new note from your clinician.",
            "Added: Cat-cow, 8 reps.",
            "Removed: Knee rolls.",
            "Pelvic tilt: 12 reps, hold 5 seconds (was 10 reps, hold 5 seconds).",
            "Pelvic tilt: a new note, \"Hold the tilt\"."});
  catalogue::Routine moved = clinicians(2);
  std::swap(moved.items[0], moved.items[1]);
  CHECK(app::routine_changes(c(), from, moved) == std::vector<std::string>{"The exercises come in a new order."});
  CHECK(app::routine_changes(c(), from, clinicians(2)).empty());
}

TEST_CASE("routine update: the updated routine keeps its id and starts its build-ups again") {
  catalogue::Routine stored = clinicians(1);
  stored.id = "my-4";
  stored.started_on = "2026-11-01";
  const catalogue::Routine updated = app::updated_routine(stored, clinicians(2), "2026-12-07");
  CHECK(updated.id == "my-4");
  CHECK(updated.version == 2);
  CHECK(updated.started_on == "2026-12-07");
}

// ---- in the app ---------------------------------------------------------------------------------

TEST_CASE("app: a newer link updates the person's routine in place, keeping its sessions and choosing it") {
  AppRig patient;
  REQUIRE(patient.run("open_link", link_of(clinicians(1))).ok);
  CHECK_FALSE(patient.app.incoming_updates());
  REQUIRE(patient.run("accept_link").ok);
  REQUIRE(patient.app.data().routines.size() == 1);
  const std::string id = patient.app.data().routines[0].id;
  CHECK(patient.app.data().routines[0].started_on == catalogue::iso_day(patient.app.today()));
  CHECK(patient.app.data().routines[0].note == "Twice a day. Stop if it spreads down your leg.");
  patient.complete_session(id, 4, 3);
  patient.store_all();
  REQUIRE(patient.sessions() == 1);

  // Week 3: the clinician sends version 2.
  catalogue::Routine v2 = clinicians(2);
  v2.items[0].reps = one(12);
  REQUIRE(patient.run("open_link", link_of(v2)).ok);
  CHECK(patient.app.nav().screen() == app::Screen::shared_routine);
  REQUIRE(patient.app.incoming_updates());
  CHECK(patient.app.incoming_updates()->id == id);
  CHECK(patient.app.incoming_changes() ==
        std::vector<std::string>{"Pelvic tilt: 12 reps, hold 5 seconds (was 10 reps, hold 5 seconds)."});
  REQUIRE(patient.run("accept_link").ok);
  REQUIRE(patient.app.data().routines.size() == 1);  // one routine, one history
  CHECK(patient.app.data().routines[0].id == id);
  CHECK(patient.app.data().routines[0].version == 2);
  CHECK(patient.app.data().routines[0].items[0].reps == one(12));
  CHECK(patient.app.current_routine()->id == id);
  CHECK(patient.app.notice().text == "\"Right side, weeks 1 to 3\" is updated. What you have done with it stays in your history.");
  CHECK(patient.last_session().routine == id);
}

TEST_CASE("app: an older link, or the same one again, says so and changes nothing") {
  AppRig patient;
  REQUIRE(patient.run("open_link", link_of(clinicians(3))).ok);
  REQUIRE(patient.run("accept_link").ok);
  const storage::Profile before = patient.app.data();
  REQUIRE(patient.run("open_link", link_of(clinicians(2))).ok);
  CHECK(patient.app.notice().text ==
        "This link holds an older version of \"Right side, weeks 1 to 3\" (version 2) than yours (version 3). Nothing was changed.");
  CHECK_FALSE(patient.app.incoming());
  CHECK(patient.app.data() == before);
  REQUIRE(patient.run("open_link", link_of(clinicians(3))).ok);
  CHECK(patient.app.notice().text == "\"Right side, weeks 1 to 3\" is already one of your routines, exactly as this link has it.");
  CHECK(patient.app.data() == before);
}

TEST_CASE("app: the clinician's edit of a saved routine sends its next version, and a copy is a new routine") {
  AppRig clinician;
  clinician.app.new_routine();
  REQUIRE(clinician.run("add_exercise", "pelvic_tilt").ok);
  REQUIRE(clinician.run("save_routine").ok);
  const catalogue::Routine saved = clinician.app.data().routines[0];
  CHECK(saved.version == 1);
  REQUIRE(saved.uid);
  REQUIRE(clinician.run("edit_routine", saved.id).ok);
  REQUIRE(clinician.run("share_link").ok);
  CHECK(links::decode_routine_link(clinician.app.draft().last_link(), c()).shared->routine.version == 1);  // unchanged
  REQUIRE(clinician.run("step_dosage", "1=reps+").ok);
  REQUIRE(clinician.run("share_link").ok);
  const auto sent = links::decode_routine_link(clinician.app.draft().last_link(), c());
  CHECK(sent.shared->routine.version == 2);
  CHECK(sent.shared->routine.uid == saved.uid);
  REQUIRE(clinician.run("save_routine").ok);
  CHECK(clinician.app.data().routines[0].version == 2);
  REQUIRE(clinician.run("copy_routine", saved.id).ok);
  CHECK(clinician.app.draft().routine()->uid != saved.uid);
  CHECK(clinician.app.draft().routine()->version == 1);
}

TEST_CASE("app: Today counts the routine's sessions today against how often it is done") {
  AppRig r;
  catalogue::Routine twice = clinicians(1);
  twice.id = r.app.data().routines.empty() ? "my-1" : "my-2";
  REQUIRE(r.run("open_link", link_of(twice)).ok);
  REQUIRE(r.run("accept_link").ok);
  const catalogue::Routine& mine = r.app.data().routines[0];
  const auto line = [&] { return progress::today_line(r.app.data().history, mine, r.app.today(), 0); };
  CHECK(line() == "0 of 2 today");
  r.complete_session(mine.id, 3, 2);
  CHECK(line() == "1 of 2 today");
  r.complete_session(mine.id, 3, 2);
  r.complete_session(mine.id, 3, 2);
  CHECK(line() == "2 of 2 today");  // never "3 of 2"
  r.complete_session("nhs_daily", 3, 2);  // another routine's session is not this one's
  CHECK(line() == "2 of 2 today");
  catalogue::Routine once = mine;
  once.schedule->times_a_day = 1;
  CHECK(progress::today_line(r.app.data().history, once, r.app.today(), 0) == "Done today");
  once.schedule->days_a_week = 3;
  CHECK(progress::today_line(r.app.data().history, once, r.app.today(), 0) == "1 of 3 days this week");
  once.schedule.reset();
  once.frequency = catalogue::Frequency::when_needed;
  CHECK(progress::today_line(r.app.data().history, once, r.app.today(), 0).empty());
  // Past its review date nothing is asked, so Today counts nothing; on the day itself it still does.
  catalogue::Routine reviewed = mine;
  reviewed.review_on = catalogue::iso_day(r.app.today() - 1);
  CHECK(progress::today_line(r.app.data().history, reviewed, r.app.today(), 0).empty());
  reviewed.review_on = catalogue::iso_day(r.app.today());
  CHECK(progress::today_line(r.app.data().history, reviewed, r.app.today(), 0) == "2 of 2 today");
}

TEST_CASE("app: a build-up's rise is said on Today and after a session, and a fixed amount never is") {
  AppRig r;
  catalogue::Routine built = clinicians(1);
  built.items[0].reps = Range{.min = 5, .max = 10, .start = 5};
  built.items[0].build_up_days = 10;
  REQUIRE(r.run("open_link", link_of(built)).ok);
  REQUIRE(r.run("accept_link").ok);
  const catalogue::Routine& mine = r.app.data().routines[0];
  CHECK(r.app.amounts_up_today(mine).empty());  // day 0: nothing has gone up yet
  CHECK(r.app.amounts_up_tomorrow(mine).empty());  // day 1 is still 5
  r.clock.wall += 86'400'000;  // the next day
  CHECK(r.app.days_into(mine) == 1);
  CHECK(r.app.amounts_up_tomorrow(mine) == std::vector<std::string>{"Pelvic tilt goes up to 6 reps."});
  r.clock.wall += 86'400'000;
  CHECK(r.app.amounts_up_today(mine) == std::vector<std::string>{"Pelvic tilt goes up to 6 reps."});
  r.complete_session(mine.id, 3, 2);
  CHECK(r.app.amounts_up_today(mine).empty());  // said before today's session: not again
  r.clock.wall += 20 * 86'400'000LL;
  CHECK(r.app.amounts_up_today(mine) == std::vector<std::string>{"Pelvic tilt goes up to 10 reps."});
  CHECK(r.app.amounts_up_tomorrow(mine).empty());  // at its target
  CHECK(r.app.amounts_up_today(*r.app.catalogue().find_routine("nhs_daily")).empty());
}

TEST_CASE("session plan: the side that hurts first, or first and again after the other side") {
  const catalogue::Exercise& hug = *c().find_exercise("single_knee_hug_in_bed");
  const auto sides = [&](std::optional<catalogue::Favour> favour, session::Side hurts) {
    session::SessionInput input;
    input.exercises.push_back({.exercise = &hug, .dosage_id = "bhf", .dosage = catalogue::resolve(hug, {}), .favour = favour});
    input.exercises[0].dosage.reps = one(1);
    const session::Plan plan = session::build_plan(input, {.affected_side = hurts});
    std::vector<session::Side> out;
    for (const session::Step& s : plan.steps) {
      if (s.phase == session::Phase::move) out.push_back(s.side);
    }
    return out;
  };
  using session::Side;
  CHECK(sides(std::nullopt, Side::right) == std::vector<Side>{Side::left, Side::right});  // the steps' own order
  CHECK(sides(catalogue::Favour::first, Side::right) == std::vector<Side>{Side::right, Side::left});
  CHECK(sides(catalogue::Favour::more, Side::right) == std::vector<Side>{Side::right, Side::left, Side::right});
  CHECK(sides(catalogue::Favour::more, Side::left) == std::vector<Side>{Side::left, Side::right, Side::left});
}

TEST_CASE("app: a routine naming the side that hurts is not asked about, and one that favours it without naming it asks") {
  AppRig r;
  catalogue::Routine favoured = clinicians(1);
  favoured.items.push_back({.exercise = "single_knee_hug_in_bed", .dosage = "bhf", .reps = one(3), .sets = one(1), .hold = one(5),
                            .favour = catalogue::Favour::first});
  REQUIRE(r.run("open_link", link_of(favoured)).ok);
  REQUIRE(r.run("accept_link").ok);
  const std::string id = r.app.data().routines[0].id;
  REQUIRE(r.run("start", id).ok);
  CHECK(r.app.confirm() == app::Confirm::affected_side);
  REQUIRE(r.run("no").ok);
  favoured.side_that_hurts = catalogue::FirstSide::right;
  favoured.version = 2;
  REQUIRE(r.run("open_link", link_of(favoured)).ok);
  REQUIRE(r.run("accept_link").ok);
  REQUIRE(r.run("start", id).ok);
  CHECK(r.app.confirm() == app::Confirm::none);
  CHECK(r.app.player().stage() == app::PlayerStage::pain_before);
}

TEST_CASE("app: a routine's facts count its exercises in words, one exercise or several") {
  AppRig r;
  catalogue::Routine two = clinicians(1);
  const std::string two_facts = r.app.routine_facts(two);
  CHECK(two_facts.rfind("2 exercises, about ", 0) == 0);
  CHECK(two_facts.back() == '.');
  catalogue::Routine one_item = two;
  one_item.items.pop_back();
  const std::string one_facts = r.app.routine_facts(one_item);
  CHECK(one_facts.rfind("1 exercise, about ", 0) == 0);
}
