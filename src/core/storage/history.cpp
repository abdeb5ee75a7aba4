#include "storage/history.h"

#include <algorithm>
#include <set>

namespace limber::storage {

namespace {

constexpr std::int64_t kMsPerDay = 86'400'000;
constexpr std::int64_t kMsPerMinute = 60'000;

void keep_last(auto& items, std::size_t n) {
  if (items.size() > n) items.erase(items.begin(), items.end() - static_cast<std::ptrdiff_t>(n));
}

// Adds the oldest recent session to the counts (sessions fold in time order).
void fold(FoldedHistory& f, const session::SessionRecord& r, int offset) {
  ++f.sessions;
  f.last_started_ms = std::max(f.last_started_ms, r.started_at_ms);
  f.utc_offset_minutes = offset;
  if (r.started_at_ms <= 0) return;  // no usable date: counted in the total only
  // A day before the last can only come from a changed offset: it is the same day.
  const std::int64_t day = f.last_day ? std::max(local_day(r.started_at_ms, offset), *f.last_day) : local_day(r.started_at_ms, offset);
  if (!f.last_day || day != *f.last_day) {
    f.run_at_last_day = f.last_day && day == *f.last_day + 1 ? f.run_at_last_day + 1 : 1;
    f.best_run = std::max(f.best_run, f.run_at_last_day);
    ++f.distinct_days;
    f.last_day = day;
  }
  if (r.pain_before) {
    if (f.scored == 0) f.distinct_days_before_first_scored = f.distinct_days - 1;
    ++f.scored;
    if (f.first_scored.size() < 3) f.first_scored.push_back({.day = day, .score = *r.pain_before});
    f.last_scored.push_back({.day = day, .score = *r.pain_before});
    keep_last(f.last_scored, 3);
    f.distinct_days_through_last_scored = f.distinct_days;
    f.last_pain_before = r.pain_before;
  }
  if (r.pain_before || r.pain_after) {
    ++f.pain_points;
    f.pain.push_back({.at_ms = r.started_at_ms, .before = r.pain_before, .after = r.pain_after});
    keep_last(f.pain, kPainPointsKept);
  }
  if (r.pain_after) f.last_pain_after = r.pain_after;
}

// Folds the oldest recent sessions once they leave the window (storage/history.h).
void fold_old(HistoryDigest& h, int offset) {
  const auto leaves = [&](std::size_t n) {
    const std::size_t left = h.recent.size() - n;
    if (left > static_cast<std::size_t>(kRecentSessionsMax)) return true;
    if (left <= static_cast<std::size_t>(kRecentSessionsKept)) return false;
    return h.recent[n].record.started_at_ms <
           h.recent.back().record.started_at_ms - kRecentWindowDays * kMsPerDay;
  };
  std::size_t n = 0;
  for (; n < h.recent.size() && leaves(n); ++n) fold(h.folded, h.recent[n].record, offset);
  h.recent.erase(h.recent.begin(), h.recent.begin() + static_cast<std::ptrdiff_t>(n));
  // Only the newest are listed with their exercises; the summary needs none of them, and the
  // digest is written with every finished session.
  if (h.recent.size() > static_cast<std::size_t>(kRecentSessionsKept)) {
    for (auto it = h.recent.begin(); it != h.recent.end() - kRecentSessionsKept; ++it) it->record.exercises.clear();
  }
}

void note_routine(HistoryDigest& h, const std::string& id) {
  if (std::find(h.routine_ids.begin(), h.routine_ids.end(), id) == h.routine_ids.end()) h.routine_ids.push_back(id);
}

bool by_start(const StoredSession& a, const StoredSession& b) {
  return a.record.started_at_ms < b.record.started_at_ms;
}

}  // namespace

std::int64_t local_day(std::int64_t ms, int utc_offset_minutes) {
  // Floor division: a negative offset puts the first hours of 1970 (UTC) on 31 December 1969,
  // where C++'s division, rounding towards zero, would put them on 1 January. Adding the whole
  // minutes of the offset before dividing gives the same day as format_local_time.
  const std::int64_t a = ms + utc_offset_minutes * kMsPerMinute;
  return a >= 0 ? a / kMsPerDay : (a - (kMsPerDay - 1)) / kMsPerDay;
}

AddResult add_session(HistoryDigest& h, const StoredSession& s, int offset) {
  if (std::any_of(h.recent.begin(), h.recent.end(), [&](const StoredSession& r) { return r.id == s.id; })) {
    return AddResult::already_there;
  }
  // At or before the newest folded session: it might be one of them, or belong among them.
  if (h.folded.sessions > 0 && s.record.started_at_ms <= h.folded.last_started_ms) return AddResult::needs_rebuild;
  h.recent.insert(std::upper_bound(h.recent.begin(), h.recent.end(), s, by_start), s);
  note_routine(h, s.record.routine);
  fold_old(h, offset);
  return AddResult::added;
}

HistoryDigest digest_history(std::vector<StoredSession> sessions, int offset) {
  std::stable_sort(sessions.begin(), sessions.end(), by_start);
  HistoryDigest h;
  std::set<std::string> seen;
  for (StoredSession& s : sessions) {
    if (!seen.insert(s.id).second) continue;
    note_routine(h, s.record.routine);
    h.recent.push_back(std::move(s));
    // Folding as it goes keeps memory to the window, however long the history.
    if (h.recent.size() > 2 * static_cast<std::size_t>(kRecentSessionsMax)) fold_old(h, offset);
  }
  fold_old(h, offset);
  return h;
}

bool history_names_routine(const HistoryDigest& h, std::string_view routine_id) {
  return std::find(h.routine_ids.begin(), h.routine_ids.end(), routine_id) != h.routine_ids.end();
}

}  // namespace limber::storage
