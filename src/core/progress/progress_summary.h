// progress/progress_summary.h: what the Progress and Today screens say about a person's history.
//
// Counts sessions by local calendar day and week (the person's UTC offset applied), follows
// pain scores over time, and decides whether the app should suggest seeing a GP. Pure: the
// clock and the offset come in through ProgressDesc, so the same history always reads the same.
//
// Usage:
//     const auto s = limber::progress::summarise_progress(data.sessions,
//         {.now_ms = now, .utc_offset_minutes = offset, .pain_eases_within_weeks = safety.pain_eases_within_weeks});
//     show(s.streak_days, s.weeks, s.pain, limber::progress::guidance_id(s.guidance));
//
// Which sessions count where:
// - Every stored session counts in sessions_total, whatever its timestamp.
// - A session whose started_at_ms is 0 or negative has no usable date (a damaged or hand-made
//   record): it counts in sessions_total only.
// - Ended-early sessions count like completed ones: the person still did them.
// - A session dated after now_ms (a clock that was wrong) counts in the calendar week it falls
//   in, in pain and in guidance, but never extends a streak or active_days_last_14 past today.
// - Input may be in any order; sessions are taken by started_at_ms (equal times keep input order).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "storage/history.h"
#include "storage/user_data.h"
#include "json/enum_names.h"

namespace limber::progress {

// The guidance rule. The sources: the NHS says to see a GP if back pain has not started to
// improve within a few weeks; the catalogue (safety.json) says pain usually starts to ease
// within about two weeks. So the app says "see a GP" when pain is getting worse, or when it
// has not started to ease after about two weeks of regular sessions.
//
// Pain is compared as the mean pain_before of the first k scored sessions against the last k,
// with k = min(kComparedSessions, scored / 2) so the two groups never share a session (shared
// sessions would hide a change). Only pain_before is used: pain_after is taken straight after
// exercising and says more about that session than about the trend.
inline constexpr int kComparedSessions = 3;
// Fewer scored sessions than this are too few to call a trend either way.
inline constexpr int kMinScoredSessions = 4;
// Worse: the later mean is at least this much above the earlier one. Checked whenever there
// are enough scores, however recent or irregular the sessions, and wins over everything else.
inline constexpr int kWorseByPoints = 2;
// Easing: the later mean is at least this much below the earlier one.
inline constexpr int kEasingByPoints = 1;
// Regular: sessions on at least this many distinct local days per week, on average, between
// the first and the last scored session (elapsed days; with two weeks, 6 days).
inline constexpr int kRegularDaysPerWeek = 3;
// The window of active_days_last_14, ending today.
inline constexpr int kRecentDays = 14;

enum class Guidance : std::uint8_t {
  none,               // no session has a pain_before score
  too_early,          // fewer than kMinScoredSessions scores, under pain_eases_within_weeks
                      // between the first and last score, or sessions not regular over them
  easing,             // regular for long enough and pain fell by kEasingByPoints or more
  not_easing_see_gp,  // regular for long enough and pain did not fall that much
  worse_see_gp,       // pain rose by kWorseByPoints or more (at any time)
};
std::string_view guidance_id(Guidance g);  // "none", "too_early", "easing", ...

struct ProgressDesc {
  std::int64_t now_ms = 0;          // wall clock, milliseconds since 1970
  int utc_offset_minutes = 0;       // local time = UTC + offset (60 for BST)
  int pain_eases_within_weeks = 2;  // safety.json's pain_eases_within_weeks
  int weeks_shown = 8;              // weeks in ProgressSummary::weeks, ending this week
};

struct WeekCount {
  std::int64_t week_start_ms = 0;  // local Monday 00:00, as a UTC instant
  int sessions = 0;
  bool operator==(const WeekCount&) const = default;
};

struct PainPoint {
  std::int64_t at_ms = 0;  // the session's started_at_ms
  std::optional<int> before;
  std::optional<int> after;
  bool operator==(const PainPoint&) const = default;
};

struct ProgressSummary {
  int sessions_total = 0;
  int sessions_this_week = 0;  // local calendar week, Monday to Sunday
  int streak_days = 0;         // consecutive local days with a session, ending today (or
                               // yesterday, while today has none yet: the streak is not lost)
  int best_streak_days = 0;    // the longest such run, up to today
  int active_days_last_14 = 0; // distinct local days with a session, today and the 13 before
  std::vector<WeekCount> weeks;  // weeks_shown entries (none if it is 0 or less), oldest first,
                                 // the last is this week
  int pain_points = 0;           // sessions with any pain score
  std::vector<PainPoint> pain;   // the most recent storage::kPainPointsKept of them, oldest first
  std::optional<int> last_pain_before;  // from the most recent session that has one
  std::optional<int> last_pain_after;   // likewise
  Guidance guidance = Guidance::none;
  bool operator==(const ProgressSummary&) const = default;
};

// Over every session: the reference the digest's summary (progress/history_digest.h) must match.
ProgressSummary summarise_progress(std::span<const storage::StoredSession> sessions, const ProgressDesc& desc);

// The same summary for sessions that follow `folded` (storage/history.h): what older sessions
// added, folded into counts. summarise_progress is this with nothing folded.
ProgressSummary summarise_after(const storage::FoldedHistory& folded, std::span<const storage::StoredSession> sessions,
                                const ProgressDesc& desc);

// ---- Shared by both summaries
// The guidance rule from what it reads: how many sessions have a pain_before score, the
// first and the last min(kComparedSessions, scored / 2) of those scores (oldest first), the
// local days of the first and the last scored session, and the distinct days with a session
// from the first scored day to min(last, today).
struct GuidanceInput {
  int scored = 0;
  std::vector<int> first_scores, last_scores;
  std::int64_t first_day = 0, last_day = 0;
  int days_between = 0;
};
Guidance judge_guidance(const GuidanceInput& in, std::int64_t today, const ProgressDesc& desc);

}  // namespace limber::progress

template <>
struct limber::json::EnumNames<limber::progress::Guidance> {
  using E = limber::progress::Guidance;
  static constexpr std::array<std::pair<E, std::string_view>, 5> values{{
      {E::none, "none"},
      {E::too_early, "too_early"},
      {E::easing, "easing"},
      {E::not_easing_see_gp, "not_easing_see_gp"},
      {E::worse_see_gp, "worse_see_gp"}}};
};
