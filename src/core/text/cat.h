// text/cat.h: a sentence put together from its pieces in one allocation.
//
// Messages are built from a few words and values; a chain of `a + b + c` makes a temporary
// string at every `+`, and in WebAssembly each of those is code to download. cat() takes the
// pieces as views and copies each once.
//
// Usage:
//     return limber::text::cat({"must be from 1 to ", std::to_string(most), ", got ", std::to_string(n)});
//     limber::text::count(sets, "set", "sets");   // "1 set", "2 sets"
//     limber::text::grouped(20'000'001);          // "20,000,001"
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace limber::text {

std::string cat(std::initializer_list<std::string_view> parts);
// A count and its noun: "1 rep", "3 reps".
std::string count(long long n, std::string_view one, std::string_view many);
// A number with its thousands apart: "20,000,001".
std::string grouped(long long n);

}  // namespace limber::text
