// Routine links, format 1 (before format 2 kept notes, schedules and clinics with a routine).
// Links made then still open; the amounts they carried become the routine's exact amounts.
//
//   payload  name      text    the routine's name
//            note      text    the clinician's note (may be empty)
//            frequency byte    0 every day, 1 twice a day while in pain, 2 when needed
//            rest      number  whole seconds between exercises
//            count     number  1 to kMaxItems, then for each item:
//              flags     byte    bit 0: a dosage option is named; bits 1-2 reps, 3-4 sets, 5-6 hold:
//                                0 no override, 1 one value v, 2 a range (min, max, start; not all
//                                equal); bit 7 zero
//              exercise  text    the exercise's text id ("knee_rolls")
//              dosage    text    the dosage option's id ("nhs"), when bit 0 is set
//              overrides number  1 or 3 for each of reps, sets, hold, as the flags say
//   number: unsigned LEB128, shortest form, at most 65535; text: its length, then UTF-8.
#include <algorithm>
#include <cmath>
#include <vector>

#include "catalogue/dosage.h"
#include "catalogue/prescription.h"
#include "links/link_bytes.h"
#include "links/link_formats.h"
#include "links/routine_link.h"
#include "text/cat.h"

namespace limber::links {

namespace {

using catalogue::Range;

enum class Form : std::uint8_t { none = 0, one = 1, range = 2 };
constexpr unsigned kFlagDosage = 1u;
constexpr unsigned kShiftReps = 1, kShiftSets = 3, kShiftHold = 5;
constexpr unsigned kFlagReserved = 0x80u;


Form form_of(const std::optional<Range>& r) {
  if (!r) return Form::none;
  return link_number(r->min) == link_number(r->max) && link_number(r->max) == link_number(r->start) ? Form::one
                                                                                                        : Form::range;
}

void write_range(ByteWriter& out, const std::optional<Range>& r) {
  if (!r) return;
  if (form_of(r) == Form::one) {
    out.number(link_number(r->start));
  } else {
    out.number(link_number(r->min));
    out.number(link_number(r->max));
    out.number(link_number(r->start));
  }
}

std::optional<Range> read_range(ByteReader& in, Form form) {
  if (form == Form::none || in.failed()) return std::nullopt;
  if (form == Form::one) {
    const int v = static_cast<int>(in.number());
    return Range{.min = v, .max = v, .start = v};
  }
  Range r;
  r.min = static_cast<int>(in.number());
  r.max = static_cast<int>(in.number());
  r.start = static_cast<int>(in.number());
  if (!in.failed() && r.min == r.max && r.max == r.start) in.fail(damaged("an exercise in it is badly written"));
  return r;
}


std::string range_words(const Range& r) {
  return r.min == r.max ? std::to_string(r.min) : std::to_string(r.min) + " to " + std::to_string(r.max);
}

// Format 1 links were made only within the source's range: the value the session used (the
// override's start) against it, and the override's own range in order.
std::string check_start(const catalogue::Exercise& e, const catalogue::DosageOption& option,
                        const catalogue::RoutineItem& item) {
  const catalogue::Dosage& source = option.dosage;
  if (item.reps && (item.reps->start < source.reps.min || item.reps->start > source.reps.max)) {
    const bool more = item.reps->start > source.reps.max;
    return "This routine link asks for " + text::count(item.reps->start, "repetition", "repetitions") + " of " + e.name +
           ", " + (more ? "more" : "fewer") + " than its source recommends (" + range_words(source.reps) + ").";
  }
  if (item.sets && (item.sets->start < source.sets.min || item.sets->start > source.sets.max)) {
    const bool more = item.sets->start > source.sets.max;
    return "This routine link asks for " + text::count(item.sets->start, "set", "sets") + " of " + e.name + ", " +
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
             text::count(item.hold->start, seconds ? "second" : "breath", seconds ? "seconds" : "breaths") + " in " +
             e.name + ", " + (longer ? "longer" : "shorter") + " than its source recommends (" +
             range_words(allowed) + (seconds ? " seconds" : " breaths") + ").";
    }
  }
  const auto badly_ordered = [](const std::optional<Range>& r) { return r && (r->min > r->start || r->start > r->max); };
  if (badly_ordered(item.reps) || badly_ordered(item.sets) || badly_ordered(item.hold)) {
    return damaged("an exercise in it is badly written");
  }
  return {};
}

}  // namespace

namespace detail {

std::string payload_bytes_v1(const catalogue::Routine& r, std::string_view note) {
  ByteWriter out;
  out.text(r.name);
  out.text(note);
  out.byte(static_cast<std::uint8_t>(r.frequency));
  out.number(link_seconds(r.rest_between_exercises_seconds));
  out.number(r.items.size());
  for (const catalogue::RoutineItem& item : r.items) {
    const unsigned flags = (item.dosage ? kFlagDosage : 0u) | (static_cast<unsigned>(form_of(item.reps)) << kShiftReps) |
                           (static_cast<unsigned>(form_of(item.sets)) << kShiftSets) |
                           (static_cast<unsigned>(form_of(item.hold)) << kShiftHold);
    out.byte(static_cast<std::uint8_t>(flags));
    out.text(item.exercise);
    if (item.dosage) out.text(*item.dosage);
    write_range(out, item.reps);
    write_range(out, item.sets);
    write_range(out, item.hold);
  }
  return out.take();
}

ReadPayload read_payload_v1(std::string_view bytes, const catalogue::Catalogue& catalogue) {
  ByteReader in(bytes);
  const std::string_view name = in.text();
  const std::string_view note = in.text();
  const std::uint8_t frequency = in.byte();
  if (!in.failed() && frequency > 2) in.fail(damaged("it gives an unknown frequency"));
  const std::uint32_t rest = in.number();
  const std::uint32_t count = read_item_count(in);
  struct RawItem {
    std::string_view exercise;
    std::optional<std::string_view> dosage;
    std::optional<Range> reps, sets, hold;
  };
  std::vector<RawItem> raw;
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
    item.reps = read_range(in, form(kShiftReps));
    item.sets = read_range(in, form(kShiftSets));
    item.hold = read_range(in, form(kShiftHold));
    raw.push_back(item);
  }
  if (!in.failed() && !in.at_end()) in.fail(damaged("it goes on after the last exercise"));
  if (in.failed()) return {.routine = std::nullopt, .error = in.error()};
  if (std::string why = check_name(name); !why.empty()) return {.routine = std::nullopt, .error = why};
  if (std::string why = check_note(note); !why.empty()) return {.routine = std::nullopt, .error = why};

  catalogue::Routine r;
  r.name = std::string(name);
  if (!note.empty()) r.note = std::string(note);
  r.purpose = note.empty() ? std::string(kDefaultPurpose) : std::string(note);
  r.frequency = static_cast<catalogue::Frequency>(frequency);
  r.rest_between_exercises_seconds = rest;
  for (const RawItem& in_item : raw) {
    const catalogue::Exercise* e = catalogue.find_exercise(in_item.exercise);
    if (!e) return failed_read("This routine link names an exercise Limber does not have" + quoted_id(in_item.exercise) + ".");
    const catalogue::DosageOption* option = e->dosages.empty() ? nullptr : &e->dosages.front();
    if (const auto meant = catalogue.merged_default(in_item.exercise)) option = catalogue::find_dosage(*e, *meant);
    if (in_item.dosage) {
      option = catalogue::find_dosage(*e, *in_item.dosage);
      if (!option) {
        return failed_read("This routine link names a dosage of " + e->name + " that Limber does not have" +
                       quoted_id(*in_item.dosage) + ".");
      }
    }
    catalogue::RoutineItem item{.exercise = std::string(in_item.exercise),  // as made (a merged id stays: catalogue/model.h)
                                .dosage = in_item.dosage ? std::optional<std::string>(option->id) : std::nullopt,
                                .reps = in_item.reps, .sets = in_item.sets, .hold = in_item.hold};
    if (option) {
      if (std::string why = check_start(*e, *option, item); !why.empty()) return failed_read(std::move(why));
    }
    r.items.push_back(std::move(item));
  }
  catalogue::prescribe_exactly(catalogue, r);
  return {.routine = std::move(r), .error = {}};
}

}  // namespace detail

}  // namespace limber::links
