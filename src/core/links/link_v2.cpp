// Routine links, format 2: everything a clinician prescribes, packed small.
//
//   payload  head      byte    bit 0 a note; bit 1 a clinic; bit 2 its phone; bit 3 an identity;
//                              bit 4 a review date; bits 5-6 the side that hurts (0 not named,
//                              1 left, 2 right); bit 7 zero
//            uid       6 bytes the identity's 12 hex digits, when bit 3 is set
//            version   number  1 to 65535, when bit 3 is set
//            name      packed  the routine's name
//            note      packed  the clinician's note, when bit 0 is set
//            clinic    packed  its name, then packed its phone when bit 2 is set, when bit 1 is set
//            often     byte    bits 6-7: 0 a schedule, 1 every day, 2 twice a day while in pain,
//                              3 when needed; with a schedule, bits 0-1 times a day less one,
//                              bits 2-4 days a week less one, bit 5 set times follow; else zero
//            times     bytes   each set time in quarter hours after midnight, rising
//            review    number  days after 2000-01-01, when bit 4 is set
//            rest      number  whole seconds between exercises
//            count     number  1 to kMaxItems, then for each exercise:
//              code      number  its code (links/exercise_codes.h)
//              flags     byte    bits 0-1 the option's place in its code's list; bit 2 the hold in
//                                the other unit than the option's; bit 3 sets follow; bit 4 sides
//                                follow; bit 5 a build-up follows; bit 6 a note; bit 7 zero
//              reps      number
//              hold      number  when the option is held (seconds or breaths)
//              sets      number, then the rest between sets in seconds (when bit 3: 2 sets or more)
//              sides     byte    bits 0-1 0 together, 1 only the side that hurts, 2 each side,
//                                3 alternating; bits 2-3 favour 0 none, 1 first, 2 more
//              build-up  number  days, then the reps it builds to, then the hold (when held)
//              note      packed  the note on this exercise
//   number: unsigned LEB128, shortest form, at most 65535; packed: the text's length in bytes,
//   then links/text_pack.h's code. Fields appear only where they differ from the option's own
//   (sets above 1, other sides), so each routine has one payload: the reader re-encodes what it
//   read and refuses anything else.
#include <algorithm>
#include <cmath>

#include "catalogue/calendar_day.h"
#include "catalogue/dosage.h"
#include "catalogue/prescription.h"
#include "links/exercise_codes.h"
#include "links/link_bytes.h"
#include "links/link_formats.h"
#include "links/routine_link.h"

namespace limber::links {

namespace {

using catalogue::Range;

constexpr unsigned kHeadNote = 1u, kHeadClinic = 2u, kHeadPhone = 4u, kHeadIdentity = 8u, kHeadReview = 16u;
constexpr unsigned kHeadSideShift = 5, kHeadReserved = 0x80u;
constexpr unsigned kOftenKindShift = 6, kOftenTimesSet = 32u;
constexpr unsigned kItemUnit = 4u, kItemSets = 8u, kItemSides = 16u, kItemBuild = 32u, kItemNote = 64u, kItemReserved = 0x80u;
constexpr std::int64_t kDayZero = 10957;  // 2000-01-01, days after 1970-01-01
constexpr std::size_t kUidBytes = 6;

int hex_value(char c) { return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1; }

std::uint8_t often_byte(const catalogue::Routine& r) {
  if (!r.schedule) return static_cast<std::uint8_t>((static_cast<unsigned>(r.frequency) + 1u) << kOftenKindShift);
  const catalogue::Schedule& s = *r.schedule;
  return static_cast<std::uint8_t>((static_cast<unsigned>(std::clamp(s.times_a_day, 1, 4) - 1)) |
                                   (static_cast<unsigned>(std::clamp(s.days_a_week, 1, 7) - 1) << 2) |
                                   (s.times.empty() ? 0u : kOftenTimesSet));
}

}  // namespace

namespace detail {

std::string payload_bytes(const catalogue::Routine& r, const catalogue::Catalogue& catalogue) {
  ByteWriter out;
  const bool identity = r.uid && r.version && catalogue::routine_uid_well_formed(*r.uid);
  const std::optional<std::int64_t> review = catalogue::parse_optional_day(r.review_on);
  const unsigned side = r.side_that_hurts ? (*r.side_that_hurts == catalogue::FirstSide::left ? 1u : 2u) : 0u;
  out.byte(static_cast<std::uint8_t>((r.note ? kHeadNote : 0u) | (r.clinic ? kHeadClinic : 0u) |
                                     (r.clinic && r.clinic->phone ? kHeadPhone : 0u) | (identity ? kHeadIdentity : 0u) |
                                     (review ? kHeadReview : 0u) | (side << kHeadSideShift)));
  if (identity) {
    for (std::size_t i = 0; i < kUidBytes; ++i) {
      out.byte(static_cast<std::uint8_t>(hex_value((*r.uid)[2 * i]) * 16 + hex_value((*r.uid)[2 * i + 1])));
    }
    out.number(link_number(*r.version));
  }
  out.packed(r.name);
  if (r.note) out.packed(*r.note);
  if (r.clinic) {
    out.packed(r.clinic->name);
    if (r.clinic->phone) out.packed(*r.clinic->phone);
  }
  out.byte(often_byte(r));
  if (r.schedule) {
    for (const int t : r.schedule->times) out.byte(static_cast<std::uint8_t>(std::clamp(t, 0, 24 * 60 - 1) / 15));
  }
  if (review) out.number(link_number(*review - kDayZero));
  out.number(link_seconds(r.rest_between_exercises_seconds));
  out.number(r.items.size());
  for (const catalogue::RoutineItem& item : r.items) {
    const catalogue::Exercise* e = catalogue.find_exercise(item.exercise);
    const ExerciseCode* code = code_of_exercise(item.exercise);
    const catalogue::DosageOption* option = e ? catalogue::named_option(*e, item) : nullptr;
    const std::optional<std::uint8_t> place = code && option ? option_index(*code, option->id) : std::nullopt;
    if (!e || !code || !option || !place) {
      out.number(0);  // no code: check_shared_routine() says what cannot be sent
      continue;
    }
    const catalogue::Dosage d = catalogue::resolve(*e, item);
    const catalogue::Dosage& source = option->dosage;
    const bool held = source.hold.has_value();
    const bool other_unit = held && d.hold && d.hold->unit != source.hold->unit;
    const bool sets = d.sets.start > 1;
    const bool sides = d.sides != source.sides || item.favour.has_value();
    const bool build = item.build_up_days.has_value();
    out.number(code->code);
    out.byte(static_cast<std::uint8_t>(*place | (other_unit ? kItemUnit : 0u) | (sets ? kItemSets : 0u) |
                                       (sides ? kItemSides : 0u) | (build ? kItemBuild : 0u) | (item.note ? kItemNote : 0u)));
    out.number(link_number(d.reps.start));
    if (held) out.number(d.hold ? link_number(d.hold->amount.start) : 0);
    if (sets) {
      out.number(link_number(d.sets.start));
      out.number(link_number(std::llround(d.set_rest_seconds)));
    }
    if (sides) {
      const unsigned favour = item.favour ? (*item.favour == catalogue::Favour::first ? 1u : 2u) : 0u;
      out.byte(static_cast<std::uint8_t>(static_cast<unsigned>(d.sides) | (favour << 2)));
    }
    if (build) {
      out.number(link_number(*item.build_up_days));
      out.number(link_number(d.reps.max));
      if (held) out.number(d.hold ? link_number(d.hold->amount.max) : 0);
    }
    if (item.note) out.packed(*item.note);
  }
  return out.take();
}

ReadPayload read_payload_v2(std::string_view bytes, const catalogue::Catalogue& catalogue) {
  const std::string badly_written = damaged("it is badly written");
  ByteReader in(bytes);
  catalogue::Routine r;
  const std::uint8_t head = in.byte();
  if (!in.failed() && ((head & kHeadReserved) != 0 || ((head >> kHeadSideShift) & 3u) == 3u ||
                       ((head & kHeadPhone) != 0 && (head & kHeadClinic) == 0))) {
    in.fail(badly_written);
  }
  if ((head & kHeadIdentity) != 0) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string uid;
    for (const char b : in.raw(kUidBytes)) {
      uid += kHex[(static_cast<unsigned char>(b) >> 4) & 15u];
      uid += kHex[static_cast<unsigned char>(b) & 15u];
    }
    r.uid = uid;
    r.version = static_cast<int>(in.number());
  }
  r.name = in.packed();
  if ((head & kHeadNote) != 0) r.note = in.packed();
  if ((head & kHeadClinic) != 0) {
    r.clinic = catalogue::Clinic{.name = in.packed(), .phone = std::nullopt};
    if ((head & kHeadPhone) != 0) r.clinic->phone = in.packed();
  }
  if (const unsigned side = (head >> kHeadSideShift) & 3u; side != 0) {
    r.side_that_hurts = side == 1 ? catalogue::FirstSide::left : catalogue::FirstSide::right;
  }
  const std::uint8_t often = in.byte();
  if (const unsigned kind = often >> kOftenKindShift; kind != 0) {
    r.frequency = static_cast<catalogue::Frequency>(kind - 1);
  } else if (!in.failed()) {
    catalogue::Schedule s{.times_a_day = static_cast<int>(often & 3u) + 1, .days_a_week = static_cast<int>((often >> 2) & 7u) + 1,
                          .times = {}};
    if ((often & kOftenTimesSet) != 0) {
      for (int i = 0; i < s.times_a_day && !in.failed(); ++i) s.times.push_back(in.byte() * 15);
    }
    r.schedule = std::move(s);
  }
  if ((head & kHeadReview) != 0) r.review_on = catalogue::iso_day(kDayZero + in.number());
  r.rest_between_exercises_seconds = in.number();
  const std::uint32_t count = read_item_count(in);
  for (std::uint32_t i = 0; i < count && !in.failed(); ++i) {
    const std::uint32_t number = in.number();
    const std::uint8_t flags = in.byte();
    if (in.failed()) break;
    const ExerciseCode* code = exercise_of_code(number);
    const catalogue::Exercise* e = code ? catalogue.find_exercise(code->exercise) : nullptr;
    if (!e) return failed_read("This routine link names an exercise Limber does not have (code " + std::to_string(number) + ").");
    const std::string_view option_id = code->options[flags & 3u];
    const catalogue::DosageOption* option = option_id.empty() ? nullptr : catalogue::find_dosage(*e, option_id);
    if (!option) return failed_read("This routine link names a dosage of " + e->name + " that Limber does not have.");
    if ((flags & kItemReserved) != 0) {
      in.fail(badly_written);
      break;
    }
    const catalogue::Dosage& source = option->dosage;
    // The id the link was made with (a merged one stays as it was: catalogue/model.h).
    catalogue::RoutineItem item{.exercise = std::string(code->exercise), .dosage = option->id};
    const int reps = static_cast<int>(in.number());
    item.reps = Range{.min = reps, .max = reps, .start = reps};
    int hold = 0;
    if (source.hold) {
      hold = static_cast<int>(in.number());
      item.hold = Range{.min = hold, .max = hold, .start = hold};
      if ((flags & kItemUnit) != 0) {
        item.hold_unit = source.hold->unit == catalogue::HoldUnit::seconds ? catalogue::HoldUnit::breaths
                                                                           : catalogue::HoldUnit::seconds;
      }
    }
    int sets = 1;
    if ((flags & kItemSets) != 0) {
      sets = static_cast<int>(in.number());
      const int rest = static_cast<int>(in.number());
      if (std::lround(source.set_rest_seconds) != rest) item.set_rest_seconds = rest;
    }
    item.sets = Range{.min = sets, .max = sets, .start = sets};
    if ((flags & kItemSides) != 0) {
      const std::uint8_t b = in.byte();
      const auto sides = static_cast<catalogue::Sides>(b & 3u);
      if (sides != source.sides) item.sides = sides;
      if (const unsigned favour = (b >> 2) & 3u; favour == 1 || favour == 2) {
        item.favour = favour == 1 ? catalogue::Favour::first : catalogue::Favour::more;
      } else if (favour == 3 || (b >> 4) != 0) {
        in.fail(badly_written);
      }
    }
    if ((flags & kItemBuild) != 0) {
      item.build_up_days = static_cast<int>(in.number());
      item.reps->max = static_cast<int>(in.number());
      if (source.hold) item.hold->max = static_cast<int>(in.number());
    }
    if ((flags & kItemNote) != 0) item.note = in.packed();
    r.items.push_back(std::move(item));
  }
  if (!in.failed() && !in.at_end()) in.fail(damaged("it goes on after the last exercise"));
  if (in.failed()) return failed_read(in.error());
  if (std::string why = check_name(r.name); !why.empty()) return failed_read(std::move(why));
  if (r.note) {
    if (std::string why = check_note(*r.note); !why.empty()) return failed_read(std::move(why));
  }
  r.purpose = r.note ? *r.note : std::string(kDefaultPurpose);
  // One payload per routine: what was read, written again, is what came.
  if (payload_bytes(r, catalogue) != bytes) return failed_read(badly_written);
  return {.routine = std::move(r), .error = {}};
}

}  // namespace detail

}  // namespace limber::links
