// Building a session from the shipped catalogue: routines resolve, progression applies.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "catalogue/load.h"
#include "session/duration.h"
#include "session/engine.h"
#include "session/progression.h"
#include "session/session_input.h"

using namespace limber;

namespace {
const catalogue::Catalogue& shipped() {
  static const catalogue::Catalogue c = [] {
    auto read = [](const char* name) {
      std::ifstream in(std::string(LIMBER_ASSETS_DIR) + "/catalogue/" + name);
      std::ostringstream s;
      s << in.rdbuf();
      return s.str();
    };
    static const std::string s = read("sources.json"), e = read("exercises.json"), r = read("routines.json"),
                             f = read("safety.json");
    auto result = catalogue::load({.sources = s, .exercises = e, .routines = r, .safety = f});
    REQUIRE(result.catalogue.has_value());
    return *result.catalogue;
  }();
  return c;
}
}  // namespace

TEST_CASE("session input: every shipped routine builds a session that can be paced") {
  for (const auto& routine : shipped().routines) {
    CAPTURE(routine.id);
    const auto built = session::build_input(shipped(), routine.id, nullptr);
    CHECK(built.ok());
    CHECK(built.input.exercises.size() == routine.items.size());
  }
}

TEST_CASE("session input: an unknown routine is refused by name") {
  const auto built = session::build_input(shipped(), "marathon", nullptr);
  CHECK(built.error == "unknown routine 'marathon'");
}

TEST_CASE("session input: progression raises reps within the source's range") {
  session::ProgressState p;
  p.exercises.push_back({.exercise = "knee_rolls", .level = session::kProgressLevels, .clean_sessions = 0});
  const auto built = session::build_input(shipped(), "nhs_daily", &p);
  REQUIRE(built.ok());
  for (const auto& e : built.input.exercises) {
    if (e.exercise->id == "knee_rolls") CHECK(e.dosage.reps.start == 10);           // the NHS's upper bound
    if (e.exercise->id == "back_extensions") CHECK(e.dosage.reps.start == 8);       // untouched
  }
}

TEST_CASE("session input: a routine's stated duration is exactly how long the engine takes") {
  for (const auto& routine : shipped().routines) {
    CAPTURE(routine.id);
    const auto built = session::build_input(shipped(), routine.id, nullptr);
    REQUIRE(built.ok());
    struct Clock {
      double now = 0;
      static double read(void* c) { return static_cast<Clock*>(c)->now; }
    } clock;
    session::Engine engine;
    REQUIRE(engine.start(built.input, {.clock = {.monotonic_seconds = &Clock::read, .user = &clock}}) == "");
    while (engine.status() != session::Status::finished && clock.now < 7200) {
      clock.now += 0.5;
      engine.update();
    }
    CHECK(engine.snapshot().session_elapsed == doctest::Approx(session::routine_seconds(shipped(), routine)));
  }
}

namespace {
// A routine of one item, added to a copy of the shipped catalogue.
catalogue::Catalogue with_routine(catalogue::RoutineItem item) {
  catalogue::Catalogue c = shipped();
  c.routines = {{.id = "one", .name = "One", .items = {std::move(item)}}};
  return c;
}
// A copy: the result it comes from is a temporary.
session::PlannedExercise only(const session::InputResult& built) {
  REQUIRE(built.ok());
  REQUIRE(built.input.exercises.size() == 1);
  return built.input.exercises.front();
}
}  // namespace

TEST_CASE("session input: the hold preference picks the longer or shorter hold where sources differ") {
  const auto c = with_routine({.exercise = "single_knee_hug_in_bed"});
  const auto standard = only(session::build_input(c, "one", nullptr));
  CHECK(standard.dosage_id == "bhf");
  CHECK(standard.dosage.hold->amount.start == 5);
  const auto longer = only(session::build_input(c, "one", nullptr, catalogue::HoldPreference::longer));
  CHECK(longer.dosage_id == "sos_physio");
  CHECK(longer.dosage.hold->amount.start == 20);
  const auto shorter = only(session::build_input(c, "one", nullptr, catalogue::HoldPreference::shorter));
  CHECK(shorter.dosage_id == "bhf");
}

TEST_CASE("session input: a hold in breaths is compared with one in seconds by its length") {
  const auto c = with_routine({.exercise = "knee_rolls"});  // NHS: 1 deep breath; other: 3 to 5 s
  CHECK(only(session::build_input(c, "one", nullptr, catalogue::HoldPreference::shorter)).dosage_id == "up_to_fifteen");
  CHECK(only(session::build_input(c, "one", nullptr, catalogue::HoldPreference::longer)).dosage_id == "nhs");
}

TEST_CASE("session input: a routine item that names its dosage option keeps it whatever the preference") {
  const auto c = with_routine({.exercise = "single_knee_hug_in_bed", .dosage = "bhf",
                               .hold = catalogue::Range{.min = 5, .max = 5, .start = 5}});
  const auto kept = only(session::build_input(c, "one", nullptr, catalogue::HoldPreference::longer));
  CHECK(kept.dosage_id == "bhf");
  CHECK(kept.dosage.hold->amount.start == 5);
}

TEST_CASE("session input: an exercise whose default is not held is not swapped for a held option") {
  const auto c = with_routine({.exercise = "pelvic_tilt"});
  CHECK(only(session::build_input(c, "one", nullptr, catalogue::HoldPreference::longer)).dosage_id == "nhs");
}

TEST_CASE("session input: hold preference ids round-trip and unknown ids are refused") {
  for (const auto p : {catalogue::HoldPreference::source_default, catalogue::HoldPreference::shorter,
                       catalogue::HoldPreference::longer}) {
    CHECK(catalogue::hold_preference_from_id(catalogue::hold_preference_id(p)) == p);
  }
  CHECK_FALSE(catalogue::hold_preference_from_id("longest"));
}
