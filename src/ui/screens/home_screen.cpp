// The first screen: what Limber is, in a few lines, and one large way in.
#include "icons.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"

namespace limber::ui {

void draw_home_screen(ScreenContext& ctx) {
  const Theme& theme = current_theme();
  begin_page("Home");

  const float height = ImGui::GetContentRegionAvail().y;
  ImGui::Dummy(ImVec2(0.0f, height > 700.0f ? height * 0.08f : 4.0f));

  ImGui::PushFont(font(FontRole::title));
  ImGui::PushStyleColor(ImGuiCol_Text, theme.primary);
  ImGui::TextUnformatted(LIMBER_ICON_SELF_IMPROVEMENT);
  ImGui::PopStyleColor();
  ImGui::SameLine(0.0f, 10.0f);
  ImGui::TextUnformatted("Limber");
  ImGui::PopFont();

  paragraph(FontRole::heading, theme.text_muted,
            "Gentle stretches and mobility exercises for lower back pain, at home or in bed.");
  ImGui::Dummy(ImVec2(0.0f, Sizes::gap * 0.5f));

  icon_paragraph(LIMBER_ICON_HEALING,
               "Exercises recommended by the NHS, the British Heart Foundation and physiotherapists.");
  icon_paragraph(LIMBER_ICON_BED, "Many of them can be done lying in bed.");
  icon_paragraph(LIMBER_ICON_CHECK_CIRCLE, "Private: no account, and nothing you record leaves this device.");
  ImGui::Dummy(ImVec2(0.0f, Sizes::gap));

  if (big_button(ctx.controls, {.id = "start", .label = "Start", .icon = LIMBER_ICON_PLAY_ARROW})) {
    ctx.model.navigate(app::Screen::before_you_start);
  }
  ImGui::Dummy(ImVec2(0.0f, Sizes::gap * 0.5f));
  paragraph(FontRole::small, theme.text_muted,
            "Move gently. The NHS advises that your pain should never go above 5 out of 10 while you exercise.");

  end_page();
}

}  // namespace limber::ui
