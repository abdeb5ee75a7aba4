// links/routine_link.h: a routine in a link, so a clinician can send one.
//
// The routine travels in the URL fragment (after '#'), which browsers never send to a server.
// A link is checked completely before anything is taken from it: a malformed, cut off or
// changed link gets one message in plain words naming what is wrong, and no routine.
//
//     routine=<version>.<payload>.<check>
//
//   version  2 (links/link_v2.cpp has every byte); 1, from before notes and schedules were kept
//            with a routine, still opens (links/link_v1.cpp); a later one is refused with "made
//            by a newer version of Limber".
//   payload  base64url (RFC 4648 section 5) without padding, unused bits zero, of the payload bytes.
//   check    the CRC-32 (IEEE 802.3) of the payload bytes, 4 bytes big-endian, in base64url:
//            always 6 characters, so a link cut off anywhere is told apart from a changed one.
//
// Format 2 carries everything a clinician prescribes: the name and note, how often (times a
// day, days a week, set times), the side that hurts, the clinic's name and phone, the review
// date, the routine's identity and version (so a newer link updates it), the rest between
// exercises, and each exercise by its short code (links/exercise_codes.h) with its amounts,
// sides, build-up and note. Texts are packed (links/text_pack.h). Every routine has exactly one
// link (the decoder re-encodes what it read and refuses any other spelling), so a fragment x
// that decodes re-encodes to x itself (without its '#'); the fuzzer checks this.
//
// Decoding checks, in order: the length, the prefix, the version, the characters, the check
// value, the payload's structure and limits, the exercises and dosage options, then the routine
// with the rules for a person's own routines (catalogue::check_own_routine()).
//
// Usage:
//     const std::string fragment = limber::links::encode_routine_link(mine, catalogue);
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
  // What the link carries (the note, schedule, clinic and identity included), in the form
  // catalogue::prescribe_exactly() leaves; id "" (the receiver's), no sources, purpose the note
  // or kDefaultPurpose, no frequency note, no started_on.
  catalogue::Routine routine;
  int format = 2;  // the link's format version: 1 for a link from before format 2
  bool operator==(const SharedRoutine&) const = default;
};

inline constexpr int kLinkVersion = 2;
inline constexpr std::string_view kLinkPrefix = "routine=";
// Every routine within the limits, over the shipped catalogue, with texts in the characters
// Limber's fonts draw, gives a link no longer than this (a test checks it). Browsers take far
// longer URLs, and common messaging apps take messages of 4096 characters.
inline constexpr std::size_t kMaxLinkChars = 4000;
// The limits of every routine of a person's own (catalogue/own_routine.h), in characters
// (Unicode code points) and exercises.
inline constexpr std::size_t kMaxNoteChars = catalogue::OwnRoutineLimits::max_note_chars;
inline constexpr std::size_t kMaxNameChars = catalogue::OwnRoutineLimits::max_name_chars;
inline constexpr std::size_t kMaxItems = catalogue::OwnRoutineLimits::max_items;

// What a decoded routine gets for the purpose, which a link does not carry, when it has no note.
inline constexpr std::string_view kDefaultPurpose = "A routine from your clinician.";

// The URL fragment without '#', "routine=2.<payload>.<check>". Deterministic: equal input, equal
// link. It encodes whatever it is given in the form the decoder gives back (amounts as their
// values, texts as they are); check_shared_routine() says whether the link will open.
std::string encode_routine_link(const catalogue::Routine& routine, const catalogue::Catalogue& catalogue);

struct LinkResult {
  std::optional<SharedRoutine> shared;  // set only when error is empty
  std::string error;                    // one sentence in plain words, naming what is wrong
  bool ok() const { return shared.has_value(); }
};

// Accepts the fragment with or without a leading '#'. The routine comes back ready for
// catalogue::check_own_routine() once it has an id (the app gives it one: app::new_routine_id()).
LinkResult decode_routine_link(std::string_view fragment, const catalogue::Catalogue& catalogue);

// Does this fragment (with or without '#') claim to be a routine link? Only looks at the prefix.
bool is_routine_link(std::string_view fragment);

// "" when the routine's link opens and brings back what was given, else the reason it would not
// (the decoder's message), for the sharing screen to show before offering the link.
std::string check_shared_routine(const catalogue::Routine& routine, const catalogue::Catalogue& catalogue);

// The layers of the formats, for tests and the fuzzer (which feeds raw payloads past the check).
namespace detail {
std::string payload_bytes(const catalogue::Routine& routine, const catalogue::Catalogue& catalogue);  // format 2
// Format 1, as Limber wrote it before format 2: name, note, frequency, rest, items by text id
// with their option and overrides (links/link_v1.cpp). Tests and the fuzzer make old links with it.
std::string payload_bytes_v1(const catalogue::Routine& routine, std::string_view note);
std::string link_from_payload(std::string_view payload_bytes, int version = 2);  // "routine=<v>." + payload + "." + check
}  // namespace detail

}  // namespace limber::links
