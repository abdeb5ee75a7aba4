// Safety guidance shown before any exercise, in our own words, with its source named.
#include "icons.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"

namespace limber::ui {

namespace {

void guidance(const char* text, const char* source) {
  icon_paragraph(LIMBER_ICON_CHECK_CIRCLE, text, source);
  ImGui::Dummy(ImVec2(0.0f, 4.0f));
}

}  // namespace

void draw_before_you_start_screen(ScreenContext& ctx) {
  const Theme& theme = current_theme();
  begin_page("Before you start");

  if (big_button(ctx.controls, {.id = "back", .label = "Back", .icon = LIMBER_ICON_ARROW_BACK,
                                .kind = ButtonKind::secondary, .width = 150.0f})) {
    ctx.model.back();
  }
  ImGui::Dummy(ImVec2(0.0f, 4.0f));
  paragraph(FontRole::title, theme.text, "Before you start");

  guidance("Move slowly, and only as far as feels comfortable.", "NHS");
  guidance("While you exercise, your pain should never go above 5 out of 10.", "NHS");
  guidance("A little pain when you first start moving is common, and it does not mean you are doing harm.",
           "Bupa");
  guidance("Try to do the exercises every day. Pain usually starts to ease within 2 weeks and passes in "
           "about 4 to 6 weeks.",
           "NHS");

  ImGui::Dummy(ImVec2(0.0f, 4.0f));
  ImGui::PushStyleColor(ImGuiCol_Text, theme.caution);
  ImGui::PushFont(font(FontRole::heading));
  ImGui::TextUnformatted(LIMBER_ICON_LOCAL_HOSPITAL " See a GP if");
  ImGui::PopFont();
  ImGui::PopStyleColor();
  paragraph(FontRole::body, theme.text,
            "your pain has not improved within a few weeks, an exercise causes severe pain, or exercising "
            "brings new pain or makes your back pain worse. (NHS)");

  ImGui::Dummy(ImVec2(0.0f, Sizes::gap));
  paragraph(FontRole::small, theme.text_muted, "Guided exercise routines are coming in the next version of Limber.");

  end_page();
}

}  // namespace limber::ui
