// app/reminder.h: a routine as repeating calendar events (an RFC 5545 .ics file), so any
// calendar app reminds the person when the routine is due. Nothing is sent anywhere: the page
// offers the file to save, and the calendar app imports it.
//
// One event for each time of day the routine is done (its set times, or times spread through a
// waking day: catalogue/schedule.h), each starting on the first day it is due from today (in
// the person's time zone; tomorrow once the time has passed), repeating every day or on the
// schedule's days of the week, and ending on the review date when there is one. A routine done
// when needed gets one daily event at 18:00 that says so. Times are floating local times (no time
// zone), so the reminders keep their hour when the person travels or the clocks change. Each
// description holds how often, the routine's note and its link, which opens it.
//
// Usage:
//     const std::string ics = limber::app::reminder_ics({.routine = &r, .link = address, .now_ms = now,
//                                                        .utc_offset_minutes = 60, .seconds = 600});
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "catalogue/model.h"

namespace limber::app {

struct ReminderDesc {
  const catalogue::Routine* routine = nullptr;
  std::string link;             // the routine's whole link address ("https://.../#routine=2....")
  std::int64_t now_ms = 0;      // now, for the first day and the file's stamp
  int utc_offset_minutes = 0;   // the person's time zone now
  double seconds = 0;           // how long the routine takes: each event's length
};

// The whole file, CRLF line endings, lines folded at 75 octets. "" without a routine.
std::string reminder_ics(const ReminderDesc& desc);

// RFC 5545 TEXT: backslash, semicolon, comma and line breaks escaped.
std::string ics_text(std::string_view text);
// One content line folded at 75 octets (never inside a UTF-8 character), with CRLF after each part.
std::string ics_line(std::string_view line);

}  // namespace limber::app
