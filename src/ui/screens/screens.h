// ui/screens/screens.h: draws the screen the app model names, and the page layout they share.
//
// Usage (between ImGui::NewFrame and ImGui::Render):
//     limber::ui::ScreenContext ctx{.model = model, .controls = log};
//     limber::ui::draw_screen(ctx);
#pragma once

#include "animation/clip.h"
#include "app/app_model.h"
#include "catalogue/model.h"
#include "ui/controls.h"
#include "ui/fonts.h"

namespace limber::ui {

struct ScreenContext {
  app::AppModel& model;
  ControlLog& controls;
  const catalogue::Catalogue& catalogue;
  const animation::ClipLibrary& clips;
  int figures_drawn = 0;  // set by screens that draw the figure
};

void draw_screen(ScreenContext& ctx);

// Shared page layout: one full-viewport window with a centred column, readable on a
// 360 px phone and not stretched across a desktop.
void begin_page(const char* name, float max_width = 0);  // 0: Sizes::column_max_width
void end_page();
void paragraph(FontRole role, const ImVec4& colour, const char* text);
// An icon in the primary colour beside wrapped body text, with an optional small note
// (a source, say) under the text.
void icon_paragraph(const char* icon, const char* text, const char* note = nullptr);

// The screens, one file each.
void draw_home_screen(ScreenContext& ctx);
void draw_before_you_start_screen(ScreenContext& ctx);
void draw_gallery_screen(ScreenContext& ctx);

}  // namespace limber::ui
