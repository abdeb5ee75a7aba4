#include "catalogue/summary.h"

#include <cmath>
#include <map>

#include "catalogue/dosage.h"
#include "json/enum_names.h"
#include "text/cat.h"

namespace limber::catalogue {

std::string describe(const Range& r, const char* unit, const char* units) {
  const auto n = [&](int v) { return text::count(v, unit, units); };
  if (r.min == r.max) return n(r.min);
  std::string out = std::to_string(r.min) + " to " + n(r.max);
  if (r.start != r.min) out += " (start at " + std::to_string(r.start) + ")";
  return out;
}

std::string describe(const Dosage& d) {
  std::string out = describe(d.reps, "rep", "reps");
  switch (d.sides) {
    case Sides::together: break;
    case Sides::one_side: out += ", on the affected side"; break;
    case Sides::each_side: out += " on each side"; break;
    case Sides::alternating: out += ", alternating sides"; break;
  }
  if (d.hold) {
    out += ", hold " + (d.hold->unit == HoldUnit::seconds ? describe(d.hold->amount, "second", "seconds")
                                                         : describe(d.hold->amount, "deep breath", "deep breaths"));
  } else {
    out += ", no hold";
  }
  if (!(d.sets.min == 1 && d.sets.max == 1)) out += ", " + describe(d.sets, "set", "sets");
  return out;
}

std::string format_duration(double seconds) {
  const long total = std::lround(seconds);
  const long minutes = total / 60, rest = total % 60;
  if (minutes == 0) return std::to_string(rest) + " s";
  return std::to_string(minutes) + " min" + (rest ? " " + std::to_string(rest) + " s" : "");
}

namespace {

std::string source_list(const Catalogue& c, const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) {
    const Source* s = c.find_source(id);
    if (!out.empty()) out += "; ";
    out += s ? s->organisation + (s->seed ? " (" + *s->seed + ")" : "") : id;
  }
  return out;
}

template <class E>
void count_table(std::string& out, const char* heading, const Catalogue& c, E Exercise::*field) {
  std::map<E, int> counts;
  for (const Exercise& e : c.exercises) ++counts[e.*field];
  out += heading;
  out += "\n";
  for (const auto& [value, name] : json::EnumNames<E>::values) {
    if (counts[value] == 0) continue;
    out += "  " + std::string(name) + ": " + std::to_string(counts[value]) + "\n";
  }
}

}  // namespace

std::string summary(const Catalogue& c, RoutineSeconds routine_seconds) {
  std::string out;
  int in_bed = 0;
  for (const Exercise& e : c.exercises) in_bed += e.in_bed ? 1 : 0;
  out += std::to_string(c.exercises.size()) + " exercises (" + std::to_string(in_bed) + " can be done in bed), " +
         std::to_string(c.routines.size()) + " routines, " + std::to_string(c.sources.size()) + " sources, " +
         std::to_string(c.safety.items.size()) + " safety notes\n\n";
  count_table(out, "Exercises by position:", c, &Exercise::position);
  count_table(out, "Exercises by kind:", c, &Exercise::kind);

  out += "\nExercises (default dosage; sources):\n";
  for (const Exercise& e : c.exercises) {
    const DosageOption& first = e.dosages.front();
    out += "  " + e.id + ": " + e.name + " [" + std::string(json::enum_name(e.position)) + ", " +
           std::string(json::enum_name(e.kind)) + (e.in_bed ? ", in bed" : "") + "]\n";
    out += "      " + describe(first.dosage) + " (" + source_list(c, first.sources) + ")\n";
    for (std::size_t i = 1; i < e.dosages.size(); ++i) {
      out += "      or " + describe(e.dosages[i].dosage) + " (" + source_list(c, e.dosages[i].sources) + ")\n";
    }
    out += "      sources: " + source_list(c, e.sources) + "\n";
  }

  out += "\nRoutines (total time at default dosage, paced as a session: getting ready, rests, the closing relaxation):\n";
  for (const Routine& r : c.routines) {
    out += "  " + r.id + ": " + r.name + ", " + std::to_string(r.items.size()) + " exercises, " +
           format_duration(routine_seconds(c, r)) + ", " + frequency_sentence(r) + "\n";
    for (const RoutineItem& item : r.items) {
      const Exercise* e = c.find_exercise(item.exercise);
      if (!e) continue;
      out += "      " + e->name + ": " + describe(resolve(*e, item)) + "\n";
    }
  }
  return out;
}

}  // namespace limber::catalogue
