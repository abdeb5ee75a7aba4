// Back never loses work (app/questions.h: Confirm::leave_editor): leaving the editor with changes
// asks to keep editing, save and leave, or leave without saving; with no change it just leaves.
#include <doctest/doctest.h>

#include "app_fixtures.h"

using namespace limber;
using app::Confirm;
using app::Screen;
using test::AppRig;

namespace {
// A new routine on the editor, from Routines: named, with one exercise.
void edit_new_routine(AppRig& r) {
  REQUIRE(r.run("navigate", "routines").ok);
  REQUIRE(r.run("new_routine").ok);
  REQUIRE(r.run("text", "routine_name=Evenings").ok);
  REQUIRE(r.run("add_exercise", "knee_rolls").ok);
  REQUIRE(r.app.nav().screen() == Screen::routine_editor);
}
}  // namespace

TEST_CASE("leaving the editor: Back with changes asks, and Keep editing keeps every change") {
  AppRig r;
  edit_new_routine(r);
  REQUIRE(r.run("back").ok);
  CHECK(r.app.confirm() == Confirm::leave_editor);
  CHECK(r.app.nav().screen() == Screen::routine_editor);
  REQUIRE(r.run("no").ok);  // No, keep editing
  CHECK(r.app.confirm() == Confirm::none);
  CHECK(r.app.nav().screen() == Screen::routine_editor);
  REQUIRE(r.app.draft().routine());
  CHECK(r.app.draft().routine()->name == "Evenings");
  CHECK(r.app.draft().routine()->items.size() == 1);
  // Back while asked is "keep editing" too: it closes the question, never the editor.
  REQUIRE(r.run("back").ok);
  REQUIRE(r.run("back").ok);
  CHECK(r.app.confirm() == Confirm::none);
  CHECK(r.app.draft().is_open());
}

TEST_CASE("leaving the editor: Save and leave stores the routine, and Leave without saving drops it") {
  AppRig r;
  edit_new_routine(r);
  REQUIRE(r.run("back").ok);
  REQUIRE(r.app.confirm() == Confirm::leave_editor);
  CHECK(app::confirm_words(Confirm::leave_editor).save == "Save and leave");
  REQUIRE(r.run("save_routine").ok);
  CHECK(r.app.confirm() == Confirm::none);
  CHECK(r.app.nav().screen() == Screen::routines);
  REQUIRE(r.app.data().routines.size() == 1);
  CHECK(r.app.data().routines[0].name == "Evenings");

  edit_new_routine(r);
  REQUIRE(r.run("back").ok);
  REQUIRE(r.run("yes").ok);  // Leave without saving
  CHECK(r.app.nav().screen() == Screen::routines);
  CHECK_FALSE(r.app.draft().is_open());
  CHECK(r.app.data().routines.size() == 1);
}

TEST_CASE("leaving the editor: a refused Save and leave stays in the editor and says why") {
  AppRig r;
  REQUIRE(r.run("navigate", "routines").ok);
  REQUIRE(r.run("new_routine").ok);
  REQUIRE(r.run("text", "routine_name=Evenings").ok);  // a name, but no exercise yet
  REQUIRE(r.run("back").ok);
  REQUIRE(r.app.confirm() == Confirm::leave_editor);
  CHECK_FALSE(r.run("save_routine").ok);
  CHECK(r.app.confirm() == Confirm::none);
  CHECK(r.app.nav().screen() == Screen::routine_editor);
  CHECK_FALSE(r.app.draft().save_problem().empty());
}

TEST_CASE("leaving the editor: with nothing changed, Back just leaves") {
  AppRig r;
  REQUIRE(r.run("navigate", "routines").ok);
  REQUIRE(r.run("new_routine").ok);
  REQUIRE(r.run("back").ok);
  CHECK(r.app.confirm() == Confirm::none);
  CHECK(r.app.nav().screen() == Screen::routines);
  // Typed and typed back: nothing changed, nothing to ask.
  REQUIRE(r.run("new_routine").ok);
  const catalogue::Routine* opened = r.app.draft().routine();
  REQUIRE(opened);
  const std::string name = opened->name;
  REQUIRE(r.run("text", "routine_name=Evenings").ok);
  REQUIRE(r.run("text", "routine_name=" + name).ok);
  REQUIRE(r.run("back").ok);
  CHECK(r.app.confirm() == Confirm::none);
  CHECK(r.app.nav().screen() == Screen::routines);
}
