// The automation commands: each is checked before it acts, and a refusal changes nothing.
#include <doctest/doctest.h>

#include "app_fixtures.h"

using limber::app::Screen;
using limber::test::AppRig;

TEST_CASE("command: ping and redraw are accepted and change nothing") {
  AppRig r;
  CHECK(r.run("ping").ok);
  CHECK(r.run("redraw").ok);
  CHECK(r.app.nav().screen() == Screen::today);
  CHECK(r.app.sync().revision() == 0);
}

TEST_CASE("command: navigate shows the named screen and back returns") {
  AppRig r;
  CHECK(r.run("navigate", "safety").ok);
  CHECK(r.app.nav().screen() == Screen::safety);
  CHECK(r.run("back").ok);
  CHECK(r.app.nav().screen() == Screen::today);
}

TEST_CASE("command: an unknown command is refused by name, with the list") {
  AppRig r;
  const auto result = r.run("launch");
  CHECK_FALSE(result.ok);
  CHECK(result.error.rfind("unknown command 'launch' (commands: ping, redraw, navigate, back, theme,", 0) == 0);
}

TEST_CASE("command: navigate to an unknown screen is refused and the screen stays") {
  AppRig r;
  r.run("navigate", "library");
  const auto result = r.run("navigate", "home");
  CHECK(result.error.rfind("navigate: unknown screen 'home' (screens: today, routines,", 0) == 0);
  CHECK(r.app.nav().screen() == Screen::library);
}

TEST_CASE("command: screens that need something chosen first are refused without it") {
  AppRig r;
  CHECK(r.run("navigate", "player").error == "navigate: no session is open (use start <routine>)");
  CHECK(r.run("navigate", "routine_editor").error == "navigate: no routine is being edited");
  CHECK(r.run("navigate", "exercise").error == "navigate: no exercise is chosen (use exercise <id>)");
  CHECK(r.app.nav().screen() == Screen::today);
}

TEST_CASE("command: a command that needs an argument is refused without one") {
  AppRig r;
  CHECK(r.run("navigate").error == "command 'navigate' needs an argument");
}

TEST_CASE("command: back on the first screen is refused") {
  AppRig r;
  CHECK(r.run("back").error == "back: already on the first screen");
}

TEST_CASE("command: an argument to a command that takes none is refused") {
  AppRig r;
  r.run("navigate", "safety");
  CHECK(r.run("back", "today").error == "command 'back' takes no argument, got 'today'");
  CHECK(r.app.nav().screen() == Screen::safety);
}

TEST_CASE("command: results as JSON") {
  CHECK(limber::app::command_result_json({.ok = true, .error = {}}) == R"({"ok":true})");
  CHECK(limber::app::command_result_json({.ok = false, .error = "no \"x\""}) == R"({"ok":false,"error":"no \"x\""})");
}

TEST_CASE("command: theme switches light, dark and high contrast, and refuses others") {
  AppRig r;
  CHECK(r.run("theme", "dark").ok);
  CHECK(r.app.settings().theme == "dark");
  CHECK(r.run("theme", "high_contrast").ok);
  const auto result = r.run("theme", "neon");
  CHECK(result.error == "theme: settings.theme: unknown theme 'neon' (light, dark, high_contrast)");
  CHECK(r.app.settings().theme == "high_contrast");
}

TEST_CASE("command: settings are set by name and checked like stored settings") {
  AppRig r;
  CHECK(r.run("setting", "sounds=off").ok);
  CHECK_FALSE(r.app.settings().sounds);
  CHECK(r.run("setting", "text_size=140").ok);
  CHECK(r.app.settings().text_size_percent == 140);
  CHECK(r.run("setting", "breath_in=5").ok);
  CHECK(r.app.settings().breath_in_seconds == 5);
  CHECK(r.run("setting", "hold_preference=longer").ok);
  const auto revision = r.app.sync().revision();
  CHECK(r.run("setting", "text_size=300").error == "setting: settings.text_size_percent: must be from 100 to 160");
  CHECK(r.run("setting", "breath_in=1").error == "setting: settings.breath_in_seconds: a breath must last from 2 to 10 seconds");
  CHECK(r.run("setting", "sounds=maybe").error == "setting: sounds: expected on or off, got 'maybe'");
  CHECK(r.run("setting", "text_size=big").error == "setting: text_size: expected a whole number, got 'big'");
  CHECK(r.run("setting", "volume=11").error.rfind("setting: unknown setting 'volume'", 0) == 0);
  CHECK(r.run("setting", "sounds").error == "setting: expected name=value, got 'sounds'");
  CHECK(r.app.settings().text_size_percent == 140);
  CHECK(r.app.sync().revision() == revision);  // refusals store nothing
}

TEST_CASE("command: pain is refused out of range, and when nobody asked") {
  AppRig r;
  CHECK(r.run("pain", "4").error == "pain: the player is not asking about pain");
  REQUIRE(r.run("start", "gentle_bad_day").ok);
  CHECK(r.run("pain", "11").error == "pain: expected a score from 0 to 10 or 'skip', got '11'");
  CHECK(r.run("pain", "-1").ok == false);
  CHECK(r.run("pain", "4x").ok == false);
  CHECK(r.app.player().stage() == limber::app::PlayerStage::pain_before);
  CHECK(r.run("pain", "skip").ok);
  CHECK(r.app.player().stage() == limber::app::PlayerStage::running);
}

TEST_CASE("command: start refuses an unknown routine") {
  AppRig r;
  CHECK(r.run("start", "marathon").error == "start: unknown routine 'marathon'");
  CHECK_FALSE(r.app.session_open());
}

TEST_CASE("command: yes and no are refused when nothing is asked") {
  AppRig r;
  CHECK(r.run("yes").error == "yes: nothing is being asked");
  CHECK(r.run("no").error == "no: nothing is being asked");
}

TEST_CASE("command: exercise opens an exercise's page, and refuses unknown ones") {
  AppRig r;
  CHECK(r.run("exercise", "knee_rolls").ok);
  CHECK(r.app.nav().screen() == Screen::exercise);
  CHECK(r.app.selected_exercise()->id == "knee_rolls");
  CHECK(r.run("exercise", "cartwheel").error == "exercise: unknown exercise 'cartwheel'");
}

TEST_CASE("command: export offers a backup or a CSV file, and refuses other kinds") {
  AppRig r;
  CHECK(r.run("export", "backup").ok);
  CHECK(r.run("export", "csv").ok);
  CHECK(r.run("export", "pdf").error == "export: expected 'backup' or 'csv', got 'pdf'");
  // Both need every stored session: one read serves both.
  const auto effects = r.answer_reads();
  REQUIRE(effects.downloads.size() == 2);
  CHECK(effects.downloads[0].file_name == "limber-backup-2023-11-14.json");
  CHECK(effects.downloads[1].mime == "text/csv");
  CHECK(r.run("sessions_read", "[]").error == "sessions_read: no one asked for the stored sessions");
}
