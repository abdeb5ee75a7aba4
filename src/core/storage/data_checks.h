// storage/data_checks.h: the one set of checks for everything Limber keeps, wherever it comes
// from: a backup being restored, stored data being read or migrated, settings being changed.
// A person's own routines follow catalogue/own_routine.h (the editor's and links' rules too).
//
// Sessions must name well-formed routine ids: a routine that is neither built in nor among
// the person's own is one since deleted, kept as such and shown as "a routine no longer here"
// (unknown_routine_words). Exercises must be ones Limber has (the catalogue never drops
// one). Counts and times stay within the bounds below, which no real session comes near.
//
// Usage:
//     std::vector<limber::storage::DataProblem> problems;
//     limber::storage::check(data, catalogue, problems);     // empty: keep it
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "catalogue/model.h"
#include "catalogue/validate.h"
#include "json/json_value.h"
#include "session/record.h"
#include "storage/user_data.h"

namespace limber::storage {

struct SessionLimits {
  static constexpr double max_active_seconds = 86'400;     // a day of exercise, not paused
  // Reps or holds on one side: the most reps in the most sets.
  static constexpr int max_count = catalogue::DosageLimits::max_reps * catalogue::DosageLimits::max_sets;
  static constexpr int max_planned_reps = catalogue::DosageLimits::max_reps;
  static constexpr std::int64_t max_started_ms = 32'503'680'000'000;  // the year 3000
};

enum class RecordKind : std::uint8_t {
  finished,     // a stored entry or a backup's session: every exercise there, an end after the start
  digest,       // in the history digest, which keeps older recent sessions without their exercises
  in_progress,  // still running: no end yet
};
// One session's record.
void check_session(const session::SessionRecord& record, const catalogue::Catalogue& catalogue,
                   const std::string& path, RecordKind kind, std::vector<DataProblem>& problems);

// A list of sessions: unique ids that match their records, in time order, each checked.
void check_sessions(std::span<const StoredSession> sessions, const catalogue::Catalogue& catalogue,
                    const std::string& path, RecordKind kind, std::vector<DataProblem>& problems);

// One session entry as the storage holds it (an older layout's upgraded as it is read): the
// session, when it reads and passes the checks of a finished one with the id its record gives.
std::optional<StoredSession> read_session_entry(json::Value entry, const catalogue::Catalogue& catalogue);

// Everything: settings, own routines, sessions (unique ids, time order, each checked),
// progress and the session in progress. Paths name the place: "sessions[12].record.active_seconds".
void check(const UserData& data, const catalogue::Catalogue& catalogue, std::vector<DataProblem>& problems);
// The settings alone, for a change made in the app.
void check_settings(const Settings& settings, std::vector<DataProblem>& problems);

// How the history and the CSV name a session's routine that is no longer here.
std::string unknown_routine_words(std::string_view id);

}  // namespace limber::storage
