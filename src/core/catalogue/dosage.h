// catalogue/dosage.h: the dosage a routine item asks for.
//
// resolve() applies a routine item's choices (dosage option, overrides) to an exercise.
// How long it takes is the session's business: session/duration.h lays it out exactly as
// the engine paces it.
//
// Usage:
//     const auto d = limber::catalogue::resolve(exercise, item);      // item may be {}
#pragma once

#include "catalogue/model.h"

namespace limber::catalogue {

// The exercise's dosage for this routine item: its option (default: the first) with the
// item's overrides. An item naming an unknown option gets the default (validate() refuses
// such routines before anything runs them).
Dosage resolve(const Exercise& exercise, const RoutineItem& item);

}  // namespace limber::catalogue
