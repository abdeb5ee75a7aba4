#include "text/utf8.h"

#include <cstdint>

namespace limber::text {

TextCheck check_utf8(std::string_view s, bool allow_newline, std::size_t& chars) {
  chars = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char lead = b(i);
    std::uint32_t cp = 0;
    std::size_t len = 0;
    unsigned char lo = 0x80, hi = 0xbf;  // the allowed range of the second byte
    if (lead < 0x80) cp = lead, len = 1;
    else if (lead >= 0xc2 && lead <= 0xdf) cp = lead & 0x1fu, len = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      cp = lead & 0x0fu, len = 3;
      if (lead == 0xe0) lo = 0xa0;
      if (lead == 0xed) hi = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      cp = lead & 0x07u, len = 4;
      if (lead == 0xf0) lo = 0x90;
      if (lead == 0xf4) hi = 0x8f;
    } else {
      return TextCheck::invalid;
    }
    if (s.size() - i < len) return TextCheck::invalid;
    for (std::size_t k = 1; k < len; ++k) {
      const unsigned char c = b(i + k);
      if (k == 1 ? (c < lo || c > hi) : (c < 0x80 || c > 0xbf)) return TextCheck::invalid;
      cp = (cp << 6) | (c & 0x3fu);
    }
    if ((cp < 0x20 && !(allow_newline && cp == '\n')) || (cp >= 0x7f && cp <= 0x9f)) return TextCheck::control;
    if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) return TextCheck::direction;
    i += len;
    ++chars;
  }
  return TextCheck::ok;
}

std::string_view first_chars(std::string_view s, std::size_t max_chars) {
  std::size_t i = 0;
  for (std::size_t n = 0; i < s.size() && n < max_chars; ++n) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xc0u) == 0x80u) ++i;  // continuation bytes
  }
  return s.substr(0, i);
}

}  // namespace limber::text
