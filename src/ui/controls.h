// ui/controls.h: Limber's large touch controls, and the log of what was drawn where.
//
// Every control records its id, label and rectangle in a ControlLog each frame; the app
// publishes the log through window.limber.state(), so tests (and later the accessible
// HTML layer) can find a control the way a person sees it.
//
// Usage:
//     log.begin_frame();
//     if (limber::ui::big_button(log, {.id = "start", .label = "Start", .icon = LIMBER_ICON_PLAY_ARROW}))
//       model.navigate(...);
#pragma once

#include <span>
#include <vector>

#include <imgui.h>

#include "app/app_state.h"

namespace limber::ui {

class ControlLog {
 public:
  ControlLog() { rects_.reserve(32); }
  void begin_frame() { rects_.clear(); }
  void record(const app::ControlRect& rect) { rects_.push_back(rect); }
  std::span<const app::ControlRect> controls() const { return rects_; }

 private:
  std::vector<app::ControlRect> rects_;
};

enum class ButtonKind { primary, secondary };

struct ButtonDesc {
  const char* id = nullptr;     // stable, used by tests and the automation state
  const char* label = nullptr;  // what the person reads
  const char* icon = nullptr;   // optional LIMBER_ICON_* literal
  ButtonKind kind = ButtonKind::primary;
  float width = 0.0f;           // 0: the page column's width
};

// A rounded button at least Sizes::button_height tall. True on the frame it is pressed.
bool big_button(ControlLog& log, const ButtonDesc& desc);

}  // namespace limber::ui
