#include "ui/controls.h"

#include "ui/fonts.h"
#include "ui/theme.h"

namespace limber::ui {

bool big_button(ControlLog& log, const ButtonDesc& desc) {
  const Theme& theme = current_theme();
  const float width = desc.width > 0.0f ? desc.width : ImGui::CalcItemWidth();
  const ImVec2 size(width, Sizes::button_height);
  const ImVec2 pos = ImGui::GetCursorScreenPos();

  ImGui::PushID(desc.id);
  const bool pressed = ImGui::InvisibleButton("##button", size);
  const bool hovered = ImGui::IsItemHovered();
  const bool held = ImGui::IsItemActive();
  ImGui::PopID();

  const bool primary = desc.kind == ButtonKind::primary;
  const ImVec4 fill = primary ? (held ? theme.primary_active : hovered ? theme.primary_hover : theme.primary)
                              : (held ? theme.secondary_active : hovered ? theme.secondary_hover : theme.secondary);
  const ImVec4 ink = primary ? theme.on_primary : theme.text;

  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 max(pos.x + size.x, pos.y + size.y);
  draw->AddRectFilled(pos, max, ImGui::GetColorU32(fill), Sizes::corner_radius);
  if (ImGui::IsItemFocused() && ImGui::GetIO().NavVisible) {
    draw->AddRect(ImVec2(pos.x - 3, pos.y - 3), ImVec2(max.x + 3, max.y + 3), ImGui::GetColorU32(theme.primary),
                  Sizes::corner_radius + 3, 0, 3.0f);
  }

  ImGui::PushFont(font(FontRole::heading));
  const float gap = 10.0f;
  const ImVec2 label_size = ImGui::CalcTextSize(desc.label);
  const ImVec2 icon_size = desc.icon ? ImGui::CalcTextSize(desc.icon) : ImVec2(0, 0);
  const float content = label_size.x + (desc.icon ? icon_size.x + gap : 0.0f);
  float x = pos.x + (size.x - content) * 0.5f;
  const float y = pos.y + (size.y - label_size.y) * 0.5f;
  const ImU32 ink_u32 = ImGui::GetColorU32(ink);
  if (desc.icon) {
    draw->AddText(ImVec2(x, y), ink_u32, desc.icon);
    x += icon_size.x + gap;
  }
  draw->AddText(ImVec2(x, y), ink_u32, desc.label);
  ImGui::PopFont();

  log.record({.id = desc.id, .label = desc.label, .x = pos.x, .y = pos.y, .width = size.x, .height = size.y});
  return pressed;
}

}  // namespace limber::ui
