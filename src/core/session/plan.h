// session/plan.h: a session laid out in time, step by step, before it starts.
//
// Every step (get ready, move, hold, release, rest, other side, rest between sets or
// exercises, closing relaxation) has a start and a duration on the session's own clock.
// The engine then finds where it is by elapsed time alone, so a throttled tab or a jump of
// ten minutes lands on exactly the right step.
//
// Usage:
//     const limber::session::Plan plan = limber::session::build_plan(input, pace);
//     const std::size_t i = plan.step_at(42.0);    // the step 42 s in
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "session/session_input.h"
#include "json/enum_names.h"

namespace limber::session {

enum class Phase : std::uint8_t {
  get_ready, move, hold, release, rest, switch_sides, set_rest, exercise_rest, closing, done
};
enum class Side : std::uint8_t { none, left, right };

std::string_view phase_id(Phase phase);
std::string_view side_id(Side side);

struct PaceDesc {
  double breath_in_seconds = 0;     // 0: 4 s
  double breath_out_seconds = 0;    // 0: 4 s
  double get_ready_seconds = 0;     // 0: 10 s
  double switch_sides_seconds = 0;  // 0: 6 s
  int closing_breaths = -1;         // -1: 3 breaths; 0: no closing relaxation
  Side affected_side = Side::none;  // for one-sided exercises; none: right
};

struct Step {
  Phase phase = Phase::get_ready;
  int exercise = 0;  // index into SessionInput::exercises (rests belong to the exercise before them)
  Side side = Side::none;
  int set = 0;       // 1-based; 0 outside sets
  int rep = 0;       // 1-based within its side's pass (alternating: overall); 0 outside reps
  int breaths = 0;   // a hold paced in breaths
  double start = 0;
  double duration = 0;
  double end() const { return start + duration; }
};

struct Plan {
  std::vector<Step> steps;
  PaceDesc pace;  // with defaults filled in
  double total = 0;

  // The step running at plan time t (the last one for t >= total).
  std::size_t step_at(double t) const;
  // Index of the exercise's first step (its get ready), and the step after its last rep.
  std::size_t first_step(int exercise) const;
  std::size_t tail_step(int exercise) const;
  // Shifts every later step when a step's duration changes (a longer get ready).
  void set_duration(std::size_t step, double duration);
};

PaceDesc with_defaults(const PaceDesc& pace);
Plan build_plan(const SessionInput& input, const PaceDesc& pace);

}  // namespace limber::session

template <>
struct limber::json::EnumNames<limber::session::Phase> {
  using E = limber::session::Phase;
  static constexpr std::array<std::pair<E, std::string_view>, 10> values{{
      {E::get_ready, "get_ready"},
      {E::move, "move"},
      {E::hold, "hold"},
      {E::release, "release"},
      {E::rest, "rest"},
      {E::switch_sides, "switch_sides"},
      {E::set_rest, "set_rest"},
      {E::exercise_rest, "exercise_rest"},
      {E::closing, "closing"},
      {E::done, "done"}}};
};

template <>
struct limber::json::EnumNames<limber::session::Side> {
  using E = limber::session::Side;
  static constexpr std::array<std::pair<E, std::string_view>, 3> values{{
      {E::none, "none"},
      {E::left, "left"},
      {E::right, "right"}}};
};
