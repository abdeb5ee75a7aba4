// An exercise merged into another (catalogue/model.h: MergedExercise): "Lower back stretch with
// legs straight" is the knee hug the other sources describe, so it is one exercise now. Everything
// made with the old id (a routine link, a stored own routine, a session in the history) still
// means the same movement and exactly the same amounts, and is counted with the knee hug.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "animation_fixtures.h"
#include "app/routine_editor.h"
#include "app/routine_update.h"
#include "catalogue/catalogue_json.h"
#include "catalogue/dosage.h"
#include "catalogue/prescription.h"
#include "links/exercise_codes.h"
#include "links/routine_link.h"
#include "print/appointment_report.h"

using namespace limber;

namespace {

constexpr const char* kOld = "lower_back_stretch_legs_straight";
constexpr const char* kNow = "single_knee_hug_in_bed";
const catalogue::Catalogue& c() { return test::shipped_catalogue(); }

// The old exercise's one option as it was published, before the merge.
catalogue::Dosage published_option() {
  const json::ParseResult parsed = json::parse(R"({"reps":{"min":2,"max":3,"start":2},"sets":1,
    "hold":{"unit":"seconds","amount":{"min":20,"max":30,"start":20}},"sides":"each_side",
    "move_seconds":3,"release_seconds":3,"rest_seconds":2,"set_rest_seconds":0})");
  REQUIRE(parsed.ok());
  std::vector<json::Problem> problems;
  json::ReadContext ctx(problems);
  catalogue::Dosage d;
  json::read(parsed.value, d, ctx);
  REQUIRE(problems.empty());
  return d;
}

// A clinician's own routine made before the merge: the old id, its option, exact amounts.
catalogue::Routine prescribed_before() {
  catalogue::Routine r{.id = "my-1", .name = "Evenings", .purpose = "From the clinic.",
                       .items = {{.exercise = kOld, .dosage = "bed_article", .note = "Left leg first."}}};
  catalogue::prescribe_exactly(c(), r);
  r.items[0].reps = catalogue::Range{.min = 3, .max = 3, .start = 3};
  r.items[0].hold = catalogue::Range{.min = 25, .max = 25, .start = 25};
  return r;
}

}  // namespace

TEST_CASE("merged exercise: the old id finds the knee hug, which has every amount the old one had") {
  const catalogue::Exercise* e = c().find_exercise(kOld);
  REQUIRE(e);
  CHECK(e->id == kNow);
  CHECK(c().current_id(kOld) == kNow);
  CHECK(c().current_id(kNow) == kNow);
  CHECK(c().current_id("cartwheel") == "cartwheel");
  for (const catalogue::Exercise& listed : c().exercises) CHECK(listed.id != kOld);  // one exercise, listed once
  // Both sources' words and amounts: the fitness article's option beside the BHF's and SOS's.
  CHECK(std::find(e->sources.begin(), e->sources.end(), "article_001") != e->sources.end());
  const catalogue::DosageOption* option = catalogue::find_dosage(*e, "bed_article");
  REQUIRE(option);
  CHECK(option->dosage == published_option());
  CHECK(catalogue::find_dosage(*e, "bhf"));
  CHECK(catalogue::find_dosage(*e, "sos_physio"));
}

TEST_CASE("merged exercise: a routine prescribed with the old id keeps its amounts, its note and its link") {
  const catalogue::Routine before = prescribed_before();
  const catalogue::Exercise& e = *c().find_exercise(kOld);
  const catalogue::Dosage d = catalogue::resolve(e, before.items[0]);
  CHECK(d.reps.start == 3);
  CHECK(d.hold->amount.start == 25);
  CHECK(catalogue::describe_prescribed(e, before.items[0], std::nullopt).find("25 seconds") != std::string::npos);
  // The link is made with the code the old id always had, and opens to the same prescription.
  CHECK(links::code_of_exercise(kOld)->code == 6);
  CHECK(links::check_shared_routine(before, c()).empty());
  const links::LinkResult opened = links::decode_routine_link(links::encode_routine_link(before, c()), c());
  REQUIRE_MESSAGE(opened.ok(), opened.error);
  const catalogue::RoutineItem& item = opened.shared->routine.items.at(0);
  CHECK(item.exercise == kOld);
  CHECK(item.dosage == "bed_article");
  CHECK(item.note == "Left leg first.");
  CHECK(catalogue::resolve(e, item) == d);
  CHECK(app::same_prescription(opened.shared->routine, before));
}

TEST_CASE("merged exercise: choosing another amount names the exercise as it is now, and the link carries it") {
  catalogue::Routine r = prescribed_before();
  REQUIRE(app::choose_dosage(r, 0, c(), "sos_physio"));
  CHECK(r.items[0].exercise == kNow);
  CHECK(r.items[0].dosage == "sos_physio");
  CHECK(r.items[0].note == "Left leg first.");
  CHECK(links::check_shared_routine(r, c()).empty());
  // And the same routine under either id is one exercise to an update: nothing removed or added.
  catalogue::Routine renamed = prescribed_before();
  renamed.items[0].exercise = kNow;
  CHECK(app::routine_changes(c(), prescribed_before(), renamed).empty());
}

TEST_CASE("merged exercise: sessions done under either id are one row of the appointment report") {
  using session::Outcome;
  constexpr std::int64_t kDay = 86'400'000, kToday = 1796299200000;
  std::vector<storage::StoredSession> sessions;
  for (const auto& [days_ago, id] : {std::pair{5, kOld}, std::pair{3, kNow}, std::pair{1, kOld}}) {
    storage::StoredSession s;
    s.record.routine = "in_bed";
    s.record.started_at_ms = kToday - days_ago * kDay;
    s.record.ended_at_ms = s.record.started_at_ms + 600'000;
    s.record.exercises.push_back({.exercise = id, .outcome = Outcome::completed});
    s.id = std::to_string(s.record.started_at_ms);
    sessions.push_back(s);
  }
  const std::string html = print::appointment_report({.catalogue = &c(), .sessions = &sessions,
                                                      .routine = c().find_routine("in_bed"), .link = "https://x.example/#r",
                                                      .weeks = 2, .now_ms = kToday, .utc_offset_minutes = 0});
  const std::string row = "<td>Single knee hug in bed</td>";
  const std::size_t at = html.find(row);
  REQUIRE(at != std::string::npos);
  CHECK(html.find(row, at + 1) == std::string::npos);
  CHECK(html.find("Lower back stretch") == std::string::npos);
}

TEST_CASE("merged exercise: an item saved with the old id and no option means the old default, not the knee hug's") {
  // Older builds stored (and format-1 links carried) an item with no option: the exercise's default.
  catalogue::Routine stored{.id = "my-1", .name = "Evenings", .purpose = "Mine.", .items = {{.exercise = kOld}}};
  catalogue::prescribe_exactly(c(), stored);
  const catalogue::RoutineItem& item = stored.items.at(0);
  CHECK(item.dosage == "bed_article");
  CHECK(item.reps->start == published_option().reps.start);
  CHECK(item.hold->start == published_option().hold->amount.start);

  catalogue::Routine linked{.name = "Evenings", .rest_between_exercises_seconds = 15, .items = {{.exercise = kOld}}};
  const links::LinkResult opened =
      links::decode_routine_link(links::detail::link_from_payload(links::detail::payload_bytes_v1(linked, ""), 1), c());
  REQUIRE_MESSAGE(opened.ok(), opened.error);
  const catalogue::RoutineItem& from_link = opened.shared->routine.items.at(0);
  CHECK(from_link.exercise == kOld);
  CHECK(from_link.dosage == "bed_article");
  CHECK(from_link.hold->start == published_option().hold->amount.start);
}
