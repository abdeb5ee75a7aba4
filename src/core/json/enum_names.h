// json/enum_names.h: how an enum is spelt in JSON (and in the UI's ids).
//
// Usage, next to the enum:
//     enum class Side { left, right };
//     template <> struct limber::json::EnumNames<Side> {
//       static constexpr std::array<std::pair<Side, std::string_view>, 2> values{{
//           {Side::left, "left"}, {Side::right, "right"}}};
//     };
//     limber::json::enum_name(Side::left);   // "left"
#pragma once

#include <array>
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

}  // namespace limber::json
