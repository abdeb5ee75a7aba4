// The player takes a person through one session: pain before, the routine, pain after,
// asking to save after every exercise and at the end.
#include <doctest/doctest.h>

#include "animation_fixtures.h"
#include "app/player.h"
#include "session_fixtures.h"

using namespace limber;
using app::PlayerStage;

namespace {
struct Rig {
  test::FakeClock clock;
  app::Player player;
  std::string open(const char* routine_id) {
    const catalogue::Routine* r = test::shipped_catalogue().find_routine(routine_id);
    REQUIRE(r);
    return player.open(test::shipped_catalogue(), test::shipped_clips(), *r, nullptr,
                       {.clock = clock.desc(), .pace = {}, .pause_when_hidden = true});
  }
  void run(double seconds) {
    for (double t = 0; t < seconds; t += 0.25) {
      clock.now += 0.25;
      player.update(0.25f);
    }
  }
};
}  // namespace

TEST_CASE("player: pain before starts the session, pain after finishes it, saves along the way") {
  Rig r;
  REQUIRE(r.open("gentle_bad_day") == "");
  CHECK(r.player.stage() == PlayerStage::pain_before);
  CHECK(r.player.routine_name() == "Gentle routine for a bad day");
  CHECK_FALSE(r.player.answer_pain(11));
  CHECK(r.player.stage() == PlayerStage::pain_before);
  CHECK(r.player.answer_pain(6));
  CHECK(r.player.stage() == PlayerStage::running);
  CHECK(r.player.record().pain_before == 6);

  int saves = 0;
  for (int i = 0; i < 4000 && r.player.stage() == PlayerStage::running; ++i) {
    r.clock.now += 0.25;
    r.player.update(0.25f);
    saves += r.player.take_save_request() ? 1 : 0;
  }
  CHECK(r.player.stage() == PlayerStage::pain_after);
  CHECK(saves >= 4);  // one per exercise at least
  CHECK(r.player.finished_exercises() == 4);
  CHECK(r.player.answer_pain(3));
  CHECK(r.player.stage() == PlayerStage::summary);
  CHECK(r.player.take_save_request());
  CHECK(r.player.record().completed);
  CHECK(r.player.record().pain_after == 3);
  CHECK(r.player.pain_above_rule(6));
  CHECK_FALSE(r.player.pain_above_rule(5));
}

TEST_CASE("player: the figure follows the session as it runs") {
  Rig r;
  REQUIRE(r.open("nhs_daily") == "");
  r.player.answer_pain(std::nullopt);
  CHECK_FALSE(r.player.record().pain_before.has_value());
  r.run(12);
  REQUIRE(r.player.animator().clip());
  CHECK(r.player.animator().clip()->exercise == "bottom_to_heels_stretch");
}

TEST_CASE("player: a person's own routine plays like a built-in one") {
  Rig r;
  catalogue::Routine own;
  own.id = "my_short";
  own.name = "My short one";
  own.items = {{.exercise = "knee_rolls"}, {.exercise = "relaxation"}};
  REQUIRE(r.player.open(test::shipped_catalogue(), test::shipped_clips(), own, nullptr,
                        {.clock = r.clock.desc(), .pace = {}, .pause_when_hidden = true}) == "");
  r.player.answer_pain(2);
  r.run(5);
  CHECK(r.player.engine().snapshot().exercise_id == "knee_rolls");
}

TEST_CASE("player: a routine naming an unknown exercise cannot be opened") {
  Rig r;
  catalogue::Routine own;
  own.id = "broken";
  own.name = "Broken";
  own.items = {{.exercise = "cartwheel"}};
  CHECK(r.player.open(test::shipped_catalogue(), test::shipped_clips(), own, nullptr, {.clock = r.clock.desc()}) ==
        "routine 'broken' names unknown exercise 'cartwheel'");
  CHECK(r.player.stage() == PlayerStage::closed);
}
