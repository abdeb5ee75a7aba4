// The person's own routines: create, copy, edit within the sources' ranges, check, save, delete.
#include <doctest/doctest.h>

#include <algorithm>
#include <climits>
#include <set>
#include <string>
#include <vector>

#include "animation_fixtures.h"
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

// A routine of the three small exercises, in order hug, rock, bridge.
catalogue::Routine three(const catalogue::Catalogue& c) {
  catalogue::Routine r = new_routine(c, {});
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

TEST_CASE("routine editor: a new routine is empty, every day, with a 10 s rest and no sources") {
  const catalogue::Routine r = new_routine(small(), {});
  CHECK(r.id == "my-1");
  CHECK(r.name == "My routine");
  CHECK(r.items.empty());
  CHECK(r.frequency == catalogue::Frequency::every_day);
  CHECK_FALSE(r.frequency_note);  // the frequency says it all
  CHECK(catalogue::frequency_sentence(r) == "Every day");
  CHECK(r.rest_between_exercises_seconds == 10);
  CHECK(r.sources.empty());
  CHECK_FALSE(r.purpose.empty());  // stored text may not be empty
}

TEST_CASE("routine editor: repeated creates give unique ids and names") {
  const auto c = small();
  storage::Profile data;
  for (int i = 0; i < 3; ++i) data.routines.push_back(new_routine(c, data));
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

TEST_CASE("routine editor: a new name skips the built-in routines' names too") {
  auto c = small();
  c.routines.push_back({.id = "mine", .name = "My routine"});
  CHECK(new_routine(c, {}).name == "My routine 2");
}

// ---- copies --------------------------------------------------------------------------------

TEST_CASE("routine editor: a copy keeps the items and timing under a fresh id, without the sources") {
  const auto c = small();
  const catalogue::Routine& daily = c.routines[0];
  const catalogue::Routine copy = copy_routine(daily, c, {});
  CHECK(copy.id == "my-1");
  CHECK(copy.name == "Copy of Daily");
  CHECK(copy.items == daily.items);
  CHECK(copy.purpose == daily.purpose);
  CHECK(copy.frequency_note == daily.frequency_note);
  CHECK(copy.rest_between_exercises_seconds == daily.rest_between_exercises_seconds);
  CHECK(copy.sources.empty());
}

TEST_CASE("routine editor: editing a copy leaves the original untouched") {
  const auto c = small();
  const catalogue::Routine before = c.routines[0];
  catalogue::Routine copy = copy_routine(c.routines[0], c, {});
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
  data.routines.push_back(copy_routine(long_named, c, data));
  data.routines.push_back(copy_routine(long_named, c, data));
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
  data.routines.push_back(copy_routine(c.routines[0], c, data));
  data.routines.push_back(copy_routine(c.routines[0], c, data));
  data.routines.push_back(copy_routine(c.routines[0], c, data));
  CHECK(data.routines[0].name == "Copy of Daily");
  CHECK(data.routines[1].name == "Copy of Daily (2)");
  CHECK(data.routines[2].name == "Copy of Daily (3)");
  data.routines.push_back(copy_routine(data.routines[0], c, data));
  CHECK(data.routines[3].name == "Copy of Copy of Daily");
  for (int i = 0; i < 6; ++i) {
    data.routines.push_back(i % 2 ? new_routine(c, data) : copy_routine(data.routines.back(), c, data));
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

TEST_CASE("routine editor: adding an exercise names its default option, with no overrides") {
  const auto c = small();
  catalogue::Routine r = new_routine(c, {});
  REQUIRE(add_exercise(r, c, "hug"));
  REQUIRE(r.items.size() == 1);
  CHECK(r.items[0] == catalogue::RoutineItem{.exercise = "hug", .dosage = "short"});
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
  catalogue::Routine empty = new_routine(c, {});
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

TEST_CASE("routine editor: choosing another dosage option drops the old option's overrides") {
  const auto c = small();
  catalogue::Routine r = three(c);
  REQUIRE(step_dosage(r, 0, c, DosageField::reps, 1));
  REQUIRE(step_dosage(r, 0, c, DosageField::hold, 1));
  CHECK(choose_dosage(r, 0, c, "long"));
  CHECK(r.items[0] == catalogue::RoutineItem{.exercise = "hug", .dosage = "long"});
  const auto view = item_dosage(r, 0, c);
  REQUIRE(view);
  CHECK(view->option_label == "Hold 20 seconds");
  CHECK(view->hold == Range{.min = 20, .max = 40, .start = 20});
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

// ---- stepping reps, holds and sets -------------------------------------------------------------

TEST_CASE("routine editor: stepping reps sets an override with the option's range") {
  const auto c = small();
  catalogue::Routine r = three(c);
  CHECK(step_dosage(r, 0, c, DosageField::reps, +1));
  CHECK(r.items[0].reps == Range{.min = 3, .max = 8, .start = 4});
  CHECK(step_dosage(r, 0, c, DosageField::reps, +3));
  CHECK(r.items[0].reps == Range{.min = 3, .max = 8, .start = 7});
  CHECK(step_dosage(r, 0, c, DosageField::reps, -2));
  CHECK(r.items[0].reps == Range{.min = 3, .max = 8, .start = 5});
  CHECK_FALSE(r.items[0].hold);
  CHECK_FALSE(r.items[0].sets);
}

TEST_CASE("routine editor: stepping reps above the source's maximum is refused") {
  const auto c = small();
  catalogue::Routine r = three(c);
  for (int i = 0; i < 5; ++i) REQUIRE(step_dosage(r, 0, c, DosageField::reps, +1));
  CHECK(r.items[0].reps->start == 8);
  const catalogue::Routine before = r;
  CHECK_FALSE(step_dosage(r, 0, c, DosageField::reps, +1));
  CHECK_FALSE(step_dosage(r, 0, c, DosageField::reps, INT_MAX));
  CHECK(r == before);
}

TEST_CASE("routine editor: stepping reps below the source's minimum is refused") {
  const auto c = small();
  catalogue::Routine r = three(c);
  const catalogue::Routine before = r;
  CHECK_FALSE(step_dosage(r, 0, c, DosageField::reps, -1));
  CHECK_FALSE(step_dosage(r, 0, c, DosageField::reps, INT_MIN));
  CHECK(r == before);
}

TEST_CASE("routine editor: stepping a hold, within its range") {
  const auto c = small();
  catalogue::Routine r = three(c);
  CHECK(step_dosage(r, 0, c, DosageField::hold, +5));
  CHECK(r.items[0].hold == Range{.min = 5, .max = 10, .start = 10});
  CHECK_FALSE(step_dosage(r, 0, c, DosageField::hold, +1));
  CHECK(step_dosage(r, 0, c, DosageField::hold, -5));
  CHECK(r.items[0].hold == Range{.min = 5, .max = 10, .start = 5});
  CHECK_FALSE(step_dosage(r, 0, c, DosageField::hold, -1));
  CHECK(r.items[0].hold == Range{.min = 5, .max = 10, .start = 5});
}

TEST_CASE("routine editor: stepping the hold of an option without one is refused") {
  const auto c = small();
  catalogue::Routine r = three(c);
  const catalogue::Routine before = r;
  CHECK_FALSE(step_dosage(r, 1, c, DosageField::hold, +1));
  CHECK(r == before);
}

TEST_CASE("routine editor: stepping sets, within their range") {
  const auto c = small();
  catalogue::Routine r = three(c);
  CHECK_FALSE(step_dosage(r, 2, c, DosageField::sets, -1));
  CHECK(step_dosage(r, 2, c, DosageField::sets, +2));
  CHECK(r.items[2].sets == Range{.min = 1, .max = 3, .start = 3});
  CHECK_FALSE(step_dosage(r, 2, c, DosageField::sets, +1));
  // One set exactly, as every shipped exercise has: no step either way.
  CHECK_FALSE(step_dosage(r, 0, c, DosageField::sets, +1));
  CHECK_FALSE(step_dosage(r, 0, c, DosageField::sets, -1));
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

TEST_CASE("routine editor: stepping an item that leaves its option to the default names the option") {
  // A copied built-in item has no option of its own; its override must stay with the option
  // it was made for, whichever option a hold preference would otherwise pick.
  const auto c = small();
  catalogue::Routine r = copy_routine(c.routines[0], c, {});
  REQUIRE_FALSE(r.items[0].dosage);
  const catalogue::Routine before = r;
  CHECK_FALSE(step_dosage(r, 0, c, DosageField::reps, -1));
  CHECK(r == before);  // a refused step names nothing either
  CHECK(step_dosage(r, 0, c, DosageField::reps, +1));
  CHECK(r.items[0].dosage == "short");
}

TEST_CASE("routine editor: stepping starts from an existing override's value") {
  const auto c = small();
  catalogue::Routine r = three(c);
  r.items[0].reps = Range{.min = 5, .max = 6, .start = 6};  // narrower, as an import may have it
  CHECK(step_dosage(r, 0, c, DosageField::reps, +1));
  CHECK(r.items[0].reps == Range{.min = 3, .max = 8, .start = 7});
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
  CHECK(hug->reps == Range{.min = 2, .max = 7, .start = 2});
  CHECK(hug->sets == Range{.min = 1, .max = 1, .start = 1});
  CHECK(hug->hold == Range{.min = 20, .max = 40, .start = 23});
  CHECK(hug->hold_unit == catalogue::HoldUnit::seconds);
  CHECK(hug->sides == catalogue::Sides::each_side);
  const auto rock = item_dosage(r, 1, c);
  REQUIRE(rock);
  CHECK_FALSE(rock->hold);
  CHECK(rock->reps == Range{.min = 10, .max = 15, .start = 10});
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
  CHECK(catalogue::check_own_routine(c, new_routine(c, {})) == "Add at least one exercise.");
}

TEST_CASE("routine editor: an override outside the source's range cannot be saved") {
  const auto& c = test::shipped_catalogue();
  catalogue::Routine r = new_routine(c, {});
  r.items = {{.exercise = "knee_rolls", .dosage = "nhs", .reps = Range{.min = 8, .max = 30, .start = 30}}};
  CHECK(catalogue::check_own_routine(c, r) == "routines[my-1].items[0].reps: reps override must stay within the source's 8 to 10");
  r.items.push_back({.exercise = "cartwheel"});
  CHECK(catalogue::check_own_routine(c, r) ==
        "routines[my-1].items[0].reps: reps override must stay within the source's 8 to 10 (and 1 more)");
}

TEST_CASE("routine editor: an edited routine can be saved") {
  const auto& c = test::shipped_catalogue();
  catalogue::Routine r = copy_routine(*c.find_routine("nhs_daily"), c, {});
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
  catalogue::Routine r = new_routine(c, {});
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
  catalogue::Routine r = new_routine(c, data);
  REQUIRE(add_exercise(r, c, "pelvic_tilt"));
  CHECK(save_routine(data, c, r) == "");
  REQUIRE(data.routines.size() == 1);
  REQUIRE(step_dosage(r, 0, c, DosageField::reps, +2));
  CHECK(save_routine(data, c, r) == "");
  REQUIRE(data.routines.size() == 1);
  CHECK(data.routines[0] == r);
  const std::string parts = "{\"schema\":2,\"settings\":" + storage::part_json(data, storage::Part::settings) +
                            ",\"routines\":" + storage::part_json(data, storage::Part::routines) + "}";
  const auto back = storage::read_profile(parts, c);
  REQUIRE_MESSAGE(back.profile, (back.problems.empty() ? "" : back.problems[0].path + ": " + back.problems[0].message));
  CHECK(back.profile->routines == data.routines);
}

TEST_CASE("routine editor: a routine that cannot be saved leaves the data as it was") {
  const auto& c = test::shipped_catalogue();
  storage::Profile data;
  const storage::Profile before = data;
  CHECK(save_routine(data, c, new_routine(c, data)) == "Add at least one exercise.");
  CHECK(data == before);
}

TEST_CASE("routine editor: deleting a routine also forgets it as the current one") {
  const auto c = small();
  storage::Profile data;
  data.routines.push_back(new_routine(c, data));
  data.routines.push_back(new_routine(c, data));
  data.settings.current_routine = "my-1";
  CHECK(delete_routine(data, "my-1"));
  REQUIRE(data.routines.size() == 1);
  CHECK(data.routines[0].id == "my-2");
  CHECK_FALSE(data.settings.current_routine);
}

TEST_CASE("routine editor: deleting an unknown routine is refused") {
  const auto c = small();
  storage::Profile data;
  data.routines.push_back(new_routine(c, data));
  data.settings.current_routine = "nhs_daily";
  const storage::Profile before = data;
  CHECK_FALSE(delete_routine(data, "my-9"));
  CHECK_FALSE(delete_routine(data, "nhs_daily"));  // built-in routines are not the person's to delete
  CHECK(data == before);
}

// ---- what a session runs -------------------------------------------------------------------------

TEST_CASE("routine editor: the session runs the edited dosage") {
  const auto& shipped = test::shipped_catalogue();
  catalogue::Routine r = new_routine(shipped, {});
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
  CHECK(view->reps.start == planned.dosage.reps.start);
  CHECK(view->hold->start == planned.dosage.hold->amount.start);
}

TEST_CASE("routine editor: how long an own routine takes, as the session paces it") {
  const auto& c = test::shipped_catalogue();
  const catalogue::Routine& nhs = *c.find_routine("nhs_daily");
  catalogue::Routine copy = copy_routine(nhs, c, {});
  const double built_in = session::routine_seconds(c, nhs);
  REQUIRE(built_in > 0);
  CHECK(session::routine_seconds(c, copy) == doctest::Approx(built_in));
  const std::size_t rolls = static_cast<std::size_t>(
      std::find_if(copy.items.begin(), copy.items.end(), [](const auto& i) { return i.exercise == "knee_rolls"; }) -
      copy.items.begin());
  REQUIRE(rolls < copy.items.size());
  REQUIRE(step_dosage(copy, rolls, c, DosageField::reps, +2));
  CHECK(session::routine_seconds(c, copy) > built_in);
  CHECK(session::routine_seconds(c, new_routine(c, {})) == 0);
}
