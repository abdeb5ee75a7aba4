#include "links/routine_link.h"

#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

#include "catalogue/own_routine.h"
#include "text/utf8.h"

namespace limber::links {

namespace {

using catalogue::Catalogue;
using text::check_utf8;
using text::TextCheck;
using catalogue::DosageOption;
using catalogue::Exercise;
using catalogue::Frequency;
using catalogue::Range;
using catalogue::Routine;
using catalogue::RoutineItem;

constexpr std::size_t kCheckChars = 6;          // 4 bytes of CRC-32 in base64url
constexpr std::uint32_t kMaxNumber = 65535;     // the largest number a payload may hold
constexpr std::size_t kMaxQuotedIdChars = 40;   // ids longer than this are not echoed in messages

// ---- messages --------------------------------------------------------------------------------

constexpr std::string_view kEmpty = "This routine link is empty.";
constexpr std::string_view kNotALink = "This is not a Limber routine link.";
constexpr std::string_view kIncomplete = "This routine link is incomplete: it may have been cut off when it was copied.";
constexpr std::string_view kChanged = "This routine link has been changed since it was made, so Limber cannot trust it.";
constexpr std::string_view kNewer =
    "This routine link was made by a newer version of Limber. Update Limber, then open it again.";
constexpr std::string_view kUnknownVersion = "This routine link has a version number Limber does not know.";
constexpr std::string_view kNoItems = "This routine link has no exercises in it.";
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

std::string damaged(std::string_view detail) {
  return "This routine link is damaged, so Limber cannot read it (" + std::string(detail) + ").";
}

std::string plural(long long n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

// An id from the link, quoted when it looks like one (so no stray bytes reach a message).
std::string quoted_id(std::string_view id) {
  if (id.empty() || id.size() > kMaxQuotedIdChars) return {};
  for (const char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return {};
  }
  return " (\"" + std::string(id) + "\")";
}

// ---- base64url and CRC-32 --------------------------------------------------------------------

constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

int base64_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '-') return 62;
  if (c == '_') return 63;
  return -1;
}

std::string base64url_encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() * 4 + 2) / 3);
  std::uint32_t bits = 0;
  int count = 0;
  for (const char c : bytes) {
    bits = (bits << 8) | static_cast<unsigned char>(c);
    count += 8;
    while (count >= 6) {
      count -= 6;
      out += kAlphabet[(bits >> count) & 63u];
    }
  }
  if (count > 0) out += kAlphabet[(bits << (6 - count)) & 63u];
  return out;
}

// Strict: only the alphabet (checked by the caller), no length that leaves a lone character, and
// the unused bits of the last character zero, so each byte string has exactly one spelling.
std::optional<std::string> base64url_decode(std::string_view text) {
  if (text.size() % 4 == 1) return std::nullopt;
  std::string out;
  out.reserve(text.size() * 3 / 4);
  std::uint32_t bits = 0;
  int count = 0;
  for (const char c : text) {
    const int value = base64_value(c);
    if (value < 0) return std::nullopt;
    bits = ((bits << 6) | static_cast<std::uint32_t>(value)) & 0xffffu;
    count += 6;
    if (count >= 8) {
      count -= 8;
      out += static_cast<char>((bits >> count) & 0xffu);
    }
  }
  if ((bits & ((1u << count) - 1u)) != 0) return std::nullopt;
  return out;
}

std::uint32_t crc32(std::string_view bytes) {
  std::uint32_t crc = 0xffffffffu;
  for (const char c : bytes) {
    crc ^= static_cast<unsigned char>(c);
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

std::string check_text(std::string_view payload) {
  const std::uint32_t crc = crc32(payload);
  const std::array<char, 4> be{static_cast<char>(crc >> 24), static_cast<char>((crc >> 16) & 0xffu),
                               static_cast<char>((crc >> 8) & 0xffu), static_cast<char>(crc & 0xffu)};
  return base64url_encode(std::string_view(be.data(), be.size()));
}

// ---- the payload ------------------------------------------------------------------------------

enum class Form : std::uint8_t { none = 0, one = 1, range = 2 };

constexpr unsigned kFlagDosage = 1u;
constexpr unsigned kShiftReps = 1, kShiftSets = 3, kShiftHold = 5;
constexpr unsigned kFlagReserved = 0x80u;

std::uint8_t frequency_byte(Frequency f) {
  switch (f) {
    case Frequency::every_day: return 0;
    case Frequency::twice_a_day_while_in_pain: return 1;
    case Frequency::when_needed: return 2;
  }
  return 0;
}

std::optional<Frequency> frequency_from(std::uint8_t b) {
  switch (b) {
    case 0: return Frequency::every_day;
    case 1: return Frequency::twice_a_day_while_in_pain;
    case 2: return Frequency::when_needed;
    default: return std::nullopt;
  }
}

std::uint32_t clamp_number(long long v) {
  if (v < 0) return 0;
  if (v > kMaxNumber) return kMaxNumber;
  return static_cast<std::uint32_t>(v);
}

Range clamped(const Range& r) {
  return {.min = static_cast<int>(clamp_number(r.min)), .max = static_cast<int>(clamp_number(r.max)),
          .start = static_cast<int>(clamp_number(r.start))};
}

Form form_of(const std::optional<Range>& r) {
  if (!r) return Form::none;
  const Range c = clamped(*r);
  return c.min == c.max && c.max == c.start ? Form::one : Form::range;
}

class Writer {
 public:
  void byte(std::uint8_t b) { out_ += static_cast<char>(b); }
  void number(std::uint64_t v) {  // unsigned LEB128
    while (v >= 0x80) {
      byte(static_cast<std::uint8_t>((v & 0x7fu) | 0x80u));
      v >>= 7;
    }
    byte(static_cast<std::uint8_t>(v));
  }
  void text(std::string_view s) {
    number(s.size());
    out_ += s;
  }
  void range(const std::optional<Range>& r) {
    if (!r) return;
    const Range c = clamped(*r);
    if (form_of(r) == Form::one) {
      number(static_cast<std::uint32_t>(c.start));
    } else {
      number(static_cast<std::uint32_t>(c.min));
      number(static_cast<std::uint32_t>(c.max));
      number(static_cast<std::uint32_t>(c.start));
    }
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

// Reads the payload; the first problem found is kept in error() and ends reading.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : in_(bytes) {}

  bool failed() const { return !error_.empty(); }
  const std::string& error() const { return error_; }
  bool at_end() const { return pos_ == in_.size(); }
  void fail(std::string message) {
    if (error_.empty()) error_ = std::move(message);
  }

  std::uint8_t byte() {
    if (failed()) return 0;
    if (at_end()) {
      fail(damaged("it ends too soon"));
      return 0;
    }
    return static_cast<std::uint8_t>(in_[pos_++]);
  }
  // Shortest form only (no trailing zero groups), at most kMaxNumber.
  std::uint32_t number() {
    std::uint32_t value = 0;
    for (int shift = 0; !failed(); shift += 7) {
      const std::uint8_t b = byte();
      if (failed()) return 0;
      if (shift > 14 || (shift > 0 && b == 0)) {
        fail(damaged(shift > 14 ? "a number in it is too large" : "a number in it is badly written"));
        return 0;
      }
      value |= static_cast<std::uint32_t>(b & 0x7fu) << shift;
      if (value > kMaxNumber) {
        fail(damaged("a number in it is too large"));
        return 0;
      }
      if ((b & 0x80u) == 0) return value;
    }
    return 0;
  }
  std::string_view text() {
    const std::uint32_t size = number();
    if (failed()) return {};
    if (in_.size() - pos_ < size) {
      fail(damaged("it ends too soon"));
      return {};
    }
    const std::string_view s = in_.substr(pos_, size);
    pos_ += size;
    return s;
  }
  std::optional<Range> range(Form form) {
    if (form == Form::none || failed()) return std::nullopt;
    if (form == Form::one) {
      const int v = static_cast<int>(number());
      return Range{.min = v, .max = v, .start = v};
    }
    Range r;
    r.min = static_cast<int>(number());
    r.max = static_cast<int>(number());
    r.start = static_cast<int>(number());
    if (!failed() && r.min == r.max && r.max == r.start) fail(damaged("an exercise in it is badly written"));
    return r;
  }

 private:
  std::string_view in_;
  std::size_t pos_ = 0;
  std::string error_;
};

// What the payload holds, before any check against limits or the catalogue.
struct RawItem {
  std::string_view exercise;
  std::optional<std::string_view> dosage;
  std::optional<Range> reps, sets, hold;
};
struct RawRoutine {
  std::string_view name, note;
  Frequency frequency = Frequency::every_day;
  std::uint32_t rest = 0;
  std::vector<RawItem> items;
};

std::optional<RawRoutine> read_payload(std::string_view bytes, std::string& error) {
  Reader in(bytes);
  RawRoutine raw;
  raw.name = in.text();
  raw.note = in.text();
  const std::uint8_t frequency = in.byte();
  if (!in.failed()) {
    if (const auto f = frequency_from(frequency)) raw.frequency = *f;
    else in.fail(damaged("it gives an unknown frequency"));
  }
  raw.rest = in.number();
  const std::uint32_t count = in.number();
  if (!in.failed()) {
    if (count == 0) in.fail(std::string(kNoItems));
    else if (count > kMaxItems) {
      in.fail("This routine link has " + std::to_string(count) + " exercises; a routine can have at most " +
              std::to_string(kMaxItems) + ".");
    }
  }
  for (std::uint32_t i = 0; i < count && !in.failed(); ++i) {
    const std::uint8_t flags = in.byte();
    const auto form = [&](unsigned shift) { return static_cast<Form>((flags >> shift) & 3u); };
    if (in.failed()) break;
    if ((flags & kFlagReserved) != 0 || form(kShiftReps) > Form::range || form(kShiftSets) > Form::range ||
        form(kShiftHold) > Form::range) {
      in.fail(damaged("an exercise in it is badly written"));
      break;
    }
    RawItem item;
    item.exercise = in.text();
    if ((flags & kFlagDosage) != 0) item.dosage = in.text();
    item.reps = in.range(form(kShiftReps));
    item.sets = in.range(form(kShiftSets));
    item.hold = in.range(form(kShiftHold));
    raw.items.push_back(item);
  }
  if (!in.failed() && !in.at_end()) in.fail(damaged("it goes on after the last exercise"));
  if (in.failed()) {
    error = in.error();
    return std::nullopt;
  }
  return raw;
}

// ---- checks of the text and the items ---------------------------------------------------------

constexpr std::string_view kDirectionMark =
    "This routine link has an invisible mark that turns the direction of its text around, which could disguise "
    "what it says, so Limber does not accept it.";

std::string check_name(std::string_view name) {
  std::size_t chars = 0;
  switch (check_utf8(name, false, chars)) {
    case TextCheck::invalid: return "This routine link has a routine name that is not valid text.";
    case TextCheck::control:
      return "This routine link has a routine name with a control character in it, which Limber does not accept.";
    case TextCheck::direction: return std::string(kDirectionMark);
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
    case TextCheck::direction: return std::string(kDirectionMark);
    case TextCheck::ok: break;
  }
  if (chars > kMaxNoteChars) {
    return "This routine link has a note of " + std::to_string(chars) + " characters; the most is " +
           std::to_string(kMaxNoteChars) + ".";
  }
  return {};
}

std::string range_words(const Range& r) {
  return r.min == r.max ? std::to_string(r.min) : std::to_string(r.min) + " to " + std::to_string(r.max);
}

// The value the session will use (the override's start) against the source's range; the
// override's own min and max are left to validate_routine() through catalogue::check_own_routine().
std::string check_start(const Exercise& e, const DosageOption& option, const RoutineItem& item) {
  const catalogue::Dosage& source = option.dosage;
  if (item.reps && (item.reps->start < source.reps.min || item.reps->start > source.reps.max)) {
    const bool more = item.reps->start > source.reps.max;
    return "This routine link asks for " + plural(item.reps->start, "repetition", "repetitions") + " of " + e.name +
           ", " + (more ? "more" : "fewer") + " than its source recommends (" + range_words(source.reps) + ").";
  }
  if (item.sets && (item.sets->start < source.sets.min || item.sets->start > source.sets.max)) {
    const bool more = item.sets->start > source.sets.max;
    return "This routine link asks for " + plural(item.sets->start, "set", "sets") + " of " + e.name + ", " +
           (more ? "more" : "fewer") + " than its source recommends (" + range_words(source.sets) + ").";
  }
  if (item.hold) {
    if (!source.hold) {
      return "This routine link asks for a hold in " + e.name + ", which is not held at the dosage it names.";
    }
    const Range& allowed = source.hold->amount;
    if (item.hold->start < allowed.min || item.hold->start > allowed.max) {
      const bool seconds = source.hold->unit == catalogue::HoldUnit::seconds;
      const bool longer = item.hold->start > allowed.max;
      return "This routine link asks for holds of " +
             plural(item.hold->start, seconds ? "second" : "breath", seconds ? "seconds" : "breaths") + " in " +
             e.name + ", " + (longer ? "longer" : "shorter") + " than its source recommends (" +
             range_words(allowed) + (seconds ? " seconds" : " breaths") + ").";
    }
  }
  return {};
}

LinkResult failure(std::string message) { return {.shared = std::nullopt, .error = std::move(message)}; }

bool in_alphabet(char c) { return base64_value(c) >= 0; }

}  // namespace

namespace detail {

std::string payload_bytes(const SharedRoutine& shared) {
  const Routine& r = shared.routine;
  Writer out;
  out.text(r.name);
  out.text(shared.note);
  out.byte(frequency_byte(r.frequency));
  const double rest = r.rest_between_exercises_seconds;
  out.number(rest >= 0 ? clamp_number(std::llround(std::fmin(rest, double{kMaxNumber}))) : 0);
  out.number(r.items.size());
  for (const RoutineItem& item : r.items) {
    const unsigned flags = (item.dosage ? kFlagDosage : 0u) | (static_cast<unsigned>(form_of(item.reps)) << kShiftReps) |
                           (static_cast<unsigned>(form_of(item.sets)) << kShiftSets) |
                           (static_cast<unsigned>(form_of(item.hold)) << kShiftHold);
    out.byte(static_cast<std::uint8_t>(flags));
    out.text(item.exercise);
    if (item.dosage) out.text(*item.dosage);
    out.range(item.reps);
    out.range(item.sets);
    out.range(item.hold);
  }
  return out.take();
}

std::string link_from_payload(std::string_view payload) {
  return std::string(kLinkPrefix) + std::to_string(kLinkVersion) + "." + base64url_encode(payload) + "." +
         check_text(payload);
}

}  // namespace detail

std::string encode_routine_link(const SharedRoutine& shared) {
  return detail::link_from_payload(detail::payload_bytes(shared));
}

bool is_routine_link(std::string_view fragment) {
  if (!fragment.empty() && fragment.front() == '#') fragment.remove_prefix(1);
  return fragment.substr(0, kLinkPrefix.size()) == kLinkPrefix;
}

LinkResult decode_routine_link(std::string_view fragment, const Catalogue& catalogue) {
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
  if (version != std::to_string(kLinkVersion)) {
    // Leading zeros are no version Limber writes; any other number is a later one.
    return failure(std::string(version.front() != '0' ? kNewer : kUnknownVersion));
  }
  rest.remove_prefix(digits + 1);

  // 4. The characters, then the check value: a short check is a link cut off, anything else a change.
  const std::size_t dot = rest.find('.');
  const std::string_view payload_text = rest.substr(0, dot);
  for (const char c : payload_text) {
    if (!in_alphabet(c)) return failure(bad_character(c));
  }
  if (dot == std::string_view::npos) return failure(std::string(kIncomplete));
  const std::string_view check = rest.substr(dot + 1);
  for (const char c : check) {
    if (!in_alphabet(c)) return failure(bad_character(c));
  }
  if (check.size() < kCheckChars) return failure(std::string(kIncomplete));
  if (check.size() > kCheckChars) return failure(std::string(kChanged));
  const std::optional<std::string> payload = base64url_decode(payload_text);
  if (!payload || check != check_text(*payload)) return failure(std::string(kChanged));

  // 5. The payload's structure and limits.
  std::string error;
  const std::optional<RawRoutine> raw = read_payload(*payload, error);
  if (!raw) return failure(std::move(error));
  if (std::string why = check_name(raw->name); !why.empty()) return failure(std::move(why));
  if (std::string why = check_note(raw->note); !why.empty()) return failure(std::move(why));

  // 6. Each item against the catalogue, named plainly.
  SharedRoutine shared;
  shared.note = std::string(raw->note);
  Routine& r = shared.routine;
  r.id = "";
  r.name = std::string(raw->name);
  r.purpose = shared.note.empty() ? std::string(kDefaultPurpose) : shared.note;
  r.frequency = raw->frequency;
  r.rest_between_exercises_seconds = raw->rest;
  r.items.reserve(raw->items.size());
  for (const RawItem& in : raw->items) {
    const Exercise* e = catalogue.find_exercise(in.exercise);
    if (!e) return failure("This routine link names an exercise Limber does not have" + quoted_id(in.exercise) + ".");
    const DosageOption* option = e->dosages.empty() ? nullptr : &e->dosages.front();
    if (in.dosage) {
      option = catalogue::find_dosage(*e, *in.dosage);
      if (!option) {
        return failure("This routine link names a dosage of " + e->name + " that Limber does not have" +
                       quoted_id(*in.dosage) + ".");
      }
    }
    RoutineItem item{.exercise = e->id,
                     .dosage = in.dosage ? std::optional<std::string>(option->id) : std::nullopt,
                     .reps = in.reps,
                     .sets = in.sets,
                     .hold = in.hold};
    if (option) {
      if (std::string why = check_start(*e, *option, item); !why.empty()) return failure(std::move(why));
    }
    r.items.push_back(std::move(item));
  }

  // 7. The rules every routine of a person's own follows.
  // Checked under a stand-in id: the receiver gives it its own (app::new_routine_id()).
  Routine as_saved = r;
  as_saved.id = "shared";
  if (std::string why = catalogue::check_own_routine(catalogue, as_saved); !why.empty()) {
    const std::string base = "routines[" + as_saved.id + "].";
    if (why.compare(0, base.size(), base) == 0) why.erase(0, base.size());
    return failure("This routine link asks for something Limber does not allow in a routine (" + why + ").");
  }
  return {.shared = std::move(shared), .error = {}};
}

std::string check_shared_routine(const SharedRoutine& shared, const Catalogue& catalogue) {
  return decode_routine_link(encode_routine_link(shared), catalogue).error;
}

}  // namespace limber::links
