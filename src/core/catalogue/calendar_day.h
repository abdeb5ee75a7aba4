// catalogue/calendar_day.h: calendar days as a routine names them ("2027-01-04"), and in words.
//
// A day is counted from 1970-01-01 (day 0) in the person's own time zone; routines store days
// as ISO 8601 dates (review_on, started_on), which read plainly in a backup file.
//
// Usage:
//     const auto day = limber::catalogue::parse_day("2027-01-04");   // nullopt: not a real date
//     limber::catalogue::iso_day(*day);     // "2027-01-04"
//     limber::catalogue::day_words(*day);   // "4 Jan 2027"
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace limber::catalogue {

struct CivilDate {
  int year = 1970;
  unsigned month = 1;  // 1 to 12
  unsigned day = 1;    // 1 to 31
};

// Howard Hinnant's algorithms: days since 1970-01-01 to a date, and back.
CivilDate civil_from_days(std::int64_t days);
std::int64_t days_from_civil(const CivilDate& date);

// "YYYY-MM-DD" for a real date from 2000 to 2099 (a routine's dates never leave them, and a link counts days from 2000 in two bytes).
std::optional<std::int64_t> parse_day(std::string_view iso);
std::optional<std::int64_t> parse_optional_day(const std::optional<std::string>& iso);  // nullopt: none, or not a date
std::string iso_day(std::int64_t days);
std::string day_words(std::int64_t days);  // "4 Jan 2027"
// 0 Monday ... 6 Sunday.
int weekday(std::int64_t days);
std::int64_t week_start(std::int64_t days);  // the Monday of the day's week

}  // namespace limber::catalogue
