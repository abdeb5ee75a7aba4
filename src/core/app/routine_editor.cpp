#include "app/routine_editor.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstddef>
#include <vector>

#include "catalogue/dosage.h"
#include "catalogue/own_routine.h"
#include "catalogue/prescription.h"
#include "links/routine_link.h"
#include "text/utf8.h"

namespace limber::app {

namespace {

using catalogue::Catalogue;
using catalogue::DosageOption;
using catalogue::Exercise;
using catalogue::Range;
using catalogue::Routine;
using catalogue::RoutineItem;

// The first of `make(1)`, `make(2)`, ... that is not taken; the taken set is finite, so it ends.
template <class Make, class Taken>
std::string first_free(const Make& make, const Taken& taken) {
  for (int n = 1;; ++n) {
    std::string candidate = make(n);
    if (!taken(candidate)) return candidate;
  }
}

bool name_taken(const Catalogue& c, const storage::Profile& data, const std::string& name) {
  const auto same = [&](const Routine& r) { return r.name == name; };
  return std::any_of(c.routines.begin(), c.routines.end(), same) || std::any_of(data.routines.begin(), data.routines.end(), same);
}

// The item's exercise and the option it runs with; either is null when the catalogue lacks it
// (unlike catalogue::resolve(), an unknown option is not quietly replaced by the default here:
// the editor must not step a range the routine does not actually name).
struct ItemRef {
  const Exercise* exercise = nullptr;
  const DosageOption* option = nullptr;
};

ItemRef find_item(const Routine& r, std::size_t index, const Catalogue& c) {
  if (index >= r.items.size()) return {};
  const RoutineItem& item = r.items[index];
  const Exercise* e = c.find_exercise(item.exercise);
  if (!e) return {};
  if (item.dosage) return {e, catalogue::find_dosage(*e, *item.dosage)};
  return {e, e->dosages.empty() ? nullptr : &e->dosages.front()};
}

// One item's amounts as one value each (catalogue::prescribe_exactly() on a routine of one).
void prescribe_item(RoutineItem& item, const Catalogue& catalogue) {
  Routine one;
  one.items = {std::move(item)};
  catalogue::prescribe_exactly(catalogue, one);
  item = std::move(one.items.front());
}

auto at(std::vector<RoutineItem>& items, std::size_t index) {
  return items.begin() + static_cast<std::ptrdiff_t>(index);
}

}  // namespace

std::string new_routine_id(const Catalogue& catalogue, const storage::Profile& data) {
  const auto taken = [&](const std::string& id) {
    if (catalogue.find_routine(id)) return true;
    if (std::any_of(data.routines.begin(), data.routines.end(), [&](const Routine& r) { return r.id == id; })) return true;
    if (storage::history_names_routine(data.history, id)) return true;
    if (data.in_progress && data.in_progress->record.routine == id) return true;
    return data.settings.current_routine == id;
  };
  return first_free([](int n) { return "my-" + std::to_string(n); }, taken);
}

Routine new_routine(const Catalogue& catalogue, const storage::Profile& data, std::string uid) {
  Routine r;
  r.id = new_routine_id(catalogue, data);
  r.name = first_free([](int n) { return n == 1 ? std::string("My routine") : "My routine " + std::to_string(n); },
                      [&](const std::string& name) { return name_taken(catalogue, data, name); });
  r.purpose = "Exercises I chose.";
  r.frequency = catalogue::Frequency::every_day;
  r.schedule = catalogue::Schedule{};
  r.rest_between_exercises_seconds = 10;
  r.uid = std::move(uid);
  r.version = 1;
  for (auto it = data.routines.rbegin(); it != data.routines.rend(); ++it) {
    if (it->clinic) {
      r.clinic = it->clinic;
      break;
    }
  }
  return r;
}

Routine copy_routine(const Routine& from, const Catalogue& catalogue, const storage::Profile& data, std::string uid) {
  Routine r = from;
  r.id = new_routine_id(catalogue, data);
  r.uid = std::move(uid);
  r.version = 1;
  r.started_on.reset();
  catalogue::prescribe_exactly(catalogue, r);
  // Cut to fit what a link carries, so the copy can always be sent.
  const std::string base = "Copy of " + from.name;
  const auto fit = [&](const std::string& suffix) {
    return std::string(text::first_chars(base, links::kMaxNameChars - suffix.size())) + suffix;
  };
  r.name = first_free([&](int n) { return n == 1 ? fit("") : fit(" (" + std::to_string(n) + ")"); },
                      [&](const std::string& name) { return name_taken(catalogue, data, name); });
  r.sources.clear();
  return r;
}

bool add_exercise(Routine& routine, const Catalogue& catalogue, std::string_view exercise_id) {
  const Exercise* e = catalogue.find_exercise(exercise_id);
  if (!e || e->dosages.empty()) return false;
  routine.items.push_back({.exercise = e->id, .dosage = e->dosages.front().id});
  prescribe_item(routine.items.back(), catalogue);
  return true;
}

bool remove_item(Routine& routine, std::size_t index) {
  if (index >= routine.items.size()) return false;
  routine.items.erase(at(routine.items, index));
  return true;
}

bool move_item(Routine& routine, std::size_t index, int delta) {
  const std::size_t size = routine.items.size();
  if (index >= size || delta == 0) return false;
  // In long long: index + delta can leave both int and size_t.
  const long long to = static_cast<long long>(index) + delta;
  if (to < 0 || to >= static_cast<long long>(size)) return false;
  const auto from = at(routine.items, index), target = at(routine.items, static_cast<std::size_t>(to));
  if (target < from) std::rotate(target, from, from + 1);
  else std::rotate(from, from + 1, target + 1);
  return true;
}

bool choose_dosage(Routine& routine, std::size_t index, const Catalogue& catalogue, std::string_view option_id) {
  const ItemRef ref = find_item(routine, index, catalogue);
  if (!ref.exercise) return false;
  const DosageOption* option = catalogue::find_dosage(*ref.exercise, option_id);
  if (!option) return false;
  RoutineItem& item = routine.items[index];
  // Named as the exercise is now: a merged id (catalogue/model.h) has only its own options' codes.
  item = RoutineItem{.exercise = ref.exercise->id, .dosage = option->id, .note = item.note};
  prescribe_item(item, catalogue);
  return true;
}

std::string_view dosage_field_id(DosageField field) {
  static constexpr std::string_view kIds[] = {"reps", "hold", "sets", "set_rest", "build_up", "reps_to", "hold_to"};
  return kIds[static_cast<std::size_t>(field)];
}

namespace {

catalogue::Amount amount_of(DosageField field) {
  switch (field) {
    case DosageField::reps: return catalogue::Amount::reps;
    case DosageField::hold: return catalogue::Amount::hold;
    case DosageField::sets: return catalogue::Amount::sets;
    case DosageField::set_rest: return catalogue::Amount::set_rest;
    case DosageField::build_up_days: return catalogue::Amount::build_up_days;
    case DosageField::reps_to: return catalogue::Amount::reps_to;
    case DosageField::hold_to: return catalogue::Amount::hold_to;
  }
  return catalogue::Amount::reps;
}

// The item's amount a field steps, now; nullopt where the item has no such amount.
std::optional<int> field_value(const RoutineItem& item, const catalogue::Dosage& now, DosageField field) {
  const bool build = item.build_up_days.has_value();
  switch (field) {
    case DosageField::reps: return now.reps.start;
    case DosageField::hold: return now.hold ? std::optional(now.hold->amount.start) : std::nullopt;
    case DosageField::sets: return now.sets.start;
    case DosageField::set_rest:
      return now.sets.start > 1 ? std::optional(static_cast<int>(std::lround(now.set_rest_seconds))) : std::nullopt;
    case DosageField::build_up_days: return build ? item.build_up_days : std::nullopt;
    case DosageField::reps_to: return build ? std::optional(now.reps.max) : std::nullopt;
    case DosageField::hold_to: return build && now.hold ? std::optional(now.hold->amount.max) : std::nullopt;
  }
  return std::nullopt;
}

catalogue::HoldUnit hold_unit(const catalogue::Dosage& now) {
  return now.hold ? now.hold->unit : catalogue::HoldUnit::seconds;
}

std::optional<int> stepped(const RoutineItem& item, const catalogue::Dosage& now, DosageField field, int delta) {
  std::optional<int> value = field_value(item, now, field);
  if (!value || delta == 0) return std::nullopt;
  for (int n = 0; n < std::abs(static_cast<long long>(delta)) && value; ++n) {
    value = catalogue::step_amount(amount_of(field), hold_unit(now), *value, delta > 0 ? 1 : -1);
  }
  if (!value) return std::nullopt;
  // A build-up's target stays above its start.
  if (field == DosageField::reps_to && *value <= now.reps.start) return std::nullopt;
  if (field == DosageField::hold_to && now.hold && *value <= now.hold->amount.start) return std::nullopt;
  return value;
}

}  // namespace

bool step_dosage(Routine& routine, std::size_t index, const Catalogue& catalogue, DosageField field, int delta) {
  const ItemRef ref = find_item(routine, index, catalogue);
  if (!ref.option || delta == 0 || std::abs(static_cast<long long>(delta)) > 100) return false;
  RoutineItem& item = routine.items[index];
  const catalogue::Dosage now = catalogue::resolve(*ref.exercise, item);
  const std::optional<int> next = stepped(item, now, field, delta);
  if (!next) return false;
  item.dosage = ref.option->id;
  // A value and, with a build-up, its target: the target moves along when the start passes it.
  const auto set = [&](std::optional<Range>& slot, const Range& was, int value, bool start) {
    Range r = was;
    if (start) {
      r.min = r.start = value;
      r.max = item.build_up_days ? std::max(was.max, value + 1) : value;
    } else {
      r.max = value;
    }
    slot = r;
  };
  switch (field) {
    case DosageField::reps: set(item.reps, now.reps, *next, true); break;
    case DosageField::hold: set(item.hold, now.hold->amount, *next, true); break;
    case DosageField::sets:
      item.sets = Range{.min = *next, .max = *next, .start = *next};
      if (*next < 2) item.set_rest_seconds.reset();
      break;
    case DosageField::set_rest: item.set_rest_seconds = *next; break;
    case DosageField::build_up_days: item.build_up_days = *next; break;
    case DosageField::reps_to: set(item.reps, now.reps, *next, false); break;
    case DosageField::hold_to: set(item.hold, now.hold->amount, *next, false); break;
  }
  // A target pushed past its limit by its start: nothing left to build up to.
  const int reps_limit = catalogue::PrescriptionLimits::max_reps;
  if (item.reps->max > reps_limit) item.reps->max = reps_limit;
  if (item.hold && now.hold) item.hold->max = std::min(item.hold->max, catalogue::amount_limit(catalogue::Amount::hold, now.hold->unit));
  return true;
}

std::optional<ItemDosageView> item_dosage(const Routine& routine, std::size_t index, const Catalogue& catalogue) {
  const ItemRef ref = find_item(routine, index, catalogue);
  if (!ref.option) return std::nullopt;
  const RoutineItem& item = routine.items[index];
  const catalogue::Dosage now = catalogue::resolve(*ref.exercise, item);
  const auto view = [&](DosageField field) -> std::optional<AmountView> {
    const std::optional<int> value = field_value(item, now, field);
    if (!value) return std::nullopt;
    return AmountView{.value = *value, .can_decrease = stepped(item, now, field, -1).has_value(),
                      .can_increase = stepped(item, now, field, +1).has_value()};
  };
  ItemDosageView out{.option_id = ref.option->id,
                     .option_label = ref.option->label,
                     .reps = *view(DosageField::reps),
                     .sets = *view(DosageField::sets),
                     .set_rest = view(DosageField::set_rest).value_or(AmountView{}),
                     .hold = view(DosageField::hold),
                     .hold_unit = hold_unit(now),
                     .sides = now.sides,
                     .source_sides = ref.option->dosage.sides,
                     .favour = item.favour,
                     .build_up_days = view(DosageField::build_up_days),
                     .reps_to = view(DosageField::reps_to),
                     .hold_to = view(DosageField::hold_to),
                     .beyond_source = catalogue::beyond_source(*ref.exercise, item)};
  return out;
}

std::string save_routine(storage::Profile& data, const Catalogue& catalogue, const Routine& routine) {
  if (std::string why = catalogue::check_own_routine(catalogue, routine); !why.empty()) return why;
  const auto same = std::find_if(data.routines.begin(), data.routines.end(), [&](const Routine& r) { return r.id == routine.id; });
  if (same != data.routines.end()) *same = routine;
  else data.routines.push_back(routine);
  return {};
}

bool delete_routine(storage::Profile& data, std::string_view id) {
  const auto gone = std::find_if(data.routines.begin(), data.routines.end(), [&](const Routine& r) { return r.id == id; });
  if (gone == data.routines.end()) return false;
  data.routines.erase(gone);
  if (data.settings.current_routine == id) data.settings.current_routine.reset();
  return true;
}

}  // namespace limber::app
