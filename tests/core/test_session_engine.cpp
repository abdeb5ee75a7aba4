#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "session/engine.h"
#include "session_fixtures.h"

using namespace limber;
using catalogue::Sides;
using session::CueKind;
using session::Engine;
using session::Phase;
using session::Side;
using session::Status;
using test::FakeClock;
using test::make_dosage;
using test::make_exercise;

namespace {

struct Rig {
  FakeClock clock;
  catalogue::Exercise a = make_exercise("a");
  catalogue::Exercise b = make_exercise("b");
  catalogue::Exercise c = make_exercise("c");
  Engine engine;

  // a: 2 reps together, hold 5 s: get ready 0-10, move 10-12, hold 12-17, release 17-19,
  // rest 19-20, move 20-22, hold 22-27, release 27-29; then rest 29-44 before b.
  session::SessionInput three(double rest = 15) {
    return {.routine_id = "r",
            .exercises = {{.exercise = &a, .dosage_id = "da", .dosage = make_dosage(2, Sides::together, 5)},
                          {.exercise = &b, .dosage_id = "db", .dosage = make_dosage(2, Sides::each_side)},
                          {.exercise = &c, .dosage_id = "dc", .dosage = make_dosage(1, Sides::together, 12)}},
            .rest_between_exercises_seconds = rest};
  }
  void start(const session::SessionInput& input, session::PaceDesc pace = {}, bool pause_when_hidden = true) {
    REQUIRE(engine.start(input, {.clock = clock.desc(), .pace = pace, .pause_when_hidden = pause_when_hidden}) == "");
  }
  // Runs the clock at 60 Hz until the session is at time t (session time runs with the
  // clock while not paused; jumps by the controls move it on their own).
  void at(double t) {
    double left = t - engine.snapshot().session_elapsed;
    while (left > 1.0 / 60) {
      clock.now += 1.0 / 60;
      left -= 1.0 / 60;
      engine.update();
    }
    clock.now += left;
    engine.update();
  }
  void jump(double seconds) {
    clock.now += seconds;
    engine.update();
  }
  const session::Snapshot& s() const { return engine.snapshot(); }
  std::vector<session::Cue> cues() { return engine.take_cues(); }
};

bool has_cue(const std::vector<session::Cue>& cues, CueKind kind, const std::string& text = {}) {
  return std::any_of(cues.begin(), cues.end(),
                     [&](const session::Cue& c) { return c.kind == kind && (text.empty() || c.text == text); });
}

}  // namespace

TEST_CASE("engine: paces one exercise phase by phase, with text, counters and times") {
  Rig r;
  r.start(r.three());
  CHECK(r.s().status == Status::running);
  CHECK(r.s().phase == Phase::get_ready);
  CHECK(r.s().text == "Get ready: Exercise a");
  CHECK(r.s().detail == "Lie down.");
  CHECK(r.s().next_text == "Next: Move a");
  CHECK(r.s().phase_remaining == 10);
  r.at(11);
  CHECK(r.s().phase == Phase::move);
  CHECK(r.s().text == "Move a");
  CHECK(r.s().rep == 1);
  CHECK(r.s().reps == 2);
  CHECK(r.s().phase_elapsed == doctest::Approx(1));
  r.at(13);
  CHECK(r.s().phase == Phase::hold);
  CHECK(r.s().text == "Hold");
  CHECK(r.s().phase_remaining == doctest::Approx(4));
  r.at(18);
  CHECK(r.s().phase == Phase::release);
  CHECK(r.s().text == "Release a");
  r.at(19.5);
  CHECK(r.s().phase == Phase::rest);
  r.at(21);
  CHECK(r.s().rep == 2);
  r.at(30);
  CHECK(r.s().phase == Phase::exercise_rest);
  CHECK(r.s().next_text == "Next: Exercise b");
  CHECK(r.s().session_elapsed == doctest::Approx(30));
  CHECK(r.s().session_remaining == doctest::Approx(r.engine.plan().total - 30));
  const auto& rec = r.engine.record().exercises[0];
  CHECK(rec.reps_done.together == 2);
  CHECK(rec.holds_done.together == 2);
  CHECK(rec.hold_seconds == 10);
  CHECK(rec.outcome == session::Outcome::completed);
}

TEST_CASE("engine: blocked sides count reps on each side and announce the change") {
  Rig r;
  r.start(r.three());
  r.engine.skip();  // to exercise b: 2 reps each side, no hold
  CHECK(r.s().exercise_id == "b");
  r.cues();
  // b starts at 44: get ready 44-54, left: move, release, rest, move, release (54-63), switch 63-69, right ...
  r.at(45 + 10 + 1);
  CHECK(r.s().side == Side::left);
  CHECK(r.s().text == "Left: Move b");
  r.at(44 + 10 + 9 + 1);
  CHECK(r.s().phase == Phase::switch_sides);
  CHECK(r.s().side == Side::right);
  CHECK(has_cue(r.cues(), CueKind::other_side, "Other side"));
  r.at(44 + 10 + 9 + 6 + 1);
  CHECK(r.s().text == "Right: Move b");
  r.at(44 + 10 + 9 + 6 + 9 + 0.5);
  const auto& rec = r.engine.record().exercises[1];
  CHECK(rec.reps_done.left == 2);
  CHECK(rec.reps_done.right == 2);
  CHECK(rec.outcome == session::Outcome::completed);
}

TEST_CASE("engine: a breath-paced hold says breathe in and breathe out at the chosen pace") {
  Rig r;
  const auto e = make_exercise("breathe");
  r.start({.routine_id = "r",
           .exercises = {{.exercise = &e, .dosage_id = "d",
                          .dosage = make_dosage(1, Sides::together, 3, catalogue::HoldUnit::breaths)}}},
          {.breath_in_seconds = 3, .breath_out_seconds = 5, .closing_breaths = 0});
  // get ready 0-10, move 10-12, hold 12-36 (3 breaths of 8 s).
  r.at(12.5);
  r.cues();
  CHECK(r.s().phase == Phase::hold);
  CHECK(r.s().text == "Hold, breathe in");
  CHECK(r.s().breath == 1);
  CHECK(r.s().breaths == 3);
  CHECK(r.s().breathing_in);
  r.at(15.5);
  CHECK(r.s().text == "Hold, breathe out");
  CHECK_FALSE(r.s().breathing_in);
  CHECK(has_cue(r.cues(), CueKind::breath_out, "Breathe out"));
  r.at(20.5);
  CHECK(r.s().breath == 2);
  CHECK(has_cue(r.cues(), CueKind::breath_in, "Breathe in"));
  r.at(37);
  CHECK(r.engine.record().exercises[0].holds_done.together == 1);
}

TEST_CASE("engine: the lungs fill over each breath in and empty over each breath out, for the ring to show") {
  Rig r;
  const auto e = make_exercise("breathe");
  r.start({.routine_id = "r",
           .exercises = {{.exercise = &e, .dosage_id = "d",
                          .dosage = make_dosage(1, Sides::together, 2, catalogue::HoldUnit::breaths)}}},
          {.breath_in_seconds = 3, .breath_out_seconds = 5, .closing_breaths = 0});
  // The hold runs 12-28: in 12-15, out 15-20, in 20-23, out 23-28.
  r.at(12);
  CHECK(r.s().lungs == doctest::Approx(0));
  r.at(13.5);
  CHECK(r.s().lungs == doctest::Approx(0.5));
  r.at(14.9);
  CHECK(r.s().lungs > 0.99);
  r.at(17.5);
  CHECK(r.s().lungs == doctest::Approx(0.5));
  r.at(19.9);
  CHECK(r.s().lungs < 0.01);
  r.at(21.5);
  CHECK(r.s().breath == 2);
  CHECK(r.s().lungs == doctest::Approx(0.5));
  r.at(30);  // a hold in seconds or no hold: nothing to show
  CHECK(r.s().lungs == 0);
}

TEST_CASE("engine: sets are paced with a rest between them") {
  Rig r;
  const auto e = make_exercise("sets");
  r.start({.routine_id = "r",
           .exercises = {{.exercise = &e, .dosage_id = "d",
                          .dosage = make_dosage(1, Sides::together, 0, catalogue::HoldUnit::seconds, 2)}}},
          {.closing_breaths = 0});
  r.at(15);  // get ready 0-10, move 10-12, release 12-14, set rest 14-24
  CHECK(r.s().phase == Phase::set_rest);
  CHECK(r.s().text == "Rest before set 2");
  r.at(25);
  CHECK(r.s().set == 2);
  CHECK(r.s().sets == 2);
  r.at(30);
  CHECK(r.s().status == Status::finished);
  CHECK(r.engine.record().exercises[0].reps_done.together == 2);
}

TEST_CASE("engine: a rep with no hold is paced too") {
  Rig r;
  const auto e = make_exercise("rock");
  r.start({.routine_id = "r", .exercises = {{.exercise = &e, .dosage_id = "d", .dosage = make_dosage(3, Sides::together)}}},
          {.closing_breaths = 0});
  r.at(10.5);
  CHECK(r.s().phase == Phase::move);
  r.at(12.5);
  CHECK(r.s().phase == Phase::release);
  r.at(30);
  CHECK(r.engine.record().exercises[0].reps_done.together == 3);
  CHECK(r.engine.record().exercises[0].holds_done.total() == 0);
}

TEST_CASE("engine: cues count down 3-2-1 before an exercise starts, and mark the middle of long holds") {
  Rig r;
  r.start(r.three());
  const auto first = r.cues();
  CHECK(has_cue(first, CueKind::phase, "Get ready: Exercise a"));
  r.at(7.5);
  auto c = r.cues();
  REQUIRE(c.size() == 1);
  CHECK(c[0].kind == CueKind::countdown);
  CHECK(c[0].count == 3);
  r.at(8.5);
  CHECK(r.cues()[0].count == 2);
  r.at(9.5);
  CHECK(r.cues()[0].count == 1);
  r.at(10.5);
  CHECK(has_cue(r.cues(), CueKind::phase, "Move a"));
  r.at(15);  // a 5 s hold: no halfway cue
  CHECK_FALSE(has_cue(r.cues(), CueKind::halfway));
  r.at(31);
  CHECK(has_cue(r.cues(), CueKind::next_up, "Rest. Next: Exercise b"));
  // c holds 12 s: halfway is announced.
  r.engine.skip();
  r.engine.skip();
  r.cues();
  r.at(r.s().session_elapsed + 10 + 2 + 6.5);
  CHECK(has_cue(r.cues(), CueKind::halfway, "Halfway"));
}

TEST_CASE("engine: pause freezes the session and resume carries on exactly") {
  Rig r;
  r.start(r.three());
  r.at(13);
  r.engine.pause();
  CHECK(r.s().status == Status::paused);
  CHECK(has_cue(r.cues(), CueKind::paused));
  r.jump(300);
  CHECK(r.s().session_elapsed == doctest::Approx(13));
  CHECK(r.s().phase == Phase::hold);
  r.engine.resume();
  CHECK(r.s().status == Status::running);
  CHECK(has_cue(r.cues(), CueKind::resumed, "Carry on: Hold"));
  r.jump(2);
  CHECK(r.s().session_elapsed == doctest::Approx(15));
  CHECK(r.engine.record().exercises[0].holds_done.together == 0);
}

TEST_CASE("engine: skip marks the exercise skipped and goes to the next one's get ready") {
  Rig r;
  r.start(r.three());
  r.at(11);
  r.engine.skip();
  CHECK(r.s().exercise_id == "b");
  CHECK(r.s().phase == Phase::get_ready);
  CHECK(r.engine.record().exercises[0].outcome == session::Outcome::skipped);
  // skipped, so not completed: one outcome
}

TEST_CASE("engine: skip during the rest after a finished exercise skips only the rest") {
  Rig r;
  r.start(r.three());
  r.at(30);
  r.engine.skip();
  CHECK(r.s().exercise_id == "b");
  // back to it: no longer skipped, and now done
  CHECK(r.engine.record().exercises[0].outcome == session::Outcome::completed);
}

TEST_CASE("engine: skipping the last exercise ends the routine as completed") {
  Rig r;
  r.start(r.three());
  r.engine.skip();
  r.engine.skip();
  r.engine.skip();  // c: to its closing relaxation
  CHECK(r.s().phase == Phase::closing);
  r.engine.skip();
  CHECK(r.s().status == Status::finished);
  CHECK(r.engine.record().completed);
  CHECK(r.engine.record().exercises[2].outcome == session::Outcome::skipped);
}

TEST_CASE("engine: back goes to the previous exercise, or from a rest to the start of the one just done") {
  Rig r;
  r.start(r.three());
  r.engine.skip();
  r.at(r.s().session_elapsed + 12);
  CHECK(r.s().exercise_id == "b");
  r.engine.back();
  CHECK(r.s().exercise_id == "a");
  CHECK(r.s().phase == Phase::get_ready);
  r.at(30);  // a's trailing rest
  r.engine.back();
  CHECK(r.s().exercise_id == "a");
  CHECK(r.s().session_elapsed == 0);
  r.engine.back();  // already the first: stays
  CHECK(r.s().exercise_id == "a");
}

TEST_CASE("engine: repeat the last rep goes back to its start and counts it again") {
  Rig r;
  r.start(r.three());
  CHECK_FALSE(r.engine.repeat_rep());  // nothing to repeat while getting ready
  r.at(18);                            // a, rep 1, release
  CHECK(r.engine.repeat_rep());
  CHECK(r.s().phase == Phase::move);
  CHECK(r.s().rep == 1);
  CHECK(r.s().session_elapsed == 10);
  r.at(19.5);  // rep 1 done (its release ended at 19): now in the rest
  CHECK(r.engine.record().exercises[0].reps_done.together == 1);
  CHECK(r.engine.repeat_rep());  // rep 1 again
  CHECK(r.s().rep == 1);
  r.at(29.5);  // rep 1 (again) and rep 2 done
  CHECK(r.engine.record().exercises[0].reps_done.together == 3);
  r.at(40);  // in the rest after a: repeats a's last rep
  CHECK(r.engine.repeat_rep());
  CHECK(r.s().exercise_id == "a");
  CHECK(r.s().rep == 2);
}

TEST_CASE("engine: end early finishes the record as ended early") {
  Rig r;
  r.start(r.three());
  r.at(21);
  r.engine.end_early();
  CHECK(r.s().status == Status::finished);
  const auto& rec = r.engine.record();
  CHECK(rec.ended_early);
  CHECK_FALSE(rec.completed);
  CHECK(rec.exercises[0].reps_done.together == 1);
  CHECK(rec.exercises[0].outcome != session::Outcome::completed);
  CHECK(rec.ended_at_ms - rec.started_at_ms == 21000);
  CHECK(has_cue(r.cues(), CueKind::finished));
  r.jump(100);  // nothing moves after the end
  CHECK(r.engine.record().exercises[0].reps_done.together == 1);
}

TEST_CASE("engine: a ten-minute jump lands exactly and counts everything in between") {
  Rig r;
  r.start(r.three());
  r.at(1);
  r.cues();
  r.jump(600);
  CHECK(r.s().status == Status::finished);
  const auto& rec = r.engine.record();
  CHECK(rec.completed);
  CHECK(rec.exercises[0].reps_done.together == 2);
  CHECK(rec.exercises[1].reps_done.left == 2);
  CHECK(rec.exercises[1].reps_done.right == 2);
  CHECK(rec.exercises[2].holds_done.together == 1);
  for (const auto& e : rec.exercises) CHECK(e.outcome == session::Outcome::completed);
  // Only where it landed is announced, not every step it passed.
  CHECK(r.cues().size() <= 2);
}

TEST_CASE("engine: the position depends on elapsed time, not on how often it is updated") {
  Rig smooth, sparse;
  smooth.start(smooth.three());
  sparse.start(sparse.three());
  smooth.at(57.3);  // 60 Hz all the way
  sparse.jump(20);
  sparse.jump(37.3);
  CHECK(smooth.s().phase == sparse.s().phase);
  CHECK(smooth.s().exercise == sparse.s().exercise);
  CHECK(smooth.s().rep == sparse.s().rep);
  CHECK(smooth.s().session_elapsed == doctest::Approx(sparse.s().session_elapsed));
  CHECK(smooth.engine.record().exercises == sparse.engine.record().exercises);
}

TEST_CASE("engine: 'this hurts' stops the exercise, records it and moves on") {
  Rig r;
  r.start(r.three());
  r.at(13);
  r.engine.this_hurts();
  CHECK(has_cue(r.cues(), CueKind::hurt));
  CHECK(r.s().phase == Phase::exercise_rest);
  CHECK(r.s().next_text == "Next: Exercise b");
  const auto& rec = r.engine.record().exercises[0];
  CHECK(rec.outcome == session::Outcome::stopped_hurt);
  // a hurt stopped it: not completed, whatever came before
  r.at(r.s().session_elapsed + 16);
  CHECK(r.s().exercise_id == "b");
}

TEST_CASE("engine: a clock going backwards is refused and changes nothing") {
  Rig r;
  r.start(r.three());
  r.at(12);
  const auto before = r.s();
  r.clock.now -= 0.5;
  r.engine.update();
  CHECK(r.engine.last_error() == "the clock went backwards by 0.500 s; the reading was ignored");
  CHECK(r.s().session_elapsed == before.session_elapsed);
  CHECK(r.s().phase == before.phase);
  r.clock.now += 1.5;  // one second after the last good reading
  r.engine.update();
  CHECK(r.s().session_elapsed == doctest::Approx(13));
}

TEST_CASE("engine: the get ready countdown can be extended") {
  Rig r;
  r.start(r.three());
  r.at(8);
  const double total = r.engine.plan().total;
  r.engine.extend_get_ready(10);
  CHECK(r.s().phase_remaining == doctest::Approx(12));
  CHECK(r.engine.plan().total == doctest::Approx(total + 10));
  r.at(19);
  CHECK(r.s().phase == Phase::get_ready);
  r.at(20.5);
  CHECK(r.s().phase == Phase::move);
  r.engine.extend_get_ready(10);  // only while getting ready
  CHECK(r.engine.plan().total == doctest::Approx(total + 10));
}

TEST_CASE("engine: a hidden page pauses the session when the setting says so") {
  Rig on;
  on.start(on.three());
  on.at(5);
  on.engine.page_hidden();
  CHECK(on.s().status == Status::paused);
  Rig off;
  off.start(off.three(), {}, /*pause_when_hidden=*/false);
  off.at(5);
  off.engine.page_hidden();
  CHECK(off.s().status == Status::running);
  off.jump(60);  // a hidden tab gets no frames; the next one lands exactly
  CHECK(off.s().session_elapsed == doctest::Approx(65));
}

TEST_CASE("engine: pain before and after are scores from 0 to 10") {
  Rig r;
  r.start(r.three());
  CHECK(r.engine.set_pain_before(6));
  CHECK_FALSE(r.engine.set_pain_before(11));
  CHECK_FALSE(r.engine.set_pain_after(-1));
  CHECK(r.engine.record().pain_before == 6);
  CHECK_FALSE(r.engine.record().pain_after.has_value());
  r.jump(600);
  CHECK(r.engine.set_pain_after(3));
  CHECK(r.engine.record().pain_after == 3);
}

TEST_CASE("engine: bad input is refused with a clear error") {
  Rig r;
  FakeClock clock;
  const auto e = make_exercise("e");
  auto with = [&](catalogue::Dosage d) {
    return session::SessionInput{.routine_id = "r", .exercises = {{.exercise = &e, .dosage_id = "d", .dosage = d}}};
  };
  Engine engine;
  CHECK(engine.start({.routine_id = "r"}, {.clock = clock.desc()}) == "the routine has no exercises");
  CHECK(engine.start(with(make_dosage(0, Sides::together)), {.clock = clock.desc()}) == "exercise 1 ('e'): zero reps");
  auto zero_hold = make_dosage(2, Sides::together, 5);
  zero_hold.hold->amount.start = 0;
  CHECK(engine.start(with(zero_hold), {.clock = clock.desc()}) == "exercise 1 ('e'): a hold of 0 seconds");
  session::SessionInput unknown{.routine_id = "r", .exercises = {{.exercise = nullptr, .dosage_id = "d"}}};
  CHECK(engine.start(unknown, {.clock = clock.desc()}) == "exercise 1: unknown exercise");
  CHECK(engine.start(with(make_dosage(2, Sides::together)), {}) == "no clock was given to the session");
  CHECK(engine.status() == Status::idle);
  engine.update();  // an engine that never started does nothing
  CHECK(engine.status() == Status::idle);
}

TEST_CASE("engine: the record of a completed session") {
  Rig r;
  r.start(r.three());
  r.engine.set_pain_before(5);
  r.at(r.engine.plan().total + 1);
  r.engine.set_pain_after(3);
  const auto& rec = r.engine.record();
  CHECK(rec.routine == "r");
  CHECK(rec.completed);
  CHECK_FALSE(rec.ended_early);
  CHECK(rec.pain_before == 5);
  CHECK(rec.pain_after == 3);
  CHECK(rec.active_seconds == doctest::Approx(r.engine.plan().total).epsilon(0.01));
  REQUIRE(rec.exercises.size() == 3);
  CHECK(rec.exercises[0].dosage == "da");
  CHECK(rec.exercises[0].planned_reps == 2);
  for (const auto& e : rec.exercises) {
    CHECK(e.outcome == session::Outcome::completed);
  }
}

TEST_CASE("engine: the record of a session with a skipped exercise") {
  Rig r;
  r.start(r.three());
  r.at(30);
  r.engine.skip();  // skips only the rest
  r.engine.skip();  // skips b
  r.at(r.engine.plan().total + 1);
  const auto& rec = r.engine.record();
  CHECK(rec.completed);
  CHECK(rec.exercises[0].outcome == session::Outcome::completed);
  CHECK(rec.exercises[1].outcome == session::Outcome::skipped);
  CHECK(rec.exercises[1].reps_done.total() == 0);
  CHECK(rec.exercises[2].outcome == session::Outcome::completed);
}

TEST_CASE("engine: controls on an engine that never started do nothing") {
  Engine engine;
  engine.end_early();
  engine.extend_get_ready(5);
  engine.pause();
  engine.resume();
  engine.skip();
  engine.back();
  CHECK_FALSE(engine.repeat_rep());
  engine.this_hurts();
  engine.page_hidden();
  CHECK(engine.status() == Status::idle);
}

TEST_CASE("engine: a clock reading that is not a number is refused and changes nothing") {
  Rig r;
  r.start(r.three());
  r.at(12);
  const double now = r.clock.now;
  r.clock.now = std::nan("");
  r.engine.update();
  CHECK(r.engine.last_error() == "the clock gave no valid reading; it was ignored");
  CHECK(r.s().status == Status::running);
  CHECK(r.s().session_elapsed == doctest::Approx(12));
  CHECK_FALSE(r.engine.record().completed);
  r.clock.now = now + 1;
  r.engine.update();
  CHECK(r.s().session_elapsed == doctest::Approx(13));
  // And a session cannot start on one.
  FakeClock bad;
  bad.now = std::nan("");
  Engine e;
  const auto x = make_exercise("x");
  CHECK(e.start({.routine_id = "r", .exercises = {{.exercise = &x, .dosage_id = "d", .dosage = make_dosage(1, Sides::together)}}},
                {.clock = bad.desc()}) == "the clock gave no valid reading");
}

TEST_CASE("engine: extending the get ready by nonsense is ignored") {
  Rig r;
  r.start(r.three());
  const double total = r.engine.plan().total;
  for (const double bad : {std::nan(""), -5.0, 0.0, 500.0, std::numeric_limits<double>::infinity()}) {
    r.engine.extend_get_ready(bad);
  }
  CHECK(r.engine.plan().total == total);
}

TEST_CASE("engine: each cue carries the moment it belongs to") {
  Rig r;
  r.start(r.three());
  r.cues();
  r.at(10.5);
  const auto c = r.cues();
  REQUIRE_FALSE(c.empty());
  CHECK(c.back().text == "Move a");
  // Raised by the first update after the move began at 10 s (updates come at 60 Hz).
  CHECK(c.back().at >= 10.0);
  CHECK(c.back().at < 10.0 + 1.0 / 60 + 1e-9);
}
