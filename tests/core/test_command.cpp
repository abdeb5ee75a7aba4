#include <doctest/doctest.h>

#include "app/command.h"

using limber::app::AppModel;
using limber::app::run_command;
using limber::app::Screen;

TEST_CASE("command: ping and redraw are accepted and change nothing") {
  AppModel m;
  CHECK(run_command(m, "ping", "").ok);
  CHECK(run_command(m, "redraw", "").ok);
  CHECK(m.screen() == Screen::home);
}

TEST_CASE("command: navigate shows the named screen and back returns") {
  AppModel m;
  CHECK(run_command(m, "navigate", "before_you_start").ok);
  CHECK(m.screen() == Screen::before_you_start);
  CHECK(run_command(m, "back", "").ok);
  CHECK(m.screen() == Screen::home);
}

TEST_CASE("command: an unknown command is refused by name") {
  AppModel m;
  const auto r = run_command(m, "launch", "");
  CHECK_FALSE(r.ok);
  CHECK(r.error == "unknown command 'launch' (commands: ping, redraw, navigate, back, theme)");
}

TEST_CASE("command: navigate to an unknown screen is refused and the screen stays") {
  AppModel m;
  m.navigate(Screen::before_you_start);
  const auto r = run_command(m, "navigate", "settings");
  CHECK_FALSE(r.ok);
  CHECK(r.error == "navigate: unknown screen 'settings' (screens: home, before_you_start, gallery)");
  CHECK(m.screen() == Screen::before_you_start);
}

TEST_CASE("command: navigate without a screen is refused") {
  AppModel m;
  CHECK_FALSE(run_command(m, "navigate", "").ok);
  CHECK(m.screen() == Screen::home);
}

TEST_CASE("command: back on the first screen is refused") {
  AppModel m;
  const auto r = run_command(m, "back", "");
  CHECK_FALSE(r.ok);
  CHECK(r.error == "back: already on the first screen");
}

TEST_CASE("command: an argument to a command that takes none is refused") {
  AppModel m;
  m.navigate(Screen::before_you_start);
  const auto r = run_command(m, "back", "home");
  CHECK_FALSE(r.ok);
  CHECK(r.error == "command 'back' takes no argument, got 'home'");
  CHECK(m.screen() == Screen::before_you_start);
}

TEST_CASE("command: results as JSON") {
  CHECK(limber::app::command_result_json({.ok = true, .error = {}}) == R"({"ok":true})");
  CHECK(limber::app::command_result_json({.ok = false, .error = "no \"x\""}) ==
        R"({"ok":false,"error":"no \"x\""})");
}

TEST_CASE("command: theme switches between light and dark, and refuses others") {
  AppModel m;
  CHECK(run_command(m, "theme", "dark").ok);
  CHECK(m.theme() == limber::app::ThemeChoice::dark);
  const auto r = run_command(m, "theme", "neon");
  CHECK(r.error == "theme: unknown theme 'neon' (themes: light, dark)");
  CHECK(m.theme() == limber::app::ThemeChoice::dark);
}
