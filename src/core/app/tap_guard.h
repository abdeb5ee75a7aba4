// app/tap_guard.h: one press does one thing.
//
// A press that changes what the screen is about (another screen, another exercise, a question
// answered, a confirmation opened or closed) is followed by a moment in which the person's
// presses are ignored: without it a double tap, or a trembling second tap, acts on what the
// first one brought up (two taps on Skip 120 ms apart skipped two exercises). A press that
// leaves the view as it was (a stepper's +, a toggle, a chip) is never held back, so quick
// taps on + still count. Only a person's presses pass here (ui::act); the page's automation
// and a clinic's page run commands directly.
//
// Usage:
//     const app::View before = app::view_of(app);
//     if (!guard.admits(now_seconds)) return;           // the second tap of a double tap
//     run the press;
//     guard.pressed(before, app::view_of(app), now_seconds);
#pragma once

#include <cstdint>

#include "app/app.h"

namespace limber::app {

// What a screen is about, as far as a press can change it.
struct View {
  Screen screen = Screen::today;
  PlayerStage stage = PlayerStage::closed;
  int exercise = -1;  // the session's exercise, while one runs
  Confirm confirm = Confirm::none;
  bool operator==(const View&) const = default;
};
View view_of(const App& app);

// How long after a press that changed the view other presses are ignored: longer than a double
// tap's gap (about 100 to 300 ms), shorter than a deliberate next press on what appeared.
inline constexpr double kTapGuardSeconds = 0.4;

class TapGuard {
 public:
  bool admits(double now_seconds) const { return now_seconds >= until_; }
  void pressed(const View& before, const View& after, double now_seconds) {
    if (!(before == after)) until_ = now_seconds + kTapGuardSeconds;
  }

 private:
  double until_ = -1e9;
};

}  // namespace limber::app
