#include "session/plan.h"

#include <algorithm>

namespace limber::session {

std::string_view phase_id(Phase phase) { return json::enum_name(phase); }

std::string_view side_id(Side side) { return json::enum_name(side); }

PaceDesc with_defaults(const PaceDesc& pace) {
  PaceDesc p = pace;
  if (p.breath_in_seconds <= 0) p.breath_in_seconds = 4;
  if (p.breath_out_seconds <= 0) p.breath_out_seconds = 4;
  if (p.get_ready_seconds <= 0) p.get_ready_seconds = 10;
  if (p.switch_sides_seconds <= 0) p.switch_sides_seconds = 6;
  if (p.closing_breaths < 0) p.closing_breaths = 3;
  if (p.affected_side == Side::none) p.affected_side = Side::right;
  return p;
}

namespace {

class Builder {
 public:
  explicit Builder(Plan& plan) : plan_(plan) {}

  void add(Step step) {
    step.start = plan_.total;
    plan_.total += step.duration;
    plan_.steps.push_back(step);
  }

  void exercise(int index, const PlannedExercise& p, bool last, double rest_between) {
    using catalogue::Sides;
    const catalogue::Dosage& d = p.dosage;
    const PaceDesc& pace = plan_.pace;
    add({.phase = Phase::get_ready, .exercise = index, .duration = pace.get_ready_seconds});

    // Which side each pass of a set works on.
    std::vector<Side> passes;
    // The steps' own order, unless the prescription favours the side that hurts: first, or
    // first and again after the other side.
    const bool right_first = p.favour ? pace.affected_side == Side::right : p.exercise->first_side == catalogue::FirstSide::right;
    const Side first = right_first ? Side::right : Side::left, second = right_first ? Side::left : Side::right;
    switch (d.sides) {
      case Sides::together: passes = {Side::none}; break;
      case Sides::one_side: passes = {pace.affected_side}; break;
      case Sides::each_side:
        passes = {first, second};
        if (p.favour == catalogue::Favour::more) passes.push_back(first);
        break;
      case Sides::alternating: passes = {Side::none}; break;  // the side changes rep by rep
    }
    const int sets = d.sets.start;
    const int reps = d.reps.start;
    for (int set = 1; set <= sets; ++set) {
      for (std::size_t pass = 0; pass < passes.size(); ++pass) {
        if (pass > 0) add({.phase = Phase::switch_sides, .exercise = index, .side = passes[pass], .set = set,
                           .duration = pace.switch_sides_seconds});
        for (int rep = 1; rep <= reps; ++rep) {
          const Side side = d.sides == Sides::alternating ? (rep % 2 == 1 ? first : second) : passes[pass];
          rep_steps(index, d, side, set, rep, /*last_of_pass=*/rep == reps);
        }
      }
      if (set < sets) add({.phase = Phase::set_rest, .exercise = index, .set = set + 1,
                           .duration = std::max(d.set_rest_seconds, 1.0)});
    }
    if (!last) {
      if (rest_between > 0) add({.phase = Phase::exercise_rest, .exercise = index, .duration = rest_between});
    } else if (pace.closing_breaths > 0 && p.exercise->kind != catalogue::ExerciseKind::relaxation) {
      add({.phase = Phase::closing, .exercise = index, .breaths = pace.closing_breaths,
           .duration = pace.closing_breaths * (pace.breath_in_seconds + pace.breath_out_seconds)});
    }
  }

 private:
  void rep_steps(int index, const catalogue::Dosage& d, Side side, int set, int rep, bool last_of_pass) {
    const PaceDesc& pace = plan_.pace;
    add({.phase = Phase::move, .exercise = index, .side = side, .set = set, .rep = rep, .duration = d.move_seconds});
    if (d.hold) {
      const int amount = d.hold->amount.start;
      const bool breaths = d.hold->unit == catalogue::HoldUnit::breaths;
      add({.phase = Phase::hold, .exercise = index, .side = side, .set = set, .rep = rep,
           .breaths = breaths ? amount : 0,
           .duration = breaths ? amount * (pace.breath_in_seconds + pace.breath_out_seconds) : amount});
    }
    add({.phase = Phase::release, .exercise = index, .side = side, .set = set, .rep = rep,
         .duration = d.release_seconds});
    if (!last_of_pass && d.rest_seconds > 0) {
      add({.phase = Phase::rest, .exercise = index, .side = side, .set = set, .rep = rep, .duration = d.rest_seconds});
    }
  }

  Plan& plan_;
};

}  // namespace

Plan build_plan(const SessionInput& input, const PaceDesc& pace) {
  Plan plan;
  plan.pace = with_defaults(pace);
  Builder builder(plan);
  for (std::size_t i = 0; i < input.exercises.size(); ++i) {
    builder.exercise(static_cast<int>(i), input.exercises[i], i + 1 == input.exercises.size(),
                     input.rest_between_exercises_seconds);
  }
  plan.steps.push_back({.phase = Phase::done,
                        .exercise = input.exercises.empty() ? 0 : static_cast<int>(input.exercises.size()) - 1,
                        .start = plan.total});
  return plan;
}

std::size_t Plan::step_at(double t) const {
  // The first step whose end is after t; steps are sorted by start.
  const auto it = std::upper_bound(steps.begin(), steps.end(), t,
                                   [](double time, const Step& s) { return time < s.end(); });
  if (it == steps.end()) return steps.size() - 1;
  return static_cast<std::size_t>(it - steps.begin());
}

std::size_t Plan::first_step(int exercise) const {
  for (std::size_t i = 0; i < steps.size(); ++i) {
    if (steps[i].exercise == exercise && steps[i].phase == Phase::get_ready) return i;
  }
  return steps.size() - 1;
}

std::size_t Plan::tail_step(int exercise) const {
  // The first step after the exercise's last rep step: its rest, the closing, or the next exercise.
  std::size_t after = first_step(exercise);
  for (std::size_t i = after; i < steps.size(); ++i) {
    if (steps[i].exercise != exercise) return i;
    const Phase p = steps[i].phase;
    if (p == Phase::exercise_rest || p == Phase::closing || p == Phase::done) return i;
  }
  return steps.size() - 1;
}

void Plan::set_duration(std::size_t step, double duration) {
  if (step >= steps.size()) return;
  const double delta = duration - steps[step].duration;
  steps[step].duration = duration;
  for (std::size_t i = step + 1; i < steps.size(); ++i) steps[i].start += delta;
  total += delta;
}

}  // namespace limber::session
