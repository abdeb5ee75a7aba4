#include "links/link_bytes.h"

#include <array>

#include "links/text_pack.h"

namespace limber::links {

namespace {

constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

int base64_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '-') return 62;
  if (c == '_') return 63;
  return -1;
}

}  // namespace

bool in_base64url(char c) { return base64_value(c) >= 0; }

std::string base64url_encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() * 4 + 2) / 3);
  std::uint32_t bits = 0;
  int count = 0;
  for (const char c : bytes) {
    bits = (bits << 8) | static_cast<unsigned char>(c);
    count += 8;
    while (count >= 6) {
      count -= 6;
      out += kAlphabet[(bits >> count) & 63u];
    }
  }
  if (count > 0) out += kAlphabet[(bits << (6 - count)) & 63u];
  return out;
}

std::optional<std::string> base64url_decode(std::string_view text) {
  if (text.size() % 4 == 1) return std::nullopt;
  std::string out;
  out.reserve(text.size() * 3 / 4);
  std::uint32_t bits = 0;
  int count = 0;
  for (const char c : text) {
    const int value = base64_value(c);
    if (value < 0) return std::nullopt;
    bits = ((bits << 6) | static_cast<std::uint32_t>(value)) & 0xffffu;
    count += 6;
    if (count >= 8) {
      count -= 8;
      out += static_cast<char>((bits >> count) & 0xffu);
    }
  }
  if ((bits & ((1u << count) - 1u)) != 0) return std::nullopt;
  return out;
}

std::uint32_t crc32(std::string_view bytes) {
  std::uint32_t crc = 0xffffffffu;
  for (const char c : bytes) {
    crc ^= static_cast<unsigned char>(c);
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

std::string check_text(std::string_view payload) {
  const std::uint32_t crc = crc32(payload);
  const std::array<char, 4> be{static_cast<char>(crc >> 24), static_cast<char>((crc >> 16) & 0xffu),
                               static_cast<char>((crc >> 8) & 0xffu), static_cast<char>(crc & 0xffu)};
  return base64url_encode(std::string_view(be.data(), be.size()));
}

std::string damaged(std::string_view detail) {
  return "This routine link is damaged, so Limber cannot read it (" + std::string(detail) + ").";
}

// ---- Writing ----------------------------------------------------------------------------------

void ByteWriter::number(std::uint64_t v) {
  while (v >= 0x80) {
    byte(static_cast<std::uint8_t>((v & 0x7fu) | 0x80u));
    v >>= 7;
  }
  byte(static_cast<std::uint8_t>(v));
}

void ByteWriter::text(std::string_view s) {
  number(s.size());
  out_ += s;
}

void ByteWriter::packed(std::string_view s) {
  number(s.size());
  out_ += pack_text(s);
}

// ---- Reading ----------------------------------------------------------------------------------

std::uint8_t ByteReader::byte() {
  if (failed()) return 0;
  if (at_end()) {
    fail(damaged("it ends too soon"));
    return 0;
  }
  return static_cast<std::uint8_t>(in_[pos_++]);
}

std::uint32_t ByteReader::number() {
  std::uint32_t value = 0;
  for (int shift = 0; !failed(); shift += 7) {
    const std::uint8_t b = byte();
    if (failed()) return 0;
    if (shift > 14 || (shift > 0 && b == 0)) {
      fail(damaged(shift > 14 ? "a number in it is too large" : "a number in it is badly written"));
      return 0;
    }
    value |= static_cast<std::uint32_t>(b & 0x7fu) << shift;
    if (value > kMaxLinkNumber) {
      fail(damaged("a number in it is too large"));
      return 0;
    }
    if ((b & 0x80u) == 0) return value;
  }
  return 0;
}

std::string_view ByteReader::raw(std::size_t size) {
  if (failed()) return {};
  if (in_.size() - pos_ < size) {
    fail(damaged("it ends too soon"));
    return {};
  }
  const std::string_view s = in_.substr(pos_, size);
  pos_ += size;
  return s;
}

std::string_view ByteReader::text() {
  return raw(number());  // nothing once reading has failed
}

std::string ByteReader::packed() {
  const std::uint32_t size = number();
  if (failed()) return {};
  std::size_t used = 0;
  std::optional<std::string> text = unpack_text(in_.substr(pos_), size, used);
  if (!text) {
    fail(damaged("a text in it is badly written"));
    return {};
  }
  pos_ += used;
  return std::move(*text);
}

}  // namespace limber::links
