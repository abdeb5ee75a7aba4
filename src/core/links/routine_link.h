// links/routine_link.h: a routine in a link, so a clinician can send one.
//
// The routine travels in the URL fragment (after '#'), which browsers never send to a server.
// A link is checked completely before anything is taken from it: a malformed, cut off or
// changed link gets one message in plain words naming what is wrong, and no routine.
//
// Format, version 1 (the fragment without '#'):
//
//     routine=1.<payload>.<check>
//
//   payload  base64url (RFC 4648 section 5) without padding, unused bits zero, of these bytes:
//              name        text    the routine's name, 1 to kMaxNameChars characters
//              note        text    the clinician's note, 0 to kMaxNoteChars characters
//              frequency   byte    0 every day, 1 twice a day while in pain, 2 when needed
//              rest        number  whole seconds between exercises
//              count       number  1 to kMaxItems, then for each item:
//                flags     byte    bit 0: a dosage option is named; bits 1-2 reps, 3-4 sets,
//                                  5-6 hold: 0 no override, 1 one value v (the range {v, v, v}),
//                                  2 a range (min, max, start; not all equal); bit 7 zero
//                exercise  text    the exercise id ("knee_rolls")
//                dosage    text    the dosage option id ("nhs"), when bit 0 is set
//                overrides number  1 or 3 for each of reps, sets, hold, as the flags say
//            number: unsigned LEB128 in its shortest form, at most 65535.
//            text: a number (its length in bytes), then that many bytes of UTF-8.
//   check    the CRC-32 (IEEE 802.3) of the payload bytes, 4 bytes big-endian, in base64url:
//            always 6 characters, so a link cut off anywhere is told apart from a changed one.
//
// Ids are the catalogue's text ids, not positions, so a link keeps working when exercises are
// added. Every routine has exactly one link (the decoder refuses any other spelling), so a
// fragment x that decodes re-encodes to x itself (without its '#'); the fuzzer checks this.
// Text: valid UTF-8 without control characters (a line break is allowed in the note).
//
// Decoding checks, in order: the length, the prefix, the version, the characters, the check
// value, the payload's structure and limits, the exercises and dosage options against the
// catalogue, then the routine with the rules for a person's own routines
// (catalogue::check_own_routine(), which applies catalogue::validate_routine()).
//
// Usage:
//     const std::string fragment = limber::links::encode_routine_link({.routine = mine, .note = "Twice a day."});
//     if (limber::links::is_routine_link(location_hash)) {
//       const auto opened = limber::links::decode_routine_link(location_hash, catalogue);
//       if (!opened.ok()) show(opened.error);
//       else { auto routine = opened.shared->routine; routine.id = app::new_routine_id(catalogue, data); ... }
//     }
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "catalogue/model.h"
#include "catalogue/own_routine.h"

namespace limber::links {

struct SharedRoutine {
  catalogue::Routine routine;  // the link carries name, frequency, rest and items; the id is the receiver's
  std::string note;            // the clinician's short note, may be empty
  bool operator==(const SharedRoutine&) const = default;
};

inline constexpr int kLinkVersion = 1;
inline constexpr std::string_view kLinkPrefix = "routine=";
// Every routine within the limits below, over the shipped catalogue, with a name and note in
// the characters Limber's fonts draw, gives a link no longer than this (a test checks it).
// Browsers take far longer URLs, and common messaging apps take messages of 4096 characters.
inline constexpr std::size_t kMaxLinkChars = 4000;
// The limits of every routine of a person's own (catalogue/own_routine.h), in characters
// (Unicode code points) and exercises.
inline constexpr std::size_t kMaxNoteChars = catalogue::OwnRoutineLimits::max_note_chars;
inline constexpr std::size_t kMaxNameChars = catalogue::OwnRoutineLimits::max_name_chars;
inline constexpr std::size_t kMaxItems = catalogue::OwnRoutineLimits::max_items;

// What a decoded routine gets for the fields a link does not carry.
inline constexpr std::string_view kDefaultPurpose = "A routine from your clinician.";  // when the note is empty

// The URL fragment without '#', e.g. "routine=1.<payload>.<check>". Deterministic: equal input,
// equal link. It encodes whatever it is given (the rest rounded to whole seconds, numbers clamped
// to 0..65535); check_shared_routine() says whether the link will open.
std::string encode_routine_link(const SharedRoutine& shared);

struct LinkResult {
  std::optional<SharedRoutine> shared;  // set only when error is empty
  std::string error;                    // one sentence in plain words, naming what is wrong
  bool ok() const { return shared.has_value(); }
};

// Accepts the fragment with or without a leading '#'. The routine comes back with id "" (the
// app gives it a fresh one, app::new_routine_id(), when adding it), no sources, purpose set to
// the note (or kDefaultPurpose when there is none) and no frequency note (the frequency says
// how often), so catalogue::check_own_routine() accepts it once it has an id.
LinkResult decode_routine_link(std::string_view fragment, const catalogue::Catalogue& catalogue);

// Does this fragment (with or without '#') claim to be a routine link? Only looks at the prefix.
bool is_routine_link(std::string_view fragment);

// "" when the routine's link opens, else the reason it would not (the decoder's message), for
// the sharing screen to show before offering the link.
std::string check_shared_routine(const SharedRoutine& shared, const catalogue::Catalogue& catalogue);

// The two layers of the format, for tests and the fuzzer (which feeds raw payloads past the check).
namespace detail {
std::string payload_bytes(const SharedRoutine& shared);          // the payload, before base64url
std::string link_from_payload(std::string_view payload_bytes);   // "routine=1." + payload + "." + check
}  // namespace detail

}  // namespace limber::links
