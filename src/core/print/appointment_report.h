// print/appointment_report.h: a person's record for the next appointment, on one printable
// page (or saved as a PDF with the browser's own print). Nothing is sent: the person prints
// it, saves it, or shows it on their screen.
//
// For the last few weeks up to today (in the person's time zone), in whole weeks ending today:
// the routine's sessions done each week against the sessions its schedule asks for
// (progress/adherence.h), and in all; sessions of other routines beside them; the average pain
// before and after each week, as a chart (SVG) and as a table; each exercise of the routine as
// prescribed, where a build-up stands today, how often it was completed, skipped or stopped
// because it hurt, and what was done the last time; and the routine itself: how often, the
// review date, the clinic, the clinician's note and its link. The same print view and
// stylesheet as the routine sheet (print/routine_sheet.h).
//
// Usage:
//     const std::string html = limber::print::appointment_report({.catalogue = &c, .sessions = &all, .routine = current,
//                                                                 .link = address, .weeks = 4, .now_ms = now,
//                                                                 .utc_offset_minutes = 60});
#pragma once

#include <cstdint>
#include <optional>
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
  std::int64_t days_in = 0;                     // how far along its build-ups are today
  std::optional<catalogue::FirstSide> side;     // the side that hurts, for the amounts' words (App::side_that_hurts)
  int weeks = 4;
  std::int64_t now_ms = 0;
  int utc_offset_minutes = 0;
};

// The whole <article>; "" without a catalogue or sessions.
std::string appointment_report(const ReportDesc& desc);

}  // namespace limber::print
