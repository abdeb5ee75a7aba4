#include "session/progression.h"

#include <algorithm>
#include <cmath>

namespace limber::session {

namespace {

catalogue::Range at_level(const catalogue::Range& r, int level) {
  const int clamped = std::clamp(level, 0, kProgressLevels);
  const double step = static_cast<double>(r.max - r.start) / kProgressLevels;
  catalogue::Range out = r;
  out.start = std::min(r.max, r.start + static_cast<int>(std::lround(step * clamped)));
  return out;
}

ExerciseProgress& entry(ProgressState& state, const std::string& exercise) {
  for (ExerciseProgress& p : state.exercises) {
    if (p.exercise == exercise) return p;
  }
  state.exercises.push_back({.exercise = exercise, .level = 0, .clean_sessions = 0});
  return state.exercises.back();
}

}  // namespace

int ProgressState::level_of(std::string_view exercise) const {
  if (!enabled) return 0;
  for (const ExerciseProgress& p : exercises) {
    if (p.exercise == exercise) return p.level;
  }
  return 0;
}

catalogue::Dosage progressed(const catalogue::Dosage& base, int level) {
  catalogue::Dosage d = base;
  d.reps = at_level(base.reps, level);
  if (d.hold) d.hold->amount = at_level(base.hold->amount, level);
  return d;
}

void update_progress(ProgressState& state, const SessionRecord& record) {
  if (!state.enabled) return;
  const bool any_hurt = std::any_of(record.exercises.begin(), record.exercises.end(),
                                    [](const ExerciseRecord& e) { return e.outcome == Outcome::stopped_hurt; });
  // An exercise listed twice in a routine still counts once per session: completed only
  // if every time was, hurt if any time did.
  std::vector<ExerciseRecord> once;
  for (const ExerciseRecord& e : record.exercises) {
    auto seen = std::find_if(once.begin(), once.end(), [&](const ExerciseRecord& o) { return o.exercise == e.exercise; });
    if (seen == once.end()) {
      once.push_back(e);
    } else {
      if (e.outcome == Outcome::stopped_hurt || seen->outcome == Outcome::completed) seen->outcome = e.outcome;
    }
  }
  for (const ExerciseRecord& e : once) {
    if (e.outcome == Outcome::stopped_hurt) {
      ExerciseProgress& p = entry(state, e.exercise);
      p.level = std::max(0, p.level - 1);
      p.clean_sessions = 0;
      continue;
    }
    if (any_hurt || !record.completed || e.outcome != Outcome::completed) continue;
    ExerciseProgress& p = entry(state, e.exercise);
    if (p.level >= kProgressLevels) continue;
    if (++p.clean_sessions >= kCleanSessionsPerLevel) {
      ++p.level;
      p.clean_sessions = 0;
    }
  }
}

}  // namespace limber::session
