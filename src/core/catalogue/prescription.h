// catalogue/prescription.h: a person's own routine holds exactly what was prescribed.
//
// A clinician sets each exercise's amounts (reps, sets, hold in seconds or breaths, sides, the
// rest between sets) and these are the amounts: shown, printed, sent and done as set, never
// raised by the app. Building up happens only where the item says so: reps and hold rise from
// their start to a target over build_up_days, counted from the day the routine became the
// person's (Routine::started_on). A clinician may go beyond what an exercise's source suggests
// (the sheet then says the amount is theirs), within the hard limits below. Built-in routines
// keep their sources' ranges and progression (session/progression.h) and none of this.
//
// Usage:
//     limber::catalogue::prescribe_exactly(catalogue, routine);   // every amount one explicit value
//     const Dosage today = limber::catalogue::prescribed_dosage(exercise, item, days_since_start);
//     limber::catalogue::describe_prescribed(exercise, item, {});  // "10 reps, hold 5 seconds, each side, 2 sets, rest 30 seconds"
//     limber::catalogue::check_prescription(catalogue, routine, {.file = "backup", .path = "routines[0]"}, problems);
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalogue/model.h"
#include "catalogue/problems.h"
#include "catalogue/validate.h"

namespace limber::catalogue {

// Hard limits of a prescribed amount (the catalogue's own limits, catalogue/validate.h).
struct PrescriptionLimits {
  static constexpr int max_reps = DosageLimits::max_reps;
  static constexpr int max_sets = DosageLimits::max_sets;
  static constexpr int max_hold_seconds = DosageLimits::max_hold_seconds;
  static constexpr int max_hold_breaths = DosageLimits::max_hold_breaths;
  static constexpr int max_set_rest_seconds = static_cast<int>(DosageLimits::max_rest_seconds);
  static constexpr int max_build_up_days = 182;  // half a year: a review comes before then
  static constexpr std::size_t max_item_note_chars = 80;
};

// The amounts a control steps, and what it steps by: reps and sets by 1; a hold in seconds by 1
// up to 10 s and by 5 s above; in breaths by 1; a rest between sets by 5 s up to a minute and
// by 15 s above; a build-up by a week.
enum class Amount : std::uint8_t { reps, hold, sets, set_rest, build_up_days, reps_to, hold_to };
// The value one step up (delta > 0) or down from `value`, or nullopt past a hard limit. A value
// between two steps goes to the nearest step in that direction.
std::optional<int> step_amount(Amount amount, HoldUnit unit, int value, int delta);
int amount_limit(Amount amount, HoldUnit unit);  // the most it can be
int amount_least(Amount amount);                 // the least it can be

// Every item's option named and its reps, sets and hold one explicit value: the value the session
// would have used (a range's start). An item with build_up_days keeps {from, to, from}. Items of
// unknown exercises or options are left as they are, for the checks to name.
void prescribe_exactly(const Catalogue& catalogue, Routine& routine);

// The item's dosage on a day: `days_in` days after started_on (0: the first day), build-ups
// applied (reps and hold at their value that day, as one explicit value each).
Dosage prescribed_dosage(const Exercise& exercise, const RoutineItem& item, std::int64_t days_in);
// Whether a build-up changes anything on that day against the day before.
bool builds_up_on(const Exercise& exercise, const RoutineItem& item, std::int64_t days_in);

// The side that hurts in words: "the right side", or "the side that hurts" when not named.
std::string side_words(std::optional<FirstSide> side);
// "10 reps, hold 5 seconds, each side, 2 sets, rest 30 seconds"; with a build-up, what it starts
// at and "building up to 10 reps over 2 weeks"; with favour, "the right side first" or "each
// side, then the right side again".
std::string describe_prescribed(const Exercise& exercise, const RoutineItem& item, std::optional<FirstSide> side);
// The same for one day of a build-up: that day's amounts, without the build-up's words.
std::string describe_on(const Exercise& exercise, const RoutineItem& item, std::int64_t days_in,
                        std::optional<FirstSide> side);
// What a build-up raises between two days (days after started_on), one sentence per exercise:
// "Pelvic tilt goes up to 8 reps." (or "to 8 reps and a hold of 6 seconds"); none when nothing does.
std::vector<std::string> amounts_going_up(const Catalogue& catalogue, const Routine& routine, std::int64_t from_days,
                                          std::int64_t to_days);
// "" when every amount is inside the option's range, else what the source suggests
// ("NHS: 8 to 10 reps"), for the sheet to say the amount is the clinician's.
std::string beyond_source(const Exercise& exercise, const RoutineItem& item);

// Each problem of an own routine's items, one sentence each at its place: amounts within the hard
// limits, one value each (or a build-up from one value up to a larger one), a hold only where the
// option holds, sides and favour only for an exercise done on sides, a rest between sets only
// with sets, a short note.
void check_prescription(const Catalogue& catalogue, const Routine& routine, const RoutineCheckDesc& desc,
                        std::vector<Problem>& problems);

}  // namespace limber::catalogue
