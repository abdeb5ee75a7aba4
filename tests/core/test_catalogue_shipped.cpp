// Checks over the catalogue Limber ships (assets/catalogue): complete, resolvable, and
// faithful to the sources on the points where they differ.
#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "catalogue/catalogue_json.h"
#include "catalogue/dosage.h"
#include "catalogue/load.h"

using namespace limber::catalogue;

namespace {

std::string read_asset(const char* name) {
  std::ifstream in(std::string(LIMBER_ASSETS_DIR) + "/catalogue/" + name, std::ios::binary);
  REQUIRE_MESSAGE(in, "cannot read assets/catalogue/" << name);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const Catalogue& shipped() {
  static const std::string sources = read_asset("sources.json"), exercises = read_asset("exercises.json"),
                           routines = read_asset("routines.json"), safety = read_asset("safety.json");
  static const LoadResult result =
      load({.sources = sources, .exercises = exercises, .routines = routines, .safety = safety});
  if (!result.catalogue) FAIL(format_report(result.problems));
  return *result.catalogue;
}

const Exercise& exercise(const char* id) {
  const Exercise* e = shipped().find_exercise(id);
  REQUIRE_MESSAGE(e, "no exercise '" << id << "'");
  return *e;
}

bool cites(const std::vector<std::string>& sources, const char* id) {
  return std::find(sources.begin(), sources.end(), id) != sources.end();
}

}  // namespace

TEST_CASE("shipped catalogue: loads without a single problem") { CHECK(shipped().exercises.size() >= 23); }

TEST_CASE("shipped catalogue: every exercise the sources describe is there") {
  for (const char* id : {"single_knee_hug_in_bed", "double_knee_hug_in_bed", "single_leg_hug", "double_leg_hug",
                         "knee_to_chest_stretch", "lower_back_stretch_legs_straight", "rocking_knee_hug", "cat_cow",
                         "pelvic_tilt", "knee_rolls", "lying_spinal_twist", "bottom_to_heels_stretch", "back_extensions",
                         "deep_abdominal_strengthening", "figure_four_stretch", "lying_hip_flexor_stretch",
                         "leg_extensions", "childs_pose_on_bed", "relaxation", "seated_thoracic_rotation",
                         "sacroiliac_knee_rock", "sacroiliac_hip_rotation", "dead_bug_level_one", "side_bends"}) {
    CAPTURE(id);
    CHECK(shipped().find_exercise(id) != nullptr);
  }
}

TEST_CASE("shipped catalogue: every exercise has a start position, steps, a dosage and a seed source") {
  for (const Exercise& e : shipped().exercises) {
    CAPTURE(e.id);
    CHECK_FALSE(e.start_position.empty());
    CHECK_FALSE(e.steps.empty());
    CHECK_FALSE(e.dosages.empty());
    bool from_a_seed = false;
    for (const std::string& id : e.sources) {
      const Source* s = shipped().find_source(id);
      REQUIRE(s);
      from_a_seed = from_a_seed || s->seed.has_value();
    }
    CHECK_MESSAGE(from_a_seed, "every exercise comes from one of the seed articles");
  }
}

TEST_CASE("shipped catalogue: every routine resolves to known exercises and dosage options") {
  for (const Routine& r : shipped().routines) {
    CAPTURE(r.id);
    CHECK_FALSE(r.items.empty());
    for (const RoutineItem& item : r.items) {
      const Exercise* e = shipped().find_exercise(item.exercise);
      REQUIRE(e);
      if (item.dosage) CHECK(find_dosage(*e, *item.dosage) != nullptr);
      CHECK(resolve(*e, item).reps.start > 0);
    }
  }
}

TEST_CASE("shipped catalogue: the in-bed routine holds only in-bed exercises") {
  const Routine* r = shipped().find_routine("in_bed");
  REQUIRE(r);
  for (const RoutineItem& item : r->items) {
    CAPTURE(item.exercise);
    CHECK(shipped().find_exercise(item.exercise)->in_bed);
  }
}

TEST_CASE("shipped catalogue: the built-in routines follow their sources") {
  const Routine* nhs = shipped().find_routine("nhs_daily");
  REQUIRE(nhs);
  CHECK(nhs->frequency == Frequency::every_day);
  std::set<std::string> nhs_items;
  for (const auto& item : nhs->items) nhs_items.insert(item.exercise);
  CHECK(nhs_items == std::set<std::string>{"bottom_to_heels_stretch", "knee_rolls", "back_extensions",
                                           "deep_abdominal_strengthening", "pelvic_tilt"});

  const Routine* physio = shipped().find_routine("physio_mobility");
  REQUIRE(physio);
  CHECK(physio->frequency == Frequency::twice_a_day_while_in_pain);
  for (const auto& item : physio->items) {
    const Dosage d = resolve(*shipped().find_exercise(item.exercise), item);
    CHECK(d.reps.min == 10);
    CHECK(d.reps.max == 20);
  }
  REQUIRE(shipped().find_routine("gentle_bad_day"));
}

TEST_CASE("shipped catalogue: where sources differ, both are kept with their own source") {
  // Knee hugs: 5 s (the British Heart Foundation's instructions in seed 000, alongside the
  // NHS's advice to do them in bed) or 20 s (SOS Physiotherapy).
  for (const char* id : {"single_knee_hug_in_bed", "double_knee_hug_in_bed"}) {
    const Exercise& e = exercise(id);
    const DosageOption* bhf = find_dosage(e, "bhf");
    const DosageOption* sos = find_dosage(e, "sos_physio");
    REQUIRE(bhf);
    REQUIRE(sos);
    CHECK(bhf->dosage.hold->amount == Range{.min = 5, .max = 5, .start = 5});
    CHECK(cites(bhf->sources, "bhf_000"));
    CHECK(cites(e.sources, "nhs_000"));
    CHECK(sos->dosage.hold->amount == Range{.min = 20, .max = 20, .start = 20});
    CHECK(cites(sos->sources, "sos_000"));
  }
  // Pelvic tilts: 2 to 3 reps starting out, or the NHS's 10 to 15.
  const Exercise& tilt = exercise("pelvic_tilt");
  CHECK(find_dosage(tilt, "starting_out")->dosage.reps == Range{.min = 2, .max = 3, .start = 2});
  CHECK(find_dosage(tilt, "nhs")->dosage.reps == Range{.min = 10, .max = 15, .start = 10});
}

TEST_CASE("shipped catalogue: NHS dosages are as the NHS gives them") {
  CHECK(exercise("bottom_to_heels_stretch").dosages[0].dosage.hold->unit == HoldUnit::breaths);
  CHECK(exercise("knee_rolls").dosages[0].dosage.sides == Sides::alternating);
  CHECK(exercise("knee_rolls").dosages[0].dosage.reps == Range{.min = 8, .max = 10, .start = 8});
  CHECK(exercise("back_extensions").dosages[0].dosage.hold->amount == Range{.min = 5, .max = 10, .start = 5});
  const Dosage abs = exercise("deep_abdominal_strengthening").dosages[0].dosage;
  CHECK(abs.reps == Range{.min = 5, .max = 5, .start = 5});
  CHECK(abs.hold->unit == HoldUnit::breaths);
  CHECK(abs.hold->amount == Range{.min = 5, .max = 10, .start = 5});
  CHECK(exercise("bottom_to_heels_stretch").cautions.at(0).text.find("knee problem") != std::string::npos);
}

TEST_CASE("shipped catalogue: side bends say plainly that the dosage is ours") {
  const Exercise& e = exercise("side_bends");
  REQUIRE(e.dosages[0].note.has_value());
  CHECK(e.dosages[0].note->find("Limber's, not the source's") != std::string::npos);
  CHECK(e.dosages[0].sources == std::vector<std::string>{"limber"});
  CHECK(cites(e.sources, "article_000"));
}

TEST_CASE("shipped catalogue: the safety guidance carries the sources' numbers") {
  const Safety& s = shipped().safety;
  CHECK(s.max_pain_while_exercising == 5);
  CHECK(s.pain_eases_within_weeks == 2);
  CHECK(s.pain_passes_within_weeks.min == 4);
  CHECK(s.pain_passes_within_weeks.max == 6);
  for (const SafetyItem& item : s.items) {
    if (item.topic == SafetyTopic::red_flag_emergency || item.topic == SafetyTopic::red_flag_urgent) {
      CHECK(cites(item.sources, "nhs_back_pain"));
    }
  }
}

TEST_CASE("shipped catalogue: the gentle routine asks for the smallest amount any source allows") {
  const Routine* gentle = shipped().find_routine("gentle_bad_day");
  REQUIRE(gentle);
  for (const RoutineItem& item : gentle->items) {
    CAPTURE(item.exercise);
    const Exercise& e = exercise(item.exercise.c_str());
    int fewest = 1 << 30;
    for (const DosageOption& o : e.dosages) fewest = std::min(fewest, o.dosage.reps.min);
    const Dosage d = resolve(e, item);
    CHECK(d.reps.start == fewest);
    CHECK(d.sets.start == 1);
  }
}

TEST_CASE("shipped catalogue: the advice on painkillers is there, from the article that gives it") {
  const auto& items = shipped().safety.items;
  const auto it = std::find_if(items.begin(), items.end(), [](const SafetyItem& i) { return i.id == "painkillers_short_term"; });
  REQUIRE(it != items.end());
  CHECK(it->text.find("Ibuprofen") != std::string::npos);
  CHECK(it->text.find("long time") != std::string::npos);
  CHECK(it->sources == std::vector<std::string>{"article_003"});
}

TEST_CASE("shipped catalogue: every struct survives a round trip through JSON") {
  const Catalogue& c = shipped();
  const std::string sources = "{\"schema\":1,\"sources\":" + limber::json::to_json(c.sources) + "}";
  const std::string exercises = "{\"schema\":1,\"exercises\":" + limber::json::to_json(c.exercises) + "}";
  const std::string routines = "{\"schema\":1,\"routines\":" + limber::json::to_json(c.routines) + "}";
  const std::string safety = "{\"schema\":1,\"safety\":" + limber::json::to_json(c.safety) + "}";
  const LoadResult again = load({.sources = sources, .exercises = exercises, .routines = routines, .safety = safety});
  REQUIRE(again.catalogue.has_value());
  CHECK(again.catalogue->sources == c.sources);
  CHECK(again.catalogue->exercises == c.exercises);
  CHECK(again.catalogue->routines == c.routines);
  CHECK(again.catalogue->safety == c.safety);
}
