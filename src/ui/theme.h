// ui/theme.h: Limber's colours and sizes, applied to Dear ImGui's style.
//
// Sizes are CSS pixels: ImGui's coordinates are the canvas's CSS pixels and the font atlas
// is rasterised at the device pixel ratio (ui/fonts.h), so a 48 px button is 48 CSS px on
// every screen, comfortably above the 44 px touch target minimum.
//
// The colours are the core's palettes (app/palette.h), converted: they are chosen there, and
// tests/core/test_contrast.cpp checks their contrast.
//
// Usage:
//     limber::ui::apply_theme(limber::ui::light_theme());
//     ImGui::PushStyleColor(ImGuiCol_Text, limber::ui::current_theme().text_muted);
#pragma once

#include <imgui.h>

#include <array>
#include <string_view>

#include "storage/user_data.h"

namespace limber::ui {

// Palette's fields (app/palette.h), by name and in order (theme.cpp checks), as ImGui's colours.
struct Theme {
  ImVec4 background;     // page
  ImVec4 surface;        // cards
  ImVec4 border;
  ImVec4 text;
  ImVec4 text_muted;
  ImVec4 primary;        // main action
  ImVec4 primary_hover;
  ImVec4 primary_active;
  ImVec4 on_primary;     // text on primary
  ImVec4 secondary;      // quiet buttons
  ImVec4 secondary_hover;
  ImVec4 secondary_active;
  ImVec4 caution;        // safety notes
  // The figure and its props, indexed by animation::Paint.
  std::array<ImVec4, 17> figure;
  ImVec4 figure_outline;
};

struct Sizes {
  static constexpr float page_padding = 20.0f;
  static constexpr float column_max_width = 560.0f;
  static constexpr float button_height = 60.0f;
  static constexpr float touch_target_min = 48.0f;  // above the 44 CSS px minimum
  static constexpr float corner_radius = 14.0f;
  static constexpr float gap = 16.0f;
  static constexpr float tab_bar_height = 68.0f;
  static constexpr float drag_threshold = 10.0f;  // a touch that moves further scrolls, not presses
};

const Theme& light_theme();
const Theme& dark_theme();
const Theme& high_contrast_theme();
const Theme& theme_for(storage::Theme theme);
void apply_theme(const Theme& theme);
const Theme& current_theme();

// The theme's background as the 0..1 RGB the GL clear needs.
ImVec4 clear_colour();

}  // namespace limber::ui
