#include "text/utf8.h"

#include <array>
#include <cstdint>
#include <cstdio>
#include <utility>

namespace limber::text {

namespace {

// The code point at `i` and its length in bytes, or a length of 0 where the bytes are not UTF-8.
std::pair<std::uint32_t, std::size_t> decode(std::string_view s, std::size_t i) {
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
    return {0, 0};
  }
  if (s.size() - i < len) return {0, 0};
  for (std::size_t k = 1; k < len; ++k) {
    const unsigned char c = b(i + k);
    if (k == 1 ? (c < lo || c > hi) : (c < 0x80 || c > 0xbf)) return {0, 0};
    cp = (cp << 6) | (c & 0x3fu);
  }
  return {cp, len};
}

struct Mark {
  std::uint32_t cp;
  TextCheck kind;
  std::string_view name;
};

constexpr std::array<Mark, 14> kMarks{{
    {0x061c, TextCheck::direction, "Arabic letter mark"},
    {0x200e, TextCheck::direction, "left-to-right mark"},
    {0x200f, TextCheck::direction, "right-to-left mark"},
    {0x2028, TextCheck::separator, "line separator"},
    {0x2029, TextCheck::separator, "paragraph separator"},
    {0x202a, TextCheck::direction, "left-to-right embedding"},
    {0x202b, TextCheck::direction, "right-to-left embedding"},
    {0x202c, TextCheck::direction, "pop directional formatting"},
    {0x202d, TextCheck::direction, "left-to-right override"},
    {0x202e, TextCheck::direction, "right-to-left override"},
    {0x2066, TextCheck::direction, "left-to-right isolate"},
    {0x2067, TextCheck::direction, "right-to-left isolate"},
    {0x2068, TextCheck::direction, "first strong isolate"},
    {0x2069, TextCheck::direction, "pop directional isolate"},
}};

const Mark* find_mark(std::uint32_t cp) {
  if (cp != 0x061c && (cp < 0x200e || cp > 0x2069)) return nullptr;  // nearly every character: one test
  for (const Mark& m : kMarks) {
    if (m.cp == cp) return &m;
  }
  return nullptr;
}

const Mark* first_mark(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto [cp, len] = decode(s, i);
    if (len == 0) return nullptr;
    if (const Mark* m = find_mark(cp)) return m;
    i += len;
  }
  return nullptr;
}

std::string name_of(const Mark& m) {
  char code[16];
  std::snprintf(code, sizeof code, " (U+%04X)", static_cast<unsigned>(m.cp));
  return "the " + std::string(m.name) + code;
}

}  // namespace

TextCheck check_utf8(std::string_view s, bool allow_newline, std::size_t& chars) {
  chars = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    const auto [cp, len] = decode(s, i);
    if (len == 0) return TextCheck::invalid;
    if ((cp < 0x20 && !(allow_newline && cp == '\n')) || (cp >= 0x7f && cp <= 0x9f)) return TextCheck::control;
    if (const Mark* m = find_mark(cp)) return m->kind;
    i += len;
    ++chars;
  }
  return TextCheck::ok;
}

std::string mark_name(std::string_view s) {
  const Mark* m = first_mark(s);
  return m ? name_of(*m) : std::string();
}

std::string mark_problem(std::string_view s) {
  const Mark* m = first_mark(s);
  if (!m) return {};
  return "has an invisible mark, " + name_of(*m) +
         (m->kind == TextCheck::separator ? ", that breaks the line in some places and not in others"
                                          : ", that turns the direction of the text around it, which could disguise what it says");
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
