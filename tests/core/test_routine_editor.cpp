// The person's own routines: create, copy, edit exactly as prescribed, check, save, delete.
#include <doctest/doctest.h>

#include <algorithm>
#include <climits>
#include <set>
#include <string>
#include <vector>

#include "animation_fixtures.h"
#include "app/prescription_edits.h"
#include "json/json_writer.h"
#include "app/routine_editor.h"
#include "catalogue/own_routine.h"
#include "catalogue/validate.h"
#include "links/routine_link.h"
#include "session/duration.h"
#include "session/session_input.h"
#include "session_fixtures.h"
#include "text/utf8.h"

using namespace limber;
using namespace limber::app;
using catalogue::Range;

namespace {

// A small catalogue with every shape the editor meets: two options, an option without a hold,
// and sets that can move (the shipped exercises all do one set).
catalogue::Catalogue small() {
  catalogue::Catalogue c;
  c.sources = {{.id = "src", .organisation = "Org", .title = "Title", .summary = "Summary"}};
  catalogue::Exercise hug = test::make_exercise("hug");
  hug.dosages = {{.id = "short", .label = "Hold 5 seconds", .sources = {"src"},
                  .dosage = test::make_dosage(3, catalogue::Sides::together, 5)},
                 {.id = "long", .label = "Hold 20 seconds", .sources = {"src"},
                  .dosage = test::make_dosage(2, catalogue::Sides::each_side, 20)}};
  catalogue::Exercise rock = test::make_exercise("rock", catalogue::ExerciseKind::mobility);
  rock.dosages = {{.id = "clinic", .label = "Rock 10 times", .sources = {"src"},
                   .dosage = test::make_dosage(10, catalogue::Sides::together)}};
  catalogue::Exercise bridge = test::make_exercise("bridge", catalogue::ExerciseKind::strengthening);
  bridge.dosages = {{.id = "sets", .label = "Up to 3 sets", .sources = {"src"},
                     .dosage = test::make_dosage(5, catalogue::Sides::together, 2)}};
  bridge.dosages[0].dosage.sets = {.min = 1, .max = 3, .start = 1};
  c.exercises = {hug, rock, bridge};
  c.routines = {{.id = "daily", .name = "Daily", .purpose = "Every day.", .frequency_note = "after a walk",
                 .rest_between_exercises_seconds = 15,
                 .items = {{.exercise = "hug"}, {.exercise = "rock"}},
                 .sources = {"src"}}};
  return c;
}

const std::string kUid = "0123456789ab";

catalogue::Routine fresh(const catalogue::Catalogue& c, const storage::Profile& data = {}) { return new_routine(c, data, kUid); }
catalogue::Routine copied(const catalogue::Routine& from, const catalogue::Catalogue& c, const storage::Profile& data = {}) {
  return copy_routine(from, c, data, kUid);
}
Range one(int v) { return {.min = v, .max = v, .start = v}; }

// A routine of the three small exercises, in order hug, rock, bridge.
catalogue::Routine three(const catalogue::Catalogue& c) {
  catalogue::Routine r = fresh(c);
  for (const char* id : {"hug", "rock", "bridge"}) REQUIRE(add_exercise(r, c, id));
  return r;
}

std::vector<std::string> order(const catalogue::Routine& r) {
  std::vector<std::string> out;
  for (const auto& item : r.items) out.push_back(item.exercise);
  return out;
}

}  // namespace

// ---- new routines and ids ----------------------------------------------------------------

TEST_CASE("routine editor: a new routine is empty, once a day every day, with a 10 s rest, no sources, its identity") {
  const catalogue::Routine r = fresh(small());
  CHECK(r.id == "my-1");
  CHECK(r.name == "My routine");
  CHECK(r.items.empty());
  CHECK(r.schedule == catalogue::Schedule{.times_a_day = 1, .days_a_week = 7, .times = {}});
  CHECK_FALSE(r.frequency_note);  // the schedule says it all
  CHECK(catalogue::frequency_sentence(r) == "Every day");
  CHECK(r.uid == kUid);
  CHECK(r.version == 1);
  CHECK_FALSE(r.started_on);  // set when first saved
  CHECK_FALSE(r.clinic);
  CHECK(r.rest_between_exercises_seconds == 10);
  CHECK(r.sources.empty());
  CHECK_FALSE(r.purpose.empty());  // stored text may not be empty
}

TEST_CASE("routine editor: repeated creates give unique ids and names") {
  const auto c = small();
  storage::Profile data;
  for (int i = 0; i < 3; ++i) data.routines.push_back(fresh(c, data));
  CHECK(data.routines[0].id == "my-1");
  CHECK(data.routines[1].id == "my-2");
  CHECK(data.routines[2].id == "my-3");
  CHECK(data.routines[0].name == "My routine");
  CHECK(data.routines[1].name == "My routine 2");
  CHECK(data.routines[2].name == "My routine 3");
}

TEST_CASE("routine editor: a new id skips ids still named by history, a session in progress or the settings") {
  const auto c = small();
  storage::Profile data;
  data.routines.push_back({.id = "my-1", .name = "Mine"});
  session::SessionRecord done;
  done.routine = "my-2";  // a deleted routine's session: its id stays with that history
  storage::add_session(data.history, {.id = storage::session_id(done), .record = done}, 0);
  CHECK(new_routine_id(c, data) == "my-3");
  data.in_progress = storage::InProgress{};
  data.in_progress->record.routine = "my-3";
  CHECK(new_routine_id(c, data) == "my-4");
  data.settings.current_routine = "my-4";
  CHECK(new_routine_id(c, data) == "my-5");
}

TEST_CASE("routine editor: a new id never matches a built-in routine, even one named like an own id") {
  auto c = small();
  c.routines.push_back({.id = "my-1", .name = "Odd built-in"});
  CHECK(new_routine_id(c, {}) == "my-2");
}

TEST_CASE("routine editor: a new routine names the clinic the person's routines last named") {
  const auto c = small();
  storage::Profile data;
  data.routines.push_back(fresh(c, data));
  data.routines.push_back(fresh(c, data));
  data.routines[0].clinic = catalogue::Clinic{.name = "Old clinic", .phone = std::nullopt};
  data.routines[1].clinic = catalogue::Clinic{.name = "Riverside Physiotherapy", .phone = "020 7946 0958"};
  const catalogue::Routine r = fresh(c, data);
  REQUIRE(r.clinic);
  CHECK(r.clinic->name == "Riverside Physiotherapy");
  CHECK(r.clinic->phone == "020 7946 0958");
}

TEST_CASE("routine editor: a new name skips the built-in routines' names too") {
  auto c = small();
  c.routines.push_back({.id = "mine", .name = "My routine"});
  CHECK(fresh(c).name == "My routine 2");
}

// ---- copies --------------------------------------------------------------------------------

TEST_CASE("routine editor: a copy keeps the exercises, each amount as one value, and timing under a fresh id") {
  const auto c = small();
  const catalogue::Routine& daily = c.routines[0];
  const catalogue::Routine copy = copied(daily, c);
  CHECK(copy.id == "my-1");
  CHECK(copy.name == "Copy of Daily");
  REQUIRE(copy.items.size() == daily.items.size());
  // The amounts a session of Daily starts at, exactly: the copy never builds up by itself.
  CHECK(copy.items[0] == catalogue::RoutineItem{.exercise = "hug", .dosage = "short", .reps = one(3), .sets = one(1), .hold = one(5)});
  CHECK(copy.items[1] == catalogue::RoutineItem{.exercise = "rock", .dosage = "clinic", .reps = one(10), .sets = one(1)});
  CHECK(copy.uid == kUid);
  CHECK(copy.version == 1);
  CHECK(copy.purpose == daily.purpose);
  CHECK(copy.frequency_note == daily.frequency_note);
  CHECK(copy.rest_between_exercises_seconds == daily.rest_between_exercises_seconds);
  CHECK(copy.sources.empty());
}

TEST_CASE("routine editor: editing a copy leaves the original untouched") {
  const auto c = small();
  const catalogue::Routine before = c.routines[0];
  catalogue::Routine copy = copied(c.routines[0], c);
  REQUIRE(step_dosage(copy, 0, c, DosageField::reps, 1));
  REQUIRE(remove_item(copy, 1));
  REQUIRE(add_exercise(copy, c, "bridge"));
  CHECK(c.routines[0] == before);
  CHECK(copy.items != before.items);
}

TEST_CASE("routine editor: a copy's name is cut to what a link carries, and stays unique") {
  const auto c = small();
  storage::Profile data;
  catalogue::Routine long_named = c.routines[0];
  std::string e_acute_6;
  for (int i = 0; i < 6; ++i) e_acute_6 += "\xc3\xa9";                // six characters of two bytes each
  long_named.name = std::string(50, 'x') + e_acute_6;                   // "Copy of " + this is 64 characters
  data.routines.push_back(copied(long_named, c, data));
  data.routines.push_back(copied(long_named, c, data));
  for (const auto& r : data.routines) {
    std::size_t chars = 0;
    REQUIRE(text::check_utf8(r.name, false, chars) == text::TextCheck::ok);  // never cut inside a character
    CHECK(chars == links::kMaxNameChars);
  }
  CHECK(data.routines[0].name == "Copy of " + std::string(50, 'x') + "\xc3\xa9\xc3\xa9");
  CHECK(data.routines[1].name == "Copy of " + std::string(48, 'x') + " (2)");
}

TEST_CASE("routine editor: repeated copies, and copies mixed with creates, stay unique") {
  const auto c = small();
  storage::Profile data;
  data.routines.push_back(copied(c.routines[0], c, data));
  data.routines.push_back(copied(c.routines[0], c, data));
  data.routines.push_back(copied(c.routines[0], c, data));
  CHECK(data.routines[0].name == "Copy of Daily");
  CHECK(data.routines[1].name == "Copy of Daily (2)");
  CHECK(data.routines[2].name == "Copy of Daily (3)");
  data.routines.push_back(copied(data.routines[0], c, data));
  CHECK(data.routines[3].name == "Copy of Copy of Daily");
  for (int i = 0; i < 6; ++i) {
    data.routines.push_back(i % 2 ? fresh(c, data) : copied(data.routines.back(), c, data));
  }
  std::set<std::string> ids, names;
  for (const auto& r : data.routines) {
    ids.insert(r.id);
    names.insert(r.name);
    CHECK(r.id.rfind("my-", 0) == 0);
  }
  CHECK(ids.size() == data.routines.size());
  CHECK(names.size() == data.routines.size());
}

// ---- adding, removing and moving exercises ---------------------------------------------------

TEST_CASE("routine editor: adding an exercise names its default option, with its start values as the amounts") {
  const auto c = small();
  catalogue::Routine r = fresh(c);
  REQUIRE(add_exercise(r, c, "hug"));
  REQUIRE(r.items.size() == 1);
  CHECK(r.items[0] == catalogue::RoutineItem{.exercise = "hug", .dosage = "short", .reps = one(3), .sets = one(1), .hold = one(5)});
  REQUIRE(add_exercise(r, c, "rock"));
  CHECK(r.items[1] == catalogue::RoutineItem{.exercise = "rock", .dosage = "clinic", .reps = one(10), .sets = one(1)});
}

TEST_CASE("routine editor: an unknown exercise is not added") {
  const auto c = small();
  catalogue::Routine r = three(c);
  const catalogue::Routine before = r;
  CHECK_FALSE(add_exercise(r, c, "cartwheel"));
  CHECK_FALSE(add_exercise(r, c, ""));
  CHECK(r == before);
}

TEST_CASE("routine editor: removing an item") {
  const auto c = small();
  catalogue::Routine r = three(c);
  CHECK(remove_item(r, 1));
  CHECK(order(r) == std::vector<std::string>{"hug", "bridge"});
}

TEST_CASE("routine editor: removing past the end is refused") {
  const auto c = small();
  catalogue::Routine r = three(c);
  const catalogue::Routine before = r;
  CHECK_FALSE(remove_item(r, 3));
  CHECK_FALSE(remove_item(r, static_cast<std::size_t>(-1)));
  CHECK(r == before);
  catalogue::Routine empty = fresh(c);
  CHECK_FALSE(remove_item(empty, 0));
}

TEST_CASE("routine editor: moving an item up and down") {
  const auto c = small();
  catalogue::Routine r = three(c);
  CHECK(move_item(r, 1, -1));
  CHECK(order(r) == std::vector<std::string>{"rock", "hug", "bridge"});
  CHECK(move_item(r, 1, +1));
  CHECK(order(r) == std::vector<std::string>{"rock", "bridge", "hug"});
  CHECK(move_item(r, 0, +2));
  CHECK(order(r) == std::vector<std::string>{"bridge", "hug", "rock"});
  CHECK(move_item(r, 2, -2));
  CHECK(order(r) == std::vector<std::string>{"rock", "bridge", "hug"});
}

TEST_CASE("routine editor: moving the first item up is refused") {
  const auto c = small();
  catalogue::Routine r = three(c);
  const catalogue::Routine before = r;
  CHECK_FALSE(move_item(r, 0, -1));
  CHECK(r == before);
}

TEST_CASE("routine editor: moving the last item down is refused") {
  const auto c = small();
  catalogue::Routine r = three(c);
  const catalogue::Routine before = r;
  CHECK_FALSE(move_item(r, 2, +1));
  CHECK_FALSE(move_item(r, 1, +2));
  CHECK(r == before);
}

TEST_CASE("routine editor: moving an index out of range, by nothing, or far past either end is refused") {
  const auto c = small();
  catalogue::Routine r = three(c);
  const catalogue::Routine before = r;
  CHECK_FALSE(move_item(r, 3, -1));
  CHECK_FALSE(move_item(r, static_cast<std::size_t>(-1), +1));
  CHECK_FALSE(move_item(r, 1, 0));
  CHECK_FALSE(move_item(r, 1, INT_MAX));
  CHECK_FALSE(move_item(r, 1, INT_MIN));
  CHECK(r == before);
}

// ---- dosage options --------------------------------------------------------------------------

TEST_CASE("routine editor: choosing another dosage option starts from that option's values, keeping the note") {
  const auto c = small();
  catalogue::Routine r = three(c);
  REQUIRE(step_dosage(r, 0, c, DosageField::reps, 1));
  REQUIRE(step_dosage(r, 0, c, DosageField::hold, 1));
  r.items[0].note = "Gently";
  CHECK(choose_dosage(r, 0, c, "long"));
  CHECK(r.items[0] == catalogue::RoutineItem{.exercise = "hug", .dosage = "long", .reps = one(2), .sets = one(1), .hold = one(20),
                                             .note = "Gently"});
  const auto view = item_dosage(r, 0, c);
  REQUIRE(view);
  CHECK(view->option_label == "Hold 20 seconds");
  REQUIRE(view->hold);
  CHECK(view->hold->value == 20);
}

TEST_CASE("routine editor: an unknown dosage option is refused") {
  const auto c = small();
  catalogue::Routine r = three(c);
  REQUIRE(step_dosage(r, 0, c, DosageField::reps, 1));
  const catalogue::Routine before = r;
  CHECK_FALSE(choose_dosage(r, 0, c, "marathon"));
  CHECK_FALSE(choose_dosage(r, 1, c, "short"));  // another exercise's option
  CHECK(r == before);
}

TEST_CASE("routine editor: choosing a dosage out of range or for an unknown exercise is refused") {
  const auto c = small();
  catalogue::Routine r = three(c);
  r.items.push_back({.exercise = "cartwheel"});
  const catalogue::Routine before = r;
  CHECK_FALSE(choose_dosage(r, 4, c, "short"));
  CHECK_FALSE(choose_dosage(r, 3, c, "short"));
  CHECK(r == before);
}

// ---- stepping amounts -------------------------------------------------------------------------

TEST_CASE("routine editor: stepping reps sets one value, past the source's range within the hard limit") {
  const auto c = small();
  catalogue::Routine r = three(c);
  CHECK(step_dosage(r, 0, c, DosageField::reps, +1));
  CHECK(r.items[0].reps == one(4));
  CHECK(step_dosage(r, 0, c, DosageField::reps, +3));
  CHECK(r.items[0].reps == one(7));
  CHECK(step_dosage(r, 0, c, DosageField::reps, -2));
  CHECK(r.items[0].reps == one(5));
  for (int i = 0; i < 10; ++i) REQUIRE(step_dosage(r, 0, c, DosageField::reps, +1));
  CHECK(r.items[0].reps == one(15));  // the source says 3 to 8: the clinician may ask for more
  CHECK(r.items[0].hold == one(5));   // untouched
}

TEST_CASE("routine editor: reps stop at 1 and at 50") {
  const auto c = small();
  catalogue::Routine r = three(c);
  r.items[0].reps = one(50);
  const catalogue::Routine top = r;
  CHECK_FALSE(step_dosage(r, 0, c, DosageField::reps, +1));
  CHECK_FALSE(step_dosage(r, 0, c, DosageField::reps, INT_MAX));
  CHECK(r == top);
  r.items[0].reps = one(1);
  const catalogue::Routine bottom = r;
  CHECK_FALSE(step_dosage(r, 0, c, DosageField::reps, -1));
  CHECK_FALSE(step_dosage(r, 0, c, DosageField::reps, INT_MIN));
  CHECK(r == bottom);
}

TEST_CASE("routine editor: a hold in seconds steps by 1 up to 10 s, then by 5 s, then by 15 s past a minute") {
  const auto c = small();
  catalogue::Routine r = three(c);
  std::vector<int> seen;
  for (int i = 0; i < 12; ++i) {
    REQUIRE(step_dosage(r, 0, c, DosageField::hold, +1));
    seen.push_back(r.items[0].hold->start);
  }
  CHECK(seen == std::vector<int>{6, 7, 8, 9, 10, 15, 20, 25, 30, 35, 40, 45});
  r.items[0].hold = one(60);
  REQUIRE(step_dosage(r, 0, c, DosageField::hold, +1));
  CHECK(r.items[0].hold == one(75));
  REQUIRE(step_dosage(r, 0, c, DosageField::hold, -1));
  REQUIRE(step_dosage(r, 0, c, DosageField::hold, -1));
  CHECK(r.items[0].hold == one(55));
  // From 20 s to 30 s is two presses, not ten.
  r.items[0].hold = one(20);
  REQUIRE(step_dosage(r, 0, c, DosageField::hold, +2));
  CHECK(r.items[0].hold == one(30));
  // A value between two steps goes to the nearest step in that direction.
  r.items[0].hold = one(12);
  REQUIRE(step_dosage(r, 0, c, DosageField::hold, +1));
  CHECK(r.items[0].hold == one(15));
  r.items[0].hold = one(12);
  REQUIRE(step_dosage(r, 0, c, DosageField::hold, -1));
  CHECK(r.items[0].hold == one(10));
  // Five minutes at most; a second at least.
  r.items[0].hold = one(300);
  CHECK_FALSE(step_dosage(r, 0, c, DosageField::hold, +1));
  r.items[0].hold = one(1);
  CHECK_FALSE(step_dosage(r, 0, c, DosageField::hold, -1));
}

TEST_CASE("routine editor: a hold in breaths steps by one breath, up to 30") {
  const auto c = small();
  catalogue::Routine r = three(c);
  REQUIRE(edit_prescription(r, c, "hold_unit", "1=breaths", 0) == "");
  REQUIRE(r.items[0].hold_unit == catalogue::HoldUnit::breaths);
  CHECK(r.items[0].hold == one(1));  // 5 seconds is about one breath
  REQUIRE(step_dosage(r, 0, c, DosageField::hold, +1));
  CHECK(r.items[0].hold == one(2));
  r.items[0].hold = one(30);
  CHECK_FALSE(step_dosage(r, 0, c, DosageField::hold, +1));
}

TEST_CASE("routine editor: stepping the hold of an option without one is refused") {
  const auto c = small();
  catalogue::Routine r = three(c);
  const catalogue::Routine before = r;
  CHECK_FALSE(step_dosage(r, 1, c, DosageField::hold, +1));
  CHECK_FALSE(step_dosage(r, 1, c, DosageField::hold_to, +1));
  CHECK(r == before);
}

TEST_CASE("routine editor: sets step from 1 to 10, and a rest between them only with two or more") {
  const auto c = small();
  catalogue::Routine r = three(c);
  CHECK_FALSE(step_dosage(r, 0, c, DosageField::sets, -1));
  CHECK_FALSE(step_dosage(r, 0, c, DosageField::set_rest, +1));  // one set: nothing to rest between
  REQUIRE(step_dosage(r, 0, c, DosageField::sets, +1));
  CHECK(r.items[0].sets == one(2));
  // The option's rest between sets (10 s) steps by 5 s, then by 15 s past a minute.
  REQUIRE(step_dosage(r, 0, c, DosageField::set_rest, +4));
  CHECK(r.items[0].set_rest_seconds == 30);
  // Back to one set: the rest between sets goes with the second set.
  REQUIRE(step_dosage(r, 0, c, DosageField::sets, -1));
  CHECK_FALSE(r.items[0].set_rest_seconds);
  r.items[0].sets = one(10);
  CHECK_FALSE(step_dosage(r, 0, c, DosageField::sets, +1));
}

TEST_CASE("routine editor: stepping an index out of range, by nothing, or an unknown option is refused") {
  const auto c = small();
  catalogue::Routine r = three(c);
  r.items.push_back({.exercise = "hug", .dosage = "marathon"});
  r.items.push_back({.exercise = "cartwheel"});
  const catalogue::Routine before = r;
  CHECK_FALSE(step_dosage(r, 5, c, DosageField::reps, +1));
  CHECK_FALSE(step_dosage(r, 0, c, DosageField::reps, 0));
  CHECK_FALSE(step_dosage(r, 3, c, DosageField::reps, +1));
  CHECK_FALSE(step_dosage(r, 4, c, DosageField::reps, +1));
  CHECK(r == before);
}

TEST_CASE("routine editor: a build-up's length and targets step only once it is on, and its target stays above its start") {
  const auto c = small();
  catalogue::Routine r = three(c);
  const catalogue::Routine before = r;
  CHECK_FALSE(step_dosage(r, 0, c, DosageField::build_up_days, +1));
  CHECK_FALSE(step_dosage(r, 0, c, DosageField::reps_to, +1));
  CHECK(r == before);
  REQUIRE(edit_prescription(r, c, "build_up", "1=on", 0) == "");
  CHECK(r.items[0].build_up_days == 14);
  CHECK(r.items[0].reps == Range{.min = 3, .max = 8, .start = 3});  // up to the source's most
  REQUIRE(step_dosage(r, 0, c, DosageField::build_up_days, +1));
  CHECK(r.items[0].build_up_days == 21);
  REQUIRE(step_dosage(r, 0, c, DosageField::reps_to, +2));
  CHECK(r.items[0].reps == Range{.min = 3, .max = 10, .start = 3});
  // The target never comes down to the start.
  for (int i = 0; i < 6; ++i) REQUIRE(step_dosage(r, 0, c, DosageField::reps_to, -1));
  CHECK(r.items[0].reps->max == 4);
  CHECK_FALSE(step_dosage(r, 0, c, DosageField::reps_to, -1));
  // Stepping the start past the target takes the target along.
  REQUIRE(step_dosage(r, 0, c, DosageField::reps, +1));
  CHECK(r.items[0].reps == Range{.min = 4, .max = 5, .start = 4});
  // A hold builds up too, from its start.
  REQUIRE(step_dosage(r, 0, c, DosageField::hold_to, +1));
  CHECK(r.items[0].hold == Range{.min = 5, .max = 6, .start = 5});
  CHECK(catalogue::check_own_routine(c, r) == "");
}

// ---- what the editor shows -------------------------------------------------------------------

TEST_CASE("routine editor: an item's dosage view shows the values with the source's bounds") {
  const auto c = small();
  catalogue::Routine r = three(c);
  REQUIRE(choose_dosage(r, 0, c, "long"));
  REQUIRE(step_dosage(r, 0, c, DosageField::hold, +3));
  const auto hug = item_dosage(r, 0, c);
  REQUIRE(hug);
  CHECK(hug->option_id == "long");
  CHECK(hug->option_label == "Hold 20 seconds");
  CHECK(hug->reps.value == 2);
  CHECK(hug->reps.can_decrease);
  CHECK(hug->sets.value == 1);
  CHECK_FALSE(hug->sets.can_decrease);
  CHECK(hug->sets.can_increase);
  REQUIRE(hug->hold);
  CHECK(hug->hold->value == 35);  // 20, 25, 30, 35
  CHECK(hug->hold_unit == catalogue::HoldUnit::seconds);
  CHECK(hug->sides == catalogue::Sides::each_side);
  CHECK(hug->source_sides == catalogue::Sides::each_side);
  CHECK(hug->beyond_source.empty());  // 35 s is inside the source's 20 to 40
  CHECK_FALSE(hug->build_up_days);
  const auto rock = item_dosage(r, 1, c);
  REQUIRE(rock);
  CHECK_FALSE(rock->hold);
  CHECK(rock->reps.value == 10);
  r.items[1].reps = one(50);
  CHECK(item_dosage(r, 1, c)->beyond_source == "10 to 15 reps, no hold");
  CHECK_FALSE(item_dosage(r, 1, c)->reps.can_increase);
}

TEST_CASE("routine editor: an item left to its exercise's default shows the default option") {
  const auto c = small();
  const auto view = item_dosage(c.routines[0], 0, c);
  REQUIRE(view);
  CHECK(view->option_id == "short");
}

TEST_CASE("routine editor: no dosage view for an index out of range, an unknown exercise or option") {
  const auto c = small();
  catalogue::Routine r = three(c);
  r.items.push_back({.exercise = "hug", .dosage = "marathon"});
  r.items.push_back({.exercise = "cartwheel"});
  CHECK_FALSE(item_dosage(r, 3, c));
  CHECK_FALSE(item_dosage(r, 4, c));
  CHECK_FALSE(item_dosage(r, 5, c));
}

// ---- checking, saving and deleting ---------------------------------------------------------------

TEST_CASE("routine editor: a routine with no exercises cannot be saved") {
  const auto& c = test::shipped_catalogue();
  CHECK(catalogue::check_own_routine(c, fresh(c)) == "Add at least one exercise.");
}

TEST_CASE("routine editor: an amount past the hard limits, or still a range, cannot be saved") {
  const auto& c = test::shipped_catalogue();
  catalogue::Routine r = fresh(c);
  r.items = {{.exercise = "knee_rolls", .dosage = "nhs", .reps = one(60), .sets = one(1), .hold = one(1)}};
  CHECK(catalogue::check_own_routine(c, r) == "routines[my-1].items[0].reps: must be from 1 to 50, got 60");
  r.items[0].reps = Range{.min = 8, .max = 10, .start = 9};
  CHECK(catalogue::check_own_routine(c, r) ==
        "routines[my-1].items[0].reps: starts at 9 but ranges from 8 to 10; an amount is one value, or rises from its start");
  r.items.push_back({.exercise = "cartwheel"});
  CHECK(catalogue::check_own_routine(c, r) ==
        "routines[my-1].items[0].reps: starts at 9 but ranges from 8 to 10; an amount is one value, or rises from its start (and 1 more)");
}

TEST_CASE("routine editor: an edited routine can be saved") {
  const auto& c = test::shipped_catalogue();
  catalogue::Routine r = copied(*c.find_routine("nhs_daily"), c);
  REQUIRE(add_exercise(r, c, "knee_rolls"));
  const std::size_t last = r.items.size() - 1;
  REQUIRE(choose_dosage(r, last, c, "up_to_fifteen"));
  REQUIRE(step_dosage(r, last, c, DosageField::reps, +3));
  REQUIRE(step_dosage(r, last, c, DosageField::hold, +2));
  REQUIRE(move_item(r, last, -1));
  CHECK(catalogue::check_own_routine(c, r) == "");
}

TEST_CASE("routine editor: a routine without a name or purpose cannot be saved") {
  const auto& c = test::shipped_catalogue();
  catalogue::Routine r = fresh(c);
  REQUIRE(add_exercise(r, c, "knee_rolls"));
  r.name.clear();
  CHECK(catalogue::check_own_routine(c, r) == "Give the routine a name.");
  r.name = "Mine";
  r.purpose.clear();
  CHECK(catalogue::check_own_routine(c, r) == "Say what the routine is for.");
  r.purpose = "Mornings.";
  CHECK(catalogue::check_own_routine(c, r) == "");  // the frequency always says how often
}

TEST_CASE("routine editor: a built-in routine itself cannot be saved as the person's own") {
  const auto& c = test::shipped_catalogue();
  CHECK(catalogue::check_own_routine(c, *c.find_routine("nhs_daily")) ==
        "This is one of Limber's routines: make a copy to change it.");
}

TEST_CASE("routine editor: saving adds a new routine, then replaces it by id, the data stays storable") {
  const auto& c = test::shipped_catalogue();
  storage::Profile data;
  catalogue::Routine r = fresh(c, data);
  REQUIRE(add_exercise(r, c, "pelvic_tilt"));
  CHECK(save_routine(data, c, r) == "");
  REQUIRE(data.routines.size() == 1);
  REQUIRE(step_dosage(r, 0, c, DosageField::reps, +2));
  CHECK(save_routine(data, c, r) == "");
  REQUIRE(data.routines.size() == 1);
  CHECK(data.routines[0] == r);
  const std::string parts = "{\"schema\":\"2\",\"settings\":" + json::quote(storage::part_json(data, storage::Part::settings)) +
                            ",\"routines\":" + json::quote(storage::part_json(data, storage::Part::routines)) + "}";
  const auto back = storage::read_profile(parts, c);
  REQUIRE_MESSAGE(back.profile, (back.problems.empty() ? "" : back.problems[0].path + ": " + back.problems[0].message));
  REQUIRE_MESSAGE(back.damaged.empty(), (back.damaged.empty() ? "" : back.damaged[0].problem.path + ": " + back.damaged[0].problem.message));
  CHECK(back.profile->routines == data.routines);
}

TEST_CASE("routine editor: a routine that cannot be saved leaves the data as it was") {
  const auto& c = test::shipped_catalogue();
  storage::Profile data;
  const storage::Profile before = data;
  CHECK(save_routine(data, c, fresh(c, data)) == "Add at least one exercise.");
  CHECK(data == before);
}

TEST_CASE("routine editor: deleting a routine also forgets it as the current one") {
  const auto c = small();
  storage::Profile data;
  data.routines.push_back(fresh(c, data));
  data.routines.push_back(fresh(c, data));
  data.settings.current_routine = "my-1";
  CHECK(delete_routine(data, "my-1"));
  REQUIRE(data.routines.size() == 1);
  CHECK(data.routines[0].id == "my-2");
  CHECK_FALSE(data.settings.current_routine);
}

TEST_CASE("routine editor: deleting an unknown routine is refused") {
  const auto c = small();
  storage::Profile data;
  data.routines.push_back(fresh(c, data));
  data.settings.current_routine = "nhs_daily";
  const storage::Profile before = data;
  CHECK_FALSE(delete_routine(data, "my-9"));
  CHECK_FALSE(delete_routine(data, "nhs_daily"));  // built-in routines are not the person's to delete
  CHECK(data == before);
}

// ---- what a session runs -------------------------------------------------------------------------

TEST_CASE("routine editor: the session runs the edited dosage") {
  const auto& shipped = test::shipped_catalogue();
  catalogue::Routine r = fresh(shipped);
  REQUIRE(add_exercise(r, shipped, "knee_rolls"));
  REQUIRE(choose_dosage(r, 0, shipped, "up_to_fifteen"));  // reps 4 to 15, hold 3 to 5 s
  REQUIRE(step_dosage(r, 0, shipped, DosageField::reps, +3));
  REQUIRE(step_dosage(r, 0, shipped, DosageField::hold, +2));
  REQUIRE(catalogue::check_own_routine(shipped, r) == "");

  catalogue::Catalogue with_routine = shipped;
  with_routine.routines.push_back(r);
  const auto built = session::build_input(with_routine, r.id, nullptr);
  REQUIRE(built.ok());
  REQUIRE(built.input.exercises.size() == 1);
  const session::PlannedExercise& planned = built.input.exercises[0];
  CHECK(planned.dosage_id == "up_to_fifteen");
  CHECK(planned.dosage.reps.start == 7);
  REQUIRE(planned.dosage.hold);
  CHECK(planned.dosage.hold->amount.start == 5);
  const auto view = item_dosage(r, 0, shipped);
  REQUIRE(view);
  CHECK(view->reps.value == planned.dosage.reps.start);
  CHECK(view->hold->value == planned.dosage.hold->amount.start);
}

TEST_CASE("routine editor: how long an own routine takes, as the session paces it") {
  const auto& c = test::shipped_catalogue();
  const catalogue::Routine& nhs = *c.find_routine("nhs_daily");
  catalogue::Routine copy = copied(nhs, c);
  const double built_in = session::routine_seconds(c, nhs);
  REQUIRE(built_in > 0);
  CHECK(session::routine_seconds(c, copy) == doctest::Approx(built_in));
  const std::size_t rolls = static_cast<std::size_t>(
      std::find_if(copy.items.begin(), copy.items.end(), [](const auto& i) { return i.exercise == "knee_rolls"; }) -
      copy.items.begin());
  REQUIRE(rolls < copy.items.size());
  REQUIRE(step_dosage(copy, rolls, c, DosageField::reps, +2));
  CHECK(session::routine_seconds(c, copy) > built_in);
  CHECK(session::routine_seconds(c, fresh(c)) == 0);
}
