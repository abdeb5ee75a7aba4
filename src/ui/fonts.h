// ui/fonts.h: the embedded fonts, rasterised for the screen's real pixel density.
//
// ImGui works in CSS pixels; glyphs are rasterised at size x devicePixelRatio and drawn
// scaled back by 1/ratio, so text stays sharp on phones (ratio 2 or 3) and desktops (1).
// When the ratio changes (browser zoom, moving to another monitor) the atlas is rebuilt.
//
// Usage (outside NewFrame/Render):
//     if (limber::ui::fonts_need_rebuild(ratio)) {
//       limber::ui::build_fonts(ratio);
//       renderer.upload_font_atlas();   // main/webgl_renderer.h
//     }
//     ImGui::PushFont(limber::ui::font(limber::ui::FontRole::title));
#pragma once

#include <imgui.h>

namespace limber::ui {

enum class FontRole { body, small, heading, title };

// Sizes in CSS pixels; body text is large because many of our users are older.
struct FontSizes {
  static constexpr float body = 20.0f;
  static constexpr float small = 17.0f;
  static constexpr float heading = 27.0f;
  static constexpr float title = 44.0f;
};

// text_scale: the person's text size setting (1 to 1.6), applied to every role.
bool fonts_need_rebuild(float pixel_ratio, float text_scale = 1.0f);
void build_fonts(float pixel_ratio, float text_scale = 1.0f);
float fonts_text_scale();
// The ratio the current atlas was built for (0 before the first build).
float fonts_pixel_ratio();
ImFont* font(FontRole role);

}  // namespace limber::ui
