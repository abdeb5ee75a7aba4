#include "links/text_pack.h"

#include <array>

namespace limber::links {

namespace {

// Never change these: every link made with format 2 decodes with them (see text_pack.h).
constexpr std::array<std::uint8_t, 256> kLengths{
    14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 6, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14,
    3, 14, 14, 14, 14, 14, 11, 11, 9, 9, 14, 9, 7, 8, 6, 9, 8, 7, 8, 8, 8, 8, 8, 8, 8, 8, 8, 12, 14, 14, 14, 14,
    14, 10, 9, 9, 10, 11, 12, 9, 9, 10, 14, 9, 8, 12, 10, 11, 9, 14, 10, 8, 10, 12, 14, 12, 14, 12, 14, 14, 14, 14, 14, 14,
    14, 4, 6, 6, 5, 4, 6, 6, 5, 5, 12, 6, 5, 6, 4, 4, 6, 13, 4, 5, 4, 5, 8, 6, 9, 5, 12, 14, 14, 14, 14, 14,
    8, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 8, 14, 14, 14, 14, 14, 14,
    14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14,
    14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14,
    14, 14, 8, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 13, 13, 13, 13, 13, 13, 13,};
constexpr int kMaxBits = 14;

// The canonical code: symbols ordered by (length, value) take consecutive codes.
struct Code {
  std::array<std::uint16_t, 256> code{};            // by byte value
  std::array<int, kMaxBits + 1> count{};            // symbols of each length
  std::array<std::uint8_t, 256> by_code{};          // symbols in canonical order
  std::array<int, kMaxBits + 1> first_index{};      // where each length starts in by_code
  std::array<std::uint32_t, kMaxBits + 1> first_code{};
};

Code make_code() {
  Code c;
  for (const std::uint8_t len : kLengths) ++c.count[len];
  int index = 0;
  std::uint32_t next = 0;
  for (int len = 1; len <= kMaxBits; ++len) {
    next = (next + static_cast<std::uint32_t>(c.count[len - 1])) << 1;  // as DEFLATE assigns them (RFC 1951 3.2.2)
    c.first_code[len] = next;
    c.first_index[len] = index;
    for (int s = 0; s < 256; ++s) {
      if (kLengths[s] != len) continue;
      c.code[s] = static_cast<std::uint16_t>(next + static_cast<std::uint32_t>(index - c.first_index[len]));
      c.by_code[index++] = static_cast<std::uint8_t>(s);
    }
  }
  return c;
}

const Code& code() {
  static const Code c = make_code();
  return c;
}

}  // namespace

const std::uint8_t* text_code_lengths() { return kLengths.data(); }

std::string pack_text(std::string_view text) {
  const Code& c = code();
  std::string out;
  std::uint32_t bits = 0;
  int count = 0;
  for (const char ch : text) {
    const auto s = static_cast<unsigned char>(ch);
    bits = (bits << kLengths[s]) | c.code[s];
    count += kLengths[s];
    while (count >= 8) {
      count -= 8;
      out += static_cast<char>((bits >> count) & 0xffu);
    }
    bits &= (1u << count) - 1u;
  }
  if (count > 0) out += static_cast<char>((bits << (8 - count)) & 0xffu);
  return out;
}

std::optional<std::string> unpack_text(std::string_view packed, std::size_t bytes, std::size_t& used) {
  const Code& c = code();
  std::string out;
  out.reserve(bytes);
  std::size_t bit = 0;  // bits read
  const auto next_bit = [&]() -> int {
    const std::size_t at = bit / 8;
    const int value = (static_cast<unsigned char>(packed[at]) >> (7 - bit % 8)) & 1;
    ++bit;
    return value;
  };
  while (out.size() < bytes) {
    std::uint32_t value = 0;
    int len = 0;
    for (;;) {
      if (bit >= packed.size() * 8 || len == kMaxBits) return std::nullopt;
      value = (value << 1) | static_cast<std::uint32_t>(next_bit());
      ++len;
      if (c.count[len] && value - c.first_code[len] < static_cast<std::uint32_t>(c.count[len])) break;
    }
    out += static_cast<char>(c.by_code[static_cast<std::size_t>(c.first_index[len]) + (value - c.first_code[len])]);
  }
  used = (bit + 7) / 8;
  // The last byte's spare bits are zero: one packed form per text.
  while (bit < used * 8) {
    if (next_bit() != 0) return std::nullopt;
  }
  return out;
}

}  // namespace limber::links
