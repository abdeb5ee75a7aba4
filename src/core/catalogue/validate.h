// catalogue/validate.h: the catalogue's rules beyond its JSON shape.
//
// The JSON reader already refuses unknown, missing, mistyped and empty fields. Validate()
// checks what needs the whole catalogue: ids (well formed, unique), references (sources,
// exercises, dosage options), dosages in range (no zero reps, no negative times, no hold
// over 5 minutes, start inside its range), routine overrides inside the chosen option's
// range, and that the safety guidance covers every topic. It reports every problem found.
//
// Usage:
//     std::vector<limber::catalogue::Problem> problems;
//     limber::catalogue::validate(catalogue, problems);   // empty: valid
#pragma once

#include <string>
#include <vector>

#include "catalogue/model.h"
#include "catalogue/problems.h"

namespace limber::catalogue {

// Limits every dosage must respect.
struct DosageLimits {
  static constexpr int max_reps = 50;
  static constexpr int max_sets = 10;
  static constexpr int max_hold_seconds = 300;  // 5 minutes
  static constexpr int max_hold_breaths = 30;   // about 5 minutes of slow breathing
  static constexpr double max_move_seconds = 60;
  static constexpr double max_rest_seconds = 300;
};

void validate(const Catalogue& catalogue, std::vector<Problem>& problems);

// A built-in routine against the catalogue: sources, known exercises and dosages, overrides
// inside the chosen option's range, and none of the fields only a person's own routine holds
// (catalogue/own_routine.h checks those routines).
struct RoutineCheckDesc {
  std::string file;   // for the problems: "routines.json", "backup"
  std::string path;   // "routines[nhs_daily]"
};
void validate_routine(const Catalogue& catalogue, const Routine& routine, const RoutineCheckDesc& desc,
                      std::vector<Problem>& problems);

}  // namespace limber::catalogue
