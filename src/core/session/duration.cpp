#include "session/duration.h"

#include "session/session_input.h"

namespace limber::session {

double routine_seconds(const catalogue::Catalogue& catalogue, const catalogue::Routine& routine, const PaceDesc& pace) {
  const InputResult built = build_input(catalogue, routine, nullptr);
  if (!built.ok()) return 0;
  return build_plan(built.input, pace).total;
}

}  // namespace limber::session
