// session/duration.h: how long a routine takes, laid out exactly as the engine paces it.
//
// Usage:
//     const double seconds = limber::session::routine_seconds(catalogue, routine);
#pragma once

#include "catalogue/model.h"
#include "session/plan.h"

namespace limber::session {

// 0 for a routine that cannot be paced (validate() refuses those before anything runs). The
// routine need not be in the catalogue (a person's own); its exercises must be.
double routine_seconds(const catalogue::Catalogue& catalogue, const catalogue::Routine& routine,
                       const PaceDesc& pace = {});

}  // namespace limber::session
