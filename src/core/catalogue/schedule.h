// catalogue/schedule.h: how often a routine is done, as a clinician says it.
//
// A person's own routine may hold a Schedule (catalogue/model.h): 1 to 4 times a day, on 1 to 7
// days a week, at set times of day or at any time, until its review date. A built-in routine
// says how often by its Frequency; schedule_of() gives both as a schedule, so Today, the sheet,
// the calendar file and the report count the same way. "When you need it" has no schedule.
//
// Usage:
//     if (const auto s = limber::catalogue::schedule_of(routine)) target = sessions_a_week(*s);
//     limber::catalogue::schedule_words(routine);     // "Twice a day, every day, at 08:00 and 18:00"
//     limber::catalogue::check_schedule(s, "routines[0].schedule", problems);
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalogue/model.h"
#include "catalogue/problems.h"

namespace limber::catalogue {

struct ScheduleLimits {
  static constexpr int max_times_a_day = 4;
  static constexpr int time_step_minutes = 15;  // set times fall on quarter hours
};

// The routine's schedule: its own, or its Frequency's (every day: once a day on 7 days; twice a
// day while in pain: twice a day on 7 days); nullopt for "when you need it".
std::optional<Schedule> schedule_of(const Routine& routine);
// Sessions a week it asks for: times a day times days a week (0 without a schedule).
int sessions_a_week(const std::optional<Schedule>& schedule);
// The weekdays a schedule of so many days a week falls on, spread through the week, Monday 0:
// 1 {Mon}, 2 {Mon, Thu}, 3 {Mon, Wed, Fri}, 4 {Mon, Tue, Thu, Fri}, 5 Mon to Fri, 6 Mon to Sat, 7 all.
std::vector<int> weekdays(int days_a_week);
// The times of day reminders use: the set times, else spread through a waking day (once: 18:00;
// twice: 08:00 and 18:00; three times: 08:00, 13:00, 18:00; four: 08:00, 12:00, 16:00, 20:00).
std::vector<int> reminder_times(const Schedule& schedule);

// "Every day", "Twice a day, every day", "3 days a week", "Twice a day, 5 days a week, at 08:00
// and 18:00", "Twice a day while you are in pain", "When you need it".
std::string schedule_words(const Routine& routine);
std::string times_a_day_words(int times);  // "Once a day", "Twice a day", "3 times a day"
std::string clock_time(int minutes);       // "08:00"
// "at 08:00", "at 08:00 and 18:00", "at 08:00, 13:00 and 18:00"
std::string clock_times(const std::vector<int>& minutes);

// Each problem of a schedule, one sentence each, at `path` ("routines[0].schedule.times").
void check_schedule(const Schedule& schedule, const std::string& file, const std::string& path,
                    std::vector<Problem>& problems);

}  // namespace limber::catalogue
