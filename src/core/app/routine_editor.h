// app/routine_editor.h: the person's own routines, as the Routines screen makes and edits them.
//
// A routine starts empty or as a copy of any routine; the person (often a clinician) then picks
// exercises, their order and each one's amounts, which are exactly what the routine asks for
// (catalogue/prescription.h): each amount one value, stepped by steps that fit it, within the
// hard limits; beyond what a source suggests is allowed and said. Each edit returns false,
// changing nothing, when it would step past a limit; item_dosage() shows where the limits are,
// to grey out buttons, and what the source suggests. The prescription's other edits (sides,
// build-ups, how often, the review) are app/prescription_edits.h.
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

// Empty, once a day every day, 10 s between exercises, no sources (the person's own choice),
// and a placeholder purpose because stored text may not be empty. Named "My routine", then
// "My routine 2", ... so no two routines on the list share a name. `uid` is its identity
// across the links that will update it (version 1); the clinic is the last one named in the
// person's routines, so a clinician types it once.
catalogue::Routine new_routine(const catalogue::Catalogue& catalogue, const storage::Profile& data, std::string uid);

// The same exercises, amounts, purpose and timing under a fresh id and identity (version 1),
// named "Copy of X", then "Copy of X (2)", ... Each amount becomes one value, what a session of
// X did first (catalogue::prescribe_exactly()). Sources are dropped: once the person edits it,
// the routine no longer speaks for them (each exercise keeps its own sources). A copy starts
// afresh: no started_on.
catalogue::Routine copy_routine(const catalogue::Routine& from, const catalogue::Catalogue& catalogue,
                                const storage::Profile& data, std::string uid);

// Appends the exercise at its default dosage option, named, with its start values as the
// amounts (catalogue::prescribe_exactly()).
bool add_exercise(catalogue::Routine& routine, const catalogue::Catalogue& catalogue, std::string_view exercise_id);
bool remove_item(catalogue::Routine& routine, std::size_t index);
// Moves the item `delta` places: -1 up, +1 down.
bool move_item(catalogue::Routine& routine, std::size_t index, int delta);
// Picks one of the exercise's dosage options; the amounts become that option's start values.
bool choose_dosage(catalogue::Routine& routine, std::size_t index, const catalogue::Catalogue& catalogue,
                   std::string_view option_id);

// The amounts a stepper moves: reps, hold, sets, the rest between sets, and for a build-up its
// length in days and what reps and hold build up to.
enum class DosageField : std::uint8_t { reps, hold, sets, set_rest, build_up_days, reps_to, hold_to };
std::string_view dosage_field_id(DosageField field);  // "reps", "hold", "sets", "set_rest", "build_up", "reps_to", "hold_to"
// Steps one amount `delta` steps (catalogue::step_amount(): reps by 1, holds by 1 s up to 10 s
// and by 5 s above, ...), within the hard limits. A build-up's target stays above its start
// (stepping the start past it moves it along). False at a limit, for a zero delta, for a hold on
// an option that has none, for a build-up the item does not have, or for the rest between sets
// with one set.
bool step_dosage(catalogue::Routine& routine, std::size_t index, const catalogue::Catalogue& catalogue,
                 DosageField field, int delta);

// What the editor shows for one item: each amount's value, whether it can step down or up, and
// what the option's source suggests (beyond it, the sheet says the amount is the clinician's).
struct AmountView {
  int value = 0;
  bool can_decrease = false, can_increase = false;
};
struct ItemDosageView {
  std::string option_id;
  std::string option_label;
  AmountView reps, sets, set_rest;
  std::optional<AmountView> hold;  // absent: the movement is not held
  catalogue::HoldUnit hold_unit = catalogue::HoldUnit::seconds;
  catalogue::Sides sides = catalogue::Sides::together;
  catalogue::Sides source_sides = catalogue::Sides::together;
  std::optional<catalogue::Favour> favour;
  std::optional<AmountView> build_up_days, reps_to, hold_to;  // with a build-up
  std::string beyond_source;  // "" or what the source suggests ("8 to 10 reps, no hold")
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
