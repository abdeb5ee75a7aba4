#include <doctest/doctest.h>

#include <algorithm>

#include "app/app_model.h"

using limber::app::AppModel;
using limber::app::Screen;

TEST_CASE("app model: starts on today with nowhere to go back to") {
  AppModel m;
  CHECK(m.screen() == Screen::today);
  CHECK_FALSE(m.can_go_back());
  CHECK_FALSE(m.back());
  CHECK(m.screen() == Screen::today);
}

TEST_CASE("app model: navigate and back retrace the history") {
  AppModel m;
  m.navigate(Screen::library);
  m.navigate(Screen::exercise);
  CHECK(m.screen() == Screen::exercise);
  CHECK(m.depth() == 3);
  CHECK(m.back());
  CHECK(m.screen() == Screen::library);
  CHECK(m.back());
  CHECK(m.screen() == Screen::today);
}

TEST_CASE("app model: navigating to the screen already shown adds no history") {
  AppModel m;
  m.navigate(Screen::safety);
  m.navigate(Screen::safety);
  CHECK(m.back());
  CHECK_FALSE(m.can_go_back());
}

TEST_CASE("app model: a tab starts the history again from today") {
  AppModel m;
  m.navigate(Screen::library);
  m.navigate(Screen::exercise);
  m.navigate(Screen::progress);
  CHECK(m.depth() == 2);
  CHECK(m.back());
  CHECK(m.screen() == Screen::today);
  m.navigate(Screen::settings);
  m.navigate(Screen::today);
  CHECK_FALSE(m.can_go_back());
}

TEST_CASE("app model: a screen belongs to the tab it was opened from") {
  AppModel m;
  CHECK(m.tab() == Screen::today);
  m.navigate(Screen::routines);
  m.navigate(Screen::routine_editor);
  CHECK(m.tab() == Screen::routines);
  m.navigate(Screen::exercise);
  CHECK(m.tab() == Screen::routines);
}

TEST_CASE("app model: every screen there is has a name and a title, and is listed once") {
  // screen_title() is a switch the compiler checks for every enumerator (-Wswitch, warnings
  // are errors): a screen with a title is a real screen. Each must also have a name, and
  // all_screens() must list it, so a screen added without its name fails here.
  int screens = 0;
  for (int i = 0; i < 256; ++i) {
    const auto s = static_cast<Screen>(i);
    if (limber::app::screen_title(s).empty()) continue;
    ++screens;
    INFO("screen number " << i);
    CHECK(limber::app::screen_id(s) != "?");
    CHECK(std::count(limber::app::all_screens().begin(), limber::app::all_screens().end(), s) == 1);
  }
  CHECK(screens == static_cast<int>(limber::app::all_screens().size()));
  CHECK(screens >= 11);
}

TEST_CASE("app model: every screen id round-trips, has a title, and unknown ids are rejected") {
  for (const Screen s : limber::app::all_screens()) {
    const auto back = limber::app::screen_from_id(limber::app::screen_id(s));
    REQUIRE(back.has_value());
    CHECK(*back == s);
    CHECK_FALSE(limber::app::screen_title(s).empty());
  }
  CHECK_FALSE(limber::app::screen_from_id("").has_value());
  CHECK_FALSE(limber::app::screen_from_id("Today").has_value());
  CHECK_FALSE(limber::app::screen_from_id("home").has_value());
}
