// catalogue/problems.h: one problem found in an asset, and how it is shown to a person.
//
// Usage:
//     for (const auto& p : result.problems) std::cerr << limber::catalogue::format(p) << '\n';
//     // exercises.json:41:18: exercises[knee_rolls].dosages[nhs].dosage.reps.min: must be at least 1
#pragma once

#include <cstdint>
#include <span>
#include <string>

namespace limber::catalogue {

struct Problem {
  std::string file;     // "exercises.json"
  std::string path;     // "exercises[knee_rolls].steps[0]"
  std::string message;  // "empty text"
  std::uint32_t line = 0, column = 0;  // 0: not tied to one place in the text
};

std::string format(const Problem& problem);
// Every problem, one a line, with a heading that says how many.
std::string format_report(std::span<const Problem> problems);

}  // namespace limber::catalogue
