#include "progress/progress_summary.h"

#include <algorithm>

namespace limber::progress {

namespace {

constexpr std::int64_t kMsPerMinute = 60'000;
constexpr std::int64_t kMsPerDay = 86'400'000;
constexpr std::int64_t kDaysPerWeek = 7;

// Floor division, for b > 0. A negative offset puts the first hours of 1970 (UTC) on
// 31 December 1969; C++'s division rounds towards zero and would put them on 1 January.
std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a >= 0 ? a / b : (a - (b - 1)) / b; }

// Local days since 1970-01-01: the offset is a whole number of minutes, so adding it before
// dividing gives the same day as converting to local minutes first (as format_local_time does).
std::int64_t local_day(std::int64_t ms, int utc_offset_minutes) {
  return floor_div(ms + utc_offset_minutes * kMsPerMinute, kMsPerDay);
}

// 1970-01-01 was a Thursday, so Mondays are the days d with d + 3 a multiple of 7.
std::int64_t week_start_day(std::int64_t day) { return floor_div(day + 3, kDaysPerWeek) * kDaysPerWeek - 3; }

std::int64_t local_midnight_ms(std::int64_t day, int utc_offset_minutes) {
  return day * kMsPerDay - utc_offset_minutes * kMsPerMinute;
}

struct Dated {
  const session::SessionRecord* record = nullptr;
  std::int64_t day = 0;  // local
};

// Distinct days in [first, last] of `days` (ascending, no repeats).
int days_between(const std::vector<std::int64_t>& days, std::int64_t first, std::int64_t last) {
  if (last < first) return 0;
  const auto lo = std::lower_bound(days.begin(), days.end(), first);
  const auto hi = std::upper_bound(lo, days.end(), last);
  return static_cast<int>(hi - lo);
}

int sessions_between(const std::vector<Dated>& dated, std::int64_t first, std::int64_t last) {
  return static_cast<int>(std::count_if(dated.begin(), dated.end(), [&](const Dated& d) { return d.day >= first && d.day <= last; }));
}

// See the rule's constants in the header.
Guidance judge(const std::vector<Dated>& dated, const std::vector<std::int64_t>& days, std::int64_t today,
               const ProgressDesc& desc) {
  std::vector<const Dated*> scored;
  for (const Dated& d : dated) {
    if (d.record->pain_before) scored.push_back(&d);
  }
  if (scored.empty()) return Guidance::none;
  const int n = static_cast<int>(scored.size());
  if (n < kMinScoredSessions) return Guidance::too_early;

  const int k = std::min(kComparedSessions, n / 2);
  int rise = 0;  // k times the change in mean, so the comparison stays in whole points
  for (int i = 0; i < k; ++i) {
    rise += *scored[static_cast<std::size_t>(n - 1 - i)]->record->pain_before;
    rise -= *scored[static_cast<std::size_t>(i)]->record->pain_before;
  }
  if (rise >= kWorseByPoints * k) return Guidance::worse_see_gp;

  // The evidence runs from the first score to the last; a wrong clock cannot stretch it past today.
  const std::int64_t first = scored.front()->day;
  const std::int64_t last = std::min(scored.back()->day, today);
  const std::int64_t span = last - first;
  if (span < std::int64_t{desc.pain_eases_within_weeks} * kDaysPerWeek) return Guidance::too_early;
  if (days_between(days, first, last) * kDaysPerWeek < kRegularDaysPerWeek * span) return Guidance::too_early;
  return -rise >= kEasingByPoints * k ? Guidance::easing : Guidance::not_easing_see_gp;
}

}  // namespace

std::string_view guidance_id(Guidance g) {
  switch (g) {
    case Guidance::none: return "none";
    case Guidance::too_early: return "too_early";
    case Guidance::easing: return "easing";
    case Guidance::not_easing_see_gp: return "not_easing_see_gp";
    case Guidance::worse_see_gp: return "worse_see_gp";
  }
  return "unknown";
}

ProgressSummary summarise_progress(std::span<const storage::StoredSession> sessions, const ProgressDesc& desc) {
  const int offset = desc.utc_offset_minutes;
  ProgressSummary out;
  out.sessions_total = static_cast<int>(sessions.size());

  std::vector<Dated> dated;
  for (const storage::StoredSession& s : sessions) {
    if (s.record.started_at_ms > 0) dated.push_back({&s.record, local_day(s.record.started_at_ms, offset)});
  }
  std::stable_sort(dated.begin(), dated.end(),
                   [](const Dated& a, const Dated& b) { return a.record->started_at_ms < b.record->started_at_ms; });
  std::vector<std::int64_t> days;  // distinct local days with a session, ascending
  for (const Dated& d : dated) {
    if (days.empty() || days.back() != d.day) days.push_back(d.day);
  }

  const std::int64_t today = local_day(desc.now_ms, offset);
  const std::int64_t this_week = week_start_day(today);
  out.sessions_this_week = sessions_between(dated, this_week, this_week + kDaysPerWeek - 1);
  for (int i = std::max(desc.weeks_shown, 0) - 1; i >= 0; --i) {
    const std::int64_t start = this_week - i * kDaysPerWeek;
    out.weeks.push_back({.week_start_ms = local_midnight_ms(start, offset),
                         .sessions = sessions_between(dated, start, start + kDaysPerWeek - 1)});
  }
  out.active_days_last_14 = days_between(days, today - (kRecentDays - 1), today);

  // Streaks only over days up to today: a future-dated session must not pad them.
  const auto past_end = std::upper_bound(days.begin(), days.end(), today);
  int run = 0;
  for (auto it = days.begin(); it != past_end; ++it) {
    run = (it != days.begin() && *it == *(it - 1) + 1) ? run + 1 : 1;
    out.best_streak_days = std::max(out.best_streak_days, run);
  }
  // `run` is now the run ending on the latest day up to today; it is current if that day is
  // today, or yesterday while today has no session yet.
  if (past_end != days.begin() && *(past_end - 1) >= today - 1) out.streak_days = run;

  for (const Dated& d : dated) {
    const session::SessionRecord& r = *d.record;
    if (r.pain_before || r.pain_after) out.pain.push_back({.at_ms = r.started_at_ms, .before = r.pain_before, .after = r.pain_after});
    if (r.pain_before) out.last_pain_before = r.pain_before;
    if (r.pain_after) out.last_pain_after = r.pain_after;
  }
  out.guidance = judge(dated, days, today, desc);
  return out;
}

}  // namespace limber::progress
