// catalogue/load.h: turns the four catalogue files into a validated Catalogue, or refuses.
//
// Three steps, each reporting every problem it finds: parse each file (JSON syntax, with
// line and column), read it into the model (shape: unknown, missing, mistyped or empty
// fields), then validate() the whole (ids, references, dosage ranges). If any step found
// a problem the catalogue is refused as a whole: a half-loaded catalogue could pace a
// person through an exercise with a wrong dosage.
//
// Usage:
//     const auto result = limber::catalogue::load({.sources = s, .exercises = e, .routines = r, .safety = f});
//     if (!result.catalogue) show(limber::catalogue::format_report(result.problems));
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "catalogue/model.h"
#include "catalogue/problems.h"

namespace limber::catalogue {

inline constexpr int kSchemaVersion = 1;

// The contents of assets/catalogue/{sources,exercises,routines,safety}.json.
struct CatalogueText {
  std::string_view sources;
  std::string_view exercises;
  std::string_view routines;
  std::string_view safety;
};

struct LoadResult {
  std::optional<Catalogue> catalogue;  // set only when problems is empty
  std::vector<Problem> problems;
};

LoadResult load(const CatalogueText& text);

}  // namespace limber::catalogue
