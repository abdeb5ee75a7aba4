#include "app/routine_editor.h"

#include <algorithm>
#include <cstddef>
#include <vector>

#include "catalogue/dosage.h"
#include "catalogue/own_routine.h"
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

Routine new_routine(const Catalogue& catalogue, const storage::Profile& data) {
  Routine r;
  r.id = new_routine_id(catalogue, data);
  r.name = first_free([](int n) { return n == 1 ? std::string("My routine") : "My routine " + std::to_string(n); },
                      [&](const std::string& name) { return name_taken(catalogue, data, name); });
  r.purpose = "Exercises I chose.";
  r.frequency = catalogue::Frequency::every_day;
  r.rest_between_exercises_seconds = 10;
  return r;
}

Routine copy_routine(const Routine& from, const Catalogue& catalogue, const storage::Profile& data) {
  Routine r = from;
  r.id = new_routine_id(catalogue, data);
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
  item.dosage = option->id;
  item.reps.reset();
  item.sets.reset();
  item.hold.reset();
  return true;
}

bool step_dosage(Routine& routine, std::size_t index, const Catalogue& catalogue, DosageField field, int delta) {
  const ItemRef ref = find_item(routine, index, catalogue);
  if (!ref.option || delta == 0) return false;
  RoutineItem& item = routine.items[index];
  const catalogue::Dosage& source = ref.option->dosage;
  const catalogue::Dosage now = catalogue::resolve(*ref.exercise, item);
  // The source's range bounds the step; the value steps from what the session would use now.
  const auto step = [&](std::optional<Range>& slot, const Range& bounds, int value) {
    const long long next = static_cast<long long>(value) + delta;  // no int overflow for any delta
    if (next < bounds.min || next > bounds.max) return false;
    slot = Range{.min = bounds.min, .max = bounds.max, .start = static_cast<int>(next)};
    // Overrides belong to one option: naming it keeps a hold preference from running the item
    // with another option, which would drop them.
    item.dosage = ref.option->id;
    return true;
  };
  switch (field) {
    case DosageField::reps: return step(item.reps, source.reps, now.reps.start);
    case DosageField::sets: return step(item.sets, source.sets, now.sets.start);
    case DosageField::hold:
      return source.hold && now.hold && step(item.hold, source.hold->amount, now.hold->amount.start);
  }
  return false;
}

std::optional<ItemDosageView> item_dosage(const Routine& routine, std::size_t index, const Catalogue& catalogue) {
  const ItemRef ref = find_item(routine, index, catalogue);
  if (!ref.option) return std::nullopt;
  const catalogue::Dosage& source = ref.option->dosage;
  const catalogue::Dosage now = catalogue::resolve(*ref.exercise, routine.items[index]);
  const auto shown = [](const Range& allowed, int value) {
    return Range{.min = allowed.min, .max = allowed.max, .start = value};
  };
  ItemDosageView view{.option_id = ref.option->id,
                      .option_label = ref.option->label,
                      .reps = shown(source.reps, now.reps.start),
                      .sets = shown(source.sets, now.sets.start),
                      .sides = now.sides};
  if (source.hold && now.hold) {
    view.hold = shown(source.hold->amount, now.hold->amount.start);
    view.hold_unit = source.hold->unit;
  }
  return view;
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
