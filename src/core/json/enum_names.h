// json/enum_names.h: how an enum is spelt in JSON (and in the UI's ids).
//
// Usage, next to the enum:
//     enum class Side { left, right };
//     template <> struct limber::json::EnumNames<Side> {
//       static constexpr std::array<std::pair<Side, std::string_view>, 2> values{{
//           {Side::left, "left"}, {Side::right, "right"}}};
//     };
//     limber::json::enum_name(Side::left);        // "left"
//     limber::json::enum_from_name<Side>("right");  // Side::right; std::nullopt for a name not listed
#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace limber::json {

template <class E>
struct EnumNames;  // specialise for each enum that appears in JSON

template <class E>
constexpr std::string_view enum_name(E value) {
  for (const auto& [v, name] : EnumNames<E>::values) {
    if (v == value) return name;
  }
  return "?";
}

template <class E>
constexpr std::optional<E> enum_from_name(std::string_view name) {
  for (const auto& [v, n] : EnumNames<E>::values) {
    if (n == name) return v;
  }
  return std::nullopt;
}

}  // namespace limber::json
