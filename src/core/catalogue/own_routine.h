// catalogue/own_routine.h: the rules for a routine a person made, received in a link, restored
// from a backup or kept in storage. One set of limits for all of them: the editor, typing,
// routine links, backups and stored data call these and nothing else.
//
// Usage:
//     std::vector<limber::catalogue::Problem> problems;
//     limber::catalogue::check_own_routine(catalogue, routine, {.file = "backup", .path = "data.routines[0]"}, problems);
//     const std::string why = limber::catalogue::check_own_routine(catalogue, routine);  // the first, in plain words
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "catalogue/model.h"
#include "catalogue/problems.h"
#include "catalogue/validate.h"

namespace limber::catalogue {

struct OwnRoutineLimits {
  static constexpr std::size_t max_name_chars = 60;   // characters (Unicode code points)
  static constexpr std::size_t max_note_chars = 280;  // the clinician's note, the purpose, the frequency note
  static constexpr std::size_t max_items = 30;        // exercises in one routine
  static constexpr std::size_t max_id_chars = 40;     // "my-12", "my-3_imported_2"
  static constexpr std::size_t max_phone_chars = 30;  // "+44 (0)20 7946 0958 ext. 12"
  static constexpr int max_version = 65535;
};

// "" when `words` is text a person could have typed (text::check_utf8) of at most `max_chars`
// characters; else what is wrong, to follow the field's name: "is not valid text (UTF-8)",
// "has a control character in it", "is 75 characters long; the most is 60".
std::string text_problem(std::string_view words, std::size_t max_chars, bool multiline);

// Lower-case letters, digits, '_' and '-', 1 to max_id_chars long: every id Limber gives a
// routine. Sessions name routines by such ids, including routines since deleted.
bool routine_id_well_formed(std::string_view id);

// A phone number's characters: digits, letters ("ext"), spaces and + ( ) - . /
bool phone_characters(std::string_view phone);

// A routine's identity across the links that update it: 12 lower-case hex digits.
bool routine_uid_well_formed(std::string_view uid);

// Every problem of a person's own routine, each a sentence at its place: its id (well formed,
// not a built-in routine's: the player runs a built-in routine by its id, so an own routine under
// it would shadow it), its texts (name, purpose, frequency note, the clinician's note, the
// clinic's name and phone: not empty where required, characters, length), its schedule
// (catalogue/schedule.h), dates, identity and version, sources, the rest between exercises,
// 1 to max_items exercises, and each exercise as prescribed (catalogue/prescription.h).
void check_own_routine(const Catalogue& catalogue, const Routine& routine, const RoutineCheckDesc& desc,
                       std::vector<Problem>& problems);

// The first problem in plain words, for the editor ("Give the routine a name."), or "".
std::string check_own_routine(const Catalogue& catalogue, const Routine& routine);

}  // namespace limber::catalogue
