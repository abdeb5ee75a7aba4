// app/app_state.h: the app's state as window.limber.state() reports it.
//
// Browser tests and (later) the clinic widget read this instead of pixels. The UI lists
// every control it drew this frame with its rectangle in CSS pixels, so a test can click
// a control where a person would, through the real input path.
//
// Usage:
//     limber::app::AppSnapshot s{ .ready = true, .screen = model.screen(), ... };
//     const std::string text = limber::app::state_json(s);
//
// The JSON (stable; fields are only ever added):
//     { "app":"limber", "version":"0.1.0", "ready":true, "screen":"home", "canGoBack":false,
//       "frames":12, "sleeping":true,
//       "viewport":{"width":390,"height":844,"pixelRatio":3,"framebufferWidth":1170,"framebufferHeight":2532},
//       "fontPixelRatio":3, "catalogue":{"exercises":24,"routines":4}, "clips":24, "figures":2,
//       "theme":"light",
//       "controls":[{"id":"start","label":"Start","x":20,"y":600,"width":350,"height":64}] }
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "app/app_model.h"

namespace limber::app {

// One clickable thing the UI drew, in CSS pixels from the canvas's top left corner. It owns
// its text: state() is read after the frame, when a label built for it is long gone.
struct ControlRect {
  std::string id;
  std::string label;
  float x = 0, y = 0, width = 0, height = 0;
};

struct Viewport {
  float css_width = 0, css_height = 0;
  float pixel_ratio = 1;
  int framebuffer_width = 0, framebuffer_height = 0;
};

struct AppSnapshot {
  bool ready = false;  // fonts built and the first frame drawn
  Screen screen = Screen::home;
  bool can_go_back = false;
  std::uint64_t frames_drawn = 0;
  bool sleeping = false;  // the loop is idle until the next input
  Viewport viewport;
  float font_pixel_ratio = 0;  // the density the font atlas was rasterised for
  int catalogue_exercises = 0;  // what the validated catalogue holds
  int catalogue_routines = 0;
  int clips = 0;                // exercise animations loaded
  int figures_drawn = 0;        // figures on the last frame drawn
  std::string_view theme = "light";
  std::span<const ControlRect> controls;
};

std::string state_json(const AppSnapshot& snapshot);

}  // namespace limber::app
