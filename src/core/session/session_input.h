// session/session_input.h: what a session paces, built from a routine and checked first.
//
// The engine takes a plain list of exercises with their final dosage. A built-in routine's is
// its choice of dosage option and overrides, then the person's progression
// (session/progression.h). A person's own routine's is exactly as prescribed, with any
// build-up at its value that day (catalogue/prescription.h): progression never moves it.
// build_input() resolves all of that; check_input() refuses what cannot be paced.
//
// Usage:
//     const auto built = limber::session::build_input(catalogue, "nhs_daily", &progress);
//     if (!built.ok()) show(built.error);
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalogue/dosage.h"
#include "catalogue/model.h"

namespace limber::session {

struct ProgressState;

struct PlannedExercise {
  const catalogue::Exercise* exercise = nullptr;  // borrowed from the catalogue, which outlives the session
  std::string dosage_id;
  catalogue::Dosage dosage;  // what is done: reps.start repetitions, hold.amount.start long
  std::optional<catalogue::Favour> favour;  // the side that hurts first, or more on it (session/plan.h)
};

struct SessionInput {
  std::string routine_id;
  std::vector<PlannedExercise> exercises;
  double rest_between_exercises_seconds = 0;
};

struct InputResult {
  SessionInput input;
  std::string error;  // empty when ok
  bool ok() const { return error.empty(); }
};

// `progress` may be null (no progression: everyone starts at the sources' start values).
InputResult build_input(const catalogue::Catalogue& catalogue, std::string_view routine_id,
                        const ProgressState* progress,
                        catalogue::HoldPreference hold = catalogue::HoldPreference::source_default);
// The same for a routine that need not be in the catalogue (a person's own, which the catalogue
// does not list: its exercises are the catalogue's, and the input points at them). An own
// routine's build-ups stand at `days_in` days after it started (0: its first day).
InputResult build_input(const catalogue::Catalogue& catalogue, const catalogue::Routine& routine,
                        const ProgressState* progress,
                        catalogue::HoldPreference hold = catalogue::HoldPreference::source_default,
                        std::int64_t days_in = 0);

// "" when the input can be paced, else what is wrong and where.
std::string check_input(const SessionInput& input);

}  // namespace limber::session
