// Routine links (format 2): a clinician's whole prescription in a URL fragment, packed small and
// checked completely before anything is taken from it. Format 1 is test_routine_link_v1.cpp.
#include <doctest/doctest.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "animation_fixtures.h"
#include "link_fixtures.h"
#include "app/routine_editor.h"
#include "app/routine_update.h"
#include "catalogue/prescription.h"
#include "catalogue/schedule.h"
#include "catalogue/validate.h"
#include "links/link_bytes.h"
#include "links/routine_link.h"
#include "text/utf8.h"

using namespace limber;
using namespace limber::links;
using catalogue::Range;

namespace {

const std::string kIncomplete = "This routine link is incomplete: it may have been cut off when it was copied.";
const std::string kChanged = "This routine link has been changed since it was made, so Limber cannot trust it.";
const std::string kBadlyWritten = "This routine link is damaged, so Limber cannot read it (it is badly written).";
const std::string kNotAllowed = "This routine link asks for something Limber does not allow in a routine (";

const catalogue::Catalogue& shipped() { return test::shipped_catalogue(); }
Range one(int v) { return {.min = v, .max = v, .start = v}; }

// Two items: knee rolls at the NHS's amounts, and a pelvic tilt at its default's.
catalogue::Routine sample() {
  catalogue::Routine r;
  r.name = "Morning";
  r.rest_between_exercises_seconds = 15;
  r.note = "Slowly, and stop if it hurts more.";
  r.items = {{.exercise = "knee_rolls", .dosage = "nhs"}, {.exercise = "pelvic_tilt"}};
  catalogue::prescribe_exactly(shipped(), r);
  return r;
}

catalogue::Routine with_item(catalogue::RoutineItem item) {
  catalogue::Routine r = sample();
  r.items = {std::move(item)};
  return r;
}

// The routine a physiotherapist tried Limber with: right-sided low back pain, a desk job, three
// weeks, seven exercises, twice a day, a note that fills its 280 characters with a safety line.
catalogue::Routine clinic_routine() {
  catalogue::Routine r;
  r.name = "Right-sided low back pain, weeks 1 to 3";
  r.purpose = "A routine from your clinician.";
  r.note = "Do these before work and in the evening. Move slowly and breathe out as you move. Some stiffness is "
           "normal; sharp pain is not, so stop that exercise. If pain spreads down your leg, or you feel numbness or "
           "weakness, STOP and call us. Take short walks every hour at your desk.";
  r.schedule = catalogue::Schedule{.times_a_day = 2, .days_a_week = 7, .times = {7 * 60 + 30, 19 * 60}};
  r.side_that_hurts = catalogue::FirstSide::right;
  r.review_on = "2026-12-28";
  r.uid = "5e1f0a2b3c4d";
  r.version = 1;
  r.rest_between_exercises_seconds = 10;
  r.items = {{.exercise = "pelvic_tilt", .dosage = "hold_a_few_seconds"},
             {.exercise = "knee_rolls", .dosage = "nhs"},
             {.exercise = "single_leg_hug"},
             {.exercise = "lying_spinal_twist"},
             {.exercise = "cat_cow", .dosage = "eight_to_ten"},
             {.exercise = "back_extensions"},
             {.exercise = "figure_four_stretch"}};
  catalogue::prescribe_exactly(shipped(), r);
  r.items[0].reps = one(10);
  r.items[0].hold = one(5);
  r.items[2].favour = catalogue::Favour::first;
  r.items[3].favour = catalogue::Favour::more;
  r.items[5].sets = one(2);
  r.items[5].set_rest_seconds = 30;
  return r;
}

using test::open_link;
using test::refused;
std::string refused(const catalogue::Routine& routine) { return refused(encode_routine_link(routine, shipped())); }

constexpr std::size_t kHead = std::string_view("routine=2.").size();

// A payload from its bytes (the check value made to match), for links no encoder writes.
std::string link_of(std::string_view bytes) { return detail::link_from_payload(bytes); }
std::string payload_of(const catalogue::Routine& r) { return detail::payload_bytes(r, shipped()); }

}  // namespace

// ---- links that open ---------------------------------------------------------------------

TEST_CASE("routine link: every shipped routine, made a person's own, comes back from its link exactly") {
  for (const catalogue::Routine& routine : shipped().routines) {
    INFO(routine.id);
    catalogue::Routine mine = app::copy_routine(routine, shipped(), {}, "00000000a0b1");
    mine.note = "Start gently; stop if the pain gets worse.";
    const LinkResult r = open_link(encode_routine_link(mine, shipped()));
    REQUIRE_MESSAGE(r.ok(), r.error);
    CHECK(r.shared->format == 2);
    CHECK(app::same_prescription(r.shared->routine, mine));
    CHECK(r.shared->routine.items == mine.items);
    // Not carried: the receiver's id, sources, the purpose (the note is), the day it started.
    CHECK(r.shared->routine.id.empty());
    CHECK(r.shared->routine.sources.empty());
    CHECK(r.shared->routine.purpose == *mine.note);
    CHECK_FALSE(r.shared->routine.frequency_note);
    CHECK_FALSE(r.shared->routine.started_on);
  }
}

TEST_CASE("routine link: a clinician's whole prescription comes back exactly") {
  catalogue::Routine r = clinic_routine();
  r.clinic = catalogue::Clinic{.name = "Riverside Physiotherapy", .phone = "+44 (0)20 7946 0958"};
  r.items[1].note = "Only as far as is comfortable";
  r.items[2].build_up_days = 14;
  r.items[2].reps = Range{.min = 3, .max = 10, .start = 3};
  r.items[2].hold = Range{.min = 3, .max = 5, .start = 3};
  r.items[6].hold_unit = catalogue::HoldUnit::breaths;
  r.items[6].hold = one(4);
  r.items[4].sides.reset();
  catalogue::Routine as_own = r;
  as_own.id = "x";
  REQUIRE(catalogue::check_own_routine(shipped(), as_own) == "");
  const LinkResult opened = open_link(encode_routine_link(r, shipped()));
  REQUIRE_MESSAGE(opened.ok(), opened.error);
  const catalogue::Routine& got = opened.shared->routine;
  CHECK(got.items == r.items);
  CHECK(got.schedule == r.schedule);
  CHECK(got.note == r.note);
  CHECK(got.clinic == r.clinic);
  CHECK(got.side_that_hurts == r.side_that_hurts);
  CHECK(got.review_on == "2026-12-28");
  CHECK(got.uid == "5e1f0a2b3c4d");
  CHECK(got.version == 1);
  CHECK(got.rest_between_exercises_seconds == 10);
  CHECK(app::same_prescription(got, r));
}

TEST_CASE("routine link: how often is carried in every form") {
  std::vector<catalogue::Routine> forms;
  for (int times = 1; times <= 4; ++times) {
    for (int days = 1; days <= 7; ++days) {
      catalogue::Routine r = sample();
      r.schedule = catalogue::Schedule{.times_a_day = times, .days_a_week = days, .times = {}};
      forms.push_back(r);
      r.schedule->times = catalogue::reminder_times(*r.schedule);
      forms.push_back(r);
    }
  }
  for (const catalogue::Frequency f : {catalogue::Frequency::every_day, catalogue::Frequency::twice_a_day_while_in_pain,
                                       catalogue::Frequency::when_needed}) {
    catalogue::Routine r = sample();
    r.frequency = f;
    forms.push_back(r);
  }
  for (const catalogue::Routine& r : forms) {
    const LinkResult opened = open_link(encode_routine_link(r, shipped()));
    REQUIRE_MESSAGE(opened.ok(), opened.error);
    CHECK(opened.shared->routine.schedule == r.schedule);
    CHECK(opened.shared->routine.frequency == r.frequency);
  }
}

TEST_CASE("routine link: the clinic's routine makes a link at most 60% as long as format 1 did") {
  const catalogue::Routine r = clinic_routine();
  // What the old editor sent for the same routine: each override the source's range with the value
  // as its start, the note beside it (format 1 had no schedule, side, review or identity).
  catalogue::Routine old = r;
  for (catalogue::RoutineItem& item : old.items) {
    const catalogue::Exercise* e = shipped().find_exercise(item.exercise);
    const catalogue::DosageOption* o = catalogue::find_dosage(*e, *item.dosage);
    item.reps = Range{.min = o->dosage.reps.min, .max = std::max(o->dosage.reps.max, item.reps->start), .start = item.reps->start};
    if (o->dosage.hold) item.hold = Range{.min = o->dosage.hold->amount.min, .max = o->dosage.hold->amount.max, .start = item.hold->start};
    if (item.sets->start == 1) item.sets.reset();
  }
  old.frequency = catalogue::Frequency::twice_a_day_while_in_pain;
  const std::string before = detail::link_from_payload(detail::payload_bytes_v1(old, *r.note), 1);
  const std::string after = encode_routine_link(r, shipped());
  const std::string address = "https://limber.example/";
  MESSAGE("the clinic routine's link: format 1 " << address.size() + 1 + before.size() << " characters, format 2 "
                                                 << address.size() + 1 + after.size());
  CHECK(after.size() * 10 <= before.size() * 6);
  const LinkResult opened = open_link(after);
  CHECK_MESSAGE(opened.ok(), opened.error);
}

TEST_CASE("routine link: the same routine always gives the same link, and a link re-encodes to itself") {
  const std::string link = encode_routine_link(sample(), shipped());
  CHECK(encode_routine_link(sample(), shipped()) == link);
  catalogue::Routine other = sample();
  *other.note += "!";
  CHECK(encode_routine_link(other, shipped()) != link);
  const LinkResult r = open_link(link);
  REQUIRE(r.ok());
  CHECK(encode_routine_link(r.shared->routine, shipped()) == link);
  CHECK(link.substr(0, kHead) == "routine=2.");
}

// Every text at its limit, cut from `words` repeated: the costliest routine a clinician writes.
catalogue::Routine largest_routine(const std::string& words) {
  catalogue::Routine largest = clinic_routine();
  largest.items.clear();
  const auto text = [&](std::size_t chars) {
    std::string out;
    while (text::first_chars(out, chars).size() == out.size() && out.size() < 4 * chars) out += words;
    return std::string(text::first_chars(out, chars));
  };
  largest.name = text(kMaxNameChars);
  largest.note = text(kMaxNoteChars);
  largest.clinic = catalogue::Clinic{.name = text(kMaxNameChars), .phone = std::string(catalogue::OwnRoutineLimits::max_phone_chars, '(')};
  for (std::size_t i = 0; i < kMaxItems; ++i) {
    catalogue::RoutineItem item{.exercise = "single_knee_hug_in_bed", .dosage = "sos_physio", .reps = Range{.min = 49, .max = 50, .start = 49},
                                .sets = one(10), .hold = Range{.min = 299, .max = 300, .start = 299}, .set_rest_seconds = 299,
                                .build_up_days = 182, .note = text(catalogue::PrescriptionLimits::max_item_note_chars)};
    item.favour = catalogue::Favour::more;
    largest.items.push_back(item);
  }
  largest.schedule = catalogue::Schedule{.times_a_day = 4, .days_a_week = 3, .times = {0, 15, 30, 23 * 60 + 45}};
  largest.rest_between_exercises_seconds = 300;
  return largest;
}

TEST_CASE("routine link: the largest routine the limits allow, written in English, fits in a link and opens") {
  const std::string english = "Keep your back flat on the floor and breathe out as you move. Stop if it HURTS; call 020 7946 0958! ";
  for (const std::string& words : {english, std::string("e")}) {
    const catalogue::Routine largest = largest_routine(words);
    const std::string link = encode_routine_link(largest, shipped());
    MESSAGE("the largest routine's link in \"" << words.substr(0, 12) << "...\": " << link.size() << " characters");
    CHECK(link.size() <= kMaxLinkChars);
    const LinkResult r = open_link(link);
    REQUIRE_MESSAGE(r.ok(), r.error);
    CHECK(r.shared->routine.items == largest.items);
    CHECK(check_shared_routine(largest, shipped()).empty());
  }
}

TEST_CASE("routine link: a routine whose texts make a link too long is refused with a plain sentence") {
  // Typographic quotes fill three bytes each: thirty full notes of them take more than a link holds.
  const catalogue::Routine too_long = largest_routine("\u201c");
  const std::string why = check_shared_routine(too_long, shipped());
  CHECK(why.starts_with("This routine link is too long ("));
  CHECK(why.ends_with(" characters; Limber reads up to 4000)."));
}

TEST_CASE("routine link: opens with or without a leading '#'") {
  const std::string link = encode_routine_link(sample(), shipped());
  const LinkResult plain = open_link(link), hashed = open_link("#" + link);
  REQUIRE(plain.ok());
  REQUIRE(hashed.ok());
  CHECK(*plain.shared == *hashed.shared);
}

TEST_CASE("routine link: is_routine_link tells a routine link from the app's other fragments") {
  const std::string link = encode_routine_link(sample(), shipped());
  CHECK(is_routine_link(link));
  CHECK(is_routine_link("#" + link));
  CHECK(is_routine_link("#routine=9.whatever"));  // claims to be one; decoding says what is wrong
  CHECK_FALSE(is_routine_link(""));
  CHECK_FALSE(is_routine_link("#"));
  CHECK_FALSE(is_routine_link("#routines"));
  CHECK_FALSE(is_routine_link("#library"));
  CHECK_FALSE(is_routine_link("##routine=2.a.b"));
}

TEST_CASE("routine link: the routine opened is ready to save as the person's own") {
  const LinkResult r = open_link(encode_routine_link(clinic_routine(), shipped()));
  REQUIRE(r.ok());
  catalogue::Routine routine = r.shared->routine;
  CHECK(catalogue::frequency_sentence(routine) == "Twice a day, every day, at 07:30 and 19:00");
  storage::Profile data;
  routine.id = app::new_routine_id(shipped(), data);
  CHECK(app::save_routine(data, shipped(), routine).empty());
  REQUIRE(data.routines.size() == 1);
  CHECK(data.routines[0].id == "my-1");
}

TEST_CASE("routine link: text in other languages and a line break in the note come through") {
  catalogue::Routine s = sample();
  s.name = "\xc3\x89tirements \xe2\x80\x93 matin";  // "Étirements – matin"
  s.note = "Line one.\nLine two: \xe2\x80\x9cgently\xe2\x80\x9d, caf\xc3\xa9. \xe4\xbd\xa0\xe5\xa5\xbd";
  const LinkResult r = open_link(encode_routine_link(s, shipped()));
  REQUIRE_MESSAGE(r.ok(), r.error);
  CHECK(r.shared->routine.name == s.name);
  CHECK(r.shared->routine.note == s.note);
  // Characters are counted, not bytes: 280 two-byte characters are within the limit.
  std::string note;
  for (std::size_t i = 0; i < kMaxNoteChars; ++i) note += "\xc3\xa9";
  s.note = note;
  CHECK(open_link(encode_routine_link(s, shipped())).ok());
}

TEST_CASE("routine link: check_shared_routine says whether a routine's link will open") {
  CHECK(check_shared_routine(sample(), shipped()).empty());
  catalogue::Routine s = sample();
  s.items.clear();
  CHECK(check_shared_routine(s, shipped()) == "This routine link has no exercises in it.");
  s = with_item({.exercise = "cartwheel"});
  CHECK(check_shared_routine(s, shipped()) == "This routine has an exercise Limber cannot send in a link (\"cartwheel\").");
  s = with_item({.exercise = "knee_rolls", .dosage = "triple"});
  CHECK(check_shared_routine(s, shipped()) == "This routine has a dosage of Knee rolls that Limber cannot send in a link (\"triple\").");
}

// ---- links refused: the envelope ---------------------------------------------------------------

TEST_CASE("routine link refused: empty") {
  CHECK(refused("") == "This routine link is empty.");
  CHECK(refused("#") == "This routine link is empty.");
}

TEST_CASE("routine link refused: not a routine link") {
  for (const char* fragment : {"library", "#routines", "recipe=2.AAAA.AAAAAA", "Routine=2.AAAA.AAAAAA", "##routine=2."}) {
    INFO(fragment);
    CHECK(refused(fragment) == "This is not a Limber routine link.");
  }
}

TEST_CASE("routine link refused: made by a newer version") {
  const std::string rest = encode_routine_link(sample(), shipped()).substr(kHead - 1);  // ".<payload>.<check>"
  for (const std::string version : {"3", "10", "123456789012345678901234567890"}) {
    INFO(version);
    CHECK(refused("routine=" + version + rest) ==
          "This routine link was made by a newer version of Limber. Update Limber, then open it again.");
  }
}

TEST_CASE("routine link refused: a version Limber does not know") {
  const std::string rest = encode_routine_link(sample(), shipped()).substr(kHead - 1);
  for (const std::string version : {"0", "02", "x", "2x", ""}) {
    INFO(version);
    CHECK(refused("routine=" + version + rest) == "This routine link has a version number Limber does not know.");
  }
}

TEST_CASE("routine link refused: a format-2 payload under version 1 is damage, not a routine") {
  const std::string bytes = payload_of(sample());
  CHECK_FALSE(open_link(detail::link_from_payload(bytes, 1)).ok());
}

TEST_CASE("routine link refused: a character that cannot be in a link") {
  const std::string link = encode_routine_link(sample(), shipped());
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
  const std::string link = encode_routine_link(clinic_routine(), shipped());
  for (std::size_t n = 1; n < link.size(); ++n) {
    INFO(link.substr(0, n));
    CHECK(refused(link.substr(0, n)) == kIncomplete);
    CHECK(refused("#" + link.substr(0, n)) == kIncomplete);
  }
}

TEST_CASE("routine link refused: any one character of the payload or check changed") {
  const std::string link = encode_routine_link(clinic_routine(), shipped());
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
  CHECK(tried > 300);
}

TEST_CASE("routine link refused: the check value of another link") {
  const std::string a = encode_routine_link(sample(), shipped());
  catalogue::Routine other = sample();
  other.name = "Evening";
  const std::string b = encode_routine_link(other, shipped());
  CHECK(refused(a.substr(0, a.rfind('.')) + b.substr(b.rfind('.'))) == kChanged);
  CHECK(refused(a + "A") == kChanged);  // a check value too long
}

TEST_CASE("routine link refused: too long overall") {
  const std::string padded = "routine=2." + std::string(kMaxLinkChars, 'A');
  CHECK(refused(padded) == "This routine link is too long (" + std::to_string(padded.size()) +
                               " characters; Limber reads up to 4000).");
  CHECK(refused(std::string(1 << 20, 'r')) == "This routine link is too long (1048576 characters; Limber reads up to 4000).");
  CHECK(refused("#" + std::string(kMaxLinkChars + 1, '#')) ==
        "This routine link is too long (4001 characters; Limber reads up to 4000).");
  CHECK(refused(std::string(kMaxLinkChars, '#')) == "This is not a Limber routine link.");  // at the limit: read
}

// ---- links refused: the payload ------------------------------------------------------------------

TEST_CASE("routine link refused: the payload ends too soon (with a check value that matches)") {
  const std::string bytes = payload_of(clinic_routine());
  for (std::size_t n = 0; n < bytes.size(); ++n) {
    INFO(n);
    const std::string why = refused(link_of(bytes.substr(0, n)));
    // A text cut inside its packed bits reads as a badly written text, anything else as too short.
    CHECK((why == "This routine link is damaged, so Limber cannot read it (it ends too soon)." ||
           why == "This routine link is damaged, so Limber cannot read it (a text in it is badly written)."));
  }
}

TEST_CASE("routine link refused: the payload goes on after the last exercise") {
  CHECK(refused(link_of(payload_of(sample()) + std::string(1, '\0'))) ==
        "This routine link is damaged, so Limber cannot read it (it goes on after the last exercise).");
}

TEST_CASE("routine link refused: each field no encoder writes, one at a time") {
  const std::string bytes = payload_of(sample());
  // head: 0x01 (a note). Its reserved bit; a side of 3; a phone without a clinic.
  for (const std::uint8_t head : {0x81, 0x61, 0x05}) {
    INFO(int(head));
    std::string b = bytes;
    b[0] = static_cast<char>(head);
    CHECK(refused(link_of(b)) == kBadlyWritten);
  }
  // A knee roll item whose flags set the reserved bit, or say sets follow for one set.
  catalogue::Routine one_item = with_item({.exercise = "relaxation"});
  catalogue::prescribe_exactly(shipped(), one_item);
  const std::string item = payload_of(one_item);
  // The item is the last 3 bytes: code 19, flags 0, reps 1, hold 6.
  const std::size_t flags_at = item.size() - 3;
  REQUIRE(static_cast<unsigned char>(item[flags_at - 1]) == 19);
  std::string reserved = item;
  reserved[flags_at] = static_cast<char>(0x80);
  CHECK(refused(link_of(reserved)) == kBadlyWritten);
  // Sets "follow", as 1 set with the option's rest: the one-set form is the only spelling.
  std::string sets_one = item.substr(0, flags_at) + std::string("\x08\x01\x06\x01\x00", 5);
  CHECK(refused(link_of(sets_one)) == kBadlyWritten);
  // Sides "follow", as the option's own sides and no favour.
  std::string sides_same = item.substr(0, flags_at) + std::string("\x10\x01\x06\x00", 4);
  CHECK(refused(link_of(sides_same)) == kBadlyWritten);
  // A hold in the other unit with no hold: relaxation's option holds, the rock's does not.
  catalogue::Routine rock = with_item({.exercise = "rocking_knee_hug"});
  catalogue::prescribe_exactly(shipped(), rock);
  std::string rock_bytes = payload_of(rock);
  rock_bytes[rock_bytes.size() - 2] = static_cast<char>(0x04);
  CHECK(refused(link_of(rock_bytes)) == kBadlyWritten);
}

TEST_CASE("routine link refused: a packed text whose spare bits are not zero") {
  catalogue::Routine r = sample();
  r.note.reset();
  r.name = "M";  // 'M' is 12 bits: the name's second byte has 4 spare bits
  std::string bytes = payload_of(r);
  REQUIRE(static_cast<unsigned char>(bytes[1]) == 1);  // the name's length
  bytes[3] = static_cast<char>(bytes[3] | 0x01);
  CHECK(refused(link_of(bytes)) == "This routine link is damaged, so Limber cannot read it (a text in it is badly written).");
}

TEST_CASE("routine link refused: a number not in its shortest form, or too large") {
  catalogue::Routine r = sample();
  r.note.reset();
  const std::string bytes = payload_of(r);
  // The rest between exercises (15) follows the name and the often byte: written in two bytes, then too large.
  const std::size_t rest_at = bytes.find('\x0f', 3);
  REQUIRE(rest_at != std::string::npos);
  CHECK(refused(link_of(bytes.substr(0, rest_at) + std::string("\x8f\x00", 2) + bytes.substr(rest_at + 1))) ==
        "This routine link is damaged, so Limber cannot read it (a number in it is badly written).");
  CHECK(refused(link_of(bytes.substr(0, rest_at) + std::string("\x80\x80\x04", 3) + bytes.substr(rest_at + 1))) ==
        "This routine link is damaged, so Limber cannot read it (a number in it is too large).");
}

TEST_CASE("routine link refused: an exercise code Limber never gave, or an option its code does not list") {
  catalogue::Routine r = with_item({.exercise = "relaxation"});
  catalogue::prescribe_exactly(shipped(), r);
  std::string bytes = payload_of(r);
  const std::size_t code_at = bytes.size() - 4;
  REQUIRE(static_cast<unsigned char>(bytes[code_at]) == 19);
  bytes[code_at] = 0x7f;
  CHECK(refused(link_of(bytes)) == "This routine link names an exercise Limber does not have (code 127).");
  bytes[code_at] = 0x00;
  CHECK(refused(link_of(bytes)) == "This routine link names an exercise Limber does not have (code 0).");
  bytes[code_at] = 19;
  bytes[code_at + 1] = 0x03;  // relaxation has one option
  CHECK(refused(link_of(bytes)) == "This routine link names a dosage of Relaxation that Limber does not have.");
}

// ---- links refused: what the routine asks for -------------------------------------------------------

TEST_CASE("routine link refused: the note is too long") {
  catalogue::Routine s = sample();
  s.note = std::string(kMaxNoteChars + 1, 'a');
  CHECK(refused(s) == "This routine link has a note of 281 characters; the most is 280.");
  s.note->pop_back();
  CHECK(open_link(encode_routine_link(s, shipped())).ok());
}

TEST_CASE("routine link refused: the routine has no name, or one too long") {
  catalogue::Routine s = sample();
  s.name = "";
  CHECK(refused(s) == "This routine link gives the routine no name.");
  s.name = std::string(kMaxNameChars + 1, 'a');
  CHECK(refused(s) == "This routine link gives the routine a name of 61 characters; the most is 60.");
  s.name.pop_back();
  CHECK(open_link(encode_routine_link(s, shipped())).ok());
}

TEST_CASE("routine link refused: too many exercises, or none") {
  catalogue::Routine s = sample();
  s.items.assign(kMaxItems + 1, s.items[0]);
  CHECK(refused(s) == "This routine link has 31 exercises; a routine can have at most 30.");
  s.items.pop_back();
  CHECK(open_link(encode_routine_link(s, shipped())).ok());
  s.items.clear();
  CHECK(refused(s) == "This routine link has no exercises in it.");
}

TEST_CASE("routine link refused: amounts past the hard limits, each on its own") {
  const auto item = [](auto change) {
    catalogue::Routine r = sample();
    change(r.items[0]);
    return r;
  };
  CHECK(refused(item([](auto& i) { i.reps = one(51); })) == kNotAllowed + "items[0].reps: must be from 1 to 50, got 51).");
  CHECK(refused(item([](auto& i) { i.reps = one(0); })) == kNotAllowed + "items[0].reps: must be from 1 to 50, got 0).");
  CHECK(refused(item([](auto& i) { i.hold = one(31); })) == kNotAllowed + "items[0].hold: must be from 1 to 30, got 31).");  // breaths
  CHECK(refused(item([](auto& i) { i.sets = one(11); })) == kNotAllowed + "items[0].sets: must be from 1 to 10, got 11).");
  CHECK(refused(item([](auto& i) { i.sets = one(2); i.set_rest_seconds = 301; })) ==
        kNotAllowed + "items[0].set_rest_seconds: must be from 0 to 300 seconds, got 301).");
  CHECK(refused(item([](auto& i) { i.build_up_days = 183; i.reps->max = 12; })) ==
        kNotAllowed + "items[0].build_up_days: must be from 1 to 182 days, got 183).");
  CHECK(refused(item([](auto& i) { i.note = std::string(81, 'n'); })) ==
        kNotAllowed + "items[0].note: is 81 characters long; the most is 80).");
}

TEST_CASE("routine link: amounts beyond a source's range but within the hard limits open: the clinician's") {
  catalogue::Routine r = sample();
  r.items[0].reps = one(20);  // the NHS says 8 to 10
  const LinkResult opened = open_link(encode_routine_link(r, shipped()));
  REQUIRE_MESSAGE(opened.ok(), opened.error);
  CHECK(opened.shared->routine.items[0].reps == one(20));
}

TEST_CASE("routine link refused: a schedule, review date or rest a routine cannot have") {
  catalogue::Routine r = sample();
  r.schedule = catalogue::Schedule{.times_a_day = 2, .days_a_week = 7, .times = {18 * 60, 8 * 60}};
  CHECK(refused(r) == kNotAllowed + "schedule.times[1]: 08:00 comes no later than the time before it; set times rise "
                                    "through the day).");
  r.schedule->times = {8 * 60, 8 * 60};
  CHECK(refused(r).find("schedule.times[1]: 08:00 comes no later") != std::string::npos);
  r = sample();
  r.rest_between_exercises_seconds = 301;
  CHECK(refused(r) == kNotAllowed + "rest_between_exercises_seconds: must be from 0 to 300 seconds).");
}

TEST_CASE("routine link refused: text that is not valid UTF-8") {
  catalogue::Routine s = sample();
  for (const char* bad : {"caf\xc3", "\xc3\x28", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xff"}) {
    INFO(bad);
    s.note = bad;
    CHECK(refused(s) == "This routine link has a note that is not valid text.");
  }
  s = sample();
  s.name = "Morning \xe2\x80";
  CHECK(refused(s) == "This routine link has a routine name that is not valid text.");
}

TEST_CASE("routine link refused: control characters in the note or the name") {
  catalogue::Routine s = sample();
  for (const std::string& bad : {std::string("Bell\x07"), std::string("Tab\there"), std::string("Nul\0!", 5),
                                std::string("Del\x7f"), std::string("C1 \xc2\x85")}) {
    s.note = bad;
    CHECK(refused(s) == "This routine link has a note with a control character in it, which Limber does not accept.");
  }
  s = sample();
  s.name = "Two\nlines";  // a line break is fine in the note, not in the name
  CHECK(refused(s) == "This routine link has a routine name with a control character in it, which Limber does not accept.");
}

TEST_CASE("routine link refused: a direction mark in the name or the note") {
  for (const char* mark : {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"}) {
    CAPTURE(mark);
    catalogue::Routine s = sample();
    s.name = std::string("Stretch ") + mark + "gnp.exe";
    CHECK(refused(s).starts_with("This routine link has a routine name that has an invisible mark, the "));
    CHECK(refused(s).ends_with(", that turns the direction of the text around it, which could disguise what it says, "
                               "so Limber does not accept it."));
    s = sample();
    s.note = std::string("Do these ") + mark + "daily";
    CHECK(refused(s).starts_with("This routine link has a note that has an invisible mark, the "));
  }
}

namespace {
// The refusal of a link whose name (or note) has `mark` in it.
std::string refused_name(std::string_view mark) {
  catalogue::Routine s = sample();
  s.name = "Stretch " + std::string(mark) + "gnp.exe";
  return refused(s);
}
std::string refused_note(std::string_view mark) {
  catalogue::Routine s = sample();
  s.note = "Do these " + std::string(mark) + "daily";
  return refused(s);
}
const std::string kTurns =
    ", that turns the direction of the text around it, which could disguise what it says, so Limber does not accept it.";
const std::string kBreaks = ", that breaks the line in some places and not in others, so Limber does not accept it.";
}  // namespace

TEST_CASE("routine link refused: the right-to-left override (U+202E) in the name, named") {
  CHECK(refused_name("\u202E") ==
        "This routine link has a routine name that has an invisible mark, the right-to-left override (U+202E)" + kTurns);
}
TEST_CASE("routine link refused: the left-to-right mark (U+200E) in the name") {
  CHECK(refused_name("\u200E") ==
        "This routine link has a routine name that has an invisible mark, the left-to-right mark (U+200E)" + kTurns);
}
TEST_CASE("routine link refused: the left-to-right mark (U+200E) in the note") {
  CHECK(refused_note("\u200E") ==
        "This routine link has a note that has an invisible mark, the left-to-right mark (U+200E)" + kTurns);
}
TEST_CASE("routine link refused: the right-to-left mark (U+200F) in the name") {
  CHECK(refused_name("\u200F") ==
        "This routine link has a routine name that has an invisible mark, the right-to-left mark (U+200F)" + kTurns);
}
TEST_CASE("routine link refused: the right-to-left mark (U+200F) in the note") {
  CHECK(refused_note("\u200F") ==
        "This routine link has a note that has an invisible mark, the right-to-left mark (U+200F)" + kTurns);
}
TEST_CASE("routine link refused: the Arabic letter mark (U+061C) in the name") {
  CHECK(refused_name("\u061C") ==
        "This routine link has a routine name that has an invisible mark, the Arabic letter mark (U+061C)" + kTurns);
}
TEST_CASE("routine link refused: the Arabic letter mark (U+061C) in the note") {
  CHECK(refused_note("\u061C") ==
        "This routine link has a note that has an invisible mark, the Arabic letter mark (U+061C)" + kTurns);
}
TEST_CASE("routine link refused: the line separator (U+2028) in the name") {
  CHECK(refused_name("\u2028") ==
        "This routine link has a routine name that has an invisible mark, the line separator (U+2028)" + kBreaks);
}
TEST_CASE("routine link refused: the line separator (U+2028) in the note") {
  CHECK(refused_note("\u2028") ==
        "This routine link has a note that has an invisible mark, the line separator (U+2028)" + kBreaks);
}
TEST_CASE("routine link refused: the paragraph separator (U+2029) in the name") {
  CHECK(refused_name("\u2029") ==
        "This routine link has a routine name that has an invisible mark, the paragraph separator (U+2029)" + kBreaks);
}
TEST_CASE("routine link refused: the paragraph separator (U+2029) in the note") {
  CHECK(refused_note("\u2029") ==
        "This routine link has a note that has an invisible mark, the paragraph separator (U+2029)" + kBreaks);
}
