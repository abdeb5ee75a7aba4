#include "app/reminder.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "storage/backup.h"

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

std::string clock_time(int minutes) {
  char out[8];
  std::snprintf(out, sizeof out, "%02d:%02d", (minutes / 60) % 24, minutes % 60);
  return out;
}

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
  const int minutes = std::clamp(d.minutes, 0, 24 * 60 - 1);
  // Today at that time, or tomorrow once it has passed, in the person's time zone.
  const std::string now_local = ics_stamp(d.now_ms, d.utc_offset_minutes);
  const int now_minutes = std::stoi(now_local.substr(9, 2)) * 60 + std::stoi(now_local.substr(11, 2));
  const std::int64_t first_day_ms = d.now_ms + (now_minutes >= minutes ? 86'400'000 : 0);
  const std::string first_date = ics_stamp(first_day_ms, d.utc_offset_minutes).substr(0, 8);
  const int length = std::max(5, static_cast<int>(std::lround(d.seconds / 60.0)));

  std::string rule = "FREQ=DAILY";
  std::string when = "every day at " + clock_time(minutes);
  if (r.frequency == catalogue::Frequency::twice_a_day_while_in_pain) {
    const int second = (minutes + 10 * 60) % (24 * 60);
    const int first = std::min(minutes, second), later = std::max(minutes, second);
    rule += ";BYHOUR=" + std::to_string(first / 60) + "," + std::to_string(later / 60) + ";BYMINUTE=" + std::to_string(minutes % 60);
    when = "twice a day, at " + clock_time(first) + " and " + clock_time(later) + ", while your back hurts";
  } else if (r.frequency == catalogue::Frequency::when_needed) {
    when = "each day at " + clock_time(minutes) + ", to do when you need it";
  }
  std::string description = "Your Limber routine, " + when + ". " + catalogue::frequency_sentence(r) + ".";
  if (!d.note.empty()) description += "\n\nFrom your clinician: " + d.note;
  description += "\n\nOpen it in Limber: " + d.link;
  // One id per routine and time: importing the file again updates the event, not a second one.
  std::uint32_t hash = 2166136261u;  // FNV-1a of the link: the same on every device
  for (const char c : d.link) hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
  char uid[64];
  std::snprintf(uid, sizeof uid, "limber-%08x-%s@limber.invalid", hash, hhmm(minutes).c_str());

  std::string out;
  for (const std::string_view line : {"BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Limber//Routine reminder//EN",
                                      "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "BEGIN:VEVENT"}) {
    out += ics_line(line);
  }
  out += ics_line(std::string("UID:") + uid);
  out += ics_line("DTSTAMP:" + ics_stamp(d.now_ms, 0) + "Z");
  out += ics_line("DTSTART:" + first_date + "T" + hhmm(minutes) + "00");
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
  out += ics_line("END:VCALENDAR");
  return out;
}

}  // namespace limber::app
