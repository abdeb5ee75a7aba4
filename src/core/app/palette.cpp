#include "app/palette.h"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "animation/scene.h"

namespace limber::app {

namespace {

static_assert(std::tuple_size_v<decltype(Palette::figure)> == static_cast<std::size_t>(animation::Paint::ghost) + 1,
              "one figure colour for each animation::Paint");

// A calm, warm palette: off-white page, deep teal actions, text at over 7:1 contrast.
constexpr Palette kLight = {
    .background = rgb(0xF6F3EC),
    .surface = rgb(0xFFFFFF),
    .border = rgb(0x918C83),  // 3:1 on page and card: a text box or an off switch has no other edge
    .text = rgb(0x1E2A2F),
    .text_muted = rgb(0x48555B),  // 4.5:1 on secondary_active too (a pressed row's detail)
    .primary = rgb(0x1F6F63),
    .primary_hover = rgb(0x235F56),
    .primary_active = rgb(0x184F47),
    .on_primary = rgb(0xFFFFFF),
    .secondary = rgb(0xE7E1D4),
    .secondary_hover = rgb(0xDCD4C4),
    .secondary_active = rgb(0xCFC6B3),
    .caution = rgb(0x8A4B08),
    // floor, pillow held between the knees, bed frame, mattress, pillow, towel, chair, body near/far, limb near/far,
    // skin near/far, face, the worked area (drawn see-through), the arrow of the movement, the
    // position before under a still. The far side paler, so two legs read as two.
    .figure = {rgb(0xE4DCCB), rgb(0xF6F2EA), rgb(0xB49A7A), rgb(0xEFE9DD), rgb(0xFFFFFF), rgb(0xE0A458),
               rgb(0xA07C58), rgb(0x3A7FA0), rgb(0x25566F), rgb(0x4A94B8), rgb(0x8DBBD0), rgb(0xE7B899),
               rgb(0xF3D6C4), rgb(0xA8715A), rgb(0xF2C14E), rgb(0xB4530F), rgb(0xCFD8DC)},
    .figure_outline = rgb(0x1E2A2F),
};

// Dark: the same calm hues, dimmed, with light outlines so the figure still reads.
constexpr Palette kDark = {
    .background = rgb(0x14191C),
    .surface = rgb(0x1E2529),
    .border = rgb(0x5E707A),  // 3:1 on page and card, as in light
    .text = rgb(0xE8ECEA),
    .text_muted = rgb(0xB2BBB9),  // 4.5:1 on secondary_active too
    .primary = rgb(0x4FB3A2),
    .primary_hover = rgb(0x5FC2B1),
    .primary_active = rgb(0x3E9A8A),
    .on_primary = rgb(0x0E1A18),
    .secondary = rgb(0x2B3439),
    .secondary_hover = rgb(0x354046),
    .secondary_active = rgb(0x404C53),
    .caution = rgb(0xF0B36A),
    .figure = {rgb(0x2A3236), rgb(0x6B747A), rgb(0x5A4A3A), rgb(0x3A4044), rgb(0x596268), rgb(0xB07F40),
               rgb(0x6B5540), rgb(0x5FA3C4), rgb(0x3F7490), rgb(0x7BB8D6), rgb(0x4F86A2), rgb(0xE0B396),
               rgb(0xB48A70), rgb(0x8A5A46), rgb(0xF0C060), rgb(0xF0B36A), rgb(0x3A474E)},
    .figure_outline = rgb(0x0B0F11),
};

// High contrast: black on white, pure black actions, outlines everywhere (over 15:1).
constexpr Palette kHighContrast = {
    .background = rgb(0xFFFFFF),
    .surface = rgb(0xFFFFFF),
    .border = rgb(0x000000),
    .text = rgb(0x000000),
    .text_muted = rgb(0x1A1A1A),
    .primary = rgb(0x00332C),
    .primary_hover = rgb(0x00221D),
    .primary_active = rgb(0x000000),
    .on_primary = rgb(0xFFFFFF),
    .secondary = rgb(0xFFFFFF),
    .secondary_hover = rgb(0xEDEDED),
    .secondary_active = rgb(0xDADADA),
    .caution = rgb(0x6B2E00),
    .figure = {rgb(0xD9D9D9), rgb(0xFFFFFF), rgb(0x8C6B4A), rgb(0xF2F2F2), rgb(0xFFFFFF), rgb(0xE08E1B),
               rgb(0x7A5530), rgb(0x1670A8), rgb(0x07324D), rgb(0x2A86C4), rgb(0x1A6496), rgb(0xF0B48C),
               rgb(0xC98A62), rgb(0x7A4030), rgb(0xFFD400), rgb(0x000000), rgb(0xD0D0D0)},
    .figure_outline = rgb(0x000000),
};

// One sRGB channel, 0 to 255, as linear light (WCAG 2.x's formula, with the 0.04045
// threshold of the sRGB standard; WCAG's older 0.03928 gives the same result for 8 bits).
double linear(std::uint8_t channel) {
  const double c = channel / 255.0;
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

std::uint8_t channel(double value) {
  return static_cast<std::uint8_t>(std::lround(std::clamp(value, 0.0, 255.0)));
}

}  // namespace

const Palette& light_palette() { return kLight; }
const Palette& dark_palette() { return kDark; }
const Palette& high_contrast_palette() { return kHighContrast; }

const Palette& palette_for(storage::Theme theme) {
  switch (theme) {
    case storage::Theme::light: break;
    case storage::Theme::dark: return kDark;
    case storage::Theme::high_contrast: return kHighContrast;
  }
  return kLight;
}

double relative_luminance(Rgb c) { return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b); }

double contrast_ratio(Rgb a, Rgb b) {
  const double la = relative_luminance(a), lb = relative_luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

Rgb mix(Rgb from, Rgb to, double t) {
  const auto one = [t](std::uint8_t x, std::uint8_t y) { return channel(x + (y - x) * t); };
  return {one(from.r, to.r), one(from.g, to.g), one(from.b, to.b)};
}

Rgb over(Rgb top, double alpha, Rgb under) { return mix(under, top, alpha); }

}  // namespace limber::app
