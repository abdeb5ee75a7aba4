#include "ui/theme.h"

#include <array>
#include <cstddef>
#include <utility>

#include <boost/pfr.hpp>

#include "app/palette.h"

namespace limber::ui {

namespace {

ImVec4 colour(app::Rgb c) {
  return ImVec4(static_cast<float>(c.r) / 255.0f, static_cast<float>(c.g) / 255.0f, static_cast<float>(c.b) / 255.0f, 1.0f);
}
void convert(ImVec4& out, app::Rgb in) { out = colour(in); }
template <std::size_t N>
void convert(std::array<ImVec4, N>& out, const std::array<app::Rgb, N>& in) {
  for (std::size_t i = 0; i < N; ++i) out[i] = colour(in[i]);
}

// The core's palette (app/palette.h, where the colours are chosen and their contrast is
// tested) as ImGui's colours: Theme has Palette's fields in Palette's order, copied by position.
Theme from_palette(const app::Palette& p) {
  static_assert(boost::pfr::names_as_array<Theme>() == boost::pfr::names_as_array<app::Palette>(),
                "Theme's fields are Palette's, by name and in order");
  Theme t{};
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    (convert(boost::pfr::get<I>(t), boost::pfr::get<I>(p)), ...);
  }(std::make_index_sequence<boost::pfr::tuple_size_v<Theme>>{});
  return t;
}

const Theme* g_current = nullptr;  // light until apply_theme()

}  // namespace

const Theme& light_theme() {
  static const Theme theme = from_palette(app::light_palette());
  return theme;
}
const Theme& dark_theme() {
  static const Theme theme = from_palette(app::dark_palette());
  return theme;
}
const Theme& high_contrast_theme() {
  static const Theme theme = from_palette(app::high_contrast_palette());
  return theme;
}
const Theme& theme_for(storage::Theme theme) {
  switch (theme) {
    case storage::Theme::light: break;
    case storage::Theme::dark: return dark_theme();
    case storage::Theme::high_contrast: return high_contrast_theme();
  }
  return light_theme();
}
const Theme& current_theme() { return g_current ? *g_current : light_theme(); }
ImVec4 clear_colour() { return current_theme().background; }

void apply_theme(const Theme& theme) {
  g_current = &theme;
  ImGuiStyle& style = ImGui::GetStyle();
  style = ImGuiStyle();
  style.WindowPadding = ImVec2(Sizes::page_padding, Sizes::page_padding);
  style.WindowBorderSize = 0.0f;
  style.WindowRounding = 0.0f;
  style.ChildRounding = Sizes::corner_radius;
  style.ChildBorderSize = 1.0f;
  style.FrameRounding = Sizes::corner_radius;
  style.FramePadding = ImVec2(18.0f, 12.0f);
  style.ItemSpacing = ImVec2(12.0f, 12.0f);
  style.ScrollbarSize = 12.0f;
  style.ScrollbarRounding = 6.0f;

  ImVec4* c = style.Colors;
  c[ImGuiCol_WindowBg] = theme.background;
  c[ImGuiCol_ChildBg] = theme.surface;
  c[ImGuiCol_Border] = theme.border;
  c[ImGuiCol_Text] = theme.text;
  c[ImGuiCol_TextDisabled] = theme.text_muted;
  c[ImGuiCol_Button] = theme.secondary;
  c[ImGuiCol_ButtonHovered] = theme.secondary_hover;
  c[ImGuiCol_ButtonActive] = theme.secondary_active;
  c[ImGuiCol_Separator] = theme.border;
  c[ImGuiCol_ScrollbarBg] = theme.background;
  c[ImGuiCol_ScrollbarGrab] = theme.secondary_hover;
  c[ImGuiCol_ScrollbarGrabHovered] = theme.secondary_active;
  c[ImGuiCol_ScrollbarGrabActive] = theme.primary;
  c[ImGuiCol_NavHighlight] = theme.primary;
  // High contrast outlines every card and control.
  style.ChildBorderSize = theme.border.x == 0.0f && theme.border.y == 0.0f ? 2.0f : 1.0f;
}

}  // namespace limber::ui
