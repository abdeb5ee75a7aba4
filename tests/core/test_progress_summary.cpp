#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <vector>

#include "progress/progress_summary.h"
#include "storage/user_data.h"

using namespace limber;
using namespace limber::progress;

namespace {

constexpr std::int64_t kMinute = 60'000;
constexpr std::int64_t kHour = 60 * kMinute;
constexpr std::int64_t kDay = 24 * kHour;
constexpr std::int64_t kMonday = 1'704'067'200'000;  // Monday 2024-01-01 00:00 UTC

// Day `n` after Monday 2024-01-01 (0 is that Monday), at `hour` UTC.
std::int64_t at(std::int64_t n, std::int64_t hour = 12) { return kMonday + n * kDay + hour * kHour; }

storage::StoredSession stored(std::int64_t start, std::optional<int> before = {}, std::optional<int> after = {}) {
  session::SessionRecord r;
  r.routine = "nhs_daily";
  r.started_at_ms = start;
  r.ended_at_ms = start + 10 * kMinute;
  r.active_seconds = 590;
  r.pain_before = before;
  r.pain_after = after;
  r.completed = true;
  return {.id = std::to_string(start), .record = r};
}

// One session a day from day `first`, at noon UTC, with these pain_before scores.
std::vector<storage::StoredSession> daily(const std::vector<int>& scores, std::int64_t first = 0) {
  std::vector<storage::StoredSession> out;
  for (std::size_t i = 0; i < scores.size(); ++i) out.push_back(stored(at(first + static_cast<std::int64_t>(i)), scores[i]));
  return out;
}

ProgressSummary summarise(const std::vector<storage::StoredSession>& sessions, std::int64_t now, int offset = 0,
                          int weeks_shown = 8) {
  return summarise_progress(sessions, {.now_ms = now, .utc_offset_minutes = offset, .pain_eases_within_weeks = 2,
                                       .weeks_shown = weeks_shown});
}

Guidance guidance(const std::vector<storage::StoredSession>& sessions, std::int64_t now) {
  return summarise(sessions, now).guidance;
}

}  // namespace

// ---- Counting sessions by day and week ----

TEST_CASE("progress: an empty history has no sessions, no streak, empty weeks and no guidance") {
  const ProgressSummary s = summarise({}, at(2));
  CHECK(s.sessions_total == 0);
  CHECK(s.sessions_this_week == 0);
  CHECK(s.streak_days == 0);
  CHECK(s.best_streak_days == 0);
  CHECK(s.active_days_last_14 == 0);
  REQUIRE(s.weeks.size() == 8);
  CHECK(std::all_of(s.weeks.begin(), s.weeks.end(), [](const WeekCount& w) { return w.sessions == 0; }));
  CHECK(s.pain.empty());
  CHECK_FALSE(s.last_pain_before.has_value());
  CHECK_FALSE(s.last_pain_after.has_value());
  CHECK(s.guidance == Guidance::none);
}

TEST_CASE("progress: a session with no usable date counts in the total and nowhere else") {
  const ProgressSummary s = summarise({stored(0, 6, 4), stored(-kDay, 7, 5)}, at(2));
  CHECK(s.sessions_total == 2);
  CHECK(s.sessions_this_week == 0);
  CHECK(s.streak_days == 0);
  CHECK(s.best_streak_days == 0);
  CHECK(s.active_days_last_14 == 0);
  CHECK(std::all_of(s.weeks.begin(), s.weeks.end(), [](const WeekCount& w) { return w.sessions == 0; }));
  CHECK(s.pain.empty());
  CHECK_FALSE(s.last_pain_before.has_value());
  CHECK_FALSE(s.last_pain_after.has_value());
  CHECK(s.guidance == Guidance::none);
}

TEST_CASE("progress: this week starts on Monday at local midnight, not UTC midnight") {
  // Sunday 2024-01-07 23:30 UTC is Monday 00:30 in UTC+1; now is Wednesday 2024-01-10.
  const std::vector sessions{stored(at(6, 0) + 23 * kHour + 30 * kMinute)};
  const std::int64_t now = at(9);

  const ProgressSummary bst = summarise(sessions, now, 60);
  CHECK(bst.sessions_this_week == 1);
  CHECK(bst.weeks.back().week_start_ms == at(7, 0) - 60 * kMinute);  // Monday 00:00 local
  CHECK(bst.weeks.back().sessions == 1);

  const ProgressSummary utc = summarise(sessions, now, 0);
  CHECK(utc.sessions_this_week == 0);
  CHECK(utc.weeks.back().week_start_ms == at(7, 0));
  CHECK(utc.weeks[6].sessions == 1);  // Sunday belongs to the week before
}

TEST_CASE("progress: a negative offset moves a Monday 00:30 UTC session back to Sunday") {
  const std::vector sessions{stored(at(7, 0) + 30 * kMinute)};
  const ProgressSummary s = summarise(sessions, at(9), -60);
  CHECK(s.sessions_this_week == 0);
  CHECK(s.weeks[6].sessions == 1);
  CHECK(s.weeks.back().week_start_ms == at(7, 0) + 60 * kMinute);
}

TEST_CASE("progress: a session just after 1970 in a negative offset falls on the last day of 1969") {
  // In UTC-1, 00:00:00.001 UTC is Wednesday 1969-12-31 23:00 and 02:00 UTC is Thursday 1970-01-01
  // 01:00: two local days, in the week that began on Monday 29 December.
  const ProgressSummary s = summarise({stored(1), stored(2 * kHour)}, 3 * kHour, -60);
  CHECK(s.sessions_this_week == 2);
  CHECK(s.streak_days == 2);
  CHECK(s.active_days_last_14 == 2);
  CHECK(s.weeks.back().week_start_ms == -3 * kDay + 60 * kMinute);
}

TEST_CASE("progress: the weeks run oldest first, end with this week and count each week's sessions") {
  const std::int64_t now = at(16);  // Wednesday of the third week
  const std::vector sessions{
      stored(at(-14)),                                       // before the four weeks shown
      stored(at(-7)), stored(at(-5)),                       // the oldest week shown
      stored(at(7)),                                         // last week
      stored(at(14)), stored(at(15, 8)), stored(at(15, 18)),  // this week
  };
  const ProgressSummary s = summarise(sessions, now, 0, 4);
  REQUIRE(s.weeks.size() == 4);
  for (std::size_t i = 0; i < 4; ++i) CHECK(s.weeks[i].week_start_ms == at(-7 + 7 * static_cast<std::int64_t>(i), 0));
  CHECK(s.weeks[0].sessions == 2);
  CHECK(s.weeks[1].sessions == 0);
  CHECK(s.weeks[2].sessions == 1);
  CHECK(s.weeks[3].sessions == 3);
  CHECK(s.sessions_this_week == 3);
  CHECK(s.sessions_total == 7);
}

TEST_CASE("progress: weeks_shown of zero or less gives no weeks") {
  const std::vector sessions{stored(at(0))};
  CHECK(summarise(sessions, at(1), 0, 0).weeks.empty());
  CHECK(summarise(sessions, at(1), 0, -3).weeks.empty());
  CHECK(summarise(sessions, at(1), 0, 0).sessions_this_week == 1);
}

TEST_CASE("progress: sessions ended early count like completed ones") {
  auto sessions = daily({5, 5, 5});
  for (auto& s : sessions) {
    s.record.completed = false;
    s.record.ended_early = true;
  }
  const ProgressSummary s = summarise(sessions, at(2));
  CHECK(s.sessions_total == 3);
  CHECK(s.sessions_this_week == 3);
  CHECK(s.streak_days == 3);
  CHECK(s.pain.size() == 3);
}

TEST_CASE("progress: active days in the last 14 count distinct local days, today and the 13 before") {
  const std::vector sessions{stored(at(0)), stored(at(1)), stored(at(9, 8)), stored(at(9, 18)), stored(at(14))};
  const ProgressSummary s = summarise(sessions, at(14));
  CHECK(s.active_days_last_14 == 3);  // day 0 is 14 days ago: out
}

// ---- Streaks ----

TEST_CASE("progress: the streak counts today and each day before it without a gap") {
  const std::vector sessions{stored(at(0)), stored(at(1, 8)), stored(at(1, 19)), stored(at(2))};
  const ProgressSummary s = summarise(sessions, at(2, 20));
  CHECK(s.streak_days == 3);  // two sessions on one day count once
  CHECK(s.best_streak_days == 3);
}

TEST_CASE("progress: with nothing yet today, the streak continues from yesterday") {
  const std::vector sessions{stored(at(0)), stored(at(1))};
  CHECK(summarise(sessions, at(2, 7)).streak_days == 2);
}

TEST_CASE("progress: a day without a session breaks the streak") {
  const std::vector sessions{stored(at(0)), stored(at(2)), stored(at(3))};
  CHECK(summarise(sessions, at(3)).streak_days == 2);
  CHECK(summarise(sessions, at(5)).streak_days == 0);  // nothing yesterday or today
  CHECK(summarise(sessions, at(5)).best_streak_days == 2);
}

TEST_CASE("progress: the best streak is the longest run, even when it has ended") {
  auto sessions = daily({5, 5, 5, 5, 5});        // days 0 to 4
  sessions.push_back(stored(at(7)));
  sessions.push_back(stored(at(8)));
  const ProgressSummary s = summarise(sessions, at(8));
  CHECK(s.streak_days == 2);
  CHECK(s.best_streak_days == 5);
}

TEST_CASE("progress: streak days follow local midnight") {
  // Monday 23:30 UTC and Tuesday 22:30 UTC are both Tuesday in UTC+1.
  const std::vector sessions{stored(at(0, 23) + 30 * kMinute), stored(at(1, 22) + 30 * kMinute)};
  const std::int64_t now = at(1, 23) + 45 * kMinute;  // Wednesday 00:45 in UTC+1
  CHECK(summarise(sessions, now, 60).streak_days == 1);
  CHECK(summarise(sessions, now, 60).best_streak_days == 1);
  CHECK(summarise(sessions, now, 0).streak_days == 2);
}

TEST_CASE("progress: a future-dated session counts in the total and its week but not in the streak") {
  const std::vector sessions{stored(at(2)), stored(at(3)), stored(at(4))};
  const ProgressSummary s = summarise(sessions, at(2, 13));  // Wednesday; Thursday and Friday are ahead
  CHECK(s.sessions_total == 3);
  CHECK(s.sessions_this_week == 3);
  CHECK(s.streak_days == 1);
  CHECK(s.best_streak_days == 1);
  CHECK(s.active_days_last_14 == 1);
}

// ---- Pain ----

TEST_CASE("progress: pain points come only from sessions with a score, oldest first") {
  const std::vector sessions{stored(at(3), 4, 2), stored(at(0)), stored(at(1), 6), stored(at(2), std::nullopt, 3)};
  const ProgressSummary s = summarise(sessions, at(3));
  REQUIRE(s.pain.size() == 3);
  CHECK(s.pain[0] == PainPoint{.at_ms = at(1), .before = 6, .after = std::nullopt});
  CHECK(s.pain[1] == PainPoint{.at_ms = at(2), .before = std::nullopt, .after = 3});
  CHECK(s.pain[2] == PainPoint{.at_ms = at(3), .before = 4, .after = 2});
}

TEST_CASE("progress: the last pain before and after each come from the most recent session that has one") {
  const std::vector sessions{stored(at(3)), stored(at(1), 5), stored(at(0), 6, 4), stored(at(2), std::nullopt, std::nullopt)};
  const ProgressSummary s = summarise(sessions, at(3));
  CHECK(s.last_pain_before == 5);
  CHECK(s.last_pain_after == 4);
}

// ---- Guidance ----

TEST_CASE("progress guidance: none when no session has a pain-before score") {
  const std::vector sessions{stored(at(0)), stored(at(1), std::nullopt, 3)};
  CHECK(guidance(sessions, at(1)) == Guidance::none);
}

TEST_CASE("progress guidance: too early within the first two weeks, even with daily sessions") {
  CHECK(guidance(daily({6}), at(0)) == Guidance::too_early);
  // Days 0 to 13: the last score is only 13 days after the first.
  CHECK(guidance(daily(std::vector(14, 6)), at(13)) == Guidance::too_early);
  // Day 14 makes two weeks.
  CHECK(guidance(daily(std::vector(15, 6)), at(14)) == Guidance::not_easing_see_gp);
}

TEST_CASE("progress guidance: too early with fewer than four scores, however long and regular") {
  auto sessions = daily(std::vector(30, 0));
  for (auto& s : sessions) s.record.pain_before.reset();
  sessions[0].record.pain_before = 6;
  sessions[15].record.pain_before = 6;
  sessions[29].record.pain_before = 6;
  CHECK(guidance(sessions, at(29)) == Guidance::too_early);
}

TEST_CASE("progress guidance: easing when pain fell by a point or more after two weeks of regular sessions") {
  CHECK(guidance(daily({6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 5, 5, 5}), at(14)) == Guidance::easing);  // exactly 1
  CHECK(guidance(daily({7, 6, 6, 6, 5, 5, 5, 4, 4, 4, 3, 3, 3, 2, 2}), at(20)) == Guidance::easing);
}

TEST_CASE("progress guidance: not easing, see a GP, when pain fell by less than a point after two weeks of regular sessions") {
  CHECK(guidance(daily(std::vector(15, 6)), at(14)) == Guidance::not_easing_see_gp);
  // 6, 6, 6 to 5, 5, 6: down two thirds of a point.
  CHECK(guidance(daily({6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 5, 5, 6}), at(14)) == Guidance::not_easing_see_gp);
  // Up a point and two thirds: not worse, but not easing either.
  CHECK(guidance(daily({4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 6, 6, 5}), at(14)) == Guidance::not_easing_see_gp);
}

TEST_CASE("progress guidance: worse, see a GP, when pain rose by two points, even in the first days") {
  // Four scores in two days: the first two (3, 3) against the last two (5, 5).
  const std::vector sessions{stored(at(0, 8), 3), stored(at(0, 18), 3), stored(at(1, 8), 5), stored(at(1, 18), 5)};
  CHECK(guidance(sessions, at(1, 19)) == Guidance::worse_see_gp);
  // The same rise over irregular sessions is still worse.
  const std::vector sparse{stored(at(0), 3), stored(at(9), 3), stored(at(20), 5), stored(at(30), 5)};
  CHECK(guidance(sparse, at(30)) == Guidance::worse_see_gp);
}

TEST_CASE("progress guidance: worse wins even after two weeks of regular sessions") {
  CHECK(guidance(daily({2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 4, 4, 4}), at(14)) == Guidance::worse_see_gp);
}

TEST_CASE("progress guidance: three scores can never show a trend, so a rise with three is too early") {
  CHECK(guidance(daily({1, 5, 9}), at(2)) == Guidance::too_early);
}

TEST_CASE("progress guidance: irregular sessions over three weeks are too early to judge, not a reason to see a GP") {
  const std::vector sessions{stored(at(0), 6), stored(at(4), 6), stored(at(9), 6), stored(at(15), 6), stored(at(21), 6)};
  CHECK(guidance(sessions, at(21)) == Guidance::too_early);
}

TEST_CASE("progress guidance: six session days in two weeks are regular, five are not") {
  std::vector sessions{stored(at(0), 6), stored(at(3), 6), stored(at(6), 6), stored(at(8), 6), stored(at(11), 6),
                       stored(at(14), 6)};
  CHECK(guidance(sessions, at(14)) == Guidance::not_easing_see_gp);
  sessions.erase(sessions.begin() + 2);
  CHECK(guidance(sessions, at(14)) == Guidance::too_early);
}

TEST_CASE("progress guidance: sessions without a score still count towards regular sessions") {
  std::vector sessions{stored(at(0), 6), stored(at(1), 6), stored(at(13), 6), stored(at(14), 6)};
  CHECK(guidance(sessions, at(14)) == Guidance::too_early);  // four days in two weeks
  for (const std::int64_t d : {3, 5, 7, 9, 11}) sessions.push_back(stored(at(d)));
  CHECK(guidance(sessions, at(14)) == Guidance::not_easing_see_gp);
}

TEST_CASE("progress guidance: a future-dated score does not stretch the two weeks") {
  auto sessions = daily(std::vector(14, 6));  // days 0 to 13
  sessions.push_back(stored(at(20), 6));     // a wrong clock
  CHECK(guidance(sessions, at(13)) == Guidance::too_early);
  CHECK(guidance(sessions, at(20)) == Guidance::not_easing_see_gp);  // once day 20 has come
}

TEST_CASE("progress guidance: each value has a stable id") {
  CHECK(guidance_id(Guidance::none) == "none");
  CHECK(guidance_id(Guidance::too_early) == "too_early");
  CHECK(guidance_id(Guidance::easing) == "easing");
  CHECK(guidance_id(Guidance::not_easing_see_gp) == "not_easing_see_gp");
  CHECK(guidance_id(Guidance::worse_see_gp) == "worse_see_gp");
}

// ---- Input order ----

TEST_CASE("progress: unsorted input gives the same summary as sorted input") {
  auto sorted = daily({7, 6, 6, 6, 5, 5, 5, 4, 4, 4, 3, 3, 3, 2, 2});
  sorted[3].record.pain_after = 2;
  sorted[9].record.pain_after = 1;
  sorted.push_back(stored(at(18), std::nullopt, 1));
  const ProgressSummary expected = summarise(sorted, at(18), 60);
  REQUIRE(expected.guidance == Guidance::easing);
  REQUIRE(expected.last_pain_before == 2);
  REQUIRE(expected.last_pain_after == 1);

  auto reversed = sorted;
  std::reverse(reversed.begin(), reversed.end());
  CHECK(summarise(reversed, at(18), 60) == expected);

  auto shuffled = sorted;
  for (std::size_t i = 0; i < shuffled.size(); ++i) std::swap(shuffled[i], shuffled[(i * 7 + 3) % shuffled.size()]);
  REQUIRE(shuffled != sorted);
  CHECK(summarise(shuffled, at(18), 60) == expected);
}
