// storage/history.h: a person's history as the app holds it: a fixed-size digest, not every session.
//
// Every session is stored as its own entry (the browser's `sessions` store); the app keeps
// only this digest in memory and in the `history` part: the newest sessions in full (enough
// for every screen: this week, the last eight weeks, the last 30 sessions), and what older
// sessions add to the Progress summary folded into counts. So start-up, a frame and a write
// cost the same after five years of sessions as after one. progress/history_digest.h adds
// sessions to it and summarises it; whole-history work (backups, the CSV, a rebuild) reads
// the entries themselves.
//
// Sessions arrive in time order (a finished session is the newest): each joins the recent
// sessions, and the oldest of those fold into counts once they leave the window. A session
// at or before the newest folded one cannot be placed without the whole history: the caller
// then rebuilds the digest from every stored session, which only imports and merges with
// another tab ever need.
//
// Usage:
//     limber::storage::HistoryDigest h = limber::storage::digest_history(all_sessions, offset);
//     if (add_session(h, s, offset) == AddResult::needs_rebuild) h = digest_history(all, offset);
//     limber::progress::summarise_history(h, desc);      // progress/history_digest.h
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/user_data.h"

namespace limber::storage {

// Sessions stay in `recent` while they started within this many days of the newest one, and
// the newest kRecentSessionsKept stay whatever their age, with their exercises: the Progress
// screen lists the last 30 sessions and counts eight weeks, Today counts this week and the
// streak.
inline constexpr int kRecentWindowDays = 70;
inline constexpr int kRecentSessionsKept = 30;
// A history imported all at once keeps no more than this many sessions in full.
inline constexpr int kRecentSessionsMax = 600;
// Pain points kept for the chart (the Progress screen draws the most recent 20).
inline constexpr int kPainPointsKept = 20;

struct ScoredPain {
  std::int64_t day = 0;  // local day of the session
  int score = 0;         // pain_before
  bool operator==(const ScoredPain&) const = default;
};

struct PainPointRecord {
  std::int64_t at_ms = 0;
  std::optional<int> before;
  std::optional<int> after;
  bool operator==(const PainPointRecord&) const = default;
};

// What the sessions that left `recent` add to the summary, folded in time order.
struct FoldedHistory {
  int sessions = 0;               // all folded sessions, dated or not
  std::int64_t last_started_ms = 0;  // the newest folded session's start: later ones are never folded before it
  int utc_offset_minutes = 0;     // the offset their days were counted with
  // Distinct local days with a session, and the run of consecutive days ending on the last.
  int distinct_days = 0;
  std::optional<std::int64_t> last_day;
  int run_at_last_day = 0;
  int best_run = 0;
  // Scored sessions (pain_before): how many, the first and the last three, and the distinct
  // days counted before the first one and up to the last one (for the guidance's regularity).
  int scored = 0;
  std::vector<ScoredPain> first_scored;  // up to 3, oldest first
  std::vector<ScoredPain> last_scored;   // up to 3, oldest first
  int distinct_days_before_first_scored = 0;
  int distinct_days_through_last_scored = 0;
  // Pain scores for the chart and the "last session" line.
  int pain_points = 0;
  std::vector<PainPointRecord> pain;  // up to kPainPointsKept, oldest first
  std::optional<int> last_pain_before;
  std::optional<int> last_pain_after;
  bool operator==(const FoldedHistory&) const = default;
};

struct HistoryDigest {
  FoldedHistory folded;
  // The newest sessions, oldest first; the newest kRecentSessionsKept with their exercises,
  // the others without (each session's whole record is its own stored entry).
  std::vector<StoredSession> recent;
  std::vector<std::string> routine_ids;  // every routine any session names (ids are never reused)
  int sessions() const { return folded.sessions + static_cast<int>(recent.size()); }
  bool operator==(const HistoryDigest&) const = default;
};

// Local days since 1970-01-01 for an instant and an offset in minutes (local = UTC + offset).
std::int64_t local_day(std::int64_t ms, int utc_offset_minutes);

enum class AddResult : std::uint8_t {
  added,
  already_there,  // a session with this id is among the recent ones
  needs_rebuild,  // at or before the folded sessions: rebuild from the whole history
};
AddResult add_session(HistoryDigest& history, const StoredSession& session, int utc_offset_minutes);

// From every stored session, in any order (repeated ids count once).
HistoryDigest digest_history(std::vector<StoredSession> sessions, int utc_offset_minutes);

// Whether any session names this routine (own routine ids are never reused).
bool history_names_routine(const HistoryDigest& history, std::string_view routine_id);

}  // namespace limber::storage
