// print/routine_sheet.h: a routine as a printed sheet, for a clinician to hand over on paper
// or for the person to keep (the browser's own print saves it as a PDF).
//
// One HTML <article>, made from the same data the app uses: the catalogue's words, the
// routine's dosage as a session paces it, and the figure's scene at the start and the held
// position of each exercise, drawn in greys for black-and-white printing (print/svg.h).
// Page one: the routine's name, how often and how long, the clinician's note, the
// exercises in order and the link with its QR code. Page two: staying safe (the pain rule,
// when to stop, when to see a GP, when to get help now). Then one page per exercise: its
// dosage, the two figures, start position, steps, tips, cautions and sources. The page's
// stylesheet (web/limber.css, "Printed sheet") breaks pages before each section marked
// `sheet-page`. Every text from a person or a link is escaped.
//
// Usage:
//     const std::string html = limber::print::routine_sheet({.catalogue = &c, .clips = &clips, .routine = &r,
//                                                            .note = "Twice a day for two weeks", .link = address});
#pragma once

#include <string>

#include "animation/clip.h"
#include "catalogue/dosage.h"
#include "catalogue/model.h"

namespace limber::print {

struct SheetDesc {
  const catalogue::Catalogue* catalogue = nullptr;
  const animation::ClipLibrary* clips = nullptr;  // null: no figures
  const catalogue::Routine* routine = nullptr;
  std::string note;              // the clinician's note ("" none)
  std::string link;              // the routine's whole address ("" cannot be sent: no code, says why)
  std::string link_problem;      // why there is no link, when there is none
  double seconds = 0;            // how long the routine takes (session/duration.h)
  catalogue::HoldPreference preference = catalogue::HoldPreference::source_default;
};

// The whole <article>; "" without a catalogue or a routine.
std::string routine_sheet(const SheetDesc& desc);

}  // namespace limber::print
