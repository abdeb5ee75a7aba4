// progress/history_digest.h: keeps a person's history digest (storage/history.h) up to date.
//
// Sessions arrive in time order (a finished session is the newest): each joins the recent
// sessions, and the oldest of those fold into counts once they leave the window. A session
// older than what was folded cannot be placed without the whole history: the caller then
// rebuilds the digest from every stored session (digest_history), which only imports and
// merges with another tab ever need.
//
// Usage:
//     storage::HistoryDigest h = limber::progress::digest_history(all_sessions, offset);
//     if (limber::progress::add_session(h, s, offset) == AddResult::needs_rebuild) rebuild();
//     const ProgressSummary p = limber::progress::summarise_history(h, desc);  // = summarise_progress(all, desc)
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "progress/progress_summary.h"
#include "storage/history.h"

namespace limber::progress {

enum class AddResult : std::uint8_t {
  added,
  already_there,  // a session with this id is among the recent ones
  needs_rebuild,  // older than the folded sessions: rebuild from the whole history
};
AddResult add_session(storage::HistoryDigest& history, const storage::StoredSession& session, int utc_offset_minutes);

// From every stored session, in any order (repeated ids count once).
storage::HistoryDigest digest_history(std::vector<storage::StoredSession> sessions, int utc_offset_minutes);

// What summarise_progress says of all the sessions the digest stands for.
ProgressSummary summarise_history(const storage::HistoryDigest& history, const ProgressDesc& desc);

// Whether any session names this routine (own routine ids are never reused).
bool history_names_routine(const storage::HistoryDigest& history, std::string_view routine_id);

}  // namespace limber::progress
