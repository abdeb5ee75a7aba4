#include "catalogue/dosage.h"

namespace limber::catalogue {

namespace {

// A hold's length in seconds, to compare options held in seconds with ones held in breaths
// (a deep breath in and out takes about 8 s at the default pace).
double hold_seconds(const Dosage& d) {
  if (!d.hold) return 0;
  constexpr double kSecondsPerBreath = 8;
  return d.hold->amount.start * (d.hold->unit == HoldUnit::breaths ? kSecondsPerBreath : 1.0);
}

}  // namespace

std::string_view hold_preference_id(HoldPreference preference) { return json::enum_name(preference); }

std::optional<HoldPreference> hold_preference_from_id(std::string_view id) {
  return json::enum_from_name<HoldPreference>(id);
}

const DosageOption* named_option(const Exercise& exercise, const RoutineItem& item) {
  if (item.dosage) return find_dosage(exercise, *item.dosage);
  return exercise.dosages.empty() ? nullptr : &exercise.dosages.front();
}

const DosageOption* option_for(const Exercise& exercise, const RoutineItem& item, HoldPreference preference) {
  if (item.dosage) {
    if (const DosageOption* chosen = find_dosage(exercise, *item.dosage)) return chosen;
  }
  if (exercise.dosages.empty()) return nullptr;
  const DosageOption* best = &exercise.dosages.front();
  if (preference == HoldPreference::source_default || !best->dosage.hold) return best;
  for (const DosageOption& o : exercise.dosages) {
    if (!o.dosage.hold) continue;  // an option without a hold answers a different question
    const double diff = hold_seconds(o.dosage) - hold_seconds(best->dosage);
    if ((preference == HoldPreference::shorter && diff < 0) || (preference == HoldPreference::longer && diff > 0)) best = &o;
  }
  return best;
}

Dosage resolve(const Exercise& exercise, const RoutineItem& item, HoldPreference preference) {
  const DosageOption* option = option_for(exercise, item, preference);
  Dosage d = option ? option->dosage : Dosage{};
  // Overrides belong to the option the item names; with an option picked by preference
  // they could fall outside its range, so they apply only to the item's own choice.
  if (item.dosage || preference == HoldPreference::source_default || option == &exercise.dosages.front()) {
    if (item.reps) d.reps = *item.reps;
    if (item.sets) d.sets = *item.sets;
    if (item.hold && d.hold) d.hold->amount = *item.hold;
    // A person's own routine, as prescribed (catalogue/prescription.h).
    if (item.hold_unit && d.hold) d.hold->unit = *item.hold_unit;
    if (item.sides) d.sides = *item.sides;
    if (item.set_rest_seconds) d.set_rest_seconds = *item.set_rest_seconds;
  }
  return d;
}

}  // namespace limber::catalogue
