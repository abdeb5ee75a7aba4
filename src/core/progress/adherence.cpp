#include "progress/adherence.h"

#include <algorithm>

#include "catalogue/calendar_day.h"
#include "catalogue/schedule.h"
#include "text/cat.h"

namespace limber::progress {

int asked_on(const catalogue::Routine& routine, std::int64_t day) {
  const std::optional<catalogue::Schedule> schedule = catalogue::schedule_of(routine);
  if (!schedule) return 0;
  if (routine.started_on) {
    if (const auto from = catalogue::parse_day(*routine.started_on); from && day < *from) return 0;
  }
  if (routine.review_on) {
    if (const auto until = catalogue::parse_day(*routine.review_on); until && day > *until) return 0;
  }
  const std::vector<int> days = catalogue::weekdays(schedule->days_a_week);
  return std::find(days.begin(), days.end(), catalogue::weekday(day)) != days.end() ? schedule->times_a_day : 0;
}

Tally count_days(const std::vector<std::int64_t>& session_days, const catalogue::Routine& routine, std::int64_t first, int days) {
  Tally t;
  for (std::int64_t day = first; day < first + days; ++day) {
    const int asked = asked_on(routine, day);
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
  if (!schedule) return {};
  // This week, Monday to today: the recent sessions always cover it.
  const std::int64_t monday = today - catalogue::weekday(today);
  const std::vector<std::int64_t> days = session_days(history.recent, routine.id, utc_offset_minutes);
  if (schedule->days_a_week < 7) {
    int days_done = 0;
    for (std::int64_t day = monday; day <= today; ++day) days_done += std::count(days.begin(), days.end(), day) > 0 ? 1 : 0;
    return text::cat({std::to_string(days_done), " of ", std::to_string(schedule->days_a_week), " days this week"});
  }
  const int done = static_cast<int>(std::count(days.begin(), days.end(), today));
  if (schedule->times_a_day == 1) return done > 0 ? "Done today" : "Not done yet today";
  return text::cat({std::to_string(std::min(done, schedule->times_a_day)), " of ", std::to_string(schedule->times_a_day), " today"});
}

}  // namespace limber::progress
