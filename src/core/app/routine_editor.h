// app/routine_editor.h: the person's own routines, as the Routines screen makes and edits them.
//
// A routine starts empty or as a copy of any routine; the person then picks exercises, their
// order and each one's dosage. Dosage moves only within the range the exercise's source gives
// (the rule validate_routine() also applies to imported routines), so an own routine never asks
// for more than a source does. Each edit returns false, changing nothing, when it would step
// outside those bounds; item_dosage() shows where the bounds are, to grey out buttons.
//
// Usage:
//     auto mine = limber::app::copy_routine(*catalogue.find_routine("nhs_daily"), catalogue, data);
//     limber::app::step_dosage(mine, 0, catalogue, limber::app::DosageField::reps, +1);
//     if (const std::string why = limber::app::save_routine(data, catalogue, mine); !why.empty()) show(why);
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "catalogue/model.h"
#include "storage/profile.h"

namespace limber::app {

// "my-<n>": built-in ids cannot contain '-', so the two never clash. Ids that stored sessions,
// the session in progress or the current-routine setting still name are not reused either:
// otherwise a new routine would take over a deleted one's history.
std::string new_routine_id(const catalogue::Catalogue& catalogue, const storage::Profile& data);

// Empty, every day, 10 s between exercises, no sources (the person's own choice), and a
// placeholder purpose because stored text may not be empty. Named "My routine", then
// "My routine 2", ... so no two routines on the list share a name.
catalogue::Routine new_routine(const catalogue::Catalogue& catalogue, const storage::Profile& data);

// The same exercises, dosages, purpose and timing under a fresh id, named "Copy of X", then
// "Copy of X (2)", ... Sources are dropped: once the person edits it, the routine no longer
// speaks for them (each exercise keeps its own sources).
catalogue::Routine copy_routine(const catalogue::Routine& from, const catalogue::Catalogue& catalogue,
                                const storage::Profile& data);

// Appends the exercise at its default dosage option, named, so the editor shows what the
// session runs whatever the hold preference; no overrides.
bool add_exercise(catalogue::Routine& routine, const catalogue::Catalogue& catalogue, std::string_view exercise_id);
bool remove_item(catalogue::Routine& routine, std::size_t index);
// Moves the item `delta` places: -1 up, +1 down.
bool move_item(catalogue::Routine& routine, std::size_t index, int delta);
// Picks one of the exercise's dosage options and drops the overrides, which belonged to the old one.
bool choose_dosage(catalogue::Routine& routine, std::size_t index, const catalogue::Catalogue& catalogue,
                   std::string_view option_id);

enum class DosageField : std::uint8_t { reps, hold, sets };
// Steps the value the session uses by `delta` within the chosen option's [min, max], as an
// override {option's min, option's max, new value}: keeping the source's range lets progression
// (session/progression.h) still build up from the person's value towards the source's maximum.
// Also names the option, as overrides only apply to the option named. False at a bound, for a
// zero delta, or for a hold on an option that has none.
bool step_dosage(catalogue::Routine& routine, std::size_t index, const catalogue::Catalogue& catalogue,
                 DosageField field, int delta);

// What the editor shows for one item: each Range is the source's {min, max} with the value the
// session will use as its start.
struct ItemDosageView {
  std::string option_id;
  std::string option_label;
  catalogue::Range reps;
  catalogue::Range sets;
  std::optional<catalogue::Range> hold;  // absent: the movement is not held
  catalogue::HoldUnit hold_unit = catalogue::HoldUnit::seconds;
  catalogue::Sides sides = catalogue::Sides::together;
};
// Nothing for an index out of range, an unknown exercise, or an unknown option.
std::optional<ItemDosageView> item_dosage(const catalogue::Routine& routine, std::size_t index,
                                          const catalogue::Catalogue& catalogue);


// Checks, then replaces the routine with the same id or adds it: "" or why it was not saved.
std::string save_routine(storage::Profile& data, const catalogue::Catalogue& catalogue,
                         const catalogue::Routine& routine);
// Removes it, and forgets it as the current routine. False for an unknown id.
bool delete_routine(storage::Profile& data, std::string_view id);

}  // namespace limber::app
