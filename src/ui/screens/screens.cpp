// The screen switch and the layout every screen shares. Index: draw_screen, tab bar,
// notice, confirmation, page layout, text helpers, cards.
#include "ui/screens/screens.h"

#include <imgui_internal.h>  // the page window's scroll before Begin: see begin_page

#include <algorithm>
#include <cfloat>
#include <cstdio>

#include "app/command.h"
#include "icons.h"
#include "storage/backup.h"
#include "ui/theme.h"
#include "ui/touch_scroll.h"

namespace limber::ui {

namespace {

ControlLog* g_report = nullptr;  // the frame's screen report, for the text helpers below
float g_page_indent = 0.0f;  // begin_page's centring, undone by end_page
bool g_tabs_shown = true;    // no tab bar inside a clinic's widget
bool g_in_card = false;
float g_scroll_request = 0.0f;  // scroll_page_by(), applied by the next page drawn
ImVec2 g_card_min;

void draw_tab_bar(ScreenContext& ctx) {
  const Theme& theme = current_theme();
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float height = Sizes::tab_bar_height;
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x, viewport->WorkPos.y + viewport->WorkSize.y - height));
  ImGui::SetNextWindowSize(ImVec2(viewport->WorkSize.x, height));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, theme.surface);
  ImGui::Begin("Tabs", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoScrollWithMouse);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  draw->AddLine(origin, ImVec2(origin.x + viewport->WorkSize.x, origin.y), ImGui::GetColorU32(theme.border), 1.0f);
  struct Tab { app::Screen screen; const char* id; const char* icon; const char* label; };
  static constexpr Tab kTabs[] = {{app::Screen::today, "tab-today", LIMBER_ICON_TODAY, "Today"},
                                  {app::Screen::routines, "tab-routines", LIMBER_ICON_LIST, "Routines"},
                                  {app::Screen::library, "tab-library", LIMBER_ICON_MENU_BOOK, "Library"},
                                  {app::Screen::progress, "tab-progress", LIMBER_ICON_SHOW_CHART, "Progress"},
                                  {app::Screen::settings, "tab-settings", LIMBER_ICON_SETTINGS, "Settings"}};
  const float each = viewport->WorkSize.x / 5.0f;
  const app::Screen current = ctx.app.nav().tab();
  ctx.controls.begin_group(app::NodeRole::navigation, "Screens");
  for (const Tab& tab : kTabs) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const bool selected = tab.screen == current;
    if (press_area(ctx.controls, {.id = tab.id, .label = tab.label, .size = ImVec2(each, height), .role = app::NodeRole::tab,
                                  .checked = selected ? app::Checked::yes : app::Checked::no})) {
      act(ctx, "navigate", app::screen_id(tab.screen));
    }
    const ImU32 ink = ImGui::GetColorU32(selected ? theme.primary : theme.text_muted);
    if (selected) {
      draw->AddRectFilled(ImVec2(at.x + each * 0.2f, at.y + 6.0f), ImVec2(at.x + each * 0.8f, at.y + 36.0f),
                          ImGui::GetColorU32(theme.secondary), 15.0f);
    }
    // The tab bar keeps its size at every text size, as a phone's does: its icons and words are
    // drawn at the normal size (the words are its controls' names too, read at any size).
    ImFont* icons = font(FontRole::heading);
    const float icon_size = FontSizes::heading;
    const ImVec2 icon = icons->CalcTextSizeA(icon_size, FLT_MAX, 0.0f, tab.icon);
    draw->AddText(icons, icon_size, ImVec2(at.x + (each - icon.x) * 0.5f, at.y + 5.0f), ink, tab.icon);
    ImFont* words = font(FontRole::small);
    const float word_size = FontSizes::small;
    const ImVec2 label = words->CalcTextSizeA(word_size, FLT_MAX, 0.0f, tab.label);
    draw->AddText(words, word_size, ImVec2(at.x + (each - label.x) * 0.5f, at.y + height - label.y - 8.0f), ink, tab.label);
    ImGui::SameLine();
  }
  ctx.controls.end_group();
  ImGui::End();
  ImGui::PopStyleColor();
  ImGui::PopStyleVar(2);
}

void draw_confirm(ScreenContext& ctx) {
  const app::Confirm what = ctx.app.confirm();
  if (what == app::Confirm::none) return;
  const Theme& theme = current_theme();
  const app::ConfirmWords words = app::confirm_words(what);
  const std::string question(words.question), detail(words.detail), yes(words.yes), no(words.no), save(words.save);
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float width = viewport->WorkSize.x - 32.0f < 480.0f ? viewport->WorkSize.x - 32.0f : 480.0f;
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f, viewport->WorkPos.y + viewport->WorkSize.y * 0.5f),
                          ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(width, 0));
  ImGui::SetNextWindowFocus();
  // The window paints nothing itself: a dimmed layer over everything else first, then the card,
  // both in its own draw list, so the question is not dimmed with the page (its contrast holds).
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0, 0, 0, 0));
  ImGui::PushStyleColor(ImGuiCol_Border, ImVec4(0, 0, 0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, Sizes::corner_radius);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
  ImGui::Begin("Confirm", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                       ImGuiWindowFlags_AlwaysAutoResize);
  {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->PushClipRectFullScreen();
    draw->AddRectFilled(viewport->WorkPos, ImVec2(viewport->WorkPos.x + viewport->WorkSize.x, viewport->WorkPos.y + viewport->WorkSize.y),
                        IM_COL32(0, 0, 0, 110));
    draw->PopClipRect();
    const ImVec2 card_min = ImGui::GetWindowPos();
    const ImVec2 card_max(card_min.x + ImGui::GetWindowSize().x, card_min.y + ImGui::GetWindowSize().y);
    draw->AddRectFilled(card_min, card_max, ImGui::GetColorU32(theme.surface), Sizes::corner_radius);
    draw->AddRect(card_min, card_max, ImGui::GetColorU32(theme.border), Sizes::corner_radius);
  }
  ImGui::PushItemWidth(width - 2 * Sizes::page_padding);
  ImGui::PushTextWrapPos(width - Sizes::page_padding);
  // A real modal dialog on the page: nothing else can be reached until it is answered.
  ctx.controls.begin_group(app::NodeRole::dialog, question);
  paragraph(FontRole::heading, theme.text, question.c_str());
  paragraph(FontRole::body, theme.text_muted, detail.c_str());
  gap(8);
  if (!save.empty()) {
    if (big_button(ctx.controls, {.id = "confirm-save", .label = save.c_str()})) act(ctx, "save_routine");
    gap(6);
  }
  ButtonRow row({{no.c_str()}, {yes.c_str()}});
  if (big_button(ctx.controls, {.id = "confirm-no", .label = no.c_str(), .kind = ButtonKind::secondary, .width = row.width()})) {
    act(ctx, "no");
  }
  row.next();
  if (big_button(ctx.controls, {.id = "confirm-yes", .label = yes.c_str(), .kind = ButtonKind::danger, .width = row.width()})) {
    act(ctx, "yes");
  }
  ctx.controls.end_group();
  ImGui::PopTextWrapPos();
  ImGui::PopItemWidth();
  ImGui::End();
  ImGui::PopStyleVar(2);
  ImGui::PopStyleColor(2);
}

void draw_notice(ScreenContext& ctx) {
  const app::Notice& notice = ctx.app.notice();
  if (notice.kind == app::NoticeKind::none) return;
  const Theme& theme = current_theme();
  begin_card();
  const bool problem = notice.kind == app::NoticeKind::problem;
  icon_paragraph(problem ? LIMBER_ICON_WARNING : LIMBER_ICON_INFO, notice.text.c_str(), nullptr,
                 problem ? &theme.caution : nullptr);
  const int buttons = notice.offer_export ? 2 : 1;
  const float w = split_width(buttons);
  if (notice.offer_export) {
    if (big_button(ctx.controls, {.id = "notice-export", .label = "Save a backup", .icon = LIMBER_ICON_FILE_DOWNLOAD,
                                  .kind = ButtonKind::primary, .width = w})) {
      act(ctx, "export", "backup");
    }
    ImGui::SameLine(0, 10.0f);
  }
  if (big_button(ctx.controls, {.id = "notice-dismiss", .label = "OK", .kind = ButtonKind::secondary, .width = w})) {
    act(ctx, "dismiss");
  }
  end_card();
  gap(8);
}

void draw_update_card(ScreenContext& ctx) {
  if (!ctx.app.update_ready() || ctx.app.session_open()) return;
  begin_card();
  icon_paragraph(LIMBER_ICON_FILE_DOWNLOAD,
                 ctx.app.update_applying() ? "Updating Limber…"
                                           : std::string(app::kUpdateReadyWords).c_str());
  if (!ctx.app.update_applying() &&
      big_button(ctx.controls, {.id = "apply-update", .label = "Update now", .icon = LIMBER_ICON_REPLAY})) {
    act(ctx, "apply_update");
  }
  end_card();
  gap(8);
}

}  // namespace

bool act(ScreenContext& ctx, std::string_view name, std::string_view arg, Refusal refusal) {
  // A tap or click only: a key or a screen reader's press (made on the page) is meant each time.
  if (ctx.guard && !ctx.controls.pressed_on_page() && !ctx.guard->admits(ctx.time)) return false;
  const app::View before = app::view_of(ctx.app);
  const app::CommandResult result = app::run_command(ctx.commands, name, arg);
  if (ctx.guard) ctx.guard->pressed(before, app::view_of(ctx.app), ctx.time);
  if (!result.ok && refusal == Refusal::notice) ctx.commands.show_problem(result.error);
  return result.ok;
}

void draw_screen(ScreenContext& ctx) {
  g_report = &ctx.controls;
  const app::Screen screen = ctx.app.nav().screen();
  static app::Screen last_screen = screen;
  if (screen != last_screen) touch_scroll_stop();  // a glide never carries over to another screen
  last_screen = screen;
  g_tabs_shown = !ctx.app.embedded();
  switch (screen) {
    case app::Screen::today: draw_today_screen(ctx); break;
    case app::Screen::routines: draw_routines_screen(ctx); break;
    case app::Screen::routine_editor: draw_routine_editor_screen(ctx); break;
    case app::Screen::library: draw_library_screen(ctx); break;
    case app::Screen::exercise: draw_exercise_screen(ctx); break;
    case app::Screen::player: draw_player_screen(ctx); break;
    case app::Screen::progress: draw_progress_screen(ctx); break;
    case app::Screen::settings: draw_settings_screen(ctx); break;
    case app::Screen::safety: draw_safety_screen(ctx); break;
    case app::Screen::gallery: draw_gallery_screen(ctx); break;
    case app::Screen::shared_routine: draw_shared_routine_screen(ctx); break;
  }
  if (screen != app::Screen::player && screen != app::Screen::gallery && g_tabs_shown) draw_tab_bar(ctx);
  draw_confirm(ctx);
  if (ctx.controls.wants_frame() || touch_scroll_gliding()) ctx.animating = true;
  g_report = nullptr;
}

void scroll_page_by(float dy) { g_scroll_request += dy; }

void begin_page(const char* name, float max_width, bool with_tabs, float reserve_bottom) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  const bool tabs = with_tabs && g_tabs_shown;
  ImGui::SetNextWindowSize(ImVec2(viewport->WorkSize.x, viewport->WorkSize.y - (tabs ? Sizes::tab_bar_height : 0.0f) - reserve_bottom));
  // A requested scroll lands in this frame, not the next (as SetScrollY would): the page's text
  // boxes are placed from this frame, and a box fitted twice from a stale place would overshoot.
  if (g_scroll_request != 0.0f) {
    const ImGuiWindow* window = ImGui::FindWindowByName(name);
    const float from = window ? window->Scroll.y : 0.0f;
    ImGui::SetNextWindowScroll(ImVec2(-1.0f, std::max(0.0f, from + g_scroll_request)));
    g_scroll_request = 0.0f;
  }
  // No background of its own: the frame is cleared to the page's colour (ui::clear_colour), and
  // a software renderer (SwiftShader, phones without a GPU driver) pays for every full-screen
  // layer it blends.
  constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                     ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoBackground;
  ImGui::Begin(name, nullptr, flags);

  touch_scroll_page(Sizes::drag_threshold);  // a drag moves the page, a flick glides on
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
  note_page_scroll();
  ImGui::End();
}

void page_title(ScreenContext& ctx, const char* title, bool back_button) {
  const Theme& theme = current_theme();
  if (back_button) {
    if (big_button(ctx.controls, {.id = "back", .label = "Back", .icon = LIMBER_ICON_ARROW_BACK,
                                  .kind = ButtonKind::secondary, .width = 130.0f, .height = Sizes::touch_target_min})) {
      act(ctx, "back");
    }
  }
  paragraph(FontRole::title, theme.text, title);  // the screen's first heading
  if (!back_button) {
    draw_notice(ctx);
    draw_update_card(ctx);
  }
}

void draw_notice_only(ScreenContext& ctx) { draw_notice(ctx); }

namespace {
void report_item(app::NodeRole role, const char* text, int level = 0) {
  if (g_report && text && *text) g_report->add_item(role, text, level);
}
}  // namespace

void paragraph(FontRole role, const ImVec4& colour, const char* text) {
  ImGui::PushFont(font(role));
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  ImGui::TextWrapped("%s", text);
  ImGui::PopStyleColor();
  ImGui::PopFont();
  // The type says what it is: a title is the screen's heading, a heading a section's.
  if (role == FontRole::title) report_item(app::NodeRole::heading, text, 1);
  else if (role == FontRole::heading) report_item(app::NodeRole::heading, text, 2);
  else report_item(app::NodeRole::text, text);
}

void title_line(FontRole role, const ImVec4& colour, const std::string& text) {
  ImGui::PushFont(font(role));
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
  ImGui::PopFont();
  report_item(app::NodeRole::heading, text.c_str(), 1);
}

void begin_list() {
  if (g_report) g_report->begin_group(app::NodeRole::list);
}
void end_list() {
  if (g_report) g_report->end_group();
}
void list_item(const std::string& text) {
  const Theme& theme = current_theme();
  ImGui::PushFont(font(FontRole::body));
  ImGui::PushStyleColor(ImGuiCol_Text, theme.text);
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
  ImGui::PopFont();
  report_item(app::NodeRole::list_item, text.c_str());
}

void paragraph(FontRole role, const ImVec4& colour, const std::string& text) { paragraph(role, colour, text.c_str()); }

void heading(const char* text) {
  gap(6);
  paragraph(FontRole::heading, current_theme().text, text);
}

void gap(float height) { ImGui::Dummy(ImVec2(0.0f, height > 0 ? height : Sizes::gap)); }

void icon_paragraph(const char* icon, const char* text, const char* note, const ImVec4* icon_colour) {
  const Theme& theme = current_theme();
  ImGui::PushFont(font(FontRole::body));
  ImGui::PushStyleColor(ImGuiCol_Text, icon_colour ? *icon_colour : theme.primary);
  ImGui::TextUnformatted(icon);
  ImGui::PopStyleColor();
  ImGui::SameLine(0.0f, 12.0f);
  ImGui::BeginGroup();
  ImGui::TextWrapped("%s", text);
  report_item(app::NodeRole::text, text);
  ImGui::PopFont();
  if (note) paragraph(FontRole::small, theme.text_muted, note);
  ImGui::EndGroup();
}

void begin_card() {
  IM_ASSERT(!g_in_card);
  g_in_card = true;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->ChannelsSplit(2);
  draw->ChannelsSetCurrent(1);
  g_card_min = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(0, 4));
  ImGui::Indent(16.0f);
  ImGui::PushItemWidth(ImGui::CalcItemWidth() - 32.0f);
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ImGui::CalcItemWidth());
  ImGui::BeginGroup();
}

void end_card() {
  ImGui::EndGroup();
  ImGui::PopTextWrapPos();
  ImGui::PopItemWidth();
  ImGui::Unindent(16.0f);
  ImGui::Dummy(ImVec2(0, 4));
  const Theme& theme = current_theme();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 max(g_card_min.x + ImGui::CalcItemWidth(), ImGui::GetCursorScreenPos().y - ImGui::GetStyle().ItemSpacing.y + 8.0f);
  draw->ChannelsSetCurrent(0);
  draw->AddRectFilled(g_card_min, max, ImGui::GetColorU32(theme.surface), Sizes::corner_radius);
  draw->AddRect(g_card_min, max, ImGui::GetColorU32(theme.border), Sizes::corner_radius);
  draw->ChannelsMerge();
  g_in_card = false;
  gap(4);
}

float split_width(int count, float spacing) {
  const float width = ImGui::CalcItemWidth();
  return (width - spacing * static_cast<float>(count - 1)) / static_cast<float>(count);
}

void Flow::next(float width) {
  if (first_) {
    first_ = false;
    start_ = ImGui::GetCursorPosX();
    return;
  }
  ImGui::SameLine(0, 8.0f);
  if (ImGui::GetCursorPosX() - start_ + width > ImGui::CalcItemWidth()) ImGui::NewLine();
}

std::string format_when(std::int64_t ms, int utc_offset_minutes) {
  // "21 Nov 2026, 09:30"
  return storage::format_local_date(ms, utc_offset_minutes) + ", " +
         storage::format_local_time(ms, utc_offset_minutes).substr(11, 5);
}

}  // namespace limber::ui
