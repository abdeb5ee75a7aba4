// app/palette.h: Limber's colours as plain data, one palette per theme, and the WCAG 2.x
// arithmetic to check them.
//
// The UI's theme (ui/theme.h) is built from these palettes, so they are the one place a
// colour is chosen; tests/core/test_contrast.cpp measures every pair the UI draws against
// WCAG 2.2 AA from here, without ImGui.
//
// Usage:
//     const limber::app::Palette& p = limber::app::palette_for(limber::storage::Theme::dark);
//     const double ratio = limber::app::contrast_ratio(p.text, p.surface);   // 1 to 21
//     const limber::app::Rgb fill = limber::app::mix(p.secondary, p.caution, 0.55);
#pragma once

#include <array>
#include <cstdint>

#include "storage/user_data.h"

namespace limber::app {

// An sRGB colour, 8 bits a channel, as CSS writes it (#RRGGBB).
struct Rgb {
  std::uint8_t r = 0, g = 0, b = 0;
  friend bool operator==(const Rgb&, const Rgb&) = default;
};

// 0xRRGGBB as an Rgb.
constexpr Rgb rgb(std::uint32_t hex) {
  return {static_cast<std::uint8_t>((hex >> 16) & 0xFF), static_cast<std::uint8_t>((hex >> 8) & 0xFF),
          static_cast<std::uint8_t>(hex & 0xFF)};
}

struct Palette {
  Rgb background;     // page
  Rgb surface;        // cards
  Rgb border;
  Rgb text;
  Rgb text_muted;
  Rgb primary;        // main action
  Rgb primary_hover;
  Rgb primary_active;
  Rgb on_primary;     // text on primary
  Rgb secondary;      // quiet buttons
  Rgb secondary_hover;
  Rgb secondary_active;
  Rgb caution;        // safety notes
  // The figure and its props, indexed by animation::Paint.
  std::array<Rgb, 17> figure;
  Rgb figure_outline;
};

const Palette& light_palette();
const Palette& dark_palette();
const Palette& high_contrast_palette();
const Palette& palette_for(storage::Theme theme);

// WCAG 2.x relative luminance: 0 for black to 1 for white.
double relative_luminance(Rgb c);
// WCAG 2.x contrast ratio, (L1 + 0.05) / (L2 + 0.05) with L1 the lighter: 1 to 21, in
// either order. AA asks 4.5 for text, 3 for large text and for controls and graphics.
double contrast_ratio(Rgb a, Rgb b);

// From `from` towards `to` by t (0 to 1), channel by channel in sRGB, rounded to 8 bits: as
// the GPU blends what the UI draws (the pain scale's fills are made this way).
Rgb mix(Rgb from, Rgb to, double t);
// `top` drawn with opacity alpha (0 to 1) over `under`.
Rgb over(Rgb top, double alpha, Rgb under);

}  // namespace limber::app
