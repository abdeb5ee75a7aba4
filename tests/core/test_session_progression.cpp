#include <doctest/doctest.h>

#include "session/progression.h"
#include "session_fixtures.h"

using namespace limber;
using session::ExerciseRecord;
using session::ProgressState;
using session::Outcome;
using session::SessionRecord;

namespace {
SessionRecord clean_session(const char* exercise = "tilt") {
  SessionRecord r;
  r.completed = true;
  ExerciseRecord e;
  e.exercise = exercise;
  e.outcome = Outcome::completed;
  r.exercises.push_back(e);
  return r;
}
}  // namespace

TEST_CASE("progression: the dosage moves from the start values towards the maximum, never beyond") {
  catalogue::Dosage base = test::make_dosage(8, catalogue::Sides::together, 5);
  base.reps = {.min = 8, .max = 12, .start = 8};
  base.hold->amount = {.min = 5, .max = 10, .start = 5};
  CHECK(session::progressed(base, 0).reps.start == 8);
  CHECK(session::progressed(base, 1).reps.start == 9);
  CHECK(session::progressed(base, 2).reps.start == 10);
  CHECK(session::progressed(base, 2).hold->amount.start == 8);  // 5 + 2.5 rounded
  CHECK(session::progressed(base, 4).reps.start == 12);
  CHECK(session::progressed(base, 4).hold->amount.start == 10);
  CHECK(session::progressed(base, 99).reps.start == 12);
  CHECK(session::progressed(base, -3).reps.start == 8);
  CHECK(session::progressed(base, 4).reps.max == 12);
}

TEST_CASE("progression: a level is gained after two clean sessions, up to the top and no further") {
  ProgressState p;
  session::update_progress(p, clean_session());
  CHECK(p.level_of("tilt") == 0);
  session::update_progress(p, clean_session());
  CHECK(p.level_of("tilt") == 1);
  for (int i = 0; i < 20; ++i) session::update_progress(p, clean_session());
  CHECK(p.level_of("tilt") == session::kProgressLevels);
}

TEST_CASE("progression: 'this hurts' drops a level at once and holds back every exercise that session") {
  ProgressState p;
  for (int i = 0; i < 4; ++i) session::update_progress(p, clean_session());
  CHECK(p.level_of("tilt") == 2);
  SessionRecord hurt = clean_session();
  ExerciseRecord other;
  other.exercise = "rolls";
  other.outcome = Outcome::completed;
  hurt.exercises.push_back(other);
  hurt.exercises[0].outcome = Outcome::stopped_hurt;
  session::update_progress(p, hurt);
  session::update_progress(p, hurt);
  CHECK(p.level_of("tilt") == 0);
  CHECK(p.level_of("rolls") == 0);
  session::update_progress(p, hurt);
  CHECK(p.level_of("tilt") == 0);  // never below the start
}

TEST_CASE("progression: sessions ended early or exercises skipped do not count") {
  ProgressState p;
  SessionRecord early = clean_session();
  early.completed = false;
  early.ended_early = true;
  SessionRecord skipped = clean_session();
  skipped.exercises[0].outcome = Outcome::skipped;
  for (int i = 0; i < 4; ++i) {
    session::update_progress(p, early);
    session::update_progress(p, skipped);
  }
  CHECK(p.level_of("tilt") == 0);
}

TEST_CASE("progression: switched off, everyone stays at the start values") {
  ProgressState p;
  p.enabled = false;
  for (int i = 0; i < 10; ++i) session::update_progress(p, clean_session());
  CHECK(p.level_of("tilt") == 0);
  CHECK(p.exercises.empty());
}

TEST_CASE("progression: an exercise listed twice in a routine counts once per session") {
  ProgressState p;
  SessionRecord twice = clean_session();
  twice.exercises.push_back(twice.exercises[0]);
  session::update_progress(p, twice);
  CHECK(p.level_of("tilt") == 0);  // one clean session, not two
  session::update_progress(p, twice);
  CHECK(p.level_of("tilt") == 1);
  twice.exercises[0].outcome = Outcome::stopped_hurt;
  twice.exercises[1].outcome = Outcome::stopped_hurt;
  session::update_progress(p, twice);
  CHECK(p.level_of("tilt") == 0);  // one level down, not two
  for (int i = 0; i < 4; ++i) session::update_progress(p, clean_session());
  twice = clean_session();
  twice.exercises.push_back(twice.exercises[0]);
  twice.exercises[1].outcome = Outcome::skipped;
  const int before = p.level_of("tilt");
  const auto clean_before = p.exercises[0].clean_sessions;
  session::update_progress(p, twice);
  CHECK(p.level_of("tilt") == before);
  CHECK(p.exercises[0].clean_sessions == clean_before);  // not completed both times: not clean
}
