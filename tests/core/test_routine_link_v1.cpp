// Routine links of format 1, made before notes, schedules and clinics were kept with a routine:
// they still open, their amounts become the routine's exact amounts, and their own damage is
// named as it always was (links/link_v1.cpp).
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "animation_fixtures.h"
#include "link_fixtures.h"
#include "catalogue/dosage.h"
#include "catalogue/own_routine.h"
#include "links/routine_link.h"

using namespace limber;
using namespace limber::links;
using catalogue::Range;

namespace {

const catalogue::Catalogue& shipped() { return test::shipped_catalogue(); }

using test::open_link;
using test::refused;

// A format-1 link, as Limber wrote them.
std::string v1_link(const catalogue::Routine& routine, std::string_view note) {
  return detail::link_from_payload(detail::payload_bytes_v1(routine, note), 1);
}
std::string v1_link_of_payload(std::string_view bytes) { return detail::link_from_payload(bytes, 1); }

catalogue::Routine sample_routine() {
  catalogue::Routine r;
  r.name = "Morning";
  r.rest_between_exercises_seconds = 15;
  r.items = {{.exercise = "knee_rolls", .dosage = "nhs"}, {.exercise = "pelvic_tilt"}};
  return r;
}
catalogue::Routine with_item(catalogue::RoutineItem item) {
  catalogue::Routine r = sample_routine();
  r.items = {std::move(item)};
  return r;
}
std::string refused(const catalogue::Routine& r) { return refused(v1_link(r, "Slowly, and stop if it hurts more.")); }

// A payload built byte by byte, for links no encoder writes (the check value is made to match).
std::string text(std::string_view s) { return std::string(1, static_cast<char>(s.size())) + std::string(s); }
std::string payload(std::string_view items, std::string_view count = "\x01", std::string_view head = "") {
  std::string out = head.empty() ? text("Morning") + text("") + std::string("\x00\x0f", 2) : std::string(head);
  return out + std::string(count) + std::string(items);
}
std::string knee_rolls_item() { return std::string("\x00", 1) + text("knee_rolls"); }

}  // namespace

TEST_CASE("old link: every shipped routine's format-1 link opens, each amount the value it was done at") {
  for (const catalogue::Routine& routine : shipped().routines) {
    INFO(routine.id);
    const LinkResult r = open_link(v1_link(routine, "Start gently; stop if the pain gets worse."));
    REQUIRE_MESSAGE(r.ok(), r.error);
    CHECK(r.shared->format == 1);
    const catalogue::Routine& got = r.shared->routine;
    CHECK(got.name == routine.name);
    CHECK(got.frequency == routine.frequency);
    CHECK_FALSE(got.schedule);
    CHECK(got.note == "Start gently; stop if the pain gets worse.");
    CHECK(got.purpose == "Start gently; stop if the pain gets worse.");
    CHECK_FALSE(got.uid);  // a format-1 link has no identity: it adds, never updates
    REQUIRE(got.items.size() == routine.items.size());
    for (std::size_t i = 0; i < got.items.size(); ++i) {
      const catalogue::Exercise* e = shipped().find_exercise(routine.items[i].exercise);
      const catalogue::Dosage was = catalogue::resolve(*e, routine.items[i]);
      CHECK(got.items[i].reps == Range{.min = was.reps.start, .max = was.reps.start, .start = was.reps.start});
      if (was.hold) CHECK(got.items[i].hold->start == was.hold->amount.start);
    }
  }
}

TEST_CASE("old link: an override's range becomes the value it was done at, never raised by the app") {
  const LinkResult r = open_link(v1_link(with_item({.exercise = "knee_rolls", .dosage = "nhs",
                                                    .reps = Range{.min = 8, .max = 10, .start = 9}}), ""));
  REQUIRE_MESSAGE(r.ok(), r.error);
  CHECK(r.shared->routine.items[0].reps == Range{.min = 9, .max = 9, .start = 9});
  CHECK(r.shared->routine.purpose == "A routine from your clinician.");
  CHECK_FALSE(r.shared->routine.note);
}

TEST_CASE("routine link refused: the payload goes on after the last exercise") {
  const std::string bytes = detail::payload_bytes_v1(sample_routine(), "");
  CHECK(refused(v1_link_of_payload(bytes + std::string(1, '\0'))) ==
        "This routine link is damaged, so Limber cannot read it (it goes on after the last exercise).");
}

TEST_CASE("routine link refused: a number not in its shortest form") {
  // The rest between exercises, 15, written as two bytes.
  const std::string head = text("Morning") + text("") + std::string("\x00\x8f\x00", 3);
  CHECK(refused(v1_link_of_payload(payload(knee_rolls_item(), "\x01", head))) ==
        "This routine link is damaged, so Limber cannot read it (a number in it is badly written).");
}

TEST_CASE("routine link refused: a number too large") {
  const std::string head = text("Morning") + text("") + std::string("\x00\x80\x80\x04", 4);  // 65536
  CHECK(refused(v1_link_of_payload(payload(knee_rolls_item(), "\x01", head))) ==
        "This routine link is damaged, so Limber cannot read it (a number in it is too large).");
  const std::string longer = text("Morning") + text("") + std::string("\x00\x80\x80\x80\x01", 5);
  CHECK(refused(v1_link_of_payload(payload(knee_rolls_item(), "\x01", longer))) ==
        "This routine link is damaged, so Limber cannot read it (a number in it is too large).");
}

TEST_CASE("routine link refused: an unknown frequency") {
  const std::string head = text("Morning") + text("") + std::string("\x03\x0f", 2);
  CHECK(refused(v1_link_of_payload(payload(knee_rolls_item(), "\x01", head))) ==
        "This routine link is damaged, so Limber cannot read it (it gives an unknown frequency).");
}

TEST_CASE("routine link refused: an item with flags no encoder writes") {
  const std::string damaged = "This routine link is damaged, so Limber cannot read it (an exercise in it is badly written).";
  CHECK(refused(v1_link_of_payload(payload(std::string("\x80", 1) + text("knee_rolls")))) == damaged);
  CHECK(refused(v1_link_of_payload(payload(std::string("\x06", 1) + text("knee_rolls")))) == damaged);
  // Reps as a range whose min, max and start are equal: the one-value form is the only spelling.
  CHECK(refused(v1_link_of_payload(payload(std::string("\x04", 1) + text("knee_rolls") + "\x08\x08\x08"))) ==
        damaged);
}

TEST_CASE("routine link refused: repetitions outside the source's range") {
  CHECK(refused(with_item({.exercise = "knee_rolls", .dosage = "nhs", .reps = Range{.min = 8, .max = 10, .start = 40}})) ==
        "This routine link asks for 40 repetitions of Knee rolls, more than its source recommends (8 to 10).");
  CHECK(refused(with_item({.exercise = "knee_rolls", .dosage = "nhs", .reps = Range{.min = 1, .max = 1, .start = 1}})) ==
        "This routine link asks for 1 repetition of Knee rolls, fewer than its source recommends (8 to 10).");
}

TEST_CASE("routine link refused: sets outside the source's range") {
  CHECK(refused(with_item({.exercise = "knee_rolls", .sets = Range{.min = 3, .max = 3, .start = 3}})) ==
        "This routine link asks for 3 sets of Knee rolls, more than its source recommends (1).");
}

TEST_CASE("routine link refused: a hold outside the source's range") {
  CHECK(refused(with_item({.exercise = "knee_rolls", .dosage = "up_to_fifteen", .hold = Range{.min = 3, .max = 5, .start = 2}})) ==
        "This routine link asks for holds of 2 seconds in Knee rolls, shorter than its source recommends (3 to 5 seconds).");
  CHECK(refused(with_item({.exercise = "relaxation", .hold = Range{.min = 20, .max = 20, .start = 20}})) ==
        "This routine link asks for holds of 20 breaths in Relaxation, longer than its source recommends (6 to 10 breaths).");
}

TEST_CASE("routine link refused: a hold for a movement that is not held") {
  CHECK(refused(with_item({.exercise = "pelvic_tilt", .dosage = "nhs", .hold = Range{.min = 3, .max = 3, .start = 3}})) ==
        "This routine link asks for a hold in Pelvic tilt, which is not held at the dosage it names.");
}

