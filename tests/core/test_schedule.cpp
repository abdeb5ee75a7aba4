// How often, as a clinician says it (catalogue/schedule.h), and calendar days (catalogue/calendar_day.h).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "catalogue/calendar_day.h"
#include "catalogue/schedule.h"

using namespace limber;
using catalogue::Schedule;

namespace {

catalogue::Routine with(std::optional<Schedule> s, catalogue::Frequency f = catalogue::Frequency::every_day) {
  catalogue::Routine r;
  r.schedule = std::move(s);
  r.frequency = f;
  return r;
}

// Each problem of a schedule, as "path: message".
std::vector<std::string> problems_of(const Schedule& s) {
  std::vector<catalogue::Problem> found;
  catalogue::check_schedule(s, "backup", "routines[0].schedule", found);
  std::vector<std::string> out;
  for (const auto& p : found) out.push_back(p.path + ": " + p.message);
  return out;
}

}  // namespace

TEST_CASE("schedule: a built-in routine's frequency reads as a schedule, and when needed has none") {
  CHECK(catalogue::schedule_of(with(std::nullopt)) == Schedule{.times_a_day = 1, .days_a_week = 7, .times = {}});
  CHECK(catalogue::schedule_of(with(std::nullopt, catalogue::Frequency::twice_a_day_while_in_pain)) ==
        Schedule{.times_a_day = 2, .days_a_week = 7, .times = {}});
  CHECK_FALSE(catalogue::schedule_of(with(std::nullopt, catalogue::Frequency::when_needed)));
  const Schedule own{.times_a_day = 3, .days_a_week = 5, .times = {}};
  CHECK(catalogue::schedule_of(with(own)) == own);
}

TEST_CASE("schedule: sessions a week are times a day on so many days") {
  CHECK(catalogue::sessions_a_week(Schedule{.times_a_day = 2, .days_a_week = 7, .times = {}}) == 14);
  CHECK(catalogue::sessions_a_week(Schedule{.times_a_day = 1, .days_a_week = 3, .times = {}}) == 3);
  CHECK(catalogue::sessions_a_week(std::nullopt) == 0);
}

TEST_CASE("schedule: in words, as a person says it") {
  CHECK(catalogue::schedule_words(with(Schedule{.times_a_day = 1, .days_a_week = 7, .times = {}})) == "Every day");
  CHECK(catalogue::schedule_words(with(Schedule{.times_a_day = 2, .days_a_week = 7, .times = {}})) == "Twice a day, every day");
  CHECK(catalogue::schedule_words(with(Schedule{.times_a_day = 1, .days_a_week = 3, .times = {}})) == "3 days a week");
  CHECK(catalogue::schedule_words(with(Schedule{.times_a_day = 1, .days_a_week = 1, .times = {}})) == "1 day a week");
  CHECK(catalogue::schedule_words(with(Schedule{.times_a_day = 4, .days_a_week = 5, .times = {}})) == "4 times a day, 5 days a week");
  CHECK(catalogue::schedule_words(with(Schedule{.times_a_day = 2, .days_a_week = 7, .times = {450, 1140}})) ==
        "Twice a day, every day, at 07:30 and 19:00");
  CHECK(catalogue::schedule_words(with(Schedule{.times_a_day = 3, .days_a_week = 7, .times = {480, 780, 1080}})) ==
        "3 times a day, every day, at 08:00, 13:00 and 18:00");
  CHECK(catalogue::schedule_words(with(std::nullopt, catalogue::Frequency::twice_a_day_while_in_pain)) ==
        "Twice a day while you are in pain");
  catalogue::Routine noted = with(Schedule{.times_a_day = 1, .days_a_week = 7, .times = {}});
  noted.frequency_note = "after a walk";
  CHECK(catalogue::frequency_sentence(noted) == "Every day: after a walk");
}

TEST_CASE("schedule: days of the week spread through it, and reminder times through a waking day") {
  CHECK(catalogue::weekdays(1) == std::vector<int>{0});
  CHECK(catalogue::weekdays(2) == std::vector<int>{0, 3});
  CHECK(catalogue::weekdays(3) == std::vector<int>{0, 2, 4});
  CHECK(catalogue::weekdays(5) == std::vector<int>{0, 1, 2, 3, 4});
  CHECK(catalogue::weekdays(7).size() == 7);
  for (int days = 1; days <= 7; ++days) CHECK(catalogue::weekdays(days).size() == static_cast<std::size_t>(days));
  CHECK(catalogue::reminder_times(Schedule{.times_a_day = 1, .days_a_week = 7, .times = {}}) == std::vector<int>{1080});
  CHECK(catalogue::reminder_times(Schedule{.times_a_day = 2, .days_a_week = 7, .times = {}}) == std::vector<int>{480, 1080});
  CHECK(catalogue::reminder_times(Schedule{.times_a_day = 4, .days_a_week = 7, .times = {}}) == std::vector<int>{480, 720, 960, 1200});
  CHECK(catalogue::reminder_times(Schedule{.times_a_day = 2, .days_a_week = 7, .times = {450, 1140}}) == std::vector<int>{450, 1140});
}

TEST_CASE("schedule: a good one has no problems") {
  CHECK(problems_of({.times_a_day = 2, .days_a_week = 7, .times = {450, 1140}}).empty());
  CHECK(problems_of({.times_a_day = 4, .days_a_week = 1, .times = {}}).empty());
}

TEST_CASE("schedule refused: each invalid case on its own, at its place") {
  CHECK(problems_of({.times_a_day = 0, .days_a_week = 7, .times = {}}) ==
        std::vector<std::string>{"routines[0].schedule.times_a_day: is 0; a routine is done 1 to 4 times a day"});
  CHECK(problems_of({.times_a_day = 5, .days_a_week = 7, .times = {}}) ==
        std::vector<std::string>{"routines[0].schedule.times_a_day: is 5; a routine is done 1 to 4 times a day"});
  CHECK(problems_of({.times_a_day = 1, .days_a_week = 0, .times = {}}) ==
        std::vector<std::string>{"routines[0].schedule.days_a_week: is 0; a week has 1 to 7 days to do it on"});
  CHECK(problems_of({.times_a_day = 1, .days_a_week = 8, .times = {}}) ==
        std::vector<std::string>{"routines[0].schedule.days_a_week: is 8; a week has 1 to 7 days to do it on"});
  CHECK(problems_of({.times_a_day = 2, .days_a_week = 7, .times = {480}}) ==
        std::vector<std::string>{"routines[0].schedule.times: gives 1 times of day for a routine done 2 times a day"});
  CHECK(problems_of({.times_a_day = 1, .days_a_week = 7, .times = {-15}}) ==
        std::vector<std::string>{"routines[0].schedule.times[0]: is -15 minutes after midnight; a time of day is from 0 to 1439"});
  CHECK(problems_of({.times_a_day = 1, .days_a_week = 7, .times = {1440}}) ==
        std::vector<std::string>{"routines[0].schedule.times[0]: is 1440 minutes after midnight; a time of day is from 0 to 1439"});
  CHECK(problems_of({.times_a_day = 1, .days_a_week = 7, .times = {485}}) ==
        std::vector<std::string>{"routines[0].schedule.times[0]: 08:05 is not on a quarter hour"});
  CHECK(problems_of({.times_a_day = 2, .days_a_week = 7, .times = {1080, 480}}) ==
        std::vector<std::string>{"routines[0].schedule.times[1]: 08:00 comes no later than the time before it; set times rise through the day"});
  CHECK(problems_of({.times_a_day = 2, .days_a_week = 7, .times = {480, 480}}) ==
        std::vector<std::string>{"routines[0].schedule.times[1]: 08:00 comes no later than the time before it; set times rise through the day"});
}

TEST_CASE("calendar day: ISO dates read and written, real dates only, 2000 to 2099") {
  const auto day = catalogue::parse_day("2027-01-04");
  REQUIRE(day);
  CHECK(catalogue::iso_day(*day) == "2027-01-04");
  CHECK(catalogue::day_words(*day) == "4 Jan 2027");
  CHECK(catalogue::weekday(*day) == 0);  // a Monday
  CHECK(catalogue::parse_day("2028-02-29"));  // a leap year
  for (const char* bad : {"2027-02-29", "2027-06-31", "2027-13-01", "2027-00-10", "2027-01-00", "1999-12-31", "2100-01-01",
                          "2027-1-04", "2027/01/04", "27-01-04", "", "2027-01-04T00:00", "2O27-01-04"}) {
    INFO(bad);
    CHECK_FALSE(catalogue::parse_day(bad));
  }
  for (std::int64_t d = 10957; d < 10957 + 800; ++d) {  // 2000-01-01 onwards: there and back
    CHECK(catalogue::parse_day(catalogue::iso_day(d)) == d);
  }
}
