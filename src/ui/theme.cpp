#include "ui/theme.h"

namespace limber::ui {

namespace {

constexpr ImVec4 rgb(unsigned hex, float alpha = 1.0f) {
  return ImVec4(static_cast<float>((hex >> 16) & 0xFF) / 255.0f, static_cast<float>((hex >> 8) & 0xFF) / 255.0f,
                static_cast<float>(hex & 0xFF) / 255.0f, alpha);
}

// A calm, warm palette: off-white page, deep teal actions, text at over 7:1 contrast.
constexpr Theme kLight = {
    .background = rgb(0xF6F3EC),
    .surface = rgb(0xFFFFFF),
    .border = rgb(0xDDD6C8),
    .text = rgb(0x1E2A2F),
    .text_muted = rgb(0x4A585E),
    .primary = rgb(0x1F6F63),
    .primary_hover = rgb(0x235F56),
    .primary_active = rgb(0x184F47),
    .on_primary = rgb(0xFFFFFF),
    .secondary = rgb(0xE7E1D4),
    .secondary_hover = rgb(0xDCD4C4),
    .secondary_active = rgb(0xCFC6B3),
    .caution = rgb(0x8A4B08),
    // floor, mat, bed frame, mattress, pillow, towel, chair, body near/far, limb near/far,
    // skin near/far, face
    .figure = {rgb(0xE4DCCB), rgb(0xA9CFC4), rgb(0xB49A7A), rgb(0xEFE9DD), rgb(0xFFFFFF), rgb(0xE0A458),
               rgb(0xA07C58), rgb(0x2F6F8F), rgb(0x25566F), rgb(0x3B82A6), rgb(0x2A5F7A), rgb(0xE7B899),
               rgb(0xC99577), rgb(0xA8715A)},
    .figure_outline = rgb(0x1E2A2F),
};

// Dark: the same calm hues, dimmed, with light outlines so the figure still reads.
constexpr Theme kDark = {
    .background = rgb(0x14191C),
    .surface = rgb(0x1E2529),
    .border = rgb(0x39444A),
    .text = rgb(0xE8ECEA),
    .text_muted = rgb(0xAEB8B6),
    .primary = rgb(0x4FB3A2),
    .primary_hover = rgb(0x5FC2B1),
    .primary_active = rgb(0x3E9A8A),
    .on_primary = rgb(0x0E1A18),
    .secondary = rgb(0x2B3439),
    .secondary_hover = rgb(0x354046),
    .secondary_active = rgb(0x404C53),
    .caution = rgb(0xF0B36A),
    .figure = {rgb(0x2A3236), rgb(0x2F5049), rgb(0x5A4A3A), rgb(0x3A4044), rgb(0x596268), rgb(0xB07F40),
               rgb(0x6B5540), rgb(0x5FA3C4), rgb(0x3F7490), rgb(0x7BB8D6), rgb(0x4F86A2), rgb(0xE0B396),
               rgb(0xB48A70), rgb(0x8A5A46)},
    .figure_outline = rgb(0x0B0F11),
};

// High contrast: black on white, pure black actions, outlines everywhere (over 15:1).
constexpr Theme kHighContrast = {
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
    .figure = {rgb(0xD9D9D9), rgb(0x9FD3C7), rgb(0x8C6B4A), rgb(0xF2F2F2), rgb(0xFFFFFF), rgb(0xE08E1B),
               rgb(0x7A5530), rgb(0x0B4F7A), rgb(0x07324D), rgb(0x1670A8), rgb(0x0B4F7A), rgb(0xF0B48C),
               rgb(0xC98A62), rgb(0x7A4030)},
    .figure_outline = rgb(0x000000),
};

const Theme* g_current = &kLight;

}  // namespace

const Theme& light_theme() { return kLight; }
const Theme& dark_theme() { return kDark; }
const Theme& high_contrast_theme() { return kHighContrast; }
const Theme& theme_for(storage::Theme theme) {
  switch (theme) {
    case storage::Theme::light: break;
    case storage::Theme::dark: return kDark;
    case storage::Theme::high_contrast: return kHighContrast;
  }
  return kLight;
}
const Theme& current_theme() { return *g_current; }
ImVec4 clear_colour() { return g_current->background; }

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
