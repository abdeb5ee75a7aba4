// main/app_shell.h: the running app: window, GL context, ImGui and one frame's work.
//
// main.cpp creates one AppShell and hands it to the browser's main loop. Each tick the
// shell reads input, moves the app (app::App) on, hands the page what the app asks of it
// (writes, cues, downloads, the screen's title, the wake lock), asks the frame pacer
// whether to draw, and draws the screen the app names.
//
// Usage:
//     static limber::AppShell shell;
//     if (!shell.start()) return 1;        // reports a clear error on the page itself
//     limber::browser::run_main_loop({.tick = &AppShell::tick_cb, .wake = &AppShell::wake_cb, .user = &shell});
#pragma once

#include <SDL.h>

#include <array>
#include <optional>
#include <vector>
#include <string>
#include <string_view>

#include "animation/clip.h"
#include "app/app.h"
#include "app/tap_guard.h"
#include "app/app_state.h"
#include "browser/page_services.h"
#include "catalogue/model.h"
#include "pacing/frame_pacer.h"
#include "ui/controls.h"
#include "main/webgl_renderer.h"

namespace limber {

class AppShell {
 public:
  bool start();
  void tick();
  // Inside a gesture: ticks until the input it brought is through (at most a few frames), so
  // a press completes now (browser/main_loop.h).
  void tick_in_gesture();
  void wake() { pacer_.wake(); }
  void page_hidden();
  void store_written(std::uint64_t revision, bool ok, const char* error, const char* conflict);

  std::string state_json() const;
  std::string command(std::string_view name, std::string_view arg);

  static void tick_cb(void* self) { static_cast<AppShell*>(self)->tick(); }
  static void wake_cb(void* self) { static_cast<AppShell*>(self)->wake(); }
  static void gesture_cb(void* self) { static_cast<AppShell*>(self)->tick_in_gesture(); }

 private:
  bool load_assets();
  void tick_once();
  void draw_frame();
  void apply_settings();
  void sync_page();
  void write_storage(bool urgent);
  double session_clock() const;
  static double monotonic_cb(void* self);
  static std::int64_t wall_cb(void* self);

  SDL_Window* window_ = nullptr;
  SDL_GLContext gl_ = nullptr;
  WebglRenderer renderer_;
  catalogue::Catalogue catalogue_;    // validated at start-up; the app does not start without it
  animation::ClipLibrary clips_;      // likewise
  app::App app_;
  std::optional<storage::Theme> applied_theme_;
  float applied_text_scale_ = 1.0f;
  int figures_drawn_ = 0;
  int frame_vertices_ = 0, frame_indices_ = 0, frame_draw_calls_ = 0;  // the last frame's, for state
  pacing::FramePacer pacer_{{}};
  ui::ControlLog controls_;
  app::TapGuard tap_guard_;  // one press does one thing (app/tap_guard.h)
  app::Viewport viewport_;
  bool ready_ = false;
  bool animating_ = false;
  double last_tick_ms_ = 0;
  double start_ms_ = 0;
  // The session clock: real time, or faster for tests and demonstrations (command clock_rate).
  double clock_rate_ = 1;
  double clock_anchor_real_ = 0, clock_anchor_session_ = 0;
  // What the page was last told, to tell it only about changes.
  browser::ScreenShown shown_;
  std::vector<app::TextFieldShown> fields_shown_;
  std::vector<app::ScreenNode> report_shown_;  // what the page's mirror holds
  bool ticking_ = false;  // inside tick(): a gesture's tick waits for the next one  // what the page last laid text boxes over
  bool wake_lock_ = false;
  // CPU time of recent frames (update and draw), for the automation state.
  std::array<float, 240> frame_ms_{};
  std::array<float, 240> gl_ms_{};  // of which handing the frame to WebGL (ImGui's GL backend)
  float last_gl_ms_ = 0;
  std::size_t frame_count_ = 0;
};

}  // namespace limber
