// catalogue/model.h: the exercise model. Plain, read-only data, validated once on load.
//
// Four JSON files in assets/catalogue/ fill these structs through Boost.PFR (json_reflect.h);
// the field names here are the JSON field names. catalogue/load.h loads and validates them.
//
//   sources.json    Source      who said it: organisation, title, seed article
//   exercises.json  Exercise    what to do, how often, and who recommends it
//   routines.json   Routine     exercises in order, with dosage choices
//   safety.json     Safety      the pain rule, what to expect, when to see a GP, red flags
//
// Dosage conventions:
//   - Range: {min, max, start}; where a source gives one number, min = max = start. In JSON
//     a bare number means exactly that number.
//   - reps with sides "each_side" count per side; with "alternating" they count in total
//     (the NHS's "8 to 10 times, alternating sides").
//   - An exercise lists one or more dosage options; the first is the default. Where sources
//     disagree, each keeps its own option and sources (knee hugs: 5 s or 20 s).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "json/enum_names.h"

namespace limber::catalogue {

enum class ExerciseKind { stretch, mobility, strengthening, relaxation };
enum class Position { on_back, on_front, all_fours, kneeling, sitting, standing };
enum class Prop { head_cushion, knee_pillow, towel_or_ball, chair, bed };
// together: both sides move as one (no sides). one_side: only the affected side.
// each_side: all reps on one side, then the other. alternating: left, right, left, ...
enum class Sides { together, one_side, each_side, alternating };
enum class FirstSide { left, right };
enum class HoldUnit { seconds, breaths };
enum class Frequency { every_day, twice_a_day_while_in_pain, when_needed };
// How an exercise of a person's own routine favours the side that hurts: worked first, or worked
// first and again after the other side. Absent: both sides alike.
enum class Favour { first, more };
enum class SafetyTopic { pain_rule, what_to_expect, see_gp, stop_exercise, red_flag_emergency, red_flag_urgent };

struct Range {
  int min = 0;
  int max = 0;
  int start = 0;  // where a person begins; progression moves it towards max
  bool operator==(const Range&) const = default;
};

struct Hold {
  HoldUnit unit = HoldUnit::seconds;
  Range amount;
  bool operator==(const Hold&) const = default;
};

struct Dosage {
  Range reps;
  Range sets;
  std::optional<Hold> hold;  // absent: the movement is not held (rocking, rolling)
  Sides sides = Sides::together;
  double move_seconds = 0;     // tempo: moving into position
  double release_seconds = 0;  // moving back out of it
  double rest_seconds = 0;     // between repetitions
  double set_rest_seconds = 0; // between sets
  bool operator==(const Dosage&) const = default;
};

struct DosageOption {
  std::string id;
  std::string label;                 // "NHS: hold 5 seconds"
  std::vector<std::string> sources;  // Source ids
  std::optional<std::string> note;   // what in it is ours, not the source's
  Dosage dosage;
  bool operator==(const DosageOption&) const = default;
};

// A tip or caution, with who gave it (the source "limber" marks our own words).
struct Note {
  std::string text;
  std::string source;
  bool operator==(const Note&) const = default;
};

// Short spoken-style cues the session speaks as the movement starts and ends.
struct MovementCues {
  std::string move;     // "Bring both knees up and hug them towards your chest"
  std::string release;  // "Let go and slowly straighten both legs"
  bool operator==(const MovementCues&) const = default;
};

struct Variation {
  std::string name;
  std::string description;
  bool operator==(const Variation&) const = default;
};

struct Exercise {
  std::string id;
  std::string name;
  std::vector<std::string> other_names;
  ExerciseKind kind = ExerciseKind::stretch;
  Position position = Position::on_back;
  bool in_bed = false;
  std::vector<Prop> props;
  std::vector<std::string> target_areas;
  std::string start_position;
  std::vector<std::string> steps;
  std::vector<Note> tips;
  std::vector<Note> cautions;
  MovementCues cues;
  // The side the steps name first ("turn to the right, then to the left"); absent: left.
  std::optional<FirstSide> first_side;
  std::vector<DosageOption> dosages;  // the first is the default
  std::vector<Variation> variations;
  std::vector<std::string> sources;   // Source ids
  bool operator==(const Exercise&) const = default;
};

struct Source {
  std::string id;
  std::string organisation;         // "NHS", "British Heart Foundation", ...
  std::string title;
  std::optional<std::string> seed;  // the seed article in shared/seeds, when it comes from one
  std::string summary;              // what we take from it
  bool operator==(const Source&) const = default;
};

// One exercise of a routine and how much of it. A built-in routine's overrides stay inside its
// option's range and progression builds up within it (session/progression.h). A person's own
// routine holds the amounts exactly as prescribed (catalogue/prescription.h): each Range is one
// value {v, v, v}, or with build_up_days {from, to, from}, rising from one to the other.
struct RoutineItem {
  std::string exercise;              // Exercise id
  std::optional<std::string> dosage; // DosageOption id; absent: the exercise's default
  std::optional<Range> reps;         // overrides
  std::optional<Range> sets;
  std::optional<Range> hold;         // in hold_unit when it is set, else in the option's unit
  // Own routines only (catalogue/prescription.h):
  std::optional<HoldUnit> hold_unit;    // the hold counted in seconds or in breaths, as prescribed
  std::optional<Sides> sides;           // each side, alternating or only the side that hurts
  std::optional<Favour> favour;         // the side that hurts first, or more on it
  std::optional<int> set_rest_seconds;  // the rest between sets
  std::optional<int> build_up_days;     // reps and hold rise from their start to their max over these days
  std::optional<std::string> note;      // the clinician's note on this exercise
  bool operator==(const RoutineItem&) const = default;
};

// How often, as a clinician says it (catalogue/schedule.h): times a day on so many days a week,
// at set times of day or at any time.
struct Schedule {
  int times_a_day = 1;     // 1 to 4
  int days_a_week = 7;     // 1 to 7 (7: every day)
  std::vector<int> times;  // minutes after midnight, in quarter hours, rising; none: at any time
  bool operator==(const Schedule&) const = default;
};

// Who prescribed it, for the sheet and the report.
struct Clinic {
  std::string name;
  std::optional<std::string> phone;
  bool operator==(const Clinic&) const = default;
};

struct Routine {
  std::string id;
  std::string name;
  std::string purpose;
  Frequency frequency = Frequency::every_day;
  // More about when, beyond the frequency itself ("a good way to start the morning"), if any.
  // Layouts before 3 stored the whole sentence as frequency_text (storage/record_upgrade.h).
  std::optional<std::string> frequency_note;
  double rest_between_exercises_seconds = 0;
  std::vector<RoutineItem> items;
  std::vector<std::string> sources;
  // A person's own routine, as a clinician prescribes it (catalogue/own_routine.h checks it):
  std::optional<Schedule> schedule;        // how often; absent: `frequency` says
  std::optional<std::string> note;         // the clinician's note
  std::optional<FirstSide> side_that_hurts;  // absent: the person's own answer (asked once)
  std::optional<Clinic> clinic;
  std::optional<std::string> review_on;    // "2027-01-04": the review; reminders end that day
  // One routine across the links that update it (app/routine_update.h): a clinician's new link
  // for the same uid and a higher version replaces it, keeping its history.
  std::optional<std::string> uid;          // 12 lower-case hex digits
  std::optional<int> version;              // 1 to 65535
  std::optional<std::string> started_on;   // the day this version became the person's: build-ups count from it
  bool operator==(const Routine&) const = default;
};

struct SafetyItem {
  std::string id;
  SafetyTopic topic = SafetyTopic::pain_rule;
  std::string text;
  std::vector<std::string> sources;
  bool operator==(const SafetyItem&) const = default;
};

struct Safety {
  int max_pain_while_exercising = 0;  // out of 10
  int pain_eases_within_weeks = 0;
  Range pain_passes_within_weeks;
  std::vector<SafetyItem> items;
  bool operator==(const Safety&) const = default;
};

// The files as documents: a schema version and the list.
struct SourcesFile {
  int schema = 0;
  std::vector<Source> sources;
};
// An exercise that turned out to be another's movement under a second name, kept so that
// everything made with its id (routine links, stored routines and sessions, backups) still
// finds it: the id leads to the exercise it became, and each of its dosage options is one of
// that exercise's, under the same id, so a prescribed amount reads exactly as before.
struct MergedExercise {
  std::string id;                    // the id it had; never used again for anything else
  std::string into;                  // the exercise it is now
  std::vector<std::string> dosages;  // its options' ids, each one of `into`'s
  std::string why;                   // for the record: the sources describe one movement
  bool operator==(const MergedExercise&) const = default;
};

struct ExercisesFile {
  int schema = 0;
  std::vector<Exercise> exercises;
  std::vector<MergedExercise> merged;  // absent: none
};
struct RoutinesFile {
  int schema = 0;
  std::vector<Routine> routines;
};
struct SafetyFile {
  int schema = 0;
  Safety safety;
};

struct Catalogue {
  std::vector<Source> sources;
  std::vector<Exercise> exercises;
  std::vector<Routine> routines;
  Safety safety;
  std::vector<MergedExercise> merged;

  // An exercise by its id, or by an id it took over (MergedExercise): stored data and links
  // keep the id they were made with, and always mean the same movement and amounts.
  const Exercise* find_exercise(std::string_view id) const;
  // The id the exercise has now (`id` itself when it is current or unknown), for counting a
  // movement once whichever id a record was made with.
  std::string_view current_id(std::string_view id) const;
  // A merged id's own default option (its first), which an item naming it without an option
  // meant; nothing for any other id.
  std::optional<std::string_view> merged_default(std::string_view id) const;
  const Routine* find_routine(std::string_view id) const;
  const Source* find_source(std::string_view id) const;
};

const DosageOption* find_dosage(const Exercise& exercise, std::string_view option_id);

// How often, in words: "Every day", "Twice a day while you are in pain", "When you need it".
std::string_view frequency_words(Frequency frequency);
// The frequency and its note as one sentence: "Every day: a good way to start the morning".
std::string frequency_sentence(const Routine& routine);

}  // namespace limber::catalogue

namespace limber::json {

template <> struct EnumNames<catalogue::ExerciseKind> {
  static constexpr std::array<std::pair<catalogue::ExerciseKind, std::string_view>, 4> values{{
      {catalogue::ExerciseKind::stretch, "stretch"},
      {catalogue::ExerciseKind::mobility, "mobility"},
      {catalogue::ExerciseKind::strengthening, "strengthening"},
      {catalogue::ExerciseKind::relaxation, "relaxation"}}};
};
template <> struct EnumNames<catalogue::Position> {
  static constexpr std::array<std::pair<catalogue::Position, std::string_view>, 6> values{{
      {catalogue::Position::on_back, "on_back"},
      {catalogue::Position::on_front, "on_front"},
      {catalogue::Position::all_fours, "all_fours"},
      {catalogue::Position::kneeling, "kneeling"},
      {catalogue::Position::sitting, "sitting"},
      {catalogue::Position::standing, "standing"}}};
};
template <> struct EnumNames<catalogue::Prop> {
  static constexpr std::array<std::pair<catalogue::Prop, std::string_view>, 5> values{{
      {catalogue::Prop::head_cushion, "head_cushion"},
      {catalogue::Prop::knee_pillow, "knee_pillow"},
      {catalogue::Prop::towel_or_ball, "towel_or_ball"},
      {catalogue::Prop::chair, "chair"},
      {catalogue::Prop::bed, "bed"}}};
};
template <> struct EnumNames<catalogue::FirstSide> {
  static constexpr std::array<std::pair<catalogue::FirstSide, std::string_view>, 2> values{{
      {catalogue::FirstSide::left, "left"}, {catalogue::FirstSide::right, "right"}}};
};
template <> struct EnumNames<catalogue::Sides> {
  static constexpr std::array<std::pair<catalogue::Sides, std::string_view>, 4> values{{
      {catalogue::Sides::together, "together"},
      {catalogue::Sides::one_side, "one_side"},
      {catalogue::Sides::each_side, "each_side"},
      {catalogue::Sides::alternating, "alternating"}}};
};
template <> struct EnumNames<catalogue::HoldUnit> {
  static constexpr std::array<std::pair<catalogue::HoldUnit, std::string_view>, 2> values{{
      {catalogue::HoldUnit::seconds, "seconds"},
      {catalogue::HoldUnit::breaths, "breaths"}}};
};
template <> struct EnumNames<catalogue::Frequency> {
  static constexpr std::array<std::pair<catalogue::Frequency, std::string_view>, 3> values{{
      {catalogue::Frequency::every_day, "every_day"},
      {catalogue::Frequency::twice_a_day_while_in_pain, "twice_a_day_while_in_pain"},
      {catalogue::Frequency::when_needed, "when_needed"}}};
};
template <> struct EnumNames<catalogue::Favour> {
  static constexpr std::array<std::pair<catalogue::Favour, std::string_view>, 2> values{{
      {catalogue::Favour::first, "first"}, {catalogue::Favour::more, "more"}}};
};
template <> struct EnumNames<catalogue::SafetyTopic> {
  static constexpr std::array<std::pair<catalogue::SafetyTopic, std::string_view>, 6> values{{
      {catalogue::SafetyTopic::pain_rule, "pain_rule"},
      {catalogue::SafetyTopic::what_to_expect, "what_to_expect"},
      {catalogue::SafetyTopic::see_gp, "see_gp"},
      {catalogue::SafetyTopic::stop_exercise, "stop_exercise"},
      {catalogue::SafetyTopic::red_flag_emergency, "red_flag_emergency"},
      {catalogue::SafetyTopic::red_flag_urgent, "red_flag_urgent"}}};
};

}  // namespace limber::json
