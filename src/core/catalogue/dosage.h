// catalogue/dosage.h: the dosage a routine item asks for, and how long it takes.
//
// resolve() applies a routine item's choices (dosage option, overrides) to an exercise.
// seconds() estimates the time at the start values, the same way the session engine
// paces it: get ready, then per repetition move, hold, release and rest, per side and set.
//
// Usage:
//     const auto d = limber::catalogue::resolve(exercise, item);      // item may be {}
//     const double t = limber::catalogue::seconds(d, {});              // zero desc: defaults
#pragma once

#include "catalogue/model.h"

namespace limber::catalogue {

struct PaceDesc {
  double breath_in_seconds = 0;   // 0: default 4
  double breath_out_seconds = 0;  // 0: default 4
  double get_ready_seconds = 0;   // 0: default 10
};

// The exercise's dosage for this routine item: its option (default: the first) with the
// item's overrides. An item naming an unknown option gets the default (validate() refuses
// such routines before anything runs them).
Dosage resolve(const Exercise& exercise, const RoutineItem& item);

// How many times a rep is done on sides: 2 for each_side, 1 otherwise.
int side_passes(Sides sides);
double hold_seconds(const Dosage& dosage, const PaceDesc& pace);
double seconds(const Dosage& dosage, const PaceDesc& pace);
double routine_seconds(const Catalogue& catalogue, const Routine& routine, const PaceDesc& pace);

}  // namespace limber::catalogue
