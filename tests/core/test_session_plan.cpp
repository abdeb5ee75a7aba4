#include <doctest/doctest.h>

#include "session/plan.h"
#include "session_fixtures.h"

using namespace limber;
using catalogue::Sides;
using session::build_plan;
using test::make_dosage;
using test::make_exercise;
using test::phases;

namespace {
session::SessionInput input_of(const catalogue::Exercise& e, catalogue::Dosage d) {
  return {.routine_id = "r", .exercises = {{.exercise = &e, .dosage_id = "d", .dosage = d}},
          .rest_between_exercises_seconds = 0};
}
using V = std::vector<std::string>;
}  // namespace

TEST_CASE("plan: both sides together, with a hold, then the closing relaxation") {
  const auto e = make_exercise("a");
  const auto plan = build_plan(input_of(e, make_dosage(2, Sides::together, 5)), {});
  CHECK(phases(plan) == V{"get_ready", "move", "hold", "release", "rest", "move", "hold", "release", "closing", "done"});
  CHECK(plan.steps[0].duration == 10);       // default get ready
  CHECK(plan.steps[2].duration == 5);        // hold
  CHECK(plan.steps[8].duration == 3 * 8.0);  // 3 breaths of 4 + 4 s
  CHECK(plan.total == 10 + 2 * (2 + 5 + 2) + 1 + 24);
}

TEST_CASE("plan: one side only works the affected side") {
  const auto e = make_exercise("a");
  const auto plan = build_plan(input_of(e, make_dosage(2, Sides::one_side)), {.closing_breaths = 0,
                                                                             .affected_side = session::Side::left});
  CHECK(phases(plan) == V{"get_ready", "move:left", "release:left", "rest:left", "move:left", "release:left", "done"});
}

TEST_CASE("plan: each side in blocks, with a change of side between") {
  const auto e = make_exercise("a");
  const auto plan = build_plan(input_of(e, make_dosage(2, Sides::each_side, 3)), {.closing_breaths = 0});
  CHECK(phases(plan) == V{"get_ready", "move:left", "hold:left", "release:left", "rest:left", "move:left",
                          "hold:left", "release:left", "switch_sides:right", "move:right", "hold:right",
                          "release:right", "rest:right", "move:right", "hold:right", "release:right", "done"});
}

TEST_CASE("plan: alternating sides change rep by rep, and reps count in total") {
  const auto e = make_exercise("a");
  const auto plan = build_plan(input_of(e, make_dosage(3, Sides::alternating)), {.closing_breaths = 0});
  CHECK(phases(plan) == V{"get_ready", "move:left", "release:left", "rest:left", "move:right", "release:right",
                          "rest:right", "move:left", "release:left", "done"});
}

TEST_CASE("plan: an exercise whose steps name the right side first starts on the right") {
  auto e = make_exercise("a");
  e.first_side = catalogue::FirstSide::right;
  CHECK(phases(build_plan(input_of(e, make_dosage(3, Sides::alternating)), {.closing_breaths = 0})) ==
        V{"get_ready", "move:right", "release:right", "rest:right", "move:left", "release:left", "rest:left",
          "move:right", "release:right", "done"});
  CHECK(phases(build_plan(input_of(e, make_dosage(1, Sides::each_side)), {.closing_breaths = 0})) ==
        V{"get_ready", "move:right", "release:right", "switch_sides:left", "move:left", "release:left", "done"});
}

TEST_CASE("plan: a hold in breaths lasts its breaths at the chosen pace") {
  const auto e = make_exercise("a");
  const auto plan = build_plan(input_of(e, make_dosage(1, Sides::together, 5, catalogue::HoldUnit::breaths)),
                               {.breath_in_seconds = 3, .breath_out_seconds = 5, .closing_breaths = 0});
  REQUIRE(plan.steps[2].phase == session::Phase::hold);
  CHECK(plan.steps[2].breaths == 5);
  CHECK(plan.steps[2].duration == 5 * 8.0);
}

TEST_CASE("plan: sets are separated by a rest") {
  const auto e = make_exercise("a");
  const auto plan = build_plan(input_of(e, make_dosage(1, Sides::together, 0, catalogue::HoldUnit::seconds, 2)),
                               {.closing_breaths = 0});
  CHECK(phases(plan) == V{"get_ready", "move", "release", "set_rest", "move", "release", "done"});
  CHECK(plan.steps[3].duration == 10);
  CHECK(plan.steps[4].set == 2);
}

TEST_CASE("plan: exercises are separated by a rest, and a final relaxation exercise needs no closing") {
  const auto a = make_exercise("a");
  const auto relax = make_exercise("relax", catalogue::ExerciseKind::relaxation);
  session::SessionInput input{.routine_id = "r",
                              .exercises = {{.exercise = &a, .dosage_id = "d", .dosage = make_dosage(1, Sides::together)},
                                            {.exercise = &relax, .dosage_id = "d",
                                             .dosage = make_dosage(1, Sides::together, 6, catalogue::HoldUnit::breaths)}},
                              .rest_between_exercises_seconds = 15};
  const auto plan = build_plan(input, {});
  CHECK(phases(plan) == V{"get_ready", "move", "release", "exercise_rest", "get_ready", "move", "hold", "release", "done"});
  CHECK(plan.steps[3].exercise == 0);  // a rest belongs to the exercise before it
  CHECK(plan.first_step(1) == 4);
  CHECK(plan.tail_step(0) == 3);
}

TEST_CASE("plan: step_at finds the running step, boundaries belonging to the later step") {
  const auto e = make_exercise("a");
  const auto plan = build_plan(input_of(e, make_dosage(1, Sides::together, 5)), {.closing_breaths = 0});
  CHECK(plan.step_at(0) == 0);
  CHECK(plan.step_at(9.999) == 0);
  CHECK(plan.step_at(10) == 1);
  CHECK(plan.step_at(12) == 2);
  CHECK(plan.step_at(plan.total) == plan.steps.size() - 1);
  CHECK(plan.step_at(plan.total + 1000) == plan.steps.size() - 1);
}
