// text/digits.h: a whole number written in plain digits, as commands and ids carry it.
//
// No sign, no spaces, no more digits than the caller allows: what a person or the page sends
// is either exactly a number or not one.
//
// Usage:
//     limber::text::digits("12", 4);     // 12
//     limber::text::digits("-1", 4);     // nullopt, as are "", "+1", "1a" and "12345"
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace limber::text {

// 1 to `most_digits` (at most 9) ASCII digits as their value.
std::optional<int> digits(std::string_view text, std::size_t most_digits);

}  // namespace limber::text
