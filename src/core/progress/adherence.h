// progress/adherence.h: sessions done against sessions prescribed.
//
// A routine's schedule (catalogue/schedule.h) asks for so many sessions a day on its weekdays,
// from the day it started to its review date. Each day counts the routine's sessions done up to
// what the day asks for, and any beyond that as extra, so a person who did what was asked reads
// "14 of 14" and one who did twice as much on some days is not shown as making up for days
// missed. Today reads the digest's recent sessions (a fixed cost); the report reads every session.
//
// Usage:
//     const int asked = limber::progress::asked_on(routine, day);
//     const auto week = limber::progress::count_days(sessions_by_day, routine, first, 7);
//     limber::progress::today_line(history, routine, today, offset);  // "1 of 2 today"
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "catalogue/model.h"
#include "storage/history.h"

namespace limber::progress {

// Sessions the routine asks for on a local day: its times a day on its weekdays, between the day
// it started (started_on, when set) and its review date (when set); 0 when done as needed.
int asked_on(const catalogue::Routine& routine, std::int64_t day);

struct Tally {
  int asked = 0;
  int done = 0;   // sessions done on days that asked for them, up to what each asked
  int extra = 0;  // sessions beyond what their day asked for
  bool operator==(const Tally&) const = default;
};
// `session_days`: the local day of each of the routine's sessions, in any order. The tally of
// `days` days from `first`.
Tally count_days(const std::vector<std::int64_t>& session_days, const catalogue::Routine& routine, std::int64_t first, int days);

// The local day of each of the routine's sessions, from sessions in any order.
std::vector<std::int64_t> session_days(const std::vector<storage::StoredSession>& sessions, std::string_view routine_id,
                                       int utc_offset_minutes);

// What Today says of the routine: "1 of 2 today", "Done today", "2 of 3 this week" (a routine done
// on some days of the week; this week is Monday to Sunday), or "" for one done as needed or past its
// review date.
std::string today_line(const storage::HistoryDigest& history, const catalogue::Routine& routine, std::int64_t today,
                       int utc_offset_minutes);

}  // namespace limber::progress
