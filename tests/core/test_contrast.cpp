// WCAG 2.2 AA contrast of every colour pair the UI draws, in each theme, measured on the
// palettes the UI's theme is built from (app/palette.h; ui/theme.cpp only converts them).
//
// What is drawn on what (src/ui/controls.cpp, src/ui/screens/), and what it must reach:
//   text, 4.5:1 (1.4.3), in the body (20 px) and small (17 px) fonts:
//     text, text_muted, caution and primary on background (the page) and on surface (cards,
//     list rows, text boxes, the tab bar: unselected tab labels are text_muted on surface,
//     the selected one primary on surface); the labels of secondary buttons, segments and
//     hovered chips (text on secondary, secondary_hover, secondary_active); a hovered or
//     pressed list row's detail (text_muted on secondary, secondary_active); primary buttons,
//     selected chips and segments (on_primary on primary, primary_hover, primary_active);
//     danger buttons (on_primary on caution).
//   large text, 3:1 (1.4.3): the pain scale's scores, in the heading font (27 px, over
//     WCAG's 24 px), on fills from secondary (0) towards caution (10, 55% of the way).
//   controls and graphics, 3:1 (1.4.11): the focus ring (primary, 3 px outside the control,
//     so on background or surface); the outline of text boxes, secondary buttons, unselected
//     chips and segments and the off switch's track (border on background and surface; a
//     text box has no other edge, the page's HTML box over it is transparent); the on
//     switch's track (primary) and its knob (surface on primary); a selected chip (primary
//     on surface) and segment (primary beside secondary); the timer's arc on its track
//     (primary, or text_muted when paused, on secondary_active); icons: the selected tab's
//     (primary on its secondary pill), a pressed row's icon and chevron (primary and
//     text_muted on secondary_active); the week chart's bars (primary_hover on background).
//   The figure: its movement arrow on the figure's box, and the outline round every part of
//   the body (what tells a near limb from the far one behind it).
// Not measured: disabled buttons (faded on purpose; WCAG exempts inactive controls) and the
// figure's own fills against each other (an illustration of steps the page gives in words;
// near and far parts are told apart by shade and by the outline between them).
#include <doctest/doctest.h>

#include <iomanip>
#include <sstream>
#include <string>
#include <vector>

#include "animation/scene.h"
#include "app/palette.h"

namespace {

using limber::app::contrast_ratio;
using limber::app::Palette;
using limber::app::Rgb;
using limber::app::rgb;
using limber::animation::Paint;

constexpr double kText = 4.5;       // 1.4.3 Contrast (Minimum), normal text
constexpr double kLargeText = 3.0;  // 1.4.3, text of 24 CSS px and over
constexpr double kNonText = 3.0;    // 1.4.11 Non-text Contrast

struct Pair {
  std::string what;
  Rgb fg, bg;
  double minimum;
};

std::string hex(Rgb c) {
  std::ostringstream out;
  out << '#' << std::uppercase << std::hex << std::setfill('0') << std::setw(2) << int{c.r} << std::setw(2) << int{c.g}
      << std::setw(2) << int{c.b};
  return out.str();
}

bool meets(const Pair& p) { return contrast_ratio(p.fg, p.bg) >= p.minimum; }

std::string describe(const std::string& theme, const Pair& p) {
  std::ostringstream out;
  out << theme << ": " << p.what << " (" << hex(p.fg) << " on " << hex(p.bg) << "): " << std::fixed
      << std::setprecision(2) << contrast_ratio(p.fg, p.bg) << ":1, needs " << std::setprecision(1) << p.minimum << ":1";
  return out.str();
}

Rgb figure(const Palette& p, Paint paint) { return p.figure[static_cast<std::size_t>(paint)]; }

// Every pair the UI draws, from one palette (see the list at the top).
std::vector<Pair> drawn_pairs(const Palette& p) {
  std::vector<Pair> pairs = {
      {"text on background", p.text, p.background, kText},
      {"text on surface", p.text, p.surface, kText},
      {"text_muted on background", p.text_muted, p.background, kText},
      {"text_muted on surface (row details and unselected tab labels)", p.text_muted, p.surface, kText},
      {"caution text on background", p.caution, p.background, kText},
      {"caution text on surface", p.caution, p.surface, kText},
      {"primary text on background", p.primary, p.background, kText},
      {"primary text on surface (selected tab label)", p.primary, p.surface, kText},
      {"secondary button label (text on secondary)", p.text, p.secondary, kText},
      {"hovered secondary button label (text on secondary_hover)", p.text, p.secondary_hover, kText},
      {"pressed secondary button label (text on secondary_active)", p.text, p.secondary_active, kText},
      {"hovered row detail (text_muted on secondary)", p.text_muted, p.secondary, kText},
      {"pressed row detail (text_muted on secondary_active)", p.text_muted, p.secondary_active, kText},
      {"primary button label (on_primary on primary)", p.on_primary, p.primary, kText},
      {"hovered primary button label (on_primary on primary_hover)", p.on_primary, p.primary_hover, kText},
      {"pressed primary button label (on_primary on primary_active)", p.on_primary, p.primary_active, kText},
      {"danger button label (on_primary on caution)", p.on_primary, p.caution, kText},
      {"focus ring (primary) on background", p.primary, p.background, kNonText},
      {"focus ring (primary) on surface", p.primary, p.surface, kNonText},
      {"control outline (border) on background", p.border, p.background, kNonText},
      {"control outline (border) on surface", p.border, p.surface, kNonText},
      {"switch on: track (primary) on background", p.primary, p.background, kNonText},
      {"switch on: knob (surface) on track (primary)", p.surface, p.primary, kNonText},
      {"selected chip (primary) on surface", p.primary, p.surface, kNonText},
      {"selected segment (primary) beside unselected (secondary)", p.primary, p.secondary, kNonText},
      {"timer arc (primary) on its track (secondary_active)", p.primary, p.secondary_active, kNonText},
      {"paused timer arc (text_muted) on its track (secondary_active)", p.text_muted, p.secondary_active, kNonText},
      {"selected tab icon (primary) on its pill (secondary)", p.primary, p.secondary, kNonText},
      {"pressed row icon (primary) on secondary_active", p.primary, p.secondary_active, kNonText},
      {"pressed row chevron (text_muted) on secondary_active", p.text_muted, p.secondary_active, kNonText},
      {"week chart bar (primary_hover) on background", p.primary_hover, p.background, kNonText},
      {"the figure's movement arrow (cue) on its box (surface)", figure(p, Paint::cue), p.surface, kNonText},
  };
  // Each part of the body against the outline that separates it from the parts behind.
  for (const auto& [part, name] : {std::pair{Paint::body_near, "the trunk"}, std::pair{Paint::limb_near, "a near thigh or upper arm"},
                                    std::pair{Paint::limb_far, "a far thigh or upper arm"}, std::pair{Paint::skin_near, "a near shin, forearm, hand or foot"},
                                    std::pair{Paint::skin_far, "a far shin, forearm, hand or foot"}}) {
    pairs.push_back({std::string("figure outline round ") + name, p.figure_outline, figure(p, part), kNonText});
  }
  // The pain scale's fills, as controls.cpp blends them: from secondary towards caution.
  for (int score = 0; score <= 10; ++score) {
    const Rgb fill = limber::app::mix(p.secondary, p.caution, score / 10.0 * 0.55);
    pairs.push_back({"pain score " + std::to_string(score) + " (text on its fill)", p.text, fill, kLargeText});
  }
  return pairs;
}

void check_theme(const std::string& theme, const Palette& palette) {
  for (const Pair& pair : drawn_pairs(palette)) CHECK_MESSAGE(meets(pair), describe(theme, pair));
}

}  // namespace

TEST_CASE("contrast: luminance and ratio agree with WCAG's reference values") {
  CHECK(limber::app::relative_luminance(rgb(0x000000)) == doctest::Approx(0.0));
  CHECK(limber::app::relative_luminance(rgb(0xFFFFFF)) == doctest::Approx(1.0));
  CHECK(contrast_ratio(rgb(0x000000), rgb(0xFFFFFF)) == doctest::Approx(21.0));
  CHECK(contrast_ratio(rgb(0xFFFFFF), rgb(0x000000)) == doctest::Approx(21.0));  // either order
  CHECK(contrast_ratio(rgb(0x1E2A2F), rgb(0x1E2A2F)) == doctest::Approx(1.0));
  CHECK(contrast_ratio(rgb(0x777777), rgb(0xFFFFFF)) == doctest::Approx(4.48).epsilon(0.001));
  CHECK(contrast_ratio(rgb(0x767676), rgb(0xFFFFFF)) == doctest::Approx(4.54).epsilon(0.001));
  CHECK(contrast_ratio(rgb(0xFF0000), rgb(0xFFFFFF)) == doctest::Approx(4.00).epsilon(0.001));
}

TEST_CASE("contrast: a pair just under 4.5 to 1 is reported as failing") {
  // #777777 on white is the classic near miss (4.48:1); #767676 just passes (4.54:1).
  const Pair grey{"grey text on white", rgb(0x777777), rgb(0xFFFFFF), kText};
  CHECK_FALSE(meets(grey));
  CHECK(describe("example", grey) == "example: grey text on white (#777777 on #FFFFFF): 4.48:1, needs 4.5:1");
  CHECK(meets({"darker grey text on white", rgb(0x767676), rgb(0xFFFFFF), kText}));
  // The same grey is enough for large text and for a control's outline.
  CHECK(meets({"grey outline on white", rgb(0x777777), rgb(0xFFFFFF), kNonText}));
  CHECK_FALSE(meets({"pale outline on white", rgb(0xDDD6C8), rgb(0xFFFFFF), kNonText}));
}

TEST_CASE("contrast: mixing and alpha blending round as the GPU does") {
  CHECK(limber::app::mix(rgb(0x000000), rgb(0xFFFFFF), 0.5) == rgb(0x808080));
  CHECK(limber::app::mix(rgb(0x102030), rgb(0x405060), 0.0) == rgb(0x102030));
  CHECK(limber::app::mix(rgb(0x102030), rgb(0x405060), 1.0) == rgb(0x405060));
  CHECK(limber::app::over(rgb(0x000000), 110.0 / 255.0, rgb(0xFFFFFF)) == rgb(0x919191));
}

TEST_CASE("contrast: each theme has its own palette") {
  using limber::storage::Theme;
  CHECK(&limber::app::palette_for(Theme::light) == &limber::app::light_palette());
  CHECK(&limber::app::palette_for(Theme::dark) == &limber::app::dark_palette());
  CHECK(&limber::app::palette_for(Theme::high_contrast) == &limber::app::high_contrast_palette());
  CHECK(limber::app::light_palette().background != limber::app::dark_palette().background);
  CHECK(limber::app::high_contrast_palette().border == rgb(0x000000));  // ui/theme.cpp outlines more for it
}

TEST_CASE("contrast: light theme: every pair the UI draws meets WCAG 2.2 AA") {
  check_theme("light", limber::app::light_palette());
}

TEST_CASE("contrast: dark theme: every pair the UI draws meets WCAG 2.2 AA") {
  check_theme("dark", limber::app::dark_palette());
}

TEST_CASE("contrast: high contrast theme: every pair the UI draws meets WCAG 2.2 AA") {
  check_theme("high contrast", limber::app::high_contrast_palette());
}
