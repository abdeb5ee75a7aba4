#include "progress/adherence.h"

#include <algorithm>
#include <array>
#include <limits>

#include "catalogue/calendar_day.h"
#include "catalogue/schedule.h"
#include "text/cat.h"

namespace limber::progress {

namespace {

// What a routine asks for, worked out once: how many a day, on which weekdays, and from the day
// it started (started_on, when set) to its review date (when set).
struct Asks {
  int times_a_day = 0;  // 0: done as needed
  std::array<bool, 7> on_weekday{};
  std::int64_t from = std::numeric_limits<std::int64_t>::min();
  std::int64_t until = std::numeric_limits<std::int64_t>::max();

  explicit Asks(const catalogue::Routine& routine) {
    const std::optional<catalogue::Schedule> schedule = catalogue::schedule_of(routine);
    if (!schedule) return;
    times_a_day = schedule->times_a_day;
    for (const int w : catalogue::weekdays(schedule->days_a_week)) on_weekday[static_cast<std::size_t>(w)] = true;
    if (const auto started = catalogue::parse_optional_day(routine.started_on)) from = *started;
    if (const auto review = catalogue::parse_optional_day(routine.review_on)) until = *review;
  }
  bool running(std::int64_t day) const { return day >= from && day <= until; }
  int on(std::int64_t day) const {
    return running(day) && on_weekday[static_cast<std::size_t>(catalogue::weekday(day))] ? times_a_day : 0;
  }
};

}  // namespace

int asked_on(const catalogue::Routine& routine, std::int64_t day) { return Asks(routine).on(day); }

Tally count_days(const std::vector<std::int64_t>& session_days, const catalogue::Routine& routine, std::int64_t first, int days) {
  const Asks asks(routine);
  Tally t;
  for (std::int64_t day = first; day < first + days; ++day) {
    const int asked = asks.on(day);
    const int done = static_cast<int>(std::count(session_days.begin(), session_days.end(), day));
    t.asked += asked;
    t.done += std::min(done, asked);
    t.extra += std::max(0, done - asked);
  }
  return t;
}

std::vector<std::int64_t> session_days(const std::vector<storage::StoredSession>& sessions, std::string_view routine_id,
                                       int utc_offset_minutes) {
  std::vector<std::int64_t> out;
  for (const storage::StoredSession& s : sessions) {
    if (s.record.routine == routine_id && s.record.started_at_ms > 0) out.push_back(storage::local_day(s.record.started_at_ms, utc_offset_minutes));
  }
  return out;
}

std::string today_line(const storage::HistoryDigest& history, const catalogue::Routine& routine, std::int64_t today,
                       int utc_offset_minutes) {
  const std::optional<catalogue::Schedule> schedule = catalogue::schedule_of(routine);
  if (!schedule || !Asks(routine).running(today)) return {};  // as needed, or past its review date
  // This week, Monday to today: the recent sessions always cover it.
  const std::int64_t monday = catalogue::week_start(today);
  const std::vector<std::int64_t> days = session_days(history.recent, routine.id, utc_offset_minutes);
  if (schedule->days_a_week < 7) {
    int days_done = 0;
    for (std::int64_t day = monday; day <= today; ++day) days_done += std::find(days.begin(), days.end(), day) != days.end() ? 1 : 0;
    return text::cat({std::to_string(days_done), " of ", std::to_string(schedule->days_a_week), " days this week"});
  }
  const int done = static_cast<int>(std::count(days.begin(), days.end(), today));
  if (schedule->times_a_day == 1) return done > 0 ? "Done today" : "Not done yet today";
  return text::cat({std::to_string(std::min(done, schedule->times_a_day)), " of ", std::to_string(schedule->times_a_day), " today"});
}

}  // namespace limber::progress
