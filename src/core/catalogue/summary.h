// catalogue/summary.h: the catalogue in words, for people and for the command-line tool.
//
// Usage:
//     limber::catalogue::describe(option.dosage);   // "8 to 10 reps (start at 8), alternating sides, hold 1 breath"
//     std::cout << limber::catalogue::summary(catalogue);
#pragma once

#include <string>

#include "catalogue/model.h"

namespace limber::catalogue {

std::string describe(const Range& range, const char* unit, const char* units);
std::string describe(const Dosage& dosage);
std::string format_duration(double seconds);  // "4 min 30 s"

// How long a routine takes; the session engine knows (session/duration.h).
using RoutineSeconds = double (*)(const Catalogue& catalogue, const Routine& routine);

// Counts by position and kind, every exercise with its default dosage and sources, and
// every routine with its total time at default dosage.
std::string summary(const Catalogue& catalogue, RoutineSeconds routine_seconds);

}  // namespace limber::catalogue
