// Index: steps, exact amounts, amounts on a day, words, checks.
#include "catalogue/prescription.h"

#include <algorithm>

#include "catalogue/dosage.h"
#include "catalogue/own_routine.h"
#include "catalogue/summary.h"
#include "text/cat.h"

namespace limber::catalogue {

namespace {

Range fixed(int v) { return {.min = v, .max = v, .start = v}; }

HoldUnit unit_of(const DosageOption& option, const RoutineItem& item) {
  if (item.hold_unit) return *item.hold_unit;
  return option.dosage.hold ? option.dosage.hold->unit : HoldUnit::seconds;
}

using text::count;

std::string days_words(int days) {
  if (days % 7 == 0) return count(days / 7, "week", "weeks");
  return count(days, "day", "days");
}

std::string hold_words(int n, HoldUnit unit) {
  return unit == HoldUnit::seconds ? count(n, "second", "seconds") : count(n, "deep breath", "deep breaths");
}

}  // namespace

// ---- Steps ------------------------------------------------------------------------------------

int amount_limit(Amount amount, HoldUnit unit) {
  switch (amount) {
    case Amount::reps:
    case Amount::reps_to: return PrescriptionLimits::max_reps;
    case Amount::sets: return PrescriptionLimits::max_sets;
    case Amount::hold:
    case Amount::hold_to:
      return unit == HoldUnit::seconds ? PrescriptionLimits::max_hold_seconds : PrescriptionLimits::max_hold_breaths;
    case Amount::set_rest: return PrescriptionLimits::max_set_rest_seconds;
    case Amount::build_up_days: return PrescriptionLimits::max_build_up_days;
  }
  return 0;
}

int amount_least(Amount amount) {
  switch (amount) {
    case Amount::set_rest: return 0;
    case Amount::build_up_days: return 7;
    default: return 1;
  }
}

std::optional<int> step_amount(Amount amount, HoldUnit unit, int value, int delta) {
  if (delta == 0) return std::nullopt;
  // The step size that applies at a value on the way up (and just below it on the way down).
  const auto step_at = [&](int v) {
    switch (amount) {
      case Amount::hold:
      case Amount::hold_to: return unit == HoldUnit::seconds ? (v < 10 ? 1 : v < 60 ? 5 : 15) : 1;
      case Amount::set_rest: return v < 60 ? 5 : 15;
      case Amount::build_up_days: return 7;
      default: return 1;
    }
  };
  const int least = amount_least(amount), most = amount_limit(amount, unit);
  // The ladder's values rise from `least`; the next one past `value` in the direction asked.
  int previous = least;
  for (int v = least; v <= most; v += step_at(v)) {
    if (delta > 0 && v > value) return v;
    if (delta < 0 && v >= value) return v == least && value <= least ? std::nullopt : std::optional<int>(previous);
    previous = v;
  }
  if (delta < 0 && value > least) return previous;  // above the ladder's top: its top
  return std::nullopt;
}

// ---- Exact amounts ----------------------------------------------------------------------------

void prescribe_exactly(const Catalogue& catalogue, Routine& routine) {
  for (RoutineItem& item : routine.items) {
    const Exercise* e = catalogue.find_exercise(item.exercise);
    if (!e) continue;
    // An item made with a merged id and no option meant that exercise's default, not this one's.
    if (const auto meant = catalogue.merged_default(item.exercise); meant && !item.dosage) item.dosage = std::string(*meant);
    const DosageOption* option = named_option(*e, item);
    if (!option) continue;
    item.dosage = option->id;
    const Dosage d = resolve(*e, item);
    const auto settle = [&](std::optional<Range>& slot, const Range& now, bool may_build) {
      if (may_build && item.build_up_days && now.max > now.start) {
        slot = Range{.min = now.start, .max = now.max, .start = now.start};
      } else {
        slot = fixed(now.start);
      }
    };
    settle(item.reps, d.reps, true);
    settle(item.sets, d.sets, false);
    if (d.hold) settle(item.hold, d.hold->amount, true);
    else item.hold.reset();
    const bool builds = item.reps->max > item.reps->start || (item.hold && item.hold->max > item.hold->start);
    if (!builds) item.build_up_days.reset();
  }
}

// ---- Amounts on a day -------------------------------------------------------------------------

namespace {
int built_up(const Range& r, int days, std::int64_t days_in) {
  if (days <= 0 || r.max <= r.start) return r.start;
  const std::int64_t in = std::clamp<std::int64_t>(days_in, 0, days);
  return r.start + static_cast<int>((static_cast<std::int64_t>(r.max - r.start) * in) / days);
}
}  // namespace

Dosage prescribed_dosage(const Exercise& exercise, const RoutineItem& item, std::int64_t days_in) {
  Dosage d = resolve(exercise, item);
  const int days = item.build_up_days.value_or(0);
  d.reps = fixed(built_up(d.reps, days, days_in));
  d.sets = fixed(d.sets.start);
  if (d.hold) d.hold->amount = fixed(built_up(d.hold->amount, days, days_in));
  return d;
}

bool builds_up_on(const Exercise& exercise, const RoutineItem& item, std::int64_t days_in) {
  if (!item.build_up_days || days_in <= 0 || days_in > *item.build_up_days) return false;
  return prescribed_dosage(exercise, item, days_in) != prescribed_dosage(exercise, item, days_in - 1);
}

// ---- Words ------------------------------------------------------------------------------------

std::string side_words(std::optional<FirstSide> side) {
  if (!side) return "the side that hurts";
  return *side == FirstSide::left ? "the left side" : "the right side";
}

namespace {
// What rose from `was` to `now`: "12 reps and a hold of 8 seconds", or "".
std::string rise_words(const Dosage& was, const Dosage& now) {
  std::string up;
  if (now.reps.start > was.reps.start) up = count(now.reps.start, "rep", "reps");
  if (now.hold && was.hold && now.hold->amount.start > was.hold->amount.start) {
    up += (up.empty() ? "a hold of " : " and a hold of ") + hold_words(now.hold->amount.start, now.hold->unit);
  }
  return up;
}

std::string amounts_words(const Dosage& d, const RoutineItem& item, std::optional<FirstSide> side) {
  std::string out = count(d.reps.start, "rep", "reps");
  if (d.hold) out += text::cat({", hold ", hold_words(d.hold->amount.start, d.hold->unit)});
  switch (d.sides) {
    case Sides::together: break;
    case Sides::one_side: out += text::cat({", ", side_words(side), " only"}); break;
    case Sides::each_side:
      out += ", each side";
      if (item.favour) {
        out += text::cat({", ", side_words(side), item.favour == Favour::first ? " first" : " first and again at the end"});
      }
      break;
    case Sides::alternating:
      out += ", alternating sides";
      if (item.favour) out += text::cat({", starting with ", side_words(side)});
      break;
  }
  if (d.sets.start > 1) {
    out += ", " + count(d.sets.start, "set", "sets") + ", rest " +
           count(static_cast<int>(d.set_rest_seconds), "second", "seconds");
  }
  return out;
}
}  // namespace

std::string describe_prescribed(const Exercise& exercise, const RoutineItem& item, std::optional<FirstSide> side) {
  const Dosage start = prescribed_dosage(exercise, item, 0);
  std::string out = amounts_words(start, item, side);
  if (!item.build_up_days) return out;
  const std::string to = rise_words(start, prescribed_dosage(exercise, item, *item.build_up_days));
  if (!to.empty()) out += text::cat({"; building up to ", to, " over ", days_words(*item.build_up_days)});
  return out;
}

std::string describe_on(const Exercise& exercise, const RoutineItem& item, std::int64_t days_in,
                        std::optional<FirstSide> side) {
  return amounts_words(prescribed_dosage(exercise, item, days_in), item, side);
}

std::vector<std::string> amounts_going_up(const Catalogue& catalogue, const Routine& routine, std::int64_t from_days,
                                          std::int64_t to_days) {
  std::vector<std::string> out;
  for (const RoutineItem& item : routine.items) {
    const Exercise* e = catalogue.find_exercise(item.exercise);
    if (!e || !item.build_up_days) continue;
    const Dosage was = prescribed_dosage(*e, item, from_days), now = prescribed_dosage(*e, item, to_days);
    const std::string up = rise_words(was, now);
    if (!up.empty()) out.push_back(text::cat({e->name, " goes up to ", up, "."}));
  }
  return out;
}

std::string beyond_source(const Exercise& exercise, const RoutineItem& item) {
  const DosageOption* option = named_option(exercise, item);
  if (!option) return {};
  const Dosage& source = option->dosage;
  const auto outside = [](const std::optional<Range>& r, const Range& allowed) {
    return r && (r->start < allowed.min || r->max > allowed.max);
  };
  bool beyond = outside(item.reps, source.reps) || outside(item.sets, source.sets);
  if (source.hold) {
    beyond = beyond || (item.hold_unit && *item.hold_unit != source.hold->unit) || outside(item.hold, source.hold->amount);
  }
  return beyond ? describe(source) : std::string();
}

// ---- Checks -----------------------------------------------------------------------------------

// The limits as the messages below spell them.
static_assert(PrescriptionLimits::max_set_rest_seconds == 300 && PrescriptionLimits::max_build_up_days == 182);

void check_prescription(const Catalogue& c, const Routine& r, const RoutineCheckDesc& desc, std::vector<Problem>& problems) {
  for (std::size_t i = 0; i < r.items.size(); ++i) {
    const RoutineItem& item = r.items[i];
    const std::string at = text::cat({desc.path, ".items[", std::to_string(i), "]"});
    const auto report = [&](const char* field, std::string message) {
      problems.push_back({.file = desc.file, .path = text::cat({at, ".", field}), .message = std::move(message)});
    };
    const Exercise* e = c.find_exercise(item.exercise);
    if (!e) {
      report("exercise", text::cat({"unknown exercise '", item.exercise, "'"}));
      continue;
    }
    const DosageOption* option = named_option(*e, item);
    if (!option) {
      report("dosage", text::cat({"exercise '", e->id, "' has no dosage option '", item.dosage.value_or(""), "'"}));
      continue;
    }
    const Dosage& source = option->dosage;
    const HoldUnit unit = unit_of(*option, item);
    bool rises = false;
    const auto amount = [&](const char* field, const std::optional<Range>& value, Amount kind, bool may_build) {
      if (!value) {
        report(field, "is missing: a person's routine says exactly how much");
        return;
      }
      const int most = amount_limit(kind, unit), least = amount_least(kind);
      if (value->start < least || value->start > most || value->max > most) {
        report(field, text::cat({"must be from ", std::to_string(least), " to ", std::to_string(most), ", got ",
                                 std::to_string(value->start), value->max != value->start ? " to " : "",
                                 value->max != value->start ? std::to_string(value->max) : ""}));
      } else if (value->min != value->start || value->max < value->start) {
        report(field, text::cat({"starts at ", std::to_string(value->start), " but ranges from ", std::to_string(value->min), " to ",
                                 std::to_string(value->max), "; an amount is one value, or rises from its start"}));
      } else if (value->max > value->start) {
        const std::string rise = text::cat({"rises from ", std::to_string(value->start), " to ", std::to_string(value->max)});
        if (!may_build) report(field, text::cat({rise, "; only reps and holds build up"}));
        else if (!item.build_up_days) report(field, text::cat({rise, " with no build_up_days to rise over"}));
        rises = true;
      }
    };
    amount("reps", item.reps, Amount::reps, true);
    amount("sets", item.sets, Amount::sets, false);
    if (!source.hold) {
      const std::string not_held = text::cat({"is set, but '", option->id, "' of ", e->name, " is not held"});
      if (item.hold) report("hold", not_held);
      if (item.hold_unit) report("hold_unit", not_held);
    } else {
      amount("hold", item.hold, Amount::hold, true);
    }
    const Sides sides = item.sides.value_or(source.sides);
    if (item.sides && (source.sides == Sides::together) != (*item.sides == Sides::together)) {
      report("sides", source.sides == Sides::together
                          ? text::cat({e->name, " is done with both sides together"})
                          : text::cat({e->name, " is done on each side: each side, alternating, or only the side that hurts"}));
    }
    if (item.favour) {
      if (sides != Sides::each_side && !(sides == Sides::alternating && *item.favour == Favour::first)) {
        report("favour", *item.favour == Favour::more
                             ? "more on the side that hurts needs each side done in turn"
                             : "the side that hurts first needs an exercise done on each side");
      }
    }
    if (item.set_rest_seconds) {
      const int rest = *item.set_rest_seconds;
      if (rest < 0 || rest > PrescriptionLimits::max_set_rest_seconds) {
        report("set_rest_seconds", text::cat({"must be from 0 to 300 seconds, got ", std::to_string(rest)}));
      } else if (!item.sets || item.sets->start < 2) {
        report("set_rest_seconds", "is a rest between sets, and there is only one set");
      }
    }
    if (item.build_up_days) {
      const int days = *item.build_up_days;
      if (days < 1 || days > PrescriptionLimits::max_build_up_days) {
        report("build_up_days", text::cat({"must be from 1 to 182 days, got ", std::to_string(days)}));
      } else if (!rises) {
        report("build_up_days", "is set, but nothing builds up: reps and hold each stay at one value");
      }
    }
    if (item.note) {
      if (item.note->empty()) report("note", "must not be empty");
      else if (std::string why = text_problem(*item.note, PrescriptionLimits::max_item_note_chars, false); !why.empty()) {
        report("note", why);
      }
    }
  }
}

}  // namespace limber::catalogue
