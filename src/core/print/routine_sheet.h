// print/routine_sheet.h: a routine as a printed sheet, for a clinician to hand over on paper
// or for the person to keep (the browser's own print saves it as a PDF).
//
// One HTML <article>, made from the same data the app uses: the catalogue's words, the
// routine's dosage as a session paces it, and the figure's scene at the start and the held
// position of each exercise, drawn in greys for black-and-white printing (print/svg.h).
// Page one: the routine's name, how often (and until the review date) and how long, the
// clinician's note, clinic and phone, the exercises in order with exactly the amounts
// prescribed (catalogue/prescription.h) and each one's note, and the link with its QR code,
// drawn large enough for every module to be read from the paper. Page two: staying safe (the
// pain rule, when to stop, when to see a GP, when to get help now). Then one page per exercise:
// its amount (said to be the clinician's where it goes beyond what the source suggests), the
// clinician's note on it, the two figures, start position, steps, tips, cautions and sources. The page's
// stylesheet (web/limber.css, "Printed sheet") breaks pages before each section marked
// `sheet-page`. Every text from a person or a link is escaped.
//
// Usage:
//     const std::string html = limber::print::routine_sheet({.catalogue = &c, .clips = &clips, .routine = &r,
//                                                            .link = address});
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "animation/clip.h"
#include "catalogue/dosage.h"
#include "catalogue/model.h"

namespace limber::print {

struct SheetDesc {
  const catalogue::Catalogue* catalogue = nullptr;
  const animation::ClipLibrary* clips = nullptr;  // null: no figures
  const catalogue::Routine* routine = nullptr;  // the note, clinic and review date with it
  std::string link;              // the routine's whole address ("" cannot be sent: no code, says why)
  std::string link_problem;      // why there is no link, when there is none
  double seconds = 0;            // how long the routine takes (session/duration.h)
  catalogue::HoldPreference preference = catalogue::HoldPreference::source_default;  // built-in routines
  std::int64_t days_in = 0;      // an own routine's build-ups: how far along today
  std::optional<catalogue::FirstSide> side;  // the side that hurts, for the amounts' words (App::side_that_hurts)
};

// The printed width of a QR code, in millimetres: every module at least kQrModuleMm wide (read
// back from a 150 dpi print), at least kQrLeastMm, so a longer link gets a larger code, and at
// most kQrMostMm, inside the page's column. Even the largest code (177 modules and the quiet
// zone) keeps its modules above 0.8 mm there, well over the 0.5 mm a phone's camera needs.
inline constexpr double kQrModuleMm = 0.85;
inline constexpr double kQrLeastMm = 40;
inline constexpr double kQrMostMm = 150;
// The printed column: A4's 210 mm less the page's margins (web/limber.css: @page 10 mm).
inline constexpr double kSheetColumnMm = 210 - 2 * 10;
static_assert(kQrMostMm <= kSheetColumnMm);
double qr_print_mm(int modules);

// The whole <article>; "" without a catalogue or a routine.
std::string routine_sheet(const SheetDesc& desc);

}  // namespace limber::print
