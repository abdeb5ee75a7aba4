// Routine links: a routine in a URL fragment, checked completely before anything is taken from it.
#include <doctest/doctest.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "animation_fixtures.h"
#include "app/routine_editor.h"
#include "catalogue/validate.h"
#include "links/routine_link.h"

using namespace limber;
using namespace limber::links;
using catalogue::Range;

namespace {

const std::string kIncomplete = "This routine link is incomplete: it may have been cut off when it was copied.";
const std::string kChanged = "This routine link has been changed since it was made, so Limber cannot trust it.";

const catalogue::Catalogue& shipped() { return test::shipped_catalogue(); }

// Two items: knee rolls at the NHS's dosage, and a pelvic tilt at its default.
SharedRoutine sample() {
  catalogue::Routine r;
  r.name = "Morning";
  r.rest_between_exercises_seconds = 15;
  r.items = {{.exercise = "knee_rolls", .dosage = "nhs"}, {.exercise = "pelvic_tilt"}};
  return {.routine = r, .note = "Slowly, and stop if it hurts more."};
}

SharedRoutine with_item(catalogue::RoutineItem item) {
  SharedRoutine s = sample();
  s.routine.items = {std::move(item)};
  return s;
}

LinkResult open_link(std::string_view fragment) { return decode_routine_link(fragment, shipped()); }

// The message a link is refused with (and a check that it is refused with no routine).
std::string refused(std::string_view fragment) {
  const LinkResult r = open_link(fragment);
  CHECK_FALSE(r.ok());
  CHECK_FALSE(r.error.empty());
  return r.error;
}
std::string refused(const SharedRoutine& shared) { return refused(encode_routine_link(shared)); }

// Where the payload starts in "routine=1.<payload>.<check>".
constexpr std::size_t kHead = std::string_view("routine=1.").size();

// A payload built byte by byte, for links no encoder writes (the check value is made to match).
std::string text(std::string_view s) { return std::string(1, static_cast<char>(s.size())) + std::string(s); }
std::string payload(std::string_view items, std::string_view count = "\x01", std::string_view head = "") {
  std::string out = head.empty() ? text("Morning") + text("") + std::string("\x00\x0f", 2) : std::string(head);
  return out + std::string(count) + std::string(items);
}
std::string knee_rolls_item() { return std::string("\x00", 1) + text("knee_rolls"); }

}  // namespace

// ---- links that open ---------------------------------------------------------------------

TEST_CASE("routine link: every shipped routine comes back from its link, with a note") {
  REQUIRE_FALSE(shipped().routines.empty());
  for (const catalogue::Routine& routine : shipped().routines) {
    INFO(routine.id);
    const SharedRoutine shared{.routine = routine, .note = "Start gently; stop if the pain gets worse."};
    const LinkResult r = open_link(encode_routine_link(shared));
    REQUIRE_MESSAGE(r.ok(), r.error);
    const catalogue::Routine& got = r.shared->routine;
    CHECK(got.items == routine.items);  // exercises, order, dosage options and overrides, exactly
    CHECK(got.name == routine.name);
    CHECK(got.frequency == routine.frequency);
    CHECK(got.rest_between_exercises_seconds == routine.rest_between_exercises_seconds);
    CHECK(r.shared->note == shared.note);
    // Not carried: the receiver's id, and text filled in plainly.
    CHECK(got.id.empty());
    CHECK(got.sources.empty());
    CHECK(got.purpose == shared.note);
    CHECK_FALSE(got.frequency_note);  // a link carries the frequency, not a note
  }
}

TEST_CASE("routine link: an edited routine with overrides and another dosage option comes back exactly") {
  const catalogue::Catalogue& c = shipped();
  catalogue::Routine mine = app::copy_routine(*c.find_routine("in_bed"), c, {});
  REQUIRE(mine.items[0].exercise == "single_knee_hug_in_bed");
  REQUIRE(app::choose_dosage(mine, 0, c, "sos_physio"));  // not the default option
  REQUIRE(app::step_dosage(mine, 0, c, app::DosageField::reps, +1));
  REQUIRE(mine.items[3].exercise == "knee_rolls");
  REQUIRE(app::step_dosage(mine, 3, c, app::DosageField::reps, +5));
  REQUIRE(app::step_dosage(mine, 3, c, app::DosageField::hold, +2));
  REQUIRE(app::remove_item(mine, 11));
  REQUIRE(app::move_item(mine, 4, -2));
  REQUIRE(app::add_exercise(mine, c, "side_bends"));
  mine.name = "Mornings, after the clinic";
  mine.rest_between_exercises_seconds = 25;
  REQUIRE(catalogue::check_own_routine(c, mine).empty());

  const LinkResult r = open_link(encode_routine_link({.routine = mine, .note = ""}));
  REQUIRE_MESSAGE(r.ok(), r.error);
  CHECK(r.shared->routine.items == mine.items);
  CHECK(r.shared->routine.items[0].dosage == "sos_physio");
  CHECK(r.shared->routine.items[0].reps == Range{.min = 2, .max = 3, .start = 3});
  CHECK(r.shared->routine.rest_between_exercises_seconds == 25);
  CHECK(r.shared->routine.purpose == "A routine from your clinician.");  // no note
}

TEST_CASE("routine link: the same routine always gives the same link, and a link re-encodes to itself") {
  const std::string link = encode_routine_link(sample());
  CHECK(encode_routine_link(sample()) == link);
  SharedRoutine other = sample();
  other.note += "!";
  CHECK(encode_routine_link(other) != link);
  const LinkResult r = open_link(link);
  REQUIRE(r.ok());
  CHECK(encode_routine_link(*r.shared) == link);
  CHECK(link.substr(0, kHead) == "routine=1.");
}

TEST_CASE("routine link: the longest shipped routine's link, with the longest note, is well under the limit") {
  std::size_t longest = 0;
  for (const catalogue::Routine& routine : shipped().routines) {
    const std::string link = encode_routine_link({.routine = routine, .note = std::string(kMaxNoteChars, 'n')});
    longest = std::max(longest, link.size());
  }
  CHECK(longest > 0);
  CHECK(longest < kMaxLinkChars / 2);
}

TEST_CASE("routine link: the largest routine the limits allow fits in a link and opens") {
  // The costliest item in the catalogue: the longest ids, a named option, every override a range at its largest.
  const auto widest = [](const catalogue::Range& source) {
    return Range{.min = source.min, .max = source.max, .start = source.max};
  };
  catalogue::RoutineItem costliest;
  std::size_t most = 0;
  for (const catalogue::Exercise& e : shipped().exercises) {
    for (const catalogue::DosageOption& o : e.dosages) {
      catalogue::RoutineItem item{.exercise = e.id, .dosage = o.id, .reps = widest(o.dosage.reps),
                                  .sets = widest(o.dosage.sets)};
      if (o.dosage.hold) item.hold = widest(o.dosage.hold->amount);
      const std::size_t bytes = detail::payload_bytes(with_item(item)).size();
      if (bytes > most) most = bytes, costliest = item;
    }
  }
  SharedRoutine largest = sample();
  largest.routine.items.assign(kMaxItems, costliest);
  // Every character three bytes long in UTF-8, as the typographic punctuation Limber's fonts draw is.
  std::string name, note;
  for (std::size_t i = 0; i < kMaxNameChars; ++i) name += "\u2019";
  for (std::size_t i = 0; i < kMaxNoteChars; ++i) note += "\u2019";
  largest.routine.name = name;
  largest.note = note;
  const std::string link = encode_routine_link(largest);
  CHECK(link.size() <= kMaxLinkChars);
  const LinkResult r = open_link(link);
  REQUIRE_MESSAGE(r.ok(), r.error);
  CHECK(r.shared->routine.items == largest.routine.items);
  CHECK(r.shared->routine.name == name);
  CHECK(r.shared->note == note);
  CHECK(check_shared_routine(largest, shipped()).empty());
}

TEST_CASE("routine link: opens with or without a leading '#'") {
  const std::string link = encode_routine_link(sample());
  const LinkResult plain = open_link(link), hashed = open_link("#" + link);
  REQUIRE(plain.ok());
  REQUIRE(hashed.ok());
  CHECK(*plain.shared == *hashed.shared);
  CHECK(plain.shared->routine.items == sample().routine.items);
}

TEST_CASE("routine link: is_routine_link tells a routine link from the app's other fragments") {
  const std::string link = encode_routine_link(sample());
  CHECK(is_routine_link(link));
  CHECK(is_routine_link("#" + link));
  CHECK(is_routine_link("#routine=9.whatever"));  // claims to be one; decoding says what is wrong
  CHECK_FALSE(is_routine_link(""));
  CHECK_FALSE(is_routine_link("#"));
  CHECK_FALSE(is_routine_link("#routines"));
  CHECK_FALSE(is_routine_link("#library"));
  CHECK_FALSE(is_routine_link("##routine=1.a.b"));
}

TEST_CASE("routine link: the routine opened is ready to save as the person's own") {
  const catalogue::Catalogue& c = shipped();
  const LinkResult r = open_link(encode_routine_link({.routine = *c.find_routine("physio_mobility"), .note = ""}));
  REQUIRE(r.ok());
  catalogue::Routine routine = r.shared->routine;
  CHECK(routine.purpose == "A routine from your clinician.");
  CHECK(catalogue::frequency_sentence(routine) == "Twice a day while you are in pain");
  storage::Profile data;
  routine.id = app::new_routine_id(c, data);
  CHECK(app::save_routine(data, c, routine).empty());
  REQUIRE(data.routines.size() == 1);
  CHECK(data.routines[0].id == "my-1");
}

TEST_CASE("routine link: text in other languages and a line break in the note come through") {
  SharedRoutine s = sample();
  s.routine.name = "\xc3\x89tirements \xe2\x80\x93 matin";  // "Étirements – matin"
  s.note = "Line one.\nLine two: \xe2\x80\x9cgently\xe2\x80\x9d, caf\xc3\xa9.";
  const LinkResult r = open_link(encode_routine_link(s));
  REQUIRE_MESSAGE(r.ok(), r.error);
  CHECK(r.shared->routine.name == s.routine.name);
  CHECK(r.shared->note == s.note);
  // Characters are counted, not bytes: 280 two-byte characters are within the limit.
  std::string note;
  for (std::size_t i = 0; i < kMaxNoteChars; ++i) note += "\xc3\xa9";
  s.note = note;
  CHECK(open_link(encode_routine_link(s)).ok());
}

TEST_CASE("routine link: check_shared_routine says whether a routine's link will open") {
  CHECK(check_shared_routine(sample(), shipped()).empty());
  SharedRoutine s = sample();
  s.routine.items.clear();
  CHECK(check_shared_routine(s, shipped()) == "This routine link has no exercises in it.");
}

// ---- links refused: one case each, with the exact message -----------------------------------

TEST_CASE("routine link refused: empty") {
  CHECK(refused("") == "This routine link is empty.");
  CHECK(refused("#") == "This routine link is empty.");
}

TEST_CASE("routine link refused: not a routine link") {
  for (const char* fragment : {"library", "#routines", "recipe=1.AAAA.AAAAAA", "Routine=1.AAAA.AAAAAA", "##routine=1."}) {
    INFO(fragment);
    CHECK(refused(fragment) == "This is not a Limber routine link.");
  }
}

TEST_CASE("routine link refused: made by a newer version") {
  const std::string rest = encode_routine_link(sample()).substr(kHead - 1);  // ".<payload>.<check>"
  for (const std::string version : {"2", "10", "123456789012345678901234567890"}) {
    INFO(version);
    CHECK(refused("routine=" + version + rest) ==
          "This routine link was made by a newer version of Limber. Update Limber, then open it again.");
  }
}

TEST_CASE("routine link refused: a version Limber does not know") {
  const std::string rest = encode_routine_link(sample()).substr(kHead - 1);
  for (const std::string version : {"0", "01", "x", "1x", ""}) {
    INFO(version);
    CHECK(refused("routine=" + version + rest) == "This routine link has a version number Limber does not know.");
  }
}

TEST_CASE("routine link refused: a character that cannot be in a link") {
  const std::string link = encode_routine_link(sample());
  const auto with = [&](std::size_t at, std::string_view c) { return link.substr(0, at) + std::string(c) + link.substr(at + 1); };
  CHECK(refused(with(kHead + 3, "+")) ==
        "This routine link contains a character that cannot be in it (\"+\"); it may have been changed when it was copied.");
  CHECK(refused(with(kHead + 3, " ")) ==
        "This routine link contains a character that cannot be in it (a space); it may have been changed when it was copied.");
  CHECK(refused(with(link.size() - 1, "=")) ==
        "This routine link contains a character that cannot be in it (\"=\"); it may have been changed when it was copied.");
  CHECK(refused(with(kHead + 3, "\xc3\xa9")) ==
        "This routine link contains a character that cannot be in it; it may have been changed when it was copied.");
  CHECK(refused(link + ".") ==
        "This routine link contains a character that cannot be in it (\".\"); it may have been changed when it was copied.");
}

TEST_CASE("routine link refused: cut off at any point") {
  const std::string link = encode_routine_link(sample());
  for (std::size_t n = 1; n < link.size(); ++n) {
    INFO(link.substr(0, n));
    CHECK(refused(link.substr(0, n)) == kIncomplete);
    CHECK(refused("#" + link.substr(0, n)) == kIncomplete);
  }
}

TEST_CASE("routine link refused: any one character of the payload or check changed") {
  const std::string link = encode_routine_link(sample());
  const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  int tried = 0;
  for (std::size_t at = kHead; at < link.size(); ++at) {
    if (link[at] == '.') continue;
    for (const std::size_t step : {1u, 17u, 32u}) {  // a near, a middling and a far character
      std::string changed = link;
      changed[at] = alphabet[(alphabet.find(link[at]) + step) % alphabet.size()];
      INFO(changed);
      CHECK(refused(changed) == kChanged);
      ++tried;
    }
  }
  CHECK(tried > 100);
}

TEST_CASE("routine link refused: the check value of another link") {
  const std::string a = encode_routine_link(sample());
  SharedRoutine other = sample();
  other.routine.name = "Evening";
  const std::string b = encode_routine_link(other);
  CHECK(refused(a.substr(0, a.rfind('.')) + b.substr(b.rfind('.'))) == kChanged);
  CHECK(refused(a + "A") == kChanged);  // a check value too long
}

TEST_CASE("routine link refused: the payload goes on after the last exercise") {
  const std::string bytes = detail::payload_bytes(sample());
  CHECK(refused(detail::link_from_payload(bytes + std::string(1, '\0'))) ==
        "This routine link is damaged, so Limber cannot read it (it goes on after the last exercise).");
}

TEST_CASE("routine link refused: the payload ends too soon (with a check value that matches)") {
  const std::string bytes = detail::payload_bytes(sample());
  for (std::size_t n = 0; n < bytes.size(); ++n) {
    INFO(n);
    CHECK(refused(detail::link_from_payload(bytes.substr(0, n))) ==
          "This routine link is damaged, so Limber cannot read it (it ends too soon).");
  }
}

TEST_CASE("routine link refused: a number not in its shortest form") {
  // The rest between exercises, 15, written as two bytes.
  const std::string head = text("Morning") + text("") + std::string("\x00\x8f\x00", 3);
  CHECK(refused(detail::link_from_payload(payload(knee_rolls_item(), "\x01", head))) ==
        "This routine link is damaged, so Limber cannot read it (a number in it is badly written).");
}

TEST_CASE("routine link refused: a number too large") {
  const std::string head = text("Morning") + text("") + std::string("\x00\x80\x80\x04", 4);  // 65536
  CHECK(refused(detail::link_from_payload(payload(knee_rolls_item(), "\x01", head))) ==
        "This routine link is damaged, so Limber cannot read it (a number in it is too large).");
  const std::string longer = text("Morning") + text("") + std::string("\x00\x80\x80\x80\x01", 5);
  CHECK(refused(detail::link_from_payload(payload(knee_rolls_item(), "\x01", longer))) ==
        "This routine link is damaged, so Limber cannot read it (a number in it is too large).");
}

TEST_CASE("routine link refused: an unknown frequency") {
  const std::string head = text("Morning") + text("") + std::string("\x03\x0f", 2);
  CHECK(refused(detail::link_from_payload(payload(knee_rolls_item(), "\x01", head))) ==
        "This routine link is damaged, so Limber cannot read it (it gives an unknown frequency).");
}

TEST_CASE("routine link refused: an item with flags no encoder writes") {
  const std::string damaged = "This routine link is damaged, so Limber cannot read it (an exercise in it is badly written).";
  CHECK(refused(detail::link_from_payload(payload(std::string("\x80", 1) + text("knee_rolls")))) == damaged);
  CHECK(refused(detail::link_from_payload(payload(std::string("\x06", 1) + text("knee_rolls")))) == damaged);
  // Reps as a range whose min, max and start are equal: the one-value form is the only spelling.
  CHECK(refused(detail::link_from_payload(payload(std::string("\x04", 1) + text("knee_rolls") + "\x08\x08\x08"))) ==
        damaged);
}

TEST_CASE("routine link refused: too long overall") {
  const std::string link = encode_routine_link(sample());
  const std::string padded = "routine=1." + std::string(kMaxLinkChars, 'A');
  CHECK(refused(padded) == "This routine link is too long (" + std::to_string(padded.size()) +
                               " characters; Limber reads up to 4000).");
  CHECK(refused(std::string(1 << 20, 'r')) == "This routine link is too long (1048576 characters; Limber reads up to 4000).");
  CHECK(refused("#" + std::string(kMaxLinkChars + 1, '#')) ==
        "This routine link is too long (4001 characters; Limber reads up to 4000).");
  CHECK(refused(std::string(kMaxLinkChars, '#')) == "This is not a Limber routine link.");  // at the limit: read
}

TEST_CASE("routine link refused: the note is too long") {
  SharedRoutine s = sample();
  s.note = std::string(kMaxNoteChars + 1, 'a');
  CHECK(refused(s) == "This routine link has a note of 281 characters; the most is 280.");
  s.note.pop_back();
  CHECK(open_link(encode_routine_link(s)).ok());
}

TEST_CASE("routine link refused: the routine has no name") {
  SharedRoutine s = sample();
  s.routine.name = "";
  CHECK(refused(s) == "This routine link gives the routine no name.");
}

TEST_CASE("routine link refused: the routine's name is too long") {
  SharedRoutine s = sample();
  s.routine.name = std::string(kMaxNameChars + 1, 'a');
  CHECK(refused(s) == "This routine link gives the routine a name of 61 characters; the most is 60.");
  s.routine.name.pop_back();
  CHECK(open_link(encode_routine_link(s)).ok());
}

TEST_CASE("routine link refused: too many exercises") {
  SharedRoutine s = sample();
  s.routine.items.assign(kMaxItems + 1, {.exercise = "relaxation"});
  CHECK(refused(s) == "This routine link has 31 exercises; a routine can have at most 30.");
  s.routine.items.pop_back();
  CHECK(open_link(encode_routine_link(s)).ok());
}

TEST_CASE("routine link refused: no exercises") {
  SharedRoutine s = sample();
  s.routine.items.clear();
  CHECK(refused(s) == "This routine link has no exercises in it.");
}

TEST_CASE("routine link refused: an exercise Limber does not have") {
  CHECK(refused(with_item({.exercise = "cartwheel"})) ==
        "This routine link names an exercise Limber does not have (\"cartwheel\").");
  // Text that does not look like an id is not repeated back.
  CHECK(refused(with_item({.exercise = "<b>\xff"})) == "This routine link names an exercise Limber does not have.");
}

TEST_CASE("routine link refused: a dosage option the exercise does not have") {
  CHECK(refused(with_item({.exercise = "knee_rolls", .dosage = "triple"})) ==
        "This routine link names a dosage of Knee rolls that Limber does not have (\"triple\").");
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

TEST_CASE("routine link refused: an override range wider than the source's (the rule for own routines)") {
  CHECK(refused(with_item({.exercise = "knee_rolls", .dosage = "nhs", .reps = Range{.min = 5, .max = 10, .start = 8}})) ==
        "This routine link asks for something Limber does not allow in a routine "
        "(items[0].reps: reps override must stay within the source's 8 to 10).");
}

TEST_CASE("routine link refused: a rest between exercises longer than own routines allow") {
  SharedRoutine s = sample();
  s.routine.rest_between_exercises_seconds = 301;
  CHECK(refused(s) == "This routine link asks for something Limber does not allow in a routine "
                      "(rest_between_exercises_seconds: must be from 0 to 300 seconds).");
}

TEST_CASE("routine link refused: text that is not valid UTF-8") {
  SharedRoutine s = sample();
  for (const char* bad : {"caf\xc3", "\xc3\x28", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xff"}) {
    INFO(bad);
    s.note = bad;
    CHECK(refused(s) == "This routine link has a note that is not valid text.");
  }
  s = sample();
  s.routine.name = "Morning \xe2\x80";
  CHECK(refused(s) == "This routine link has a routine name that is not valid text.");
}

TEST_CASE("routine link refused: control characters in the note or the name") {
  SharedRoutine s = sample();
  for (const std::string& bad : {std::string("Bell\x07"), std::string("Tab\there"), std::string("Nul\0!", 5),
                                std::string("Del\x7f"), std::string("C1 \xc2\x85")}) {
    s.note = bad;
    CHECK(refused(s) == "This routine link has a note with a control character in it, which Limber does not accept.");
  }
  s = sample();
  s.routine.name = "Two\nlines";  // a line break is fine in the note, not in the name
  CHECK(refused(s) == "This routine link has a routine name with a control character in it, which Limber does not accept.");
}

TEST_CASE("routine link refused: a direction mark in the name or the note") {
  for (const char* mark : {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"}) {
    CAPTURE(mark);
    SharedRoutine s = sample();
    s.routine.name = std::string("Stretch ") + mark + "gnp.exe";
    CHECK(refused(s) == "This routine link has an invisible mark that turns the direction of its text around, which could "
                        "disguise what it says, so Limber does not accept it.");
    s = sample();
    s.note = std::string("Do these ") + mark + "daily";
    CHECK(refused(s).find("invisible mark") != std::string::npos);
  }
}
