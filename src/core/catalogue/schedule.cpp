#include "catalogue/schedule.h"

#include <cstdio>

#include "text/cat.h"

namespace limber::catalogue {

std::optional<Schedule> schedule_of(const Routine& routine) {
  if (routine.schedule) return routine.schedule;
  switch (routine.frequency) {
    case Frequency::every_day: return Schedule{.times_a_day = 1, .days_a_week = 7, .times = {}};
    case Frequency::twice_a_day_while_in_pain: return Schedule{.times_a_day = 2, .days_a_week = 7, .times = {}};
    case Frequency::when_needed: return std::nullopt;
  }
  return std::nullopt;
}

int sessions_a_week(const std::optional<Schedule>& schedule) {
  return schedule ? schedule->times_a_day * schedule->days_a_week : 0;
}

std::vector<int> weekdays(int days_a_week) {
  switch (days_a_week) {
    case 1: return {0};
    case 2: return {0, 3};
    case 3: return {0, 2, 4};
    case 4: return {0, 1, 3, 4};
    case 5: return {0, 1, 2, 3, 4};
    case 6: return {0, 1, 2, 3, 4, 5};
    default: return {0, 1, 2, 3, 4, 5, 6};
  }
}

std::vector<int> reminder_times(const Schedule& schedule) {
  if (!schedule.times.empty()) return schedule.times;
  switch (schedule.times_a_day) {
    case 2: return {8 * 60, 18 * 60};
    case 3: return {8 * 60, 13 * 60, 18 * 60};
    case 4: return {8 * 60, 12 * 60, 16 * 60, 20 * 60};
    default: return {18 * 60};
  }
}

std::string times_a_day_words(int times) {
  if (times == 1) return "Once a day";
  if (times == 2) return "Twice a day";
  return text::cat({std::to_string(times), " times a day"});
}

std::string clock_time(int minutes) {
  char out[16];
  std::snprintf(out, sizeof out, "%02d:%02d", (minutes / 60) % 24, minutes % 60);
  return out;
}

std::string clock_times(const std::vector<int>& minutes) {
  std::string out = "at ";
  for (std::size_t i = 0; i < minutes.size(); ++i) {
    if (i > 0) out += i + 1 == minutes.size() ? " and " : ", ";
    out += clock_time(minutes[i]);
  }
  return out;
}

std::string schedule_words(const Routine& routine) {
  if (!routine.schedule) return std::string(frequency_words(routine.frequency));
  const Schedule& s = *routine.schedule;
  const std::string days = s.days_a_week >= 7 ? "every day"
                                              : text::count(s.days_a_week, "day a week", "days a week");
  std::string out;
  if (s.times_a_day == 1) {
    out = s.days_a_week >= 7 ? "Every day" : days;
  } else {
    out = text::cat({times_a_day_words(s.times_a_day), ", ", days});
  }
  if (!s.times.empty()) out += text::cat({", ", clock_times(s.times)});
  return out;
}

void check_schedule(const Schedule& s, const std::string& file, const std::string& path, std::vector<Problem>& problems) {
  static_assert(ScheduleLimits::max_times_a_day == 4);  // as the message spells it
  const auto report = [&](std::string field, std::string message) {
    problems.push_back({.file = file, .path = text::cat({path, ".", field}), .message = std::move(message)});
  };
  if (s.times_a_day < 1 || s.times_a_day > ScheduleLimits::max_times_a_day) {
    report("times_a_day", text::cat({"is ", std::to_string(s.times_a_day), "; a routine is done 1 to 4 times a day"}));
  }
  if (s.days_a_week < 1 || s.days_a_week > 7) {
    report("days_a_week", text::cat({"is ", std::to_string(s.days_a_week), "; a week has 1 to 7 days to do it on"}));
  }
  if (s.times.empty()) return;
  if (static_cast<int>(s.times.size()) != s.times_a_day) {
    report("times", text::cat({"gives ", std::to_string(s.times.size()), " times of day for a routine done ",
                               std::to_string(s.times_a_day), " times a day"}));
  }
  for (std::size_t i = 0; i < s.times.size(); ++i) {
    const int t = s.times[i];
    const std::string at = text::cat({"times[", std::to_string(i), "]"});
    if (t < 0 || t >= 24 * 60) {
      report(at, text::cat({"is ", std::to_string(t), " minutes after midnight; a time of day is from 0 to 1439"}));
    } else if (t % ScheduleLimits::time_step_minutes != 0) {
      report(at, text::cat({clock_time(t), " is not on a quarter hour"}));
    } else if (i > 0 && t <= s.times[i - 1]) {
      report(at, text::cat({clock_time(t), " comes no later than the time before it; set times rise through the day"}));
    }
  }
}

}  // namespace limber::catalogue
