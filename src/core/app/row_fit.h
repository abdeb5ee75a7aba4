// app/row_fit.h: how many controls share a row, from what their words need, so a label is
// never cut or shrunk to fit.
//
// At the largest text size on a 320 px phone, two buttons whose words cannot both show side
// by side stand one above the other, and the pain scale's numbers take as many rows as they
// need, the rows as even as they can be (4, 4, 3 rather than 5, 5, 1). The UI measures each
// control's least width (its words at the size they are drawn, its icon, its padding) and
// places them as this says.
//
// Usage:
//     const app::RowFit fit = app::fit_row({.width = avail, .spacing = 10, .needs = needs});
//     for (i...) { if (i % fit.columns != 0) SameLine(0, 10); button(width = fit.width); }
#pragma once

#include <span>

namespace limber::app {

struct RowFitDesc {
  float width = 0;               // the row's width
  float spacing = 0;             // between two controls
  std::span<const float> needs;  // each control's least width
  int most = 0;                  // at most this many to a row (0: all of them)
  bool even = false;             // spread the rows evenly (a scale), not fill each row first
};

struct RowFit {
  int columns = 1;
  float width = 0;  // each control's
};

RowFit fit_row(const RowFitDesc& desc);

}  // namespace limber::app
