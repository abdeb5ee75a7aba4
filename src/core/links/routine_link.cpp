// Index: messages, shared sentences, the envelope (encode, decode), checks.
#include "links/routine_link.h"

#include "catalogue/own_routine.h"
#include "catalogue/prescription.h"
#include "links/exercise_codes.h"
#include "links/link_bytes.h"
#include "links/link_formats.h"
#include "text/utf8.h"

namespace limber::links {

namespace {

using text::check_utf8;
using text::TextCheck;

constexpr std::size_t kCheckChars = 6;         // 4 bytes of CRC-32 in base64url
constexpr std::size_t kMaxQuotedIdChars = 40;  // ids longer than this are not echoed in messages

// ---- Messages ---------------------------------------------------------------------------------

constexpr std::string_view kEmpty = "This routine link is empty.";
constexpr std::string_view kNotALink = "This is not a Limber routine link.";
constexpr std::string_view kIncomplete = "This routine link is incomplete: it may have been cut off when it was copied.";
constexpr std::string_view kChanged = "This routine link has been changed since it was made, so Limber cannot trust it.";
constexpr std::string_view kNewer =
    "This routine link was made by a newer version of Limber. Update Limber, then open it again.";
constexpr std::string_view kUnknownVersion = "This routine link has a version number Limber does not know.";
constexpr std::string_view kNoName = "This routine link gives the routine no name.";

std::string too_long(std::size_t chars) {
  return "This routine link is too long (" + std::to_string(chars) + " characters; Limber reads up to " +
         std::to_string(kMaxLinkChars) + ").";
}

std::string bad_character(char c) {
  std::string what;
  if (c == ' ') what = " (a space)";
  else if (c > ' ' && c < 0x7f) what = std::string(" (\"") + c + "\")";
  return "This routine link contains a character that cannot be in it" + what +
         "; it may have been changed when it was copied.";
}

LinkResult failure(std::string message) { return {.shared = std::nullopt, .error = std::move(message)}; }

}  // namespace

// ---- Shared sentences -------------------------------------------------------------------------

namespace detail {

std::string quoted_id(std::string_view id) {
  if (id.empty() || id.size() > kMaxQuotedIdChars) return {};
  for (const char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return {};
  }
  return " (\"" + std::string(id) + "\")";
}

std::string too_many_items(std::size_t count) {
  return "This routine link has " + std::to_string(count) + " exercises; a routine can have at most " +
         std::to_string(kMaxItems) + ".";
}

std::uint32_t read_item_count(ByteReader& in) {
  const std::uint32_t count = in.number();
  if (!in.failed()) {
    if (count == 0) in.fail(std::string(kNoItems));
    else if (count > kMaxItems) in.fail(too_many_items(count));
  }
  return count;
}

std::string check_name(std::string_view name) {
  std::size_t chars = 0;
  switch (check_utf8(name, false, chars)) {
    case TextCheck::invalid: return "This routine link has a routine name that is not valid text.";
    case TextCheck::control:
      return "This routine link has a routine name with a control character in it, which Limber does not accept.";
    case TextCheck::direction:
    case TextCheck::separator:
      return "This routine link has a routine name that " + text::mark_problem(name) + ", so Limber does not accept it.";
    case TextCheck::ok: break;
  }
  if (chars == 0) return std::string(kNoName);
  if (chars > kMaxNameChars) {
    return "This routine link gives the routine a name of " + std::to_string(chars) + " characters; the most is " +
           std::to_string(kMaxNameChars) + ".";
  }
  return {};
}

std::string check_note(std::string_view note) {
  std::size_t chars = 0;
  switch (check_utf8(note, true, chars)) {
    case TextCheck::invalid: return "This routine link has a note that is not valid text.";
    case TextCheck::control:
      return "This routine link has a note with a control character in it, which Limber does not accept.";
    case TextCheck::direction:
    case TextCheck::separator:
      return "This routine link has a note that " + text::mark_problem(note) + ", so Limber does not accept it.";
    case TextCheck::ok: break;
  }
  if (chars > kMaxNoteChars) {
    return "This routine link has a note of " + std::to_string(chars) + " characters; the most is " +
           std::to_string(kMaxNoteChars) + ".";
  }
  return {};
}

std::string link_from_payload(std::string_view payload, int version) {
  return std::string(kLinkPrefix) + std::to_string(version) + "." + base64url_encode(payload) + "." + check_text(payload);
}

}  // namespace detail

// ---- The envelope -----------------------------------------------------------------------------

std::string encode_routine_link(const catalogue::Routine& routine, const catalogue::Catalogue& catalogue) {
  return detail::link_from_payload(detail::payload_bytes(routine, catalogue));
}

bool is_routine_link(std::string_view fragment) {
  if (!fragment.empty() && fragment.front() == '#') fragment.remove_prefix(1);
  return fragment.substr(0, kLinkPrefix.size()) == kLinkPrefix;
}

LinkResult decode_routine_link(std::string_view fragment, const catalogue::Catalogue& catalogue) {
  // 1. The length, before anything else looks at the text.
  if (!fragment.empty() && fragment.front() == '#') fragment.remove_prefix(1);
  if (fragment.size() > kMaxLinkChars) return failure(too_long(fragment.size()));
  if (fragment.empty()) return failure(std::string(kEmpty));

  // 2. The prefix: a beginning of it is a link cut off very early.
  if (fragment.substr(0, kLinkPrefix.size()) != kLinkPrefix) {
    return failure(std::string(kLinkPrefix.substr(0, fragment.size()) == fragment ? kIncomplete : kNotALink));
  }
  std::string_view rest = fragment.substr(kLinkPrefix.size());

  // 3. The version: digits, then '.'.
  std::size_t digits = 0;
  while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9') ++digits;
  if (digits == rest.size()) return failure(std::string(kIncomplete));
  if (digits == 0 || rest[digits] != '.') return failure(std::string(kUnknownVersion));
  const std::string_view version = rest.substr(0, digits);
  // Leading zeros are no version Limber writes; a number above the newest is a later one.
  if (version.front() == '0') return failure(std::string(kUnknownVersion));
  if (version != "1" && version != "2") return failure(std::string(kNewer));
  const int format = version == "1" ? 1 : 2;
  rest.remove_prefix(digits + 1);

  // 4. The characters, then the check value: a short check is a link cut off, anything else a change.
  const std::size_t dot = rest.find('.');
  const std::string_view payload_text = rest.substr(0, dot);
  for (const char c : payload_text) {
    if (!in_base64url(c)) return failure(bad_character(c));
  }
  if (dot == std::string_view::npos) return failure(std::string(kIncomplete));
  const std::string_view check = rest.substr(dot + 1);
  for (const char c : check) {
    if (!in_base64url(c)) return failure(bad_character(c));
  }
  if (check.size() < kCheckChars) return failure(std::string(kIncomplete));
  if (check.size() > kCheckChars) return failure(std::string(kChanged));
  const std::optional<std::string> payload = base64url_decode(payload_text);
  if (!payload || check != check_text(*payload)) return failure(std::string(kChanged));

  // 5. The payload's structure and limits, and its exercises, by its format.
  detail::ReadPayload read = format == 1 ? detail::read_payload_v1(*payload, catalogue)
                                         : detail::read_payload_v2(*payload, catalogue);
  if (!read.routine) return failure(std::move(read.error));

  // 6. The rules every routine of a person's own follows, checked under a stand-in id: the
  // receiver gives it its own (app::new_routine_id()).
  catalogue::Routine as_saved = *read.routine;
  as_saved.id = "shared";
  if (std::string why = catalogue::check_own_routine(catalogue, as_saved); !why.empty()) {
    const std::string base = "routines[" + as_saved.id + "].";
    if (why.compare(0, base.size(), base) == 0) why.erase(0, base.size());
    return failure("This routine link asks for something Limber does not allow in a routine (" + why + ").");
  }
  return {.shared = SharedRoutine{.routine = std::move(*read.routine), .format = format}, .error = {}};
}

std::string check_shared_routine(const catalogue::Routine& routine, const catalogue::Catalogue& catalogue) {
  for (const catalogue::RoutineItem& item : routine.items) {
    const ExerciseCode* code = code_of_exercise(item.exercise);
    const catalogue::Exercise* e = catalogue.find_exercise(item.exercise);
    if (!code || !e) return "This routine has an exercise Limber cannot send in a link" + detail::quoted_id(item.exercise) + ".";
    if (item.dosage && !option_index(*code, *item.dosage)) {
      return "This routine has a dosage of " + e->name + " that Limber cannot send in a link" + detail::quoted_id(*item.dosage) + ".";
    }
  }
  return decode_routine_link(encode_routine_link(routine, catalogue), catalogue).error;
}

}  // namespace limber::links
