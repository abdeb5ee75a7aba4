// Each screen's own address (app/address.h): an exercise page names its exercise, so a reload
// opens it again; an address that names nothing Limber has changes nothing.
#include <doctest/doctest.h>

#include "app/address.h"
#include "app_fixtures.h"

using namespace limber;
using test::AppRig;

TEST_CASE("address: a screen's is its id, an exercise page's names the exercise") {
  AppRig r;
  CHECK(app::screen_address(r.app) == "today");
  REQUIRE(r.run("navigate", "library").ok);
  CHECK(app::screen_address(r.app) == "library");
  REQUIRE(r.run("exercise", "knee_rolls").ok);
  CHECK(app::screen_address(r.app) == "exercise=knee_rolls");
  // A merged id's page is the exercise it became (catalogue/model.h: MergedExercise).
  REQUIRE(r.run("exercise", "lower_back_stretch_legs_straight").ok);
  CHECK(app::screen_address(r.app) == "exercise=single_knee_hug_in_bed");
}

TEST_CASE("address: opening an exercise page's address shows that exercise, with Today to go back to") {
  AppRig r;
  CHECK(app::open_address(r.app, "#exercise=pelvic_tilt").empty());
  CHECK(r.app.nav().screen() == app::Screen::exercise);
  REQUIRE(r.app.selected_exercise());
  CHECK(r.app.selected_exercise()->id == "pelvic_tilt");
  CHECK(app::screen_address(r.app) == "exercise=pelvic_tilt");
  REQUIRE(r.run("back").ok);
  CHECK(r.app.nav().screen() == app::Screen::today);
  CHECK(app::open_address(r.app, "progress").empty());
  CHECK(r.app.nav().screen() == app::Screen::progress);
}

TEST_CASE("address: one that names an unknown exercise or screen is refused, and nothing changes") {
  AppRig r;
  CHECK(app::open_address(r.app, "#exercise=cartwheel") == "unknown exercise 'cartwheel'");
  CHECK(app::open_address(r.app, "#exercise=") == "unknown exercise ''");
  CHECK(app::open_address(r.app, "#nowhere").find("unknown screen 'nowhere'") != std::string::npos);
  CHECK(app::open_address(r.app, "#player") == "navigate: no session is open (use start <routine>)");
  CHECK(r.app.nav().screen() == app::Screen::today);
  CHECK(r.app.nav().depth() == 1);
}
