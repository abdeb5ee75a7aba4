// app/reminder.h: a routine as a repeating calendar event (an RFC 5545 .ics file), so any
// calendar app reminds the person at a time they picked. Nothing is sent anywhere: the page
// offers the file to save, and the calendar app imports it.
//
// The event starts today (in the person's time zone) at the picked time, or tomorrow if that
// time has passed, and repeats at the routine's frequency: every day, or twice a day (the
// picked time and ten hours later, wrapped into the day) for a routine done twice a day while
// in pain, or every day with "when you need it" for one done when needed. Times are floating
// local times (no time zone), so the reminder keeps its hour when the person travels or the
// clocks change. The description holds the routine's note and its link, which opens it.
//
// Usage:
//     const std::string ics = limber::app::reminder_ics({.routine = &r, .link = address, .minutes = 18 * 60,
//                                                        .now_ms = now, .utc_offset_minutes = 60, .seconds = 600});
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "catalogue/model.h"

namespace limber::app {

// The times a reminder can be set to: whole quarter hours, 05:00 to 22:45.
inline constexpr int kReminderEarliest = 5 * 60;
inline constexpr int kReminderLatest = 22 * 60 + 45;
inline constexpr int kReminderStep = 15;

struct ReminderDesc {
  const catalogue::Routine* routine = nullptr;
  std::string link;             // the routine's whole link address ("https://.../#routine=1....")
  std::string note;             // the clinician's note, if any
  int minutes = 18 * 60;        // the time of day it reminds, minutes after local midnight
  std::int64_t now_ms = 0;      // now, for the first day and the file's stamp
  int utc_offset_minutes = 0;   // the person's time zone now
  double seconds = 0;           // how long the routine takes: the event's length
};

// The whole file, CRLF line endings, lines folded at 75 octets. "" without a routine.
std::string reminder_ics(const ReminderDesc& desc);

// RFC 5545 TEXT: backslash, semicolon, comma and line breaks escaped.
std::string ics_text(std::string_view text);
// One content line folded at 75 octets (never inside a UTF-8 character), with CRLF after each part.
std::string ics_line(std::string_view line);
// "18:00"
std::string clock_time(int minutes);

}  // namespace limber::app
