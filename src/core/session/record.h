// session/record.h: what a session leaves behind, ready to be stored.
//
// Plain structs (Boost.PFR maps them to JSON for storage): per exercise the reps and holds
// done on each side, and whether it was completed, skipped or stopped because it hurt;
// for the session its routine, wall-clock start and end, and pain before and after.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace limber::session {

struct SideCounts {
  int together = 0;  // movements with no side
  int left = 0;
  int right = 0;
  int total() const { return together + left + right; }
  bool operator==(const SideCounts&) const = default;
};

struct ExerciseRecord {
  std::string exercise;
  std::string dosage;
  int planned_reps = 0;  // per side pass (alternating: in total)
  SideCounts reps_done;
  SideCounts holds_done;
  double hold_seconds = 0;  // time spent in holds
  bool completed = false;
  bool skipped = false;
  bool hurt = false;  // the person pressed "this hurts" during it
  bool operator==(const ExerciseRecord&) const = default;
};

struct SessionRecord {
  std::string routine;
  std::int64_t started_at_ms = 0;  // wall clock, milliseconds since 1970
  std::int64_t ended_at_ms = 0;
  double active_seconds = 0;  // time not paused
  std::optional<int> pain_before;  // 0 to 10
  std::optional<int> pain_after;
  bool completed = false;    // reached the end of the routine
  bool ended_early = false;  // the person ended it
  std::vector<ExerciseRecord> exercises;
  bool operator==(const SessionRecord&) const = default;
};

// How the exercises of a session ended, for summaries, the history and the host page.
struct OutcomeCounts {
  int completed = 0;
  int skipped = 0;
  int hurt = 0;
};
inline OutcomeCounts count_outcomes(const SessionRecord& record) {
  OutcomeCounts n;
  for (const ExerciseRecord& e : record.exercises) {
    n.completed += e.completed ? 1 : 0;
    n.skipped += e.skipped ? 1 : 0;
    n.hurt += e.hurt ? 1 : 0;
  }
  return n;
}

}  // namespace limber::session
