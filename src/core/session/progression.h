// session/progression.h: start small and build up, as the sources advise.
//
// Each exercise has a level from 0 (the source's start values) to kProgressLevels (the
// source's upper bound). A level is gained after kCleanSessionsPerLevel completed sessions
// in which nothing hurt; "this hurts" on an exercise drops it a level. Reps and holds move
// with the level, never beyond the range the source gives.
//
// Usage:
//     limber::session::update_progress(progress, record);            // after each session
//     const auto d = limber::session::progressed(base, progress.level_of("knee_rolls"));
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "catalogue/model.h"
#include "session/record.h"

namespace limber::session {

inline constexpr int kProgressLevels = 4;
inline constexpr int kCleanSessionsPerLevel = 2;

struct ExerciseProgress {
  std::string exercise;
  int level = 0;
  int clean_sessions = 0;  // completed without pain since the last level change
  bool operator==(const ExerciseProgress&) const = default;
};

struct ProgressState {
  bool enabled = true;  // the person's setting; off: everyone stays at the start values
  std::vector<ExerciseProgress> exercises;

  int level_of(std::string_view exercise) const;
  bool operator==(const ProgressState&) const = default;
};

// The dosage at a level: reps.start and hold.amount.start moved towards their max.
catalogue::Dosage progressed(const catalogue::Dosage& base, int level);

// Learns from one session. Levels rise only after sessions completed with no "this hurts"
// anywhere; an exercise that hurt drops a level at once.
void update_progress(ProgressState& state, const SessionRecord& record);

}  // namespace limber::session
