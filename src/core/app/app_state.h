// app/app_state.h: the app's state as window.limber.state() reports it.
//
// Browser tests, the accessible HTML layer and (later) the clinic widget read this instead
// of pixels. The controls are the screen report's (app/screen_report.h): every control drawn
// in the last frame, with its role, state and rectangle in CSS pixels, so a test can click a
// control where a person would, through the real input path.
//
// Usage:
//     limber::app::AppSnapshot s{.ready = true, .frames_drawn = n, ...};  // the shell's part
//     const std::string text = limber::app::state_json(s, &app);          // plus the app's
//
// The JSON (stable; fields are only ever added):
//     { "app":"limber", "version":"0.1.0", "ready":true, "frames":12, "sleeping":true,
//       "viewport":{"width":390,"height":844,"pixelRatio":3,"framebufferWidth":1170,"framebufferHeight":2532},
//       "fontPixelRatio":3, "catalogue":{"exercises":24,"routines":4}, "clips":24, "figures":2,
//       "frameCpuMs":{"median":1.9,"gl":0.4,"samples":120},
//       "controls":[{"id":"start","label":"Start","role":"button","x":20,"y":600,"width":350,"height":64},
//                   {"id":"sounds","label":"Sounds","role":"setting_switch","checked":true,...}],
//       "screen":"today", "title":"Today", "canGoBack":false, "depth":1, "theme":"light",
//       "confirm":"none", "notice":{"kind":"none","text":""},
//       "storage":{"status":"saved","revision":3,"saved":3,"error":""},
//       "data":{"sessions":2,"routines":1,"interrupted":false,"sessionIds":["..."]},
//       "session":{"stage":"running","status":"running","phase":"hold","exercise":1,"exercises":4,
//                  "exerciseId":"knee_rolls","rep":2,"reps":8,"side":"left","text":"Hold",
//                  "finished":1,"remaining":212.5} }
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "app/layout.h"
#include "app/screen_report.h"

namespace limber::app {

class App;

// What the shell knows: frames, sizes, what was drawn.
struct AppSnapshot {
  bool ready = false;  // fonts built and the first frame drawn
  std::uint64_t frames_drawn = 0;
  bool sleeping = false;  // the loop is idle until the next input
  bool presses_held = false;  // a tap just changed the view: taps wait a moment (app/tap_guard.h)
  float page_scroll_y = 0, page_scroll_max = 0;  // the page drawn: scrolled to, and as far as it goes (CSS px)
  Viewport viewport;
  float font_pixel_ratio = 0;  // the density the font atlas was rasterised for
  int catalogue_exercises = 0;  // what the validated catalogue holds
  int catalogue_routines = 0;
  int clips = 0;                // exercise animations loaded
  int figures_drawn = 0;        // figures on the last frame drawn
  // What the last frame drawn handed to WebGL: vertices, indices and draw calls (ImGui's
  // draw commands), so the cost of drawing the figure can be measured.
  int frame_vertices = 0, frame_indices = 0, frame_draw_calls = 0;
  double frame_cpu_ms_median = 0;  // CPU time of recent frames, measured by the shell
  double frame_gl_ms_median = 0;   // of which spent handing the frame to WebGL
  int frame_cpu_samples = 0;
  std::uint64_t heap_bytes = 0;  // the WebAssembly memory's size (it grows, never shrinks)
  std::span<const ScreenNode> report;  // the last frame's (app/screen_report.h): its controls are listed
};

// `app` may be null (before start-up, in tests of the shell's part).
std::string state_json(const AppSnapshot& snapshot, const App* app);

}  // namespace limber::app
