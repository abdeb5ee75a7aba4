#include "text/digits.h"

namespace limber::text {

std::optional<int> digits(std::string_view text, std::size_t most_digits) {
  if (text.empty() || text.size() > most_digits || text.size() > 9) return std::nullopt;
  int value = 0;
  for (const char ch : text) {
    if (ch < '0' || ch > '9') return std::nullopt;
    value = value * 10 + (ch - '0');
  }
  return value;
}

}  // namespace limber::text
