// ui/screens/screens.h: draws the screen the app names, and the page layout they share.
//
// Screens only draw and forward presses to app::App; every decision (what to save, where
// to go, what a session does next) is the core's. One file per screen. Screens read the app
// through a const reference; a press acts only through act(), which runs the command table
// (app/command.h) exactly as the page, the tests and a clinic's page do.
//
// Usage (between ImGui::NewFrame and ImGui::Render):
//     limber::ui::ScreenContext ctx{.app = app, .commands = app, .controls = log, .time = seconds};
//     limber::ui::draw_screen(ctx);
//     if (ctx.animating) keep drawing frames;
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "app/app.h"
#include "app/tap_guard.h"
#include "ui/controls.h"
#include "ui/fonts.h"

namespace limber::ui {

struct ScreenContext {
  const app::App& app;  // what to draw
  app::App& commands;   // what act() runs commands on; nothing else touches it
  ControlLog& controls;
  double time = 0;         // seconds since start, for the library's looping figures
  app::TapGuard* guard = nullptr;  // one press does one thing (app/tap_guard.h); null: every press acts
  int figures_drawn = 0;   // set by screens that draw the figure
  bool animating = false;  // set by screens that move: the next frame is needed
};

void draw_screen(ScreenContext& ctx);

// A press: runs the command, unless it is the second tap of a double tap (app/tap_guard.h).
// A refusal is said as a notice at the top of the screen, unless
// the screen shows that command's refusal itself (a save or a share, beside its button).
// True when the command was accepted.
enum class Refusal : std::uint8_t { notice, shown_in_place };
bool act(ScreenContext& ctx, std::string_view name, std::string_view arg = {}, Refusal refusal = Refusal::notice);

// ---- Shared layout (screens.cpp)
// One full-viewport window (above the tab bar on tab screens) with a centred column,
// readable on a 360 px phone and not stretched across a desktop. A vertical drag scrolls it.
// `reserve_bottom`: room left below the page for a bar of its own (the session's controls).
void begin_page(const char* name, float max_width = 0, bool with_tabs = true, float reserve_bottom = 0);  // 0: Sizes::column_max_width
// Scrolls the next page drawn by `dy` CSS pixels: a drag that began on one of the page's HTML
// text boxes, which the canvas never sees (web/page.js sends it as the shell's `scroll`).
void scroll_page_by(float dy);
void end_page();
// The screen's title, with a Back button before it when there is somewhere to go back to.
void page_title(ScreenContext& ctx, const char* title, bool back_button);
// The notice at the top of a screen (storage trouble, an import's result), if there is one.
void draw_notice_only(ScreenContext& ctx);
// Text, reported as what its type says: a title is a heading of level 1 (the screen's), a
// heading of level 2, anything else a paragraph.
void paragraph(FontRole role, const ImVec4& colour, const char* text);
void paragraph(FontRole role, const ImVec4& colour, const std::string& text);
void heading(const char* text);
// A line reported as the screen's heading whatever its type (the player's "Exercise 2 of 5: ...").
void title_line(FontRole role, const ImVec4& colour, const std::string& text);
// Items of a list (an exercise's steps), in body text; the list is one group in the report.
void begin_list();
void list_item(const std::string& text);
void end_list();
void gap(float height = 0);  // 0: Sizes::gap
// An icon in the primary colour beside wrapped body text, with an optional small note
// (a source, say) under the text.
void icon_paragraph(const char* icon, const char* text, const char* note = nullptr, const ImVec4* icon_colour = nullptr);
// A surface-coloured card around what is drawn between begin and end (not nested).
void begin_card();
void end_card();
// Buttons side by side: the width for `count` buttons sharing the column.
float split_width(int count, float spacing = 10.0f);
// Lays out chips left to right, wrapping within the column.
class Flow {
 public:
  void next(float width);  // call before each item
 private:
  float start_ = 0;
  bool first_ = true;
};
// "21 Nov 2026, 09:30" in the person's local time.
std::string format_when(std::int64_t ms, int utc_offset_minutes);

// "Stretch · On your back · in bed"
std::string exercise_facts(const catalogue::Exercise& e);

// ---- The screens
void draw_today_screen(ScreenContext& ctx);
void draw_routines_screen(ScreenContext& ctx);
void draw_routine_editor_screen(ScreenContext& ctx);
void draw_library_screen(ScreenContext& ctx);
void draw_exercise_screen(ScreenContext& ctx);
void draw_player_screen(ScreenContext& ctx);
void draw_progress_screen(ScreenContext& ctx);
void draw_settings_screen(ScreenContext& ctx);
void draw_safety_screen(ScreenContext& ctx);
void draw_gallery_screen(ScreenContext& ctx);
void draw_shared_routine_screen(ScreenContext& ctx);

}  // namespace limber::ui
