#include "ui/theme.h"

namespace limber::ui {

namespace {

constexpr ImVec4 rgb(unsigned hex, float alpha = 1.0f) {
  return ImVec4(static_cast<float>((hex >> 16) & 0xFF) / 255.0f, static_cast<float>((hex >> 8) & 0xFF) / 255.0f,
                static_cast<float>(hex & 0xFF) / 255.0f, alpha);
}

// A calm, warm palette: off-white page, deep teal actions, text at over 7:1 contrast.
constexpr Theme kLight = {
    .id = "light",
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
};

const Theme* g_current = &kLight;

}  // namespace

const Theme& light_theme() { return kLight; }
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
}

}  // namespace limber::ui
