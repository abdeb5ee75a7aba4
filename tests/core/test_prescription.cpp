// A person's own routine holds exactly what was prescribed (catalogue/prescription.h): amounts
// made exact, built up only where the routine says, described as set, and every invalid case of
// an own routine refused on its own, with its place.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "animation_fixtures.h"
#include "catalogue/own_routine.h"
#include "catalogue/prescription.h"
#include "session/progression.h"
#include "session/session_input.h"

using namespace limber;
using catalogue::Range;

namespace {

const catalogue::Catalogue& c() { return test::shipped_catalogue(); }
const catalogue::Exercise& ex(const char* id) { return *c().find_exercise(id); }
Range one(int v) { return {.min = v, .max = v, .start = v}; }

// A valid own routine: the pelvic tilt with a hold (10 reps, hold 5 s) and knee rolls.
catalogue::Routine mine() {
  catalogue::Routine r{.id = "my-1", .name = "Mine", .purpose = "Mornings.",
                       .items = {{.exercise = "pelvic_tilt", .dosage = "hold_a_few_seconds"}, {.exercise = "single_knee_hug_in_bed"}}};
  catalogue::prescribe_exactly(c(), r);
  r.items[0].reps = one(10);
  r.items[0].hold = one(5);
  return r;
}

// The first problem of an own routine, as "path: message" ("" when none).
std::string problem(const catalogue::Routine& r) {
  std::vector<catalogue::Problem> found;
  catalogue::check_own_routine(c(), r, {.file = "backup", .path = "routines[0]"}, found);
  return found.empty() ? "" : found.front().path + ": " + found.front().message;
}

}  // namespace

// ---- exact amounts ---------------------------------------------------------------------------

TEST_CASE("prescription: every amount becomes one value, the value a session would start at") {
  catalogue::Routine r{.items = {{.exercise = "knee_rolls"},
                                 {.exercise = "knee_rolls", .dosage = "nhs", .reps = Range{.min = 8, .max = 10, .start = 9}},
                                 {.exercise = "cartwheel"}}};
  catalogue::prescribe_exactly(c(), r);
  CHECK(r.items[0] == catalogue::RoutineItem{.exercise = "knee_rolls", .dosage = "nhs", .reps = one(8), .sets = one(1), .hold = one(1)});
  // An older own routine's range becomes the value it was done at, never raised again.
  CHECK(r.items[1].reps == one(9));
  CHECK(r.items[2] == catalogue::RoutineItem{.exercise = "cartwheel"});  // unknown: left for the checks to name
}

TEST_CASE("prescription: a build-up keeps its start and target, and one with nothing to build is dropped") {
  catalogue::Routine r = mine();
  r.items[0].reps = Range{.min = 5, .max = 10, .start = 5};
  r.items[0].build_up_days = 14;
  r.items[1].build_up_days = 14;  // nothing rises
  catalogue::prescribe_exactly(c(), r);
  CHECK(r.items[0].reps == Range{.min = 5, .max = 10, .start = 5});
  CHECK(r.items[0].build_up_days == 14);
  CHECK_FALSE(r.items[1].build_up_days);
}

TEST_CASE("prescription: a fixed amount is the same on every day") {
  const catalogue::Routine r = mine();
  for (const std::int64_t day : {0, 1, 13, 14, 400}) {
    const catalogue::Dosage d = catalogue::prescribed_dosage(ex("pelvic_tilt"), r.items[0], day);
    CHECK(d.reps == one(10));
    CHECK(d.hold->amount == one(5));
    CHECK_FALSE(catalogue::builds_up_on(ex("pelvic_tilt"), r.items[0], day));
  }
}

TEST_CASE("prescription: a build-up rises from its start on day 0 to its target on its last day, then stays") {
  catalogue::Routine r = mine();
  r.items[0].reps = Range{.min = 5, .max = 10, .start = 5};
  r.items[0].hold = Range{.min = 5, .max = 10, .start = 5};
  r.items[0].build_up_days = 10;
  const auto reps = [&](std::int64_t day) { return catalogue::prescribed_dosage(ex("pelvic_tilt"), r.items[0], day).reps.start; };
  CHECK(reps(-3) == 5);
  CHECK(reps(0) == 5);
  CHECK(reps(1) == 5);
  CHECK(reps(2) == 6);
  CHECK(reps(5) == 7);
  CHECK(reps(10) == 10);
  CHECK(reps(30) == 10);
  for (std::int64_t day = 1; day <= 10; ++day) CHECK(reps(day) >= reps(day - 1));
  CHECK(catalogue::builds_up_on(ex("pelvic_tilt"), r.items[0], 2));
  CHECK_FALSE(catalogue::builds_up_on(ex("pelvic_tilt"), r.items[0], 1));
  CHECK_FALSE(catalogue::builds_up_on(ex("pelvic_tilt"), r.items[0], 11));
  CHECK(catalogue::amounts_going_up(c(), r, 1, 2) == std::vector<std::string>{"Pelvic tilt goes up to 6 reps and a hold of 6 seconds."});
  CHECK(catalogue::amounts_going_up(c(), r, 10, 11).empty());
}

TEST_CASE("prescription: a session of an own routine runs its amounts as set, whatever progression says") {
  catalogue::Routine r = mine();
  session::ProgressState progress;
  progress.exercises = {{.exercise = "pelvic_tilt", .level = session::kProgressLevels, .clean_sessions = 0}};
  const auto built = session::build_input(c(), r, &progress, catalogue::HoldPreference::longer, 50);
  REQUIRE(built.ok());
  CHECK(built.input.exercises[0].dosage.reps == one(10));  // never 15, the source's most
  CHECK(built.input.exercises[0].dosage.hold->amount == one(5));
  // A built-in routine's amounts still build up with its progression.
  const auto nhs = session::build_input(c(), "nhs_daily", &progress);
  REQUIRE(nhs.ok());
  for (const auto& p : nhs.input.exercises) {
    if (p.exercise->id == "pelvic_tilt") CHECK(p.dosage.reps.start == p.dosage.reps.max);
  }
  // A build-up stands where its day puts it.
  r.items[0].reps = Range{.min = 5, .max = 10, .start = 5};
  r.items[0].build_up_days = 10;
  CHECK(session::build_input(c(), r, &progress, {}, 5).input.exercises[0].dosage.reps == one(7));
}

// ---- words -----------------------------------------------------------------------------------

TEST_CASE("prescription: described exactly as set") {
  catalogue::Routine r = mine();
  CHECK(catalogue::describe_prescribed(ex("pelvic_tilt"), r.items[0], {}) == "10 reps, hold 5 seconds");
  catalogue::RoutineItem hug = r.items[1];
  hug.reps = one(10);
  hug.sets = one(2);
  hug.set_rest_seconds = 30;
  CHECK(catalogue::describe_prescribed(ex("single_knee_hug_in_bed"), hug, {}) ==
        "10 reps, hold 5 seconds, each side, 2 sets, rest 30 seconds");
  hug.favour = catalogue::Favour::first;
  CHECK(catalogue::describe_prescribed(ex("single_knee_hug_in_bed"), hug, catalogue::FirstSide::right) ==
        "10 reps, hold 5 seconds, each side, the right side first, 2 sets, rest 30 seconds");
  hug.favour = catalogue::Favour::more;
  CHECK(catalogue::describe_prescribed(ex("single_knee_hug_in_bed"), hug, {}) ==
        "10 reps, hold 5 seconds, each side, the side that hurts first and again at the end, 2 sets, rest 30 seconds");
  hug.favour.reset();
  hug.sides = catalogue::Sides::one_side;
  CHECK(catalogue::describe_prescribed(ex("single_knee_hug_in_bed"), hug, catalogue::FirstSide::left) ==
        "10 reps, hold 5 seconds, the left side only, 2 sets, rest 30 seconds");
  r.items[0].reps = Range{.min = 5, .max = 10, .start = 5};
  r.items[0].build_up_days = 14;
  CHECK(catalogue::describe_prescribed(ex("pelvic_tilt"), r.items[0], {}) ==
        "5 reps, hold 5 seconds; building up to 10 reps over 2 weeks");
  CHECK(catalogue::describe_on(ex("pelvic_tilt"), r.items[0], 7, {}) == "7 reps, hold 5 seconds");
}

TEST_CASE("prescription: beyond a source's range says what the source suggests, and within it, nothing") {
  catalogue::Routine r = mine();
  CHECK(catalogue::beyond_source(ex("pelvic_tilt"), r.items[0]).empty());
  r.items[0].reps = one(20);
  CHECK(catalogue::beyond_source(ex("pelvic_tilt"), r.items[0]) == "10 to 15 reps, hold 3 to 5 seconds");
  r.items[0].reps = one(10);
  r.items[0].hold_unit = catalogue::HoldUnit::breaths;
  r.items[0].hold = one(1);
  CHECK_FALSE(catalogue::beyond_source(ex("pelvic_tilt"), r.items[0]).empty());  // breaths where the source counts seconds
}

// ---- steps -----------------------------------------------------------------------------------

TEST_CASE("prescription: the steps of each amount") {
  using catalogue::Amount;
  using catalogue::HoldUnit;
  CHECK(catalogue::step_amount(Amount::reps, HoldUnit::seconds, 10, +1) == 11);
  CHECK_FALSE(catalogue::step_amount(Amount::reps, HoldUnit::seconds, 50, +1));
  CHECK_FALSE(catalogue::step_amount(Amount::reps, HoldUnit::seconds, 1, -1));
  CHECK(catalogue::step_amount(Amount::hold, HoldUnit::seconds, 9, +1) == 10);
  CHECK(catalogue::step_amount(Amount::hold, HoldUnit::seconds, 10, +1) == 15);
  CHECK(catalogue::step_amount(Amount::hold, HoldUnit::seconds, 60, +1) == 75);
  CHECK(catalogue::step_amount(Amount::hold, HoldUnit::breaths, 10, +1) == 11);
  CHECK_FALSE(catalogue::step_amount(Amount::hold, HoldUnit::breaths, 30, +1));
  CHECK(catalogue::step_amount(Amount::set_rest, HoldUnit::seconds, 0, +1) == 5);
  CHECK_FALSE(catalogue::step_amount(Amount::set_rest, HoldUnit::seconds, 0, -1));
  CHECK(catalogue::step_amount(Amount::build_up_days, HoldUnit::seconds, 14, +1) == 21);
  CHECK_FALSE(catalogue::step_amount(Amount::build_up_days, HoldUnit::seconds, 7, -1));
  CHECK_FALSE(catalogue::step_amount(Amount::build_up_days, HoldUnit::seconds, 182, +1));
  CHECK_FALSE(catalogue::step_amount(Amount::reps, HoldUnit::seconds, 10, 0));
}

// ---- checks: one invalid case each ----------------------------------------------------------------

TEST_CASE("own routine: a clinician's routine, whole, has no problem") {
  catalogue::Routine r = mine();
  r.schedule = catalogue::Schedule{.times_a_day = 2, .days_a_week = 7, .times = {450, 1140}};
  r.note = "Stop if it spreads down your leg.";
  r.clinic = catalogue::Clinic{.name = "Riverside", .phone = "+44 (0)20 7946 0958 ext. 2"};
  r.side_that_hurts = catalogue::FirstSide::right;
  r.review_on = "2027-01-04";
  r.started_on = "2026-12-07";
  r.uid = "0123456789ab";
  r.version = 4;
  r.items[1].favour = catalogue::Favour::more;
  r.items[1].note = "Slowly";
  CHECK(problem(r) == "");
}

TEST_CASE("own routine refused: each invalid amount on its own") {
  const auto item = [](auto change) {
    catalogue::Routine r = mine();
    change(r.items[0]);
    return problem(r);
  };
  CHECK(item([](auto& i) { i.reps.reset(); }) == "routines[0].items[0].reps: is missing: a person's routine says exactly how much");
  CHECK(item([](auto& i) { i.hold.reset(); }) == "routines[0].items[0].hold: is missing: a person's routine says exactly how much");
  CHECK(item([](auto& i) { i.reps = one(51); }) == "routines[0].items[0].reps: must be from 1 to 50, got 51");
  CHECK(item([](auto& i) { i.reps = one(0); }) == "routines[0].items[0].reps: must be from 1 to 50, got 0");
  CHECK(item([](auto& i) { i.sets = one(11); }) == "routines[0].items[0].sets: must be from 1 to 10, got 11");
  CHECK(item([](auto& i) { i.hold = one(301); }) == "routines[0].items[0].hold: must be from 1 to 300, got 301");
  CHECK(item([](auto& i) { i.hold_unit = catalogue::HoldUnit::breaths; i.hold = one(31); }) ==
        "routines[0].items[0].hold: must be from 1 to 30, got 31");
  CHECK(item([](auto& i) { i.reps = Range{.min = 8, .max = 10, .start = 9}; }) ==
        "routines[0].items[0].reps: starts at 9 but ranges from 8 to 10; an amount is one value, or rises from its start");
  CHECK(item([](auto& i) { i.reps = Range{.min = 5, .max = 10, .start = 5}; }) ==
        "routines[0].items[0].reps: rises from 5 to 10 with no build_up_days to rise over");
  CHECK(item([](auto& i) { i.sets = Range{.min = 1, .max = 3, .start = 1}; i.build_up_days = 14; }) ==
        "routines[0].items[0].sets: rises from 1 to 3; only reps and holds build up");
  CHECK(item([](auto& i) { i.build_up_days = 14; }) ==
        "routines[0].items[0].build_up_days: is set, but nothing builds up: reps and hold each stay at one value");
  CHECK(item([](auto& i) { i.reps = Range{.min = 5, .max = 10, .start = 5}; i.build_up_days = 0; }) ==
        "routines[0].items[0].build_up_days: must be from 1 to 182 days, got 0");
  CHECK(item([](auto& i) { i.set_rest_seconds = 30; }) ==
        "routines[0].items[0].set_rest_seconds: is a rest between sets, and there is only one set");
  CHECK(item([](auto& i) { i.sets = one(2); i.set_rest_seconds = -1; }) ==
        "routines[0].items[0].set_rest_seconds: must be from 0 to 300 seconds, got -1");
  CHECK(item([](auto& i) { i.sides = catalogue::Sides::each_side; }) ==
        "routines[0].items[0].sides: Pelvic tilt is done with both sides together");
  CHECK(item([](auto& i) { i.favour = catalogue::Favour::first; }) ==
        "routines[0].items[0].favour: the side that hurts first needs an exercise done on each side");
  CHECK(item([](auto& i) { i.note = ""; }) == "routines[0].items[0].note: must not be empty");
  CHECK(item([](auto& i) { i.note = std::string(81, 'n'); }) == "routines[0].items[0].note: is 81 characters long; the most is 80");
  CHECK(item([](auto& i) { i.note = "Two\nlines"; }) ==
        "routines[0].items[0].note: has a control character in it, which Limber does not accept");
  CHECK(item([](auto& i) { i.exercise = "cartwheel"; }) == "routines[0].items[0].exercise: unknown exercise 'cartwheel'");
  CHECK(item([](auto& i) { i.dosage = "marathon"; }) == "routines[0].items[0].dosage: exercise 'pelvic_tilt' has no dosage option 'marathon'");
  // A hold where the option holds nothing.
  catalogue::Routine r = mine();
  r.items[0] = {.exercise = "rocking_knee_hug", .dosage = "clinic", .reps = one(10), .sets = one(1), .hold = one(5)};
  CHECK(problem(r) == "routines[0].items[0].hold: is set, but 'clinic' of Rocking knee hug is not held");
  // Sides on a sided exercise: together is not one of its choices; more needs each side in turn.
  r = mine();
  r.items[1].sides = catalogue::Sides::together;
  CHECK(problem(r) == "routines[0].items[1].sides: Single knee hug in bed is done on each side: each side, alternating, or only the side that hurts");
  r = mine();
  r.items[1].sides = catalogue::Sides::alternating;
  r.items[1].favour = catalogue::Favour::more;
  CHECK(problem(r) == "routines[0].items[1].favour: more on the side that hurts needs each side done in turn");
}

TEST_CASE("own routine refused: each invalid routine field on its own") {
  const auto routine = [](auto change) {
    catalogue::Routine r = mine();
    change(r);
    return problem(r);
  };
  CHECK(routine([](auto& r) { r.note = ""; }) == "routines[0].note: must not be empty");
  CHECK(routine([](auto& r) { r.note = std::string(281, 'n'); }) == "routines[0].note: is 281 characters long; the most is 280");
  CHECK(routine([](auto& r) { r.clinic = catalogue::Clinic{}; }) == "routines[0].clinic.name: must not be empty");
  CHECK(routine([](auto& r) { r.clinic = catalogue::Clinic{.name = std::string(61, 'c'), .phone = std::nullopt}; }) ==
        "routines[0].clinic.name: is 61 characters long; the most is 60");
  CHECK(routine([](auto& r) { r.clinic = catalogue::Clinic{.name = "Riverside", .phone = "020; DROP"}; }) ==
        "routines[0].clinic.phone: must be a phone number: digits, spaces, + ( ) - . / and letters (\"ext\")");
  CHECK(routine([](auto& r) { r.clinic = catalogue::Clinic{.name = "Riverside", .phone = std::string(31, '0')}; }) ==
        "routines[0].clinic.phone: is 31 characters long; the most is 30");
  CHECK(routine([](auto& r) { r.review_on = "2027-02-30"; }) ==
        "routines[0].review_on: '2027-02-30' is not a date from 2000 to 2099 written as YYYY-MM-DD");
  CHECK(routine([](auto& r) { r.started_on = "yesterday"; }) ==
        "routines[0].started_on: 'yesterday' is not a date from 2000 to 2099 written as YYYY-MM-DD");
  CHECK(routine([](auto& r) { r.uid = "0123456789ab"; }) == "routines[0].version: a routine's uid and version come together");
  CHECK(routine([](auto& r) { r.version = 2; }) == "routines[0].uid: a routine's uid and version come together");
  CHECK(routine([](auto& r) { r.uid = "0123456789AB"; r.version = 1; }) == "routines[0].uid: must be 12 lower-case hex digits");
  CHECK(routine([](auto& r) { r.uid = "0123456789a"; r.version = 1; }) == "routines[0].uid: must be 12 lower-case hex digits");
  CHECK(routine([](auto& r) { r.uid = "0123456789ab"; r.version = 0; }) == "routines[0].version: must be from 1 to 65535, got 0");
  CHECK(routine([](auto& r) { r.schedule = catalogue::Schedule{.times_a_day = 9, .days_a_week = 7, .times = {}}; }) ==
        "routines[0].schedule.times_a_day: is 9; a routine is done 1 to 4 times a day");
  CHECK(routine([](auto& r) {
          r.schedule = catalogue::Schedule{};
          r.frequency = catalogue::Frequency::when_needed;
        }) == "routines[0].frequency: must be every_day when the routine has a schedule, which says how often");
  CHECK(routine([](auto& r) { r.sources = {"nowhere"}; }) == "routines[0].sources: unknown source 'nowhere'");
}

TEST_CASE("built-in routine refused: fields only a person's own routine holds") {
  catalogue::Routine r = *c().find_routine("nhs_daily");
  r.note = "A note";
  r.items[0].favour = catalogue::Favour::first;
  std::vector<catalogue::Problem> found;
  catalogue::validate_routine(c(), r, {.file = "routines.json", .path = "routines[nhs_daily]"}, found);
  REQUIRE(found.size() == 2);
  CHECK(found[0].path == "routines[nhs_daily].note");
  CHECK(found[0].message == "only a person's own routine holds this");
  CHECK(found[1].path == "routines[nhs_daily].items[0].favour");
}
