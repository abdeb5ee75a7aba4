// session/record.h: what a session leaves behind, ready to be stored.
//
// Plain structs (Boost.PFR maps them to JSON for storage): per exercise the reps and holds
// done on each side, and how it ended (one outcome, so it cannot say two things at once);
// for the session its routine, wall-clock start and end, and pain before and after.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "json/enum_names.h"

namespace limber::session {

struct SideCounts {
  int together = 0;  // movements with no side
  int left = 0;
  int right = 0;
  int total() const { return together + left + right; }
  bool operator==(const SideCounts&) const = default;
};

// How an exercise ended. Stored by name (json::EnumNames below); layouts before 3 stored
// three booleans, completed, skipped and hurt (storage/record_upgrade.h reads them).
enum class Outcome : std::uint8_t {
  not_reached,   // the session ended before it, or it is under way
  completed,     // every rep done
  skipped,       // the person moved on before the end
  stopped_hurt,  // the person said it hurt: stopped at once, whatever came before
};

struct ExerciseRecord {
  std::string exercise;
  std::string dosage;
  int planned_reps = 0;  // per side pass (alternating: in total)
  SideCounts reps_done;
  SideCounts holds_done;
  double hold_seconds = 0;  // time spent in holds
  Outcome outcome = Outcome::not_reached;
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
    n.completed += e.outcome == Outcome::completed ? 1 : 0;
    n.skipped += e.outcome == Outcome::skipped ? 1 : 0;
    n.hurt += e.outcome == Outcome::stopped_hurt ? 1 : 0;
  }
  return n;
}

}  // namespace limber::session

template <>
struct limber::json::EnumNames<limber::session::Outcome> {
  using E = limber::session::Outcome;
  static constexpr std::array<std::pair<E, std::string_view>, 4> values{{
      {E::not_reached, "not_reached"},
      {E::completed, "completed"},
      {E::skipped, "skipped"},
      {E::stopped_hurt, "stopped_hurt"}}};
};
