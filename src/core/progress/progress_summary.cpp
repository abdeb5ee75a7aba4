#include "progress/progress_summary.h"

#include <algorithm>

#include "catalogue/calendar_day.h"
#include "storage/history.h"

namespace limber::progress {

namespace {

using storage::local_day;

constexpr std::int64_t kMsPerMinute = 60'000;
constexpr std::int64_t kMsPerDay = 86'400'000;
constexpr std::int64_t kDaysPerWeek = 7;

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

}  // namespace

// See the rule's constants in the header.
Guidance judge_guidance(const GuidanceInput& in, std::int64_t today, const ProgressDesc& desc) {
  if (in.scored == 0) return Guidance::none;
  if (in.scored < kMinScoredSessions) return Guidance::too_early;
  const std::size_t k = std::min(in.first_scores.size(), in.last_scores.size());
  int rise = 0;  // k times the change in mean, so the comparison stays in whole points
  for (std::size_t i = 0; i < k; ++i) rise += in.last_scores[i] - in.first_scores[i];
  const int kk = static_cast<int>(k);
  if (rise >= kWorseByPoints * kk) return Guidance::worse_see_gp;
  // The evidence runs from the first score to the last; a wrong clock cannot stretch it past today.
  const std::int64_t span = std::min(in.last_day, today) - in.first_day;
  if (span < std::int64_t{desc.pain_eases_within_weeks} * kDaysPerWeek) return Guidance::too_early;
  if (in.days_between * kDaysPerWeek < kRegularDaysPerWeek * span) return Guidance::too_early;
  return -rise >= kEasingByPoints * kk ? Guidance::easing : Guidance::not_easing_see_gp;
}

std::string_view guidance_id(Guidance g) { return json::enum_name(g); }

ProgressSummary summarise_progress(std::span<const storage::StoredSession> sessions, const ProgressDesc& desc) {
  return summarise_after(storage::FoldedHistory{}, sessions, desc);
}

ProgressSummary summarise_after(const storage::FoldedHistory& folded, std::span<const storage::StoredSession> sessions,
                                const ProgressDesc& desc) {
  const storage::FoldedHistory& F = folded;
  const int offset = desc.utc_offset_minutes;
  ProgressSummary out;
  out.sessions_total = F.sessions + static_cast<int>(sessions.size());

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
  // The folded sessions' last day, unless the listed ones start on it too.
  // (Plain values rather than optionals: GCC's -O2 mistakes optionals here for uninitialised.)
  const bool has_folded_day = F.last_day.has_value() && !std::binary_search(days.begin(), days.end(), *F.last_day);
  const std::int64_t folded_day = F.last_day.value_or(0);
  const auto in_range = [&](std::int64_t first, std::int64_t last) {
    return days_between(days, first, last) + (has_folded_day && folded_day >= first && folded_day <= last ? 1 : 0);
  };

  // Weeks: the listed sessions cover them (storage::kRecentWindowDays), the folded ones never reach them.
  const std::int64_t today = local_day(desc.now_ms, offset);
  const std::int64_t this_week = catalogue::week_start(today);
  out.sessions_this_week = sessions_between(dated, this_week, this_week + kDaysPerWeek - 1);
  for (int i = std::max(desc.weeks_shown, 0) - 1; i >= 0; --i) {
    const std::int64_t start = this_week - i * kDaysPerWeek;
    out.weeks.push_back({.week_start_ms = local_midnight_ms(start, offset),
                         .sessions = sessions_between(dated, start, start + kDaysPerWeek - 1)});
  }
  out.active_days_last_14 = in_range(today - (kRecentDays - 1), today);

  // Streaks only over days up to today: a future-dated session must not pad them. The run
  // carries on from the folded sessions' last day.
  bool has_previous = F.last_day.has_value() && *F.last_day <= today;
  std::int64_t previous = F.last_day.value_or(0);
  int run = has_previous ? F.run_at_last_day : 0;
  out.best_streak_days = F.best_run;
  for (const std::int64_t day : days) {
    if (day > today) break;
    if (has_previous && day <= previous) continue;
    run = has_previous && day == previous + 1 ? run + 1 : 1;
    out.best_streak_days = std::max(out.best_streak_days, run);
    previous = day;
    has_previous = true;
  }
  // `run` is now the run ending on the latest day up to today; it is current if that day is
  // today, or yesterday while today has no session yet.
  if (has_previous && previous >= today - 1) out.streak_days = run;

  out.pain_points = F.pain_points;
  for (const storage::PainPointRecord& p : F.pain) out.pain.push_back({.at_ms = p.at_ms, .before = p.before, .after = p.after});
  out.last_pain_before = F.last_pain_before;
  out.last_pain_after = F.last_pain_after;
  std::vector<storage::ScoredPain> scored;  // the listed sessions' pain_before scores
  for (const Dated& d : dated) {
    const session::SessionRecord& r = *d.record;
    if (r.pain_before || r.pain_after) {
      ++out.pain_points;
      out.pain.push_back({.at_ms = r.started_at_ms, .before = r.pain_before, .after = r.pain_after});
    }
    if (r.pain_before) {
      out.last_pain_before = r.pain_before;
      scored.push_back({.day = d.day, .score = *r.pain_before});
    }
    if (r.pain_after) out.last_pain_after = r.pain_after;
  }
  if (out.pain.size() > static_cast<std::size_t>(storage::kPainPointsKept)) {
    out.pain.erase(out.pain.begin(), out.pain.end() - storage::kPainPointsKept);
  }

  // The guidance reads the first and last scores of all, folded ones first.
  GuidanceInput in;
  in.scored = F.scored + static_cast<int>(scored.size());
  if (in.scored > 0) {
    const std::size_t k = static_cast<std::size_t>(std::min(kComparedSessions, in.scored / 2));
    std::vector<storage::ScoredPain> first = F.first_scored, last = F.last_scored;
    first.insert(first.end(), scored.begin(), scored.end());
    last.insert(last.end(), scored.begin(), scored.end());
    for (std::size_t i = 0; i < k; ++i) {
      in.first_scores.push_back(first[i].score);
      in.last_scores.push_back(last[last.size() - k + i].score);
    }
    in.first_day = F.scored > 0 ? F.first_scored.front().day : scored.front().day;
    in.last_day = !scored.empty() ? scored.back().day : F.last_scored.back().day;
    const std::int64_t until = std::min(in.last_day, today);
    if (F.scored == 0) {
      in.days_between = in_range(in.first_day, until);
    } else if (scored.empty()) {
      in.days_between = F.distinct_days_through_last_scored - F.distinct_days_before_first_scored;
    } else {
      // The folded days from the first score on, then the listed days after the folded ones.
      in.days_between = F.distinct_days - F.distinct_days_before_first_scored +
                        days_between(days, F.last_day ? *F.last_day + 1 : in.first_day, until);
    }
  }
  out.guidance = judge_guidance(in, today, desc);
  return out;
}

}  // namespace limber::progress
