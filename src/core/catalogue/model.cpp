#include "catalogue/model.h"

#include "catalogue/schedule.h"

namespace limber::catalogue {

namespace {
template <class T>
const T* find_by_id(const std::vector<T>& items, std::string_view id) {
  for (const T& item : items) {
    if (item.id == id) return &item;
  }
  return nullptr;
}
}  // namespace

const Exercise* Catalogue::find_exercise(std::string_view id) const {
  if (const Exercise* e = find_by_id(exercises, id)) return e;
  const MergedExercise* m = find_by_id(merged, id);
  return m ? find_by_id(exercises, m->into) : nullptr;
}
std::string_view Catalogue::current_id(std::string_view id) const {
  const Exercise* e = find_exercise(id);
  return e ? std::string_view(e->id) : id;
}
std::optional<std::string_view> Catalogue::merged_default(std::string_view id) const {
  const MergedExercise* m = find_by_id(merged, id);
  if (!m || m->dosages.empty()) return std::nullopt;
  return m->dosages.front();
}
const Routine* Catalogue::find_routine(std::string_view id) const { return find_by_id(routines, id); }
const Source* Catalogue::find_source(std::string_view id) const { return find_by_id(sources, id); }

const DosageOption* find_dosage(const Exercise& exercise, std::string_view option_id) {
  return find_by_id(exercise.dosages, option_id);
}

std::string_view frequency_words(Frequency frequency) {
  switch (frequency) {
    case Frequency::every_day: return "Every day";
    case Frequency::twice_a_day_while_in_pain: return "Twice a day while you are in pain";
    case Frequency::when_needed: return "When you need it";
  }
  return "Every day";
}

std::string frequency_sentence(const Routine& routine) {
  std::string out = schedule_words(routine);
  if (routine.frequency_note) out += ": " + *routine.frequency_note;
  return out;
}

}  // namespace limber::catalogue
