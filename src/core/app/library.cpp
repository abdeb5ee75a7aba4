#include "app/library.h"

#include "json/enum_names.h"

namespace limber::app {

namespace {

template <class E>
std::string choices() {
  std::string list;
  for (const auto& [value, name] : json::EnumNames<E>::values) list += std::string(name) + ", ";
  return list + "any";
}

// Sets `slot` from a name of E, or clears it for "any".
template <class E>
std::string set_enum(std::optional<E>& slot, std::string_view filter, std::string_view value) {
  if (value == "any") {
    slot.reset();
    return {};
  }
  const auto parsed = json::enum_from_name<E>(value);
  if (!parsed) return std::string(filter) + ": expected one of " + choices<E>() + ", got '" + std::string(value) + "'";
  slot = *parsed;
  return {};
}

}  // namespace

std::vector<const catalogue::Exercise*> filter_exercises(const catalogue::Catalogue& catalogue, const LibraryFilter& filter) {
  std::vector<const catalogue::Exercise*> out;
  for (const catalogue::Exercise& e : catalogue.exercises) {
    if (filter.position && e.position != *filter.position) continue;
    if (filter.in_bed && e.in_bed != *filter.in_bed) continue;
    if (filter.kind && e.kind != *filter.kind) continue;
    out.push_back(&e);
  }
  return out;
}

std::string set_filter(LibraryFilter& filter, std::string_view name, std::string_view value) {
  if (name == "position") return set_enum(filter.position, name, value);
  if (name == "kind") return set_enum(filter.kind, name, value);
  if (name == "in_bed") {
    if (value == "yes" || value == "no") {
      filter.in_bed = value == "yes";
    } else if (value == "any") {
      filter.in_bed.reset();
    } else {
      return "in_bed: expected yes, no or any, got '" + std::string(value) + "'";
    }
    return {};
  }
  return "unknown filter '" + std::string(name) + "' (position, in_bed, kind)";
}

}  // namespace limber::app
