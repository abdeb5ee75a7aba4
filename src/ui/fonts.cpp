#include "ui/fonts.h"

#include <array>
#include <cmath>

#include "fonts_embedded.h"

namespace limber::ui {

namespace {

std::array<ImFont*, 4> g_fonts{};
float g_built_ratio = 0.0f;
float g_built_scale = 1.0f;

// Browsers report ratios such as 1.25 or 2.625; quarter steps keep rebuilds rare.
float quantise(float pixel_ratio) {
  const float clamped = pixel_ratio < 1.0f ? 1.0f : (pixel_ratio > 4.0f ? 4.0f : pixel_ratio);
  return std::ceil(clamped * 4.0f) / 4.0f;
}

ImFont* add_text_font(const unsigned char* data, unsigned int size, float css_px, float ratio, bool with_icons) {
  ImGuiIO& io = ImGui::GetIO();
  ImFontConfig cfg;
  cfg.FontDataOwnedByAtlas = false;  // the bytes are static, embedded in the wasm
  cfg.OversampleH = ratio < 1.5f ? 2 : 1;
  cfg.OversampleV = 1;
  cfg.PixelSnapH = true;
  // ImGui takes a non-const pointer but does not write when it does not own the data.
  ImFont* f = io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(data), static_cast<int>(size),
                                             css_px * ratio, &cfg,
                                             reinterpret_cast<const ImWchar*>(fonts::text_glyph_ranges));
  if (with_icons) {
    ImFontConfig icon_cfg = cfg;
    icon_cfg.MergeMode = true;
    icon_cfg.GlyphMinAdvanceX = css_px * ratio * 1.2f;  // icons line up in lists
    icon_cfg.GlyphOffset = ImVec2(0.0f, css_px * ratio * 0.18f);  // sit on the text's baseline
    io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(fonts::icons), static_cast<int>(fonts::icons_size),
                                   css_px * ratio * 1.15f, &icon_cfg,
                                   reinterpret_cast<const ImWchar*>(fonts::icon_glyph_ranges));
  }
  return f;
}

}  // namespace

bool fonts_need_rebuild(float pixel_ratio, float text_scale) {
  return quantise(pixel_ratio) != g_built_ratio || text_scale != g_built_scale;
}

void build_fonts(float pixel_ratio, float text_scale) {
  // Glyphs are rasterised at the scaled size, so larger text stays as sharp as the default.
  const float ratio = quantise(pixel_ratio) * text_scale;
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  g_fonts[static_cast<int>(FontRole::body)] =
      add_text_font(fonts::ui_regular, fonts::ui_regular_size, FontSizes::body, ratio, true);
  g_fonts[static_cast<int>(FontRole::small)] =
      add_text_font(fonts::ui_regular, fonts::ui_regular_size, FontSizes::small, ratio, true);
  g_fonts[static_cast<int>(FontRole::heading)] =
      add_text_font(fonts::ui_semibold, fonts::ui_semibold_size, FontSizes::heading, ratio, true);
  g_fonts[static_cast<int>(FontRole::title)] =
      // Titles are large already; growing them less keeps the atlas within every GPU's limits.
      add_text_font(fonts::ui_semibold, fonts::ui_semibold_size, FontSizes::title,
                    quantise(pixel_ratio) * (1.0f + (text_scale - 1.0f) * 0.4f), true);
  io.Fonts->Build();
  io.FontGlobalScale = 1.0f / quantise(pixel_ratio);
  io.FontDefault = g_fonts[static_cast<int>(FontRole::body)];
  g_built_ratio = quantise(pixel_ratio);
  g_built_scale = text_scale;
}

float fonts_pixel_ratio() { return g_built_ratio; }
float fonts_text_scale() { return g_built_scale; }

ImFont* font(FontRole role) { return g_fonts[static_cast<int>(role)]; }

}  // namespace limber::ui
