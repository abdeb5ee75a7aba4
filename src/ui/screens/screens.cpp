#include "ui/screens/screens.h"

#include "ui/theme.h"

namespace limber::ui {

namespace {
float g_page_indent = 0.0f;  // begin_page's centring, undone by end_page
}

void draw_screen(ScreenContext& ctx) {
  switch (ctx.model.screen()) {
    case app::Screen::home: draw_home_screen(ctx); return;
    case app::Screen::before_you_start: draw_before_you_start_screen(ctx); return;
    case app::Screen::gallery: draw_gallery_screen(ctx); return;
  }
}

void begin_page(const char* name, float max_width) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::Begin(name, nullptr, flags & ~ImGuiWindowFlags_NoScrollbar);

  // Centre a column no wider than Sizes::column_max_width.
  const float avail = ImGui::GetContentRegionAvail().x;
  const float widest = max_width > 0 ? max_width : Sizes::column_max_width;
  const float column = avail < widest ? avail : widest;
  const float indent = (avail - column) * 0.5f;
  if (indent > 0.0f) ImGui::Indent(indent);
  ImGui::PushItemWidth(column);
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + column);
  g_page_indent = indent;
}

void end_page() {
  ImGui::PopTextWrapPos();
  ImGui::PopItemWidth();
  if (g_page_indent > 0.0f) ImGui::Unindent(g_page_indent);
  ImGui::Dummy(ImVec2(0.0f, Sizes::page_padding));
  ImGui::End();
}

void paragraph(FontRole role, const ImVec4& colour, const char* text) {
  ImGui::PushFont(font(role));
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  ImGui::TextWrapped("%s", text);
  ImGui::PopStyleColor();
  ImGui::PopFont();
}

void icon_paragraph(const char* icon, const char* text, const char* note) {
  const Theme& theme = current_theme();
  ImGui::PushFont(font(FontRole::body));
  ImGui::PushStyleColor(ImGuiCol_Text, theme.primary);
  ImGui::TextUnformatted(icon);
  ImGui::PopStyleColor();
  ImGui::SameLine(0.0f, 12.0f);
  ImGui::BeginGroup();
  ImGui::TextWrapped("%s", text);
  ImGui::PopFont();
  if (note) paragraph(FontRole::small, theme.text_muted, note);
  ImGui::EndGroup();
}

}  // namespace limber::ui
