#include <doctest/doctest.h>

#include "app/app_model.h"

using limber::app::AppModel;
using limber::app::Screen;

TEST_CASE("app model: starts on home with nowhere to go back to") {
  AppModel m;
  CHECK(m.screen() == Screen::home);
  CHECK_FALSE(m.can_go_back());
  CHECK_FALSE(m.back());
  CHECK(m.screen() == Screen::home);
}

TEST_CASE("app model: navigate and back retrace the history") {
  AppModel m;
  m.navigate(Screen::before_you_start);
  CHECK(m.screen() == Screen::before_you_start);
  CHECK(m.can_go_back());
  CHECK(m.back());
  CHECK(m.screen() == Screen::home);
}

TEST_CASE("app model: navigating to the screen already shown adds no history") {
  AppModel m;
  m.navigate(Screen::before_you_start);
  m.navigate(Screen::before_you_start);
  CHECK(m.back());
  CHECK_FALSE(m.can_go_back());
}

TEST_CASE("app model: every screen id round-trips and unknown ids are rejected") {
  for (const Screen s : limber::app::all_screens()) {
    const auto back = limber::app::screen_from_id(limber::app::screen_id(s));
    REQUIRE(back.has_value());
    CHECK(*back == s);
  }
  CHECK_FALSE(limber::app::screen_from_id("").has_value());
  CHECK_FALSE(limber::app::screen_from_id("Home").has_value());
}
