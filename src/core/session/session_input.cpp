#include "session/session_input.h"

#include "catalogue/dosage.h"
#include "catalogue/prescription.h"
#include "session/progression.h"

namespace limber::session {

InputResult build_input(const catalogue::Catalogue& catalogue, std::string_view routine_id,
                        const ProgressState* progress, catalogue::HoldPreference hold) {
  const catalogue::Routine* routine = catalogue.find_routine(routine_id);
  if (!routine) {
    InputResult result;
    result.error = "unknown routine '" + std::string(routine_id) + "'";
    return result;
  }
  return build_input(catalogue, *routine, progress, hold);
}

InputResult build_input(const catalogue::Catalogue& catalogue, const catalogue::Routine& routine,
                        const ProgressState* progress, catalogue::HoldPreference hold, std::int64_t days_in) {
  InputResult result;
  const bool own = catalogue.find_routine(routine.id) == nullptr;
  result.input.routine_id = routine.id;
  result.input.rest_between_exercises_seconds = routine.rest_between_exercises_seconds;
  for (const catalogue::RoutineItem& item : routine.items) {
    const catalogue::Exercise* e = catalogue.find_exercise(item.exercise);
    if (!e) {
      result.error = "routine '" + routine.id + "' names unknown exercise '" + item.exercise + "'";
      return result;
    }
    const catalogue::DosageOption* option = catalogue::option_for(*e, item, hold);
    const std::string dosage_id = option ? option->id : "";
    if (own) {
      result.input.exercises.push_back({.exercise = e, .dosage_id = dosage_id,
                                        .dosage = catalogue::prescribed_dosage(*e, item, days_in), .favour = item.favour});
      continue;
    }
    const catalogue::Dosage base = catalogue::resolve(*e, item, hold);
    const int level = progress ? progress->level_of(e->id) : 0;
    result.input.exercises.push_back({.exercise = e, .dosage_id = dosage_id, .dosage = progressed(base, level), .favour = {}});
  }
  result.error = check_input(result.input);
  return result;
}

std::string check_input(const SessionInput& input) {
  if (input.exercises.empty()) return "the routine has no exercises";
  if (input.rest_between_exercises_seconds < 0) return "the rest between exercises is negative";
  for (std::size_t i = 0; i < input.exercises.size(); ++i) {
    const PlannedExercise& p = input.exercises[i];
    const std::string where = "exercise " + std::to_string(i + 1);
    if (!p.exercise) return where + ": unknown exercise";
    const std::string named = where + " ('" + p.exercise->id + "')";
    const catalogue::Dosage& d = p.dosage;
    if (d.reps.start <= 0) return named + ": zero reps";
    if (d.sets.start <= 0) return named + ": zero sets";
    if (d.hold && d.hold->amount.start <= 0) {
      return named + (d.hold->unit == catalogue::HoldUnit::seconds ? ": a hold of 0 seconds" : ": a hold of 0 breaths");
    }
    if (d.move_seconds <= 0 || d.release_seconds <= 0) return named + ": moving takes no time";
    if (d.rest_seconds < 0 || d.set_rest_seconds < 0) return named + ": a negative rest";
  }
  return {};
}

}  // namespace limber::session
