// app/library.h: which exercises the library lists, by the person's filters.
//
// Three filters, each off or set: the starting position, whether it can be done in bed, and
// the kind of exercise. Set by name, as the UI's chips and the `filter` command both do.
//
// Usage:
//     limber::app::LibraryFilter f;
//     limber::app::set_filter(f, "position", "on_back");   // "" or why not
//     for (const auto* e : limber::app::filter_exercises(catalogue, f)) list(e->name);
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalogue/model.h"

namespace limber::app {

struct LibraryFilter {
  std::optional<catalogue::Position> position;
  std::optional<bool> in_bed;
  std::optional<catalogue::ExerciseKind> kind;
  bool operator==(const LibraryFilter&) const = default;
};

// The catalogue's exercises that pass every filter set, in the catalogue's order.
std::vector<const catalogue::Exercise*> filter_exercises(const catalogue::Catalogue& catalogue, const LibraryFilter& filter);

// Sets one filter by name: position=<on_back|...|any>, in_bed=<yes|no|any>, kind=<stretch|...|any>.
// "" or why not; a refusal changes nothing.
std::string set_filter(LibraryFilter& filter, std::string_view name, std::string_view value);

}  // namespace limber::app
