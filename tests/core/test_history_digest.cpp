// The history digest (progress/history_digest.h) must say exactly what the summary over every
// session says, however long the history, in whichever order sessions arrive; and it must stay
// the same size whatever the history's length.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

#include "json/json_reflect.h"
#include "progress/history_digest.h"

using namespace limber;
using namespace limber::progress;
using limber::storage::AddResult;
using limber::storage::add_session;
using limber::storage::digest_history;
using limber::storage::history_names_routine;

namespace {

constexpr std::int64_t kHour = 3'600'000;
constexpr std::int64_t kDay = 24 * kHour;
constexpr std::int64_t kMonday = 1'704'067'200'000;  // Monday 2024-01-01 00:00 UTC

storage::StoredSession stored(std::int64_t start, std::optional<int> before, std::optional<int> after, const char* routine) {
  session::SessionRecord r;
  r.routine = routine;
  r.started_at_ms = start;
  r.ended_at_ms = start + 600'000;
  r.active_seconds = 590;
  r.pain_before = before;
  r.pain_after = after;
  r.completed = true;
  return {.id = storage::session_id(r), .record = r};
}

// A history with gaps, streaks, busy days, unscored sessions and the odd undated one.
std::vector<storage::StoredSession> history(std::uint32_t seed, int count) {
  std::mt19937 random(seed);
  std::vector<storage::StoredSession> out;
  std::int64_t t = kMonday;
  const char* routines[] = {"nhs_daily", "in_bed", "my-1"};
  for (int i = 0; i < count; ++i) {
    const int gap = static_cast<int>(random() % 10);
    t += gap < 6 ? kDay : gap < 8 ? 7 * kHour : gap == 8 ? 9 * kDay : 40 * kDay;
    t += static_cast<std::int64_t>(random() % 3) * kHour - kHour;
    const std::optional<int> before = random() % 4 ? std::optional<int>(static_cast<int>(random() % 11)) : std::nullopt;
    const std::optional<int> after = random() % 3 ? std::optional<int>(static_cast<int>(random() % 11)) : std::nullopt;
    out.push_back(stored(random() % 97 == 0 ? -i : t, before, after, routines[random() % 3]));  // undated: 0 or before
  }
  return out;
}

void same_summary(const storage::HistoryDigest& digest, const std::vector<storage::StoredSession>& all, const ProgressDesc& desc) {
  const ProgressSummary expected = summarise_progress(all, desc);
  const ProgressSummary got = summarise_history(digest, desc);
  CHECK(got.sessions_total == expected.sessions_total);
  CHECK(got.sessions_this_week == expected.sessions_this_week);
  CHECK(got.streak_days == expected.streak_days);
  CHECK(got.best_streak_days == expected.best_streak_days);
  CHECK(got.active_days_last_14 == expected.active_days_last_14);
  CHECK(got.weeks == expected.weeks);
  CHECK(got.pain_points == expected.pain_points);
  CHECK(got.pain == expected.pain);
  CHECK(got.last_pain_before == expected.last_pain_before);
  CHECK(got.last_pain_after == expected.last_pain_after);
  CHECK(guidance_id(got.guidance) == guidance_id(expected.guidance));
}

}  // namespace

TEST_CASE("history digest: sessions added one by one say what the whole history says") {
  for (std::uint32_t seed = 1; seed <= 40; ++seed) {
    CAPTURE(seed);
    const std::vector<storage::StoredSession> all = history(seed, 20 + static_cast<int>(seed) * 12);
    storage::HistoryDigest digest;
    std::vector<storage::StoredSession> so_far;
    for (const storage::StoredSession& s : all) {
      so_far.push_back(s);
      const AddResult added = add_session(digest, s, 0);
      if (added == AddResult::needs_rebuild) digest = digest_history(so_far, 0);
      else REQUIRE(added == AddResult::added);
    }
    CHECK(digest.sessions() == static_cast<int>(all.size()));
    const std::int64_t last = all.back().record.started_at_ms;
    for (const std::int64_t now : {last + kHour, last + 2 * kDay, last + 20 * kDay}) {
      same_summary(digest, all, {.now_ms = now, .utc_offset_minutes = 0, .pain_eases_within_weeks = 2});
    }
    // And the same from a rebuild of the whole history, in any order.
    std::vector<storage::StoredSession> shuffled = all;
    std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937(seed));
    same_summary(digest_history(shuffled, 0), all, {.now_ms = last + kHour, .utc_offset_minutes = 0, .pain_eases_within_weeks = 2});
  }
}

TEST_CASE("history digest: a local offset is applied to recent and folded sessions alike") {
  const std::vector<storage::StoredSession> all = history(99, 400);
  const std::int64_t last = all.back().record.started_at_ms;
  for (const int offset : {-300, 60, 330}) {
    CAPTURE(offset);
    same_summary(digest_history(all, offset), all, {.now_ms = last + kHour, .utc_offset_minutes = offset, .pain_eases_within_weeks = 2});
  }
}

TEST_CASE("history digest: its size does not grow with the history") {
  // Twice a day: 100 sessions against 5,000 (almost seven years).
  const auto twice_daily = [](int count) {
    std::vector<storage::StoredSession> out;
    for (int i = 0; i < count; ++i) out.push_back(stored(kMonday + (i / 2) * kDay + (i % 2) * 10 * kHour, 4, 3, "nhs_daily"));
    return out;
  };
  const storage::HistoryDigest small = digest_history(twice_daily(1000), 0);
  const storage::HistoryDigest large = digest_history(twice_daily(5000), 0);
  CHECK(large.sessions() == 5000);
  CHECK(large.recent.size() == small.recent.size());
  CHECK(large.recent.size() <= 2 * static_cast<std::size_t>(storage::kRecentWindowDays) + 2);
  const std::size_t small_bytes = json::to_json(small).size(), large_bytes = json::to_json(large).size();
  CHECK(large_bytes <= small_bytes + 64);  // only the counters' digits differ
}

TEST_CASE("history digest: a session already there is not added twice, and one older than the folded ones asks for a rebuild") {
  std::vector<storage::StoredSession> all;
  for (int i = 0; i < 200; ++i) all.push_back(stored(kMonday + i * kDay, 5, 4, "nhs_daily"));
  storage::HistoryDigest digest = digest_history(all, 0);
  REQUIRE(digest.folded.sessions > 0);
  CHECK(add_session(digest, all.back(), 0) == AddResult::already_there);
  CHECK(add_session(digest, all.front(), 0) == AddResult::needs_rebuild);
  CHECK(add_session(digest, stored(kMonday + 3 * kDay + kHour, 2, 1, "in_bed"), 0) == AddResult::needs_rebuild);
  CHECK(digest.sessions() == 200);
  // Between recent sessions: placed in order.
  CHECK(add_session(digest, stored(all.back().record.started_at_ms - kHour, 2, 1, "in_bed"), 0) == AddResult::added);
  CHECK(digest.sessions() == 201);
  CHECK(std::is_sorted(digest.recent.begin(), digest.recent.end(),
                       [](const auto& a, const auto& b) { return a.record.started_at_ms < b.record.started_at_ms; }));
  CHECK(history_names_routine(digest, "in_bed"));
  CHECK_FALSE(history_names_routine(digest, "my-7"));
}

TEST_CASE("history digest: the guidance's regularity counts days across folded and recent sessions") {
  // Three days a week for a year, pain flat: regular, so "not easing, see a GP"; with one
  // day a week fewer after the first months, no longer regular enough: "too early".
  for (const int later_days_per_week : {3, 2}) {
    CAPTURE(later_days_per_week);
    std::vector<storage::StoredSession> all;
    for (int week = 0; week < 52; ++week) {
      const int days = week < 20 ? 3 : later_days_per_week;
      for (int d = 0; d < days; ++d) all.push_back(stored(kMonday + (week * 7 + d * 2) * kDay + 8 * kHour, 5, 4, "nhs_daily"));
    }
    const storage::HistoryDigest digest = digest_history(all, 0);
    REQUIRE(digest.folded.scored > 3);
    const ProgressDesc desc{.now_ms = all.back().record.started_at_ms + kHour, .utc_offset_minutes = 0, .pain_eases_within_weeks = 2};
    const Guidance expected = later_days_per_week == 3 ? Guidance::not_easing_see_gp : Guidance::too_early;
    CHECK(guidance_id(summarise_progress(all, desc).guidance) == guidance_id(expected));
    same_summary(digest, all, desc);
    // Scores only in the folded part: the last scored day is folded too.
    std::vector<storage::StoredSession> unscored_lately = all;
    for (std::size_t i = unscored_lately.size() - 100; i < unscored_lately.size(); ++i) unscored_lately[i].record.pain_before.reset();
    same_summary(digest_history(unscored_lately, 0), unscored_lately, desc);
  }
}
