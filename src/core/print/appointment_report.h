// print/appointment_report.h: a person's record for the next appointment, on one printable
// page (or saved as a PDF with the browser's own print). Nothing is sent: the person prints
// it, saves it, or shows it on their screen.
//
// For the last few weeks up to today (in the person's time zone), in whole weeks ending today:
// sessions done each week against the routine's frequency (every day: 7; twice a day while in
// pain: 14; when needed: no target); the average pain before and after each week, as a chart
// (SVG) and as a table; each exercise's completed, skipped and "this hurts" counts; and the
// routine as prescribed, with its link. The same print view and stylesheet as the routine
// sheet (print/routine_sheet.h).
//
// Usage:
//     const std::string html = limber::print::appointment_report({.catalogue = &c, .sessions = &all, .routine = current,
//                                                                 .link = address, .weeks = 4, .now_ms = now,
//                                                                 .utc_offset_minutes = 60});
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "catalogue/model.h"
#include "storage/user_data.h"

namespace limber::print {

// The periods a report covers, in weeks.
inline constexpr int kReportWeeks[] = {2, 4, 8, 12};

struct ReportDesc {
  const catalogue::Catalogue* catalogue = nullptr;
  const std::vector<storage::StoredSession>* sessions = nullptr;  // any order; outside the period ignored
  const catalogue::Routine* routine = nullptr;  // as prescribed (the routine on Today); null: none chosen
  std::string link;                             // its whole address ("" none)
  int weeks = 4;
  std::int64_t now_ms = 0;
  int utc_offset_minutes = 0;
};

// The whole <article>; "" without a catalogue or sessions.
std::string appointment_report(const ReportDesc& desc);

}  // namespace limber::print
