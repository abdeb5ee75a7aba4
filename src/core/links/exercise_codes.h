// links/exercise_codes.h: each exercise's short, stable code in routine links (format 2).
//
// A link names an exercise by a small number (one byte up to 127) instead of its text id, and
// a dosage option by its place in the exercise's list here. The table only ever grows: a code
// is never given to another exercise, even after its exercise is gone, and an exercise's
// options are only ever appended, so every link made keeps its meaning. A test checks that
// every catalogue exercise and option has its code, and that the codes of
// tests/fixtures/exercise_codes.txt (the table as first published) are still here unchanged.
//
// Usage:
//     if (const auto* entry = limber::links::code_of_exercise("knee_rolls")) write(entry->code);
//     const auto* entry = limber::links::exercise_of_code(10);   // null: a code Limber never gave
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace limber::links {

inline constexpr std::size_t kMaxCodedOptions = 4;  // a flags field of two bits names one

struct ExerciseCode {
  std::uint16_t code = 0;
  std::string_view exercise;
  std::array<std::string_view, kMaxCodedOptions> options{};  // "" past the last
};

std::span<const ExerciseCode> exercise_codes();
const ExerciseCode* code_of_exercise(std::string_view exercise_id);
const ExerciseCode* exercise_of_code(std::uint32_t code);
// The option's place in its entry, or nullopt when the table does not list it.
std::optional<std::uint8_t> option_index(const ExerciseCode& entry, std::string_view option_id);

}  // namespace limber::links
