// A routine as a calendar reminder (app/reminder.h): every line a calendar needs, the time in
// the person's time zone, the frequency as a rule, text escaped and lines folded.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "app/reminder.h"
#include "app_fixtures.h"

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

// 3 December 2026, 09:30 UTC.
constexpr std::int64_t kNow = 1796290200000;

}  // namespace

TEST_CASE("reminder: a daily routine is one event every day at the picked time, starting today") {
  const catalogue::Routine& r = *test::shipped_catalogue().find_routine("nhs_daily");
  const std::string ics = app::reminder_ics({.routine = &r, .link = "https://limber.example/#routine=1.abc.defghi",
                                             .note = "", .minutes = 18 * 60, .now_ms = kNow, .utc_offset_minutes = 0, .seconds = 795});
  const auto lines = unfolded(ics);
  CHECK(lines.front() == "BEGIN:VCALENDAR");
  CHECK(lines.back() == "END:VCALENDAR");
  CHECK(field(lines, "VERSION") == "2.0");
  CHECK(field(lines, "DTSTART") == "20261203T180000");
  CHECK(field(lines, "DTSTAMP") == "20261203T093000Z");
  CHECK(field(lines, "DURATION") == "PT13M");
  CHECK(field(lines, "RRULE") == "FREQ=DAILY");
  CHECK(field(lines, "SUMMARY") == "Limber: NHS daily exercises");
  CHECK(field(lines, "URL") == "https://limber.example/#routine=1.abc.defghi");
  CHECK(field(lines, "DESCRIPTION").find("Open it in Limber: https://limber.example/#routine=1.abc.defghi") != std::string::npos);
  CHECK(field(lines, "UID").ends_with("-1800@limber.invalid"));
  for (const std::string_view section : {"BEGIN:VEVENT", "END:VEVENT", "BEGIN:VALARM", "END:VALARM"}) {
    CHECK(std::find(lines.begin(), lines.end(), section) != lines.end());
  }
}

TEST_CASE("reminder: the first day is in the person's time zone, and tomorrow once the time has passed") {
  const catalogue::Routine& r = *test::shipped_catalogue().find_routine("nhs_daily");
  const auto start = [&](int minutes, int offset) {
    return field(unfolded(app::reminder_ics({.routine = &r, .link = "x", .minutes = minutes, .now_ms = kNow,
                                             .utc_offset_minutes = offset})), "DTSTART");
  };
  CHECK(start(9 * 60, 0) == "20261204T090000");        // 09:00 has passed at 09:30: tomorrow
  CHECK(start(10 * 60, 0) == "20261203T100000");       // 10:00 is still to come
  CHECK(start(10 * 60, 60) == "20261204T100000");      // 10:30 in Paris: 10:00 has passed
  CHECK(start(7 * 60, -8 * 60) == "20261203T070000");  // 01:30 in California: 07:00 today
  CHECK(start(8 * 60, 14 * 60 + 30) == "20261204T080000");  // 00:00 on the 4th east of the date line
}

TEST_CASE("reminder: twice a day while in pain is the picked time and ten hours later") {
  catalogue::Routine r = *test::shipped_catalogue().find_routine("nhs_daily");
  r.frequency = catalogue::Frequency::twice_a_day_while_in_pain;
  const auto lines = unfolded(app::reminder_ics({.routine = &r, .link = "x", .minutes = 8 * 60 + 15, .now_ms = kNow}));
  CHECK(field(lines, "RRULE") == "FREQ=DAILY;BYHOUR=8,18;BYMINUTE=15");
  CHECK(field(lines, "DESCRIPTION").find("twice a day\\, at 08:15 and 18:15") != std::string::npos);
  const auto late = unfolded(app::reminder_ics({.routine = &r, .link = "x", .minutes = 20 * 60, .now_ms = kNow}));
  CHECK(field(late, "RRULE") == "FREQ=DAILY;BYHOUR=6,20;BYMINUTE=0");
}

TEST_CASE("reminder: names and notes are escaped, and long lines folded without splitting a character") {
  catalogue::Routine r = *test::shipped_catalogue().find_routine("nhs_daily");
  r.name = "Mrs O'Neill; back, hips \\ knees";
  const std::string note = "Slowly.\nTwice if it helps — ";
  const std::string ics = app::reminder_ics({.routine = &r, .link = "https://limber.example/#routine=1." + std::string(300, 'A') + ".abcdef",
                                             .note = note + std::string(200, 'e'), .minutes = 600, .now_ms = kNow});
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
  CHECK(field(lines, "DESCRIPTION").find("From your clinician: Slowly.\\nTwice if it helps — eee") != std::string::npos);
  CHECK(app::ics_text("a\r\nb") == "a\\nb");
}

TEST_CASE("reminder: without a routine there is no file") {
  CHECK(app::reminder_ics({}).empty());
  CHECK(app::clock_time(18 * 60 + 5) == "18:05");
}
