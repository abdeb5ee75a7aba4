// A routine as calendar reminders (app/reminder.h): every line a calendar needs, an event for each
// time of day in the person's time zone, the schedule as a rule ending at the review date, text
// escaped and lines folded.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "app/reminder.h"
#include "app_fixtures.h"
#include "catalogue/schedule.h"

using namespace limber;

namespace {

// The file's content lines, unfolded (RFC 5545 3.1), each without its CRLF.
std::vector<std::string> unfolded(const std::string& ics) {
  std::vector<std::string> lines;
  std::size_t at = 0;
  while (at < ics.size()) {
    const std::size_t end = ics.find("\r\n", at);
    REQUIRE(end != std::string::npos);  // every line ends in CRLF
    const std::string line = ics.substr(at, end - at);
    if (!line.empty() && line[0] == ' ') lines.back() += line.substr(1);
    else lines.push_back(line);
    at = end + 2;
  }
  return lines;
}

std::string field(const std::vector<std::string>& lines, const std::string& name) {
  for (const std::string& l : lines) {
    if (l.starts_with(name + ":")) return l.substr(name.size() + 1);
  }
  return "(none)";
}

// Every value of a field, in order (one per event).
std::vector<std::string> fields(const std::vector<std::string>& lines, const std::string& name) {
  std::vector<std::string> out;
  for (const std::string& l : lines) {
    if (l.starts_with(name + ":")) out.push_back(l.substr(name.size() + 1));
  }
  return out;
}

// A routine of the clinician's: the NHS routine with a schedule.
catalogue::Routine scheduled(catalogue::Schedule schedule) {
  catalogue::Routine r = *test::shipped_catalogue().find_routine("nhs_daily");
  r.id = "my-1";
  r.schedule = std::move(schedule);
  return r;
}

// 3 December 2026, 09:30 UTC.
constexpr std::int64_t kNow = 1796290200000;

}  // namespace

TEST_CASE("reminder: a daily routine is one event every day at 18:00, starting today") {
  const catalogue::Routine& r = *test::shipped_catalogue().find_routine("nhs_daily");
  const std::string ics = app::reminder_ics({.routine = &r, .link = "https://limber.example/#routine=2.abc.defghi",
                                             .now_ms = kNow, .utc_offset_minutes = 0, .seconds = 795});
  const auto lines = unfolded(ics);
  CHECK(lines.front() == "BEGIN:VCALENDAR");
  CHECK(lines.back() == "END:VCALENDAR");
  CHECK(field(lines, "VERSION") == "2.0");
  CHECK(fields(lines, "DTSTART") == std::vector<std::string>{"20261203T180000"});
  CHECK(field(lines, "DTSTAMP") == "20261203T093000Z");
  CHECK(field(lines, "DURATION") == "PT13M");
  CHECK(field(lines, "RRULE") == "FREQ=DAILY");
  CHECK(field(lines, "SUMMARY") == "Limber: NHS daily exercises");
  CHECK(field(lines, "URL") == "https://limber.example/#routine=2.abc.defghi");
  CHECK(field(lines, "DESCRIPTION").find("Open it in Limber: https://limber.example/#routine=2.abc.defghi") != std::string::npos);
  CHECK(field(lines, "UID").ends_with("-1800@limber.invalid"));
  for (const std::string_view section : {"BEGIN:VEVENT", "END:VEVENT", "BEGIN:VALARM", "END:VALARM"}) {
    CHECK(std::find(lines.begin(), lines.end(), section) != lines.end());
  }
}

TEST_CASE("reminder: twice a day is two events, one for each time of day, each with its own id") {
  const catalogue::Routine r = scheduled({.times_a_day = 2, .days_a_week = 7, .times = {7 * 60 + 30, 18 * 60}});
  const auto lines = unfolded(app::reminder_ics({.routine = &r, .link = "x", .now_ms = kNow}));
  CHECK(std::count(lines.begin(), lines.end(), "BEGIN:VEVENT") == 2);
  // 07:30 has passed at 09:30: tomorrow; 18:00 is still to come today.
  CHECK(fields(lines, "DTSTART") == std::vector<std::string>{"20261204T073000", "20261203T180000"});
  CHECK(fields(lines, "RRULE") == std::vector<std::string>{"FREQ=DAILY", "FREQ=DAILY"});
  const auto uids = fields(lines, "UID");
  REQUIRE(uids.size() == 2);
  CHECK(uids[0] != uids[1]);
  CHECK(field(lines, "DESCRIPTION").find("Twice a day\\, every day\\, at 07:30 and 18:00") != std::string::npos);
  // Without set times, the times spread through a waking day.
  const catalogue::Routine any = scheduled({.times_a_day = 3, .days_a_week = 7, .times = {}});
  CHECK(fields(unfolded(app::reminder_ics({.routine = &any, .link = "x", .now_ms = kNow})), "DTSTART") ==
        std::vector<std::string>{"20261204T080000", "20261203T130000", "20261203T180000"});
  // The built-in "twice a day while in pain": 08:00 and 18:00.
  catalogue::Routine pain = *test::shipped_catalogue().find_routine("physio_mobility");
  CHECK(fields(unfolded(app::reminder_ics({.routine = &pain, .link = "x", .now_ms = kNow})), "DTSTART").size() == 2);
}

TEST_CASE("reminder: some days a week repeat weekly on those days, from the first of them") {
  // 3 December 2026 is a Thursday.
  const catalogue::Routine r = scheduled({.times_a_day = 1, .days_a_week = 3, .times = {}});
  const auto lines = unfolded(app::reminder_ics({.routine = &r, .link = "x", .now_ms = kNow}));
  CHECK(field(lines, "RRULE") == "FREQ=WEEKLY;BYDAY=MO,WE,FR");
  CHECK(field(lines, "DTSTART") == "20261204T180000");  // Friday, the first of them from today
  const catalogue::Routine weekdays = scheduled({.times_a_day = 1, .days_a_week = 5, .times = {17 * 60}});
  CHECK(field(unfolded(app::reminder_ics({.routine = &weekdays, .link = "x", .now_ms = kNow})), "RRULE") ==
        "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
}

TEST_CASE("reminder: every event ends on the review date") {
  catalogue::Routine r = scheduled({.times_a_day = 2, .days_a_week = 7, .times = {8 * 60, 18 * 60}});
  r.review_on = "2026-12-31";
  const auto lines = unfolded(app::reminder_ics({.routine = &r, .link = "x", .now_ms = kNow}));
  CHECK(fields(lines, "RRULE") == std::vector<std::string>{"FREQ=DAILY;UNTIL=20261231T235959", "FREQ=DAILY;UNTIL=20261231T235959"});
  CHECK(field(lines, "DESCRIPTION").find("until your review on 31 Dec 2026") != std::string::npos);
}

TEST_CASE("reminder: the first day is in the person's time zone, and tomorrow once the time has passed") {
  const auto start = [&](int minutes, int offset) {
    const catalogue::Routine r = scheduled({.times_a_day = 1, .days_a_week = 7, .times = {minutes}});
    return field(unfolded(app::reminder_ics({.routine = &r, .link = "x", .now_ms = kNow, .utc_offset_minutes = offset})), "DTSTART");
  };
  CHECK(start(9 * 60, 0) == "20261204T090000");        // 09:00 has passed at 09:30: tomorrow
  CHECK(start(10 * 60, 0) == "20261203T100000");       // 10:00 is still to come
  CHECK(start(10 * 60, 60) == "20261204T100000");      // 10:30 in Paris: 10:00 has passed
  CHECK(start(7 * 60, -8 * 60) == "20261203T070000");  // 01:30 in California: 07:00 today
  CHECK(start(8 * 60, 14 * 60 + 30) == "20261204T080000");  // 00:00 on the 4th east of the date line
}

TEST_CASE("reminder: a routine done when needed is one daily reminder that says so") {
  const catalogue::Routine& r = *test::shipped_catalogue().find_routine("gentle_bad_day");
  const auto lines = unfolded(app::reminder_ics({.routine = &r, .link = "x", .now_ms = kNow}));
  CHECK(fields(lines, "DTSTART") == std::vector<std::string>{"20261203T180000"});
  CHECK(field(lines, "DESCRIPTION").find("to do when you need it") != std::string::npos);
}

TEST_CASE("reminder: names and notes are escaped, and long lines folded without splitting a character") {
  catalogue::Routine r = scheduled({.times_a_day = 1, .days_a_week = 7, .times = {600}});
  r.name = "Mrs O'Neill; back, hips \\ knees";
  r.note = "Slowly.\nTwice if it helps \u2014 " + std::string(200, 'e');
  const std::string ics = app::reminder_ics({.routine = &r, .link = "https://limber.example/#routine=2." + std::string(300, 'A') + ".abcdef",
                                             .now_ms = kNow});
  std::size_t at = 0;
  while (at < ics.size()) {
    const std::size_t end = ics.find("\r\n", at);
    CHECK(end - at <= 75);  // octets, folded
    const std::string line = ics.substr(at, end - at);
    if (!line.empty()) CHECK((static_cast<unsigned char>(line[line[0] == ' ' ? 1 : 0]) & 0xC0) != 0x80);
    at = end + 2;
  }
  const auto lines = unfolded(ics);
  CHECK(field(lines, "SUMMARY") == "Limber: Mrs O'Neill\\; back\\, hips \\\\ knees");
  CHECK(field(lines, "DESCRIPTION").find("From your clinician: Slowly.\\nTwice if it helps \u2014 eee") != std::string::npos);
  CHECK(app::ics_text("a\r\nb") == "a\\nb");
}

TEST_CASE("reminder: without a routine there is no file") {
  CHECK(app::reminder_ics({}).empty());
  CHECK(catalogue::clock_time(18 * 60 + 5) == "18:05");
}
