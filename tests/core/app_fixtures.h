// Test helpers for the app: an App on the shipped catalogue with a fake clock.
#pragma once

#include <doctest/doctest.h>

#include "animation_fixtures.h"
#include "app/app.h"
#include "app/command.h"
#include "session_fixtures.h"

namespace limber::test {

struct AppRig {
  FakeClock clock;
  app::App app;
  explicit AppRig(bool load = true) {
    app.init(shipped_catalogue(), shipped_clips(), {.clock = clock.desc(), .utc_offset_minutes = 0});
    if (load) app.load_stored(std::nullopt, "");
  }
  app::CommandResult run(std::string_view name, std::string_view arg = {}) { return app::run_command(app, name, arg); }
  // Moves the clock and the app on in quarter seconds.
  void advance(double seconds) {
    for (double t = 0; t < seconds; t += 0.25) {
      clock.now += 0.25;
      app.update(0.25f);
    }
  }
  // Runs the session until the player leaves `stage`, or the time runs out.
  void run_while(app::PlayerStage stage, double limit_seconds = 7200) {
    for (double t = 0; t < limit_seconds && app.player().stage() == stage; t += 0.25) {
      clock.now += 0.25;
      app.update(0.25f);
    }
  }
  // Runs a whole session of `routine` with these pain scores, to the summary.
  void complete_session(std::string_view routine, int pain_before, int pain_after) {
    REQUIRE(app.start_routine(routine) == "");
    REQUIRE(app.answer_pain(pain_before));
    run_while(app::PlayerStage::running);
    REQUIRE(app.answer_pain(pain_after));
  }
  // Writes what is pending, as the browser glue would, and returns the stored text.
  std::string store(bool ok = true) {
    auto w = app.begin_write(clock.now, false);
    REQUIRE(w);
    app.write_finished(w->revision, ok, ok ? "" : "QuotaExceededError", clock.now);
    return w->text;
  }
};

}  // namespace limber::test
