// Test helpers for the session engine: a fake clock and hand-made exercises.
#pragma once

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "catalogue/model.h"
#include "session/engine.h"

namespace limber::test {

struct FakeClock {
  double now = 100.0;  // an arbitrary monotonic origin
  std::int64_t wall = 1'700'000'000'000;
  static double monotonic(void* self) { return static_cast<FakeClock*>(self)->now; }
  static std::int64_t wall_ms(void* self) {
    auto* c = static_cast<FakeClock*>(self);
    return c->wall + std::llround((c->now - 100.0) * 1000);
  }
  session::ClockDesc desc() { return {.monotonic_seconds = &monotonic, .wall_ms = &wall_ms, .user = this}; }
};

inline catalogue::Exercise make_exercise(std::string id, catalogue::ExerciseKind kind = catalogue::ExerciseKind::stretch) {
  catalogue::Exercise e;
  e.id = id;
  e.name = "Exercise " + id;
  e.kind = kind;
  e.start_position = "Lie down.";
  e.steps = {"Move."};
  e.cues = {.move = "Move " + id, .release = "Release " + id};
  return e;
}

inline catalogue::Dosage make_dosage(int reps, catalogue::Sides sides, int hold = 0,
                                     catalogue::HoldUnit unit = catalogue::HoldUnit::seconds, int sets = 1) {
  catalogue::Dosage d;
  d.reps = {.min = reps, .max = reps + 5, .start = reps};
  d.sets = {.min = sets, .max = sets, .start = sets};
  if (hold > 0) d.hold = catalogue::Hold{.unit = unit, .amount = {.min = hold, .max = hold * 2, .start = hold}};
  d.sides = sides;
  d.move_seconds = 2;
  d.release_seconds = 2;
  d.rest_seconds = 1;
  d.set_rest_seconds = 10;
  return d;
}

// The phases of a plan, as ids, for readable comparisons.
inline std::vector<std::string> phases(const session::Plan& plan) {
  std::vector<std::string> out;
  for (const session::Step& s : plan.steps) {
    std::string id(session::phase_id(s.phase));
    if (s.side != session::Side::none) id += ":" + std::string(session::side_id(s.side));
    out.push_back(id);
  }
  return out;
}

}  // namespace limber::test
