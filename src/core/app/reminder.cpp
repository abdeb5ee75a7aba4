#include "app/reminder.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "catalogue/calendar_day.h"
#include "catalogue/schedule.h"
#include "storage/backup.h"
#include "storage/history.h"

namespace limber::app {

namespace {

// "2026-12-03 18:05" (format_local_time) -> "20261203T180500".
std::string ics_stamp(std::int64_t ms, int offset_minutes) {
  const std::string t = storage::format_local_time(ms, offset_minutes);
  if (t.size() < 16) return "19700101T000000";
  return t.substr(0, 4) + t.substr(5, 2) + t.substr(8, 2) + "T" + t.substr(11, 2) + t.substr(14, 2) + "00";
}

std::string hhmm(int minutes) {
  char out[8];
  std::snprintf(out, sizeof out, "%02d%02d", (minutes / 60) % 24, minutes % 60);
  return out;
}

}  // namespace

std::string ics_text(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      out += "\\n";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string ics_line(std::string_view line) {
  std::string out;
  std::size_t limit = 75;  // octets on the first line; 74 after the space that starts the others
  while (line.size() > limit) {
    std::size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    limit = 74;
  }
  out.append(line);
  out += "\r\n";
  return out;
}

std::string reminder_ics(const ReminderDesc& d) {
  if (!d.routine) return {};
  const catalogue::Routine& r = *d.routine;
  const std::optional<catalogue::Schedule> schedule = catalogue::schedule_of(r);
  const catalogue::Schedule plan = schedule.value_or(catalogue::Schedule{});
  const std::vector<int> days = catalogue::weekdays(plan.days_a_week);
  // The review's day, or -1 without one (a plain number: GCC's optimiser misreads an optional here).
  const std::int64_t review = r.review_on ? catalogue::parse_day(*r.review_on).value_or(-1) : -1;
  const std::int64_t today = storage::local_day(d.now_ms, d.utc_offset_minutes);
  const std::string now_local = ics_stamp(d.now_ms, d.utc_offset_minutes);
  const int now_minutes = std::stoi(now_local.substr(9, 2)) * 60 + std::stoi(now_local.substr(11, 2));
  const int length = std::max(5, static_cast<int>(std::lround(d.seconds / 60.0)));

  std::string when = schedule ? catalogue::schedule_words(r) : "to do when you need it";
  if (review >= 0) when += ", until your review on " + catalogue::day_words(review);
  std::string description = "Your Limber routine: " + when + ".";
  if (r.note) description += "\n\nFrom your clinician: " + *r.note;
  description += "\n\nOpen it in Limber: " + d.link;
  std::string rule = plan.days_a_week >= 7 ? "FREQ=DAILY" : "FREQ=WEEKLY;BYDAY=";
  if (plan.days_a_week < 7) {
    static constexpr const char* kDays[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
    for (std::size_t i = 0; i < days.size(); ++i) rule += std::string(i ? "," : "") + kDays[days[i]];
  }
  if (review >= 0) rule += ";UNTIL=" + catalogue::iso_day(review).erase(7, 1).erase(4, 1) + "T235959";
  // One id per routine and time: importing the file again updates the events, not a second set.
  std::uint32_t hash = 2166136261u;  // FNV-1a of the routine's identity, else its link: the same on every device
  for (const char c : r.uid ? *r.uid : d.link) hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;

  std::string out;
  for (const std::string_view line : {"BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Limber//Routine reminder//EN",
                                      "CALSCALE:GREGORIAN", "METHOD:PUBLISH"}) {
    out += ics_line(line);
  }
  for (const int at : schedule ? catalogue::reminder_times(plan) : std::vector<int>{18 * 60}) {
    const int minutes = std::clamp(at, 0, 24 * 60 - 1);
    // The first day it is due: from today (tomorrow once the time has passed), on one of its weekdays.
    std::int64_t first = today + (now_minutes >= minutes ? 1 : 0);
    while (std::find(days.begin(), days.end(), catalogue::weekday(first)) == days.end()) ++first;
    char uid[64];
    std::snprintf(uid, sizeof uid, "limber-%08x-%s@limber.invalid", hash, hhmm(minutes).c_str());
    out += ics_line("BEGIN:VEVENT");
    out += ics_line(std::string("UID:") + uid);
    out += ics_line("DTSTAMP:" + ics_stamp(d.now_ms, 0) + "Z");
    out += ics_line("DTSTART:" + catalogue::iso_day(first).erase(7, 1).erase(4, 1) + "T" + hhmm(minutes) + "00");
    out += ics_line("DURATION:PT" + std::to_string(length) + "M");
    out += ics_line("RRULE:" + rule);
    out += ics_line("SUMMARY:" + ics_text("Limber: " + r.name));
    out += ics_line("DESCRIPTION:" + ics_text(description));
    out += ics_line("URL:" + d.link);
    out += ics_line("BEGIN:VALARM");
    out += ics_line("ACTION:DISPLAY");
    out += ics_line("TRIGGER:PT0M");
    out += ics_line("DESCRIPTION:" + ics_text("Time for " + r.name));
    out += ics_line("END:VALARM");
    out += ics_line("END:VEVENT");
  }
  out += ics_line("END:VCALENDAR");
  return out;
}

}  // namespace limber::app
