#include "catalogue/dosage.h"

namespace limber::catalogue {

Dosage resolve(const Exercise& exercise, const RoutineItem& item) {
  const DosageOption* option = item.dosage ? find_dosage(exercise, *item.dosage) : nullptr;
  if (!option && !exercise.dosages.empty()) option = &exercise.dosages.front();
  Dosage d = option ? option->dosage : Dosage{};
  if (item.reps) d.reps = *item.reps;
  if (item.sets) d.sets = *item.sets;
  if (item.hold && d.hold) d.hold->amount = *item.hold;
  return d;
}

}  // namespace limber::catalogue
