#include "catalogue/dosage.h"

namespace limber::catalogue {

namespace {
double or_default(double value, double fallback) { return value > 0 ? value : fallback; }
}  // namespace

Dosage resolve(const Exercise& exercise, const RoutineItem& item) {
  const DosageOption* option = item.dosage ? find_dosage(exercise, *item.dosage) : nullptr;
  if (!option && !exercise.dosages.empty()) option = &exercise.dosages.front();
  Dosage d = option ? option->dosage : Dosage{};
  if (item.reps) d.reps = *item.reps;
  if (item.sets) d.sets = *item.sets;
  if (item.hold && d.hold) d.hold->amount = *item.hold;
  return d;
}

int side_passes(Sides sides) { return sides == Sides::each_side ? 2 : 1; }

double hold_seconds(const Dosage& d, const PaceDesc& pace) {
  if (!d.hold) return 0;
  if (d.hold->unit == HoldUnit::seconds) return d.hold->amount.start;
  const double breath = or_default(pace.breath_in_seconds, 4) + or_default(pace.breath_out_seconds, 4);
  return d.hold->amount.start * breath;
}

double seconds(const Dosage& d, const PaceDesc& pace) {
  const double rep = d.move_seconds + hold_seconds(d, pace) + d.release_seconds + d.rest_seconds;
  const double set = side_passes(d.sides) * d.reps.start * rep;
  const int sets = d.sets.start > 0 ? d.sets.start : 1;
  return or_default(pace.get_ready_seconds, 10) + sets * set + (sets - 1) * d.set_rest_seconds;
}

double routine_seconds(const Catalogue& catalogue, const Routine& routine, const PaceDesc& pace) {
  double total = 0;
  int count = 0;
  for (const RoutineItem& item : routine.items) {
    const Exercise* e = catalogue.find_exercise(item.exercise);
    if (!e) continue;
    total += seconds(resolve(*e, item), pace);
    ++count;
  }
  if (count > 1) total += (count - 1) * routine.rest_between_exercises_seconds;
  return total;
}

}  // namespace limber::catalogue
