// main/app_shell.h: the running app: window, GL context, ImGui and one frame's work.
//
// main.cpp creates one AppShell and hands it to the browser's main loop. The shell reads
// input, asks the core's frame pacer whether to draw, draws the screen the core's model
// names, and answers window.limber through the browser glue.
//
// Usage:
//     static limber::AppShell shell;
//     if (!shell.start()) return 1;        // reports a clear error on the page itself
//     limber::browser::run_main_loop({.tick = &AppShell::tick_cb, .wake = &AppShell::wake_cb, .user = &shell});
#pragma once

#include <SDL.h>

#include <string>
#include <string_view>

#include "animation/clip.h"
#include "app/app_model.h"
#include "catalogue/model.h"
#include "app/app_state.h"
#include "pacing/frame_pacer.h"
#include "ui/controls.h"

namespace limber {

class AppShell {
 public:
  bool start();
  void tick();
  void wake() { pacer_.wake(); }

  std::string state_json() const;
  std::string command(std::string_view name, std::string_view arg);

  static void tick_cb(void* self) { static_cast<AppShell*>(self)->tick(); }
  static void wake_cb(void* self) { static_cast<AppShell*>(self)->wake(); }

 private:
  bool load_assets();
  void draw_frame();

  SDL_Window* window_ = nullptr;
  SDL_GLContext gl_ = nullptr;
  catalogue::Catalogue catalogue_;    // validated at start-up; the app does not start without it
  animation::ClipLibrary clips_;      // likewise
  app::ThemeChoice applied_theme_ = app::ThemeChoice::light;
  int figures_drawn_ = 0;
  app::AppModel model_;
  pacing::FramePacer pacer_{{}};
  ui::ControlLog controls_;
  app::Viewport viewport_;
  bool ready_ = false;
};

}  // namespace limber
