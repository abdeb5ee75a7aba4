#include "app/routine_update.h"

#include <algorithm>

#include "catalogue/calendar_day.h"
#include "catalogue/prescription.h"
#include "catalogue/schedule.h"
#include "text/cat.h"

namespace limber::app {

namespace {

catalogue::Routine carried(const catalogue::Routine& r) {
  catalogue::Routine c = r;
  c.id.clear();
  c.purpose.clear();
  c.sources.clear();
  c.frequency_note.reset();
  c.started_on.reset();
  return c;
}

std::string exercise_name(const catalogue::Catalogue& c, const std::string& id) {
  const catalogue::Exercise* e = c.find_exercise(id);
  return e ? e->name : id;
}

std::string item_words(const catalogue::Catalogue& c, const catalogue::RoutineItem& item,
                       std::optional<catalogue::FirstSide> side) {
  const catalogue::Exercise* e = c.find_exercise(item.exercise);
  return e ? catalogue::describe_prescribed(*e, item, side) : std::string();
}

}  // namespace

bool same_prescription(const catalogue::Routine& a, const catalogue::Routine& b) { return carried(a) == carried(b); }

LinkComparison compare_with_stored(const catalogue::Routine& incoming, const std::vector<catalogue::Routine>& routines) {
  if (!incoming.uid) return {};
  const auto found = std::find_if(routines.begin(), routines.end(), [&](const catalogue::Routine& r) { return r.uid == incoming.uid; });
  if (found == routines.end()) return {};
  const int have = found->version.value_or(0), got = incoming.version.value_or(0);
  if (got < have) return {.kind = LinkVerdict::older, .stored = &*found};
  if (got == have && same_prescription(incoming, *found)) return {.kind = LinkVerdict::same, .stored = &*found};
  return {.kind = LinkVerdict::update, .stored = &*found};
}

std::vector<std::string> routine_changes(const catalogue::Catalogue& c, const catalogue::Routine& from,
                                         const catalogue::Routine& to) {
  std::vector<std::string> out;
  if (from.name != to.name) out.push_back(text::cat({"Its name: now \"", to.name, "\"."}));
  if (catalogue::schedule_words(from) != catalogue::schedule_words(to)) {
    out.push_back(text::cat({"How often: ", catalogue::schedule_words(to), " (was ", catalogue::schedule_words(from), ")."}));
  }
  if (from.side_that_hurts != to.side_that_hurts) {
    out.push_back(text::cat({"The side that hurts: ", catalogue::side_words(to.side_that_hurts), "."}));
  }
  if (from.review_on != to.review_on) {
    const auto day = catalogue::parse_optional_day(to.review_on);
    out.push_back(day ? text::cat({"Review on ", catalogue::day_words(*day), "."}) : std::string("No review date."));
  }
  if (from.clinic != to.clinic) out.push_back(to.clinic ? text::cat({"From ", to.clinic->name, "."}) : std::string("No clinic named."));
  if (from.note != to.note) out.push_back(to.note ? "A new note from your clinician." : std::string("The note is gone."));
  if (from.rest_between_exercises_seconds != to.rest_between_exercises_seconds) {
    out.push_back(text::cat({"Rest between exercises: ", std::to_string(static_cast<int>(to.rest_between_exercises_seconds)), " seconds."}));
  }
  // Exercises matched in order by what they are: the n-th knee roll of one with the n-th of the other.
  std::vector<bool> matched(to.items.size(), false);
  std::vector<std::string> removed, changed;
  std::vector<std::size_t> order;  // for each `from` item matched, its place in `to`
  for (const catalogue::RoutineItem& was : from.items) {
    std::size_t k = 0;
    while (k < to.items.size() && (matched[k] || c.current_id(to.items[k].exercise) != c.current_id(was.exercise))) ++k;
    if (k == to.items.size()) {
      removed.push_back(exercise_name(c, was.exercise));
      continue;
    }
    matched[k] = true;
    order.push_back(k);
    const std::string before = item_words(c, was, from.side_that_hurts), after = item_words(c, to.items[k], to.side_that_hurts);
    if (before != after) changed.push_back(text::cat({exercise_name(c, was.exercise), ": ", after, " (was ", before, ")."}));
    if (was.note != to.items[k].note) {
      const std::optional<std::string>& note = to.items[k].note;
      changed.push_back(text::cat({exercise_name(c, was.exercise), note ? ": a new note, \"" : ": its note is gone.", note ? *note : "",
                                   note ? "\"." : ""}));
    }
  }
  for (std::size_t k = 0; k < to.items.size(); ++k) {
    if (!matched[k]) out.push_back(text::cat({"Added: ", exercise_name(c, to.items[k].exercise), ", ", item_words(c, to.items[k], to.side_that_hurts), "."}));
  }
  for (const std::string& name : removed) out.push_back(text::cat({"Removed: ", name, "."}));
  if (!std::is_sorted(order.begin(), order.end())) out.push_back("The exercises come in a new order.");
  out.insert(out.end(), changed.begin(), changed.end());
  return out;
}

catalogue::Routine updated_routine(const catalogue::Routine& stored, const catalogue::Routine& incoming,
                                   const std::string& today_iso) {
  catalogue::Routine r = incoming;
  r.id = stored.id;
  r.purpose = incoming.purpose.empty() ? stored.purpose : incoming.purpose;
  r.started_on = today_iso;
  return r;
}

}  // namespace limber::app
