// One press does one thing (app/tap_guard.h): after a press that changes what the screen is
// about, presses within kTapGuardSeconds are ignored; presses that leave the view alone are
// never held back; the guard lets go after its moment.
#include <doctest/doctest.h>

#include "app/tap_guard.h"
#include "app_fixtures.h"

using namespace limber;
using test::AppRig;

namespace {
// A person's press as ui::act makes it: through the guard, at `now` seconds.
bool press(AppRig& r, app::TapGuard& guard, double now, std::string_view name, std::string_view arg = {}) {
  if (!guard.admits(now)) return false;
  const app::View before = app::view_of(r.app);
  const bool ok = r.run(name, arg).ok;
  guard.pressed(before, app::view_of(r.app), now);
  return ok;
}
}  // namespace

TEST_CASE("tap guard: a double tap on Skip skips one exercise, and a tap after the moment skips the next") {
  AppRig r;
  REQUIRE(r.run("start", "gentle_bad_day").ok);
  REQUIRE(r.run("pain", "3").ok);
  app::TapGuard guard;
  const int first = r.app.player().engine().snapshot().exercise;
  CHECK(press(r, guard, 10.0, "skip"));
  CHECK(r.app.player().engine().snapshot().exercise == first + 1);
  CHECK_FALSE(press(r, guard, 10.12, "skip"));  // the second tap, 120 ms later
  CHECK(r.app.player().engine().snapshot().exercise == first + 1);
  CHECK_FALSE(press(r, guard, 10.0 + app::kTapGuardSeconds - 0.01, "skip"));
  CHECK(press(r, guard, 10.0 + app::kTapGuardSeconds, "skip"));
  CHECK(r.app.player().engine().snapshot().exercise == first + 2);
}

TEST_CASE("tap guard: presses that leave the view as it was are never held back") {
  AppRig r;
  app::TapGuard guard;
  CHECK(press(r, guard, 1.0, "navigate", "settings"));  // another screen: held back for a moment
  CHECK_FALSE(guard.admits(1.1));
  CHECK(guard.admits(1.0 + app::kTapGuardSeconds));
  // Toggles on the same screen, quickly one after another: every one counts.
  const bool sounds = r.app.data().settings.sounds;
  for (int i = 0; i < 4; ++i) {
    CHECK(press(r, guard, 2.0 + 0.1 * i, "setting", r.app.data().settings.sounds ? "sounds=off" : "sounds=on"));
    CHECK(r.app.data().settings.sounds == (i % 2 == 0 ? !sounds : sounds));  // each tap flipped it
  }
}

TEST_CASE("tap guard: opening a confirmation holds back the tap that would answer it") {
  AppRig r;
  REQUIRE(r.run("start", "gentle_bad_day").ok);
  REQUIRE(r.run("pain", "3").ok);
  app::TapGuard guard;
  CHECK(press(r, guard, 5.0, "end"));
  REQUIRE(r.app.confirm() != app::Confirm::none);
  CHECK_FALSE(press(r, guard, 5.15, "yes"));
  CHECK(r.app.confirm() != app::Confirm::none);  // still asking
  CHECK(press(r, guard, 6.0, "no"));
  CHECK(r.app.confirm() == app::Confirm::none);
}
