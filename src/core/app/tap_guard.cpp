#include "app/tap_guard.h"

namespace limber::app {

View view_of(const App& app) {
  const Player& player = app.player();
  const bool running = player.stage() != PlayerStage::closed;
  return {.screen = app.nav().screen(), .stage = player.stage(),
          .exercise = running ? player.engine().snapshot().exercise : -1, .confirm = app.confirm()};
}

}  // namespace limber::app
