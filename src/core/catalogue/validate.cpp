#include "catalogue/validate.h"

#include <limits>
#include <set>
#include <string>

#include "catalogue/dosage.h"
#include "json/enum_names.h"

namespace limber::catalogue {

namespace {

constexpr const char* kSourcesFile = "sources.json";
constexpr const char* kExercisesFile = "exercises.json";
constexpr const char* kRoutinesFile = "routines.json";
constexpr const char* kSafetyFile = "safety.json";

class Checker {
 public:
  Checker(const Catalogue& c, std::vector<Problem>& problems) : c_(c), problems_(problems) {}

  void run() {
    check_sources();
    check_exercises();
    check_merged();
    check_routines();
    check_safety();
  }

 private:
  void report(const char* file, std::string path, std::string message) {
    problems_.push_back({.file = file, .path = std::move(path), .message = std::move(message)});
  }

  static bool well_formed_id(const std::string& id) {
    if (id.empty() || id.size() > 64) return false;
    for (const char ch : id) {
      if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_')) return false;
    }
    return true;
  }

  // Ids: well formed and unique within their list.
  template <class T>
  void check_ids(const char* file, const std::string& list, const std::vector<T>& items) {
    std::set<std::string> seen;
    for (std::size_t i = 0; i < items.size(); ++i) {
      const std::string& id = items[i].id;
      const std::string path = list + "[" + id + "].id";
      if (!well_formed_id(id)) report(file, path, "id must be lower-case letters, digits and '_' (got '" + id + "')");
      if (!seen.insert(id).second) report(file, path, "duplicate id '" + id + "'");
    }
  }

  void check_source_refs(const char* file, const std::string& path, const std::vector<std::string>& refs,
                         bool required) {
    if (required && refs.empty()) report(file, path, "needs at least one source");
    for (const std::string& ref : refs) {
      if (!c_.find_source(ref)) report(file, path, "unknown source '" + ref + "'");
    }
  }

  void check_range(const char* file, const std::string& path, const Range& r, int lowest, int highest,
                   const std::string& what) {
    if (r.min < 0 || r.max < 0 || r.start < 0) {
      report(file, path, what + " must not be negative");
      return;
    }
    if (r.min < lowest) report(file, path + ".min", what + " must be at least " + std::to_string(lowest));
    if (r.max > highest) report(file, path + ".max", what + " must be at most " + std::to_string(highest));
    if (r.min > r.max) report(file, path, "min (" + std::to_string(r.min) + ") is above max (" + std::to_string(r.max) + ")");
    if (r.start < r.min || r.start > r.max) {
      report(file, path + ".start", "start (" + std::to_string(r.start) + ") is outside " + std::to_string(r.min) +
                                        " to " + std::to_string(r.max));
    }
  }

  void check_seconds(const char* file, const std::string& path, double value, double lowest, double highest) {
    if (value < 0) report(file, path, "must not be negative");
    else if (value < lowest || value > highest) {
      report(file, path, "must be from " + std::to_string(static_cast<int>(lowest)) + " to " +
                             std::to_string(static_cast<int>(highest)) + " seconds");
    }
  }

  void check_hold(const char* file, const std::string& path, HoldUnit unit, const Range& amount) {
    if (unit == HoldUnit::seconds) {
      check_range(file, path, amount, 1, std::numeric_limits<int>::max(), "a hold");
      if (amount.max > DosageLimits::max_hold_seconds) {
        report(file, path + ".max", "a hold longer than 5 minutes (" + std::to_string(amount.max) + " seconds)");
      }
    } else {
      check_range(file, path, amount, 1, DosageLimits::max_hold_breaths, "a hold in breaths");
    }
  }

  void check_dosage(const char* file, const std::string& path, const Dosage& d) {
    if (d.reps.min == 0) report(file, path + ".reps", "zero reps: an exercise needs at least 1");
    else check_range(file, path + ".reps", d.reps, 1, DosageLimits::max_reps, "reps");
    check_range(file, path + ".sets", d.sets, 1, DosageLimits::max_sets, "sets");
    if (d.hold) check_hold(file, path + ".hold.amount", d.hold->unit, d.hold->amount);
    check_seconds(file, path + ".move_seconds", d.move_seconds, 0.5, DosageLimits::max_move_seconds);
    check_seconds(file, path + ".release_seconds", d.release_seconds, 0.5, DosageLimits::max_move_seconds);
    check_seconds(file, path + ".rest_seconds", d.rest_seconds, 0, DosageLimits::max_rest_seconds);
    check_seconds(file, path + ".set_rest_seconds", d.set_rest_seconds, 0, DosageLimits::max_rest_seconds);
  }

  void check_notes(const std::string& path, const std::vector<Note>& notes) {
    for (std::size_t i = 0; i < notes.size(); ++i) {
      if (!c_.find_source(notes[i].source)) {
        report(kExercisesFile, path + "[" + std::to_string(i) + "].source", "unknown source '" + notes[i].source + "'");
      }
    }
  }

  void check_sources() {
    check_ids(kSourcesFile, "sources", c_.sources);
    if (c_.sources.empty()) report(kSourcesFile, "sources", "no sources");
  }

  void check_exercises() {
    check_ids(kExercisesFile, "exercises", c_.exercises);
    if (c_.exercises.empty()) report(kExercisesFile, "exercises", "no exercises");
    for (const Exercise& e : c_.exercises) {
      const std::string base = "exercises[" + e.id + "]";
      if (e.steps.empty()) report(kExercisesFile, base + ".steps", "needs at least one step");
      if (e.target_areas.empty()) report(kExercisesFile, base + ".target_areas", "needs at least one target area");
      if (e.dosages.empty()) report(kExercisesFile, base + ".dosages", "needs at least one dosage");
      if (e.in_bed && e.position != Position::on_back && e.position != Position::kneeling &&
          e.position != Position::sitting && e.position != Position::on_front) {
        report(kExercisesFile, base + ".in_bed",
               "cannot be done in bed from position '" + std::string(json::enum_name(e.position)) + "'");
      }
      check_source_refs(kExercisesFile, base + ".sources", e.sources, true);
      check_notes(base + ".tips", e.tips);
      check_notes(base + ".cautions", e.cautions);
      check_ids(kExercisesFile, base + ".dosages", e.dosages);
      for (const DosageOption& o : e.dosages) {
        const std::string path = base + ".dosages[" + o.id + "]";
        check_source_refs(kExercisesFile, path + ".sources", o.sources, true);
        check_dosage(kExercisesFile, path + ".dosage", o.dosage);
      }
    }
  }

  // A merged id leads to one current exercise that has every option it had, and is never an
  // id of its own again (it would mean two things to the links and data made with it).
  void check_merged() {
    check_ids(kExercisesFile, "merged", c_.merged);
    for (const MergedExercise& m : c_.merged) {
      const std::string base = "merged[" + m.id + "]";
      const Exercise* into = nullptr;
      for (const Exercise& e : c_.exercises) {
        if (e.id == m.id) report(kExercisesFile, base + ".id", "'" + m.id + "' is still an exercise's id");
        if (e.id == m.into) into = &e;
      }
      if (!into) {
        report(kExercisesFile, base + ".into", "unknown exercise '" + m.into + "'");
        continue;
      }
      if (m.dosages.empty()) report(kExercisesFile, base + ".dosages", "needs the id of each option it had");
      for (const std::string& option : m.dosages) {
        if (!find_dosage(*into, option)) {
          report(kExercisesFile, base + ".dosages", "'" + m.into + "' has no option '" + option + "'");
        }
      }
    }
  }

  void check_routines() {
    check_ids(kRoutinesFile, "routines", c_.routines);
    for (const Routine& r : c_.routines) {
      // The built-in routines name each exercise as it is now.
      for (std::size_t i = 0; i < r.items.size(); ++i) {
        for (const MergedExercise& m : c_.merged) {
          if (r.items[i].exercise != m.id) continue;
          report(kRoutinesFile, "routines[" + r.id + "].items[" + std::to_string(i) + "].exercise",
                 "'" + m.id + "' is now '" + m.into + "'");
        }
      }
      validate_routine(c_, r, {.file = kRoutinesFile, .path = "routines[" + r.id + "]"}, problems_);
    }
  }

  void check_safety() {
    const Safety& s = c_.safety;
    if (s.max_pain_while_exercising < 0 || s.max_pain_while_exercising > 10) {
      report(kSafetyFile, "safety.max_pain_while_exercising", "must be from 0 to 10");
    }
    if (s.pain_eases_within_weeks < 1) report(kSafetyFile, "safety.pain_eases_within_weeks", "must be at least 1");
    check_range(kSafetyFile, "safety.pain_passes_within_weeks", s.pain_passes_within_weeks, 1, 52, "weeks");
    check_ids(kSafetyFile, "safety.items", s.items);
    for (const SafetyItem& item : s.items) {
      check_source_refs(kSafetyFile, "safety.items[" + item.id + "].sources", item.sources, true);
    }
    for (const auto& [topic, name] : json::EnumNames<SafetyTopic>::values) {
      bool covered = false;
      for (const SafetyItem& item : s.items) covered = covered || item.topic == topic;
      if (!covered) report(kSafetyFile, "safety.items", "no guidance on '" + std::string(name) + "'");
    }
  }

  const Catalogue& c_;
  std::vector<Problem>& problems_;
};

}  // namespace

void validate(const Catalogue& catalogue, std::vector<Problem>& problems) { Checker(catalogue, problems).run(); }

void validate_routine(const Catalogue& c, const Routine& r, const RoutineCheckDesc& desc, std::vector<Problem>& problems) {
  const auto report = [&](std::string path, std::string message) {
    problems.push_back({.file = desc.file, .path = std::move(path), .message = std::move(message)});
  };
  const std::string& base = desc.path;
  if (r.items.empty()) report(base + ".items", "a routine needs at least one exercise");
  if (r.sources.empty()) report(base + ".sources", "needs at least one source");
  // What only a person's own routine holds: a clinician's prescription.
  const auto own_only = [&](const std::string& at, std::initializer_list<std::pair<bool, const char*>> fields) {
    for (const auto& [set, name] : fields) {
      if (set) report(at + "." + name, "only a person's own routine holds this");
    }
  };
  own_only(base, {{r.schedule.has_value(), "schedule"}, {r.note.has_value(), "note"},
                  {r.side_that_hurts.has_value(), "side_that_hurts"}, {r.clinic.has_value(), "clinic"},
                  {r.review_on.has_value(), "review_on"}, {r.uid.has_value(), "uid"}, {r.version.has_value(), "version"},
                  {r.started_on.has_value(), "started_on"}});
  for (const std::string& ref : r.sources) {
    if (!c.find_source(ref)) report(base + ".sources", "unknown source '" + ref + "'");
  }
  if (r.rest_between_exercises_seconds < 0 || r.rest_between_exercises_seconds > DosageLimits::max_rest_seconds) {
    report(base + ".rest_between_exercises_seconds", "must be from 0 to 300 seconds");
  }
  const auto check_override = [&](const std::string& path, const std::optional<Range>& value, const Range& allowed,
                                  const char* what) {
    if (!value) return;
    if (value->min < allowed.min || value->max > allowed.max || value->min > value->max ||
        value->start < value->min || value->start > value->max) {
      report(path, std::string(what) + " override must stay within the source's " + std::to_string(allowed.min) +
                       " to " + std::to_string(allowed.max));
    }
  };
  for (std::size_t i = 0; i < r.items.size(); ++i) {
    const RoutineItem& item = r.items[i];
    const std::string path = base + ".items[" + std::to_string(i) + "]";
    own_only(path, {{item.hold_unit.has_value(), "hold_unit"}, {item.sides.has_value(), "sides"},
                    {item.favour.has_value(), "favour"}, {item.set_rest_seconds.has_value(), "set_rest_seconds"},
                    {item.build_up_days.has_value(), "build_up_days"}, {item.note.has_value(), "note"}});
    const Exercise* e = c.find_exercise(item.exercise);
    if (!e) {
      report(path + ".exercise", "unknown exercise '" + item.exercise + "'");
      continue;
    }
    const DosageOption* option = named_option(*e, item);
    if (item.dosage && !option) {
      report(path + ".dosage", "exercise '" + e->id + "' has no dosage option '" + *item.dosage + "'");
      continue;
    }
    if (!option) continue;
    check_override(path + ".reps", item.reps, option->dosage.reps, "reps");
    check_override(path + ".sets", item.sets, option->dosage.sets, "sets");
    if (item.hold && !option->dosage.hold) {
      report(path + ".hold", "dosage option '" + option->id + "' has no hold to override");
    } else if (option->dosage.hold) {
      check_override(path + ".hold", item.hold, option->dosage.hold->amount, "hold");
    }
  }
}

}  // namespace limber::catalogue
