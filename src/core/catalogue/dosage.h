// catalogue/dosage.h: the dosage a routine item asks for.
//
// resolve() applies a routine item's choices (dosage option, overrides) to an exercise.
// How long it takes is the session's business: session/duration.h lays it out exactly as
// the engine paces it.
//
// Usage:
//     const auto d = limber::catalogue::resolve(exercise, item);      // item may be {}
//     const auto s = limber::catalogue::resolve(exercise, item, HoldPreference::shorter);
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "catalogue/model.h"
#include "json/enum_names.h"

namespace limber::catalogue {

// Where sources disagree on how long to hold (knee hugs: 5 s or 20 s), the person's setting
// picks among the exercise's options; a routine item that names its option keeps it.
enum class HoldPreference : std::uint8_t { source_default, shorter, longer };
std::string_view hold_preference_id(HoldPreference preference);
std::optional<HoldPreference> hold_preference_from_id(std::string_view id);

// The option a routine item names, or the first when it names none; nullptr when it names one
// the exercise does not have (or the exercise has none).
const DosageOption* named_option(const Exercise& exercise, const RoutineItem& item);

// The option a routine item uses: its own choice, else the preferred one (default: the first).
const DosageOption* option_for(const Exercise& exercise, const RoutineItem& item,
                               HoldPreference preference = HoldPreference::source_default);

// The exercise's dosage for this routine item: its option (default: the first) with the
// item's overrides. An item naming an unknown option gets the default (validate() refuses
// such routines before anything runs them).
Dosage resolve(const Exercise& exercise, const RoutineItem& item,
               HoldPreference preference = HoldPreference::source_default);

}  // namespace limber::catalogue

template <>
struct limber::json::EnumNames<limber::catalogue::HoldPreference> {
  using E = limber::catalogue::HoldPreference;
  static constexpr std::array<std::pair<E, std::string_view>, 3> values{{
      {E::source_default, "default"},
      {E::shorter, "shorter"},
      {E::longer, "longer"}}};
};
