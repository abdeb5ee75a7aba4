// links/link_bytes.h: the byte layer every routine link format shares: base64url (RFC 4648
// section 5, no padding, each byte string spelled one way), the CRC-32 check, unsigned LEB128
// numbers and texts written and read, with the first problem kept as a sentence.
//
// Usage:
//     limber::links::ByteWriter out;  out.number(15);  out.text("Morning");  out.packed("a note");
//     limber::links::ByteReader in(bytes);  const auto n = in.number();  if (in.failed()) show(in.error());
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace limber::links {

inline constexpr std::uint32_t kMaxLinkNumber = 65535;  // the largest number a payload may hold

// A number as a payload holds it: below 0 is 0, above kMaxLinkNumber is kMaxLinkNumber.
inline std::uint32_t link_number(long long v) { return static_cast<std::uint32_t>(std::clamp<long long>(v, 0, kMaxLinkNumber)); }
// Seconds as a payload holds them: whole, and 0 for a negative or NaN.
inline std::uint32_t link_seconds(double s) { return s >= 0 ? link_number(std::llround(std::fmin(s, double{kMaxLinkNumber}))) : 0; }

std::string base64url_encode(std::string_view bytes);
// Strict: only the alphabet, no length that leaves a lone character, unused bits zero.
std::optional<std::string> base64url_decode(std::string_view text);
bool in_base64url(char c);
std::uint32_t crc32(std::string_view bytes);
std::string check_text(std::string_view payload);  // the CRC-32, 4 bytes big-endian, in base64url (6 characters)

// "This routine link is damaged, so Limber cannot read it (<detail>)."
std::string damaged(std::string_view detail);

class ByteWriter {
 public:
  void byte(std::uint8_t b) { out_ += static_cast<char>(b); }
  void number(std::uint64_t v);       // unsigned LEB128
  void text(std::string_view s);      // its length in bytes, then the bytes
  void packed(std::string_view s);    // its length in bytes, then the bytes packed (links/text_pack.h)
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

// Reads a payload; the first problem found is kept in error() and ends reading.
class ByteReader {
 public:
  explicit ByteReader(std::string_view bytes) : in_(bytes) {}

  bool failed() const { return !error_.empty(); }
  const std::string& error() const { return error_; }
  bool at_end() const { return pos_ == in_.size(); }
  void fail(std::string message) {
    if (error_.empty()) error_ = std::move(message);
  }

  std::uint8_t byte();
  std::uint32_t number();       // shortest form only, at most kMaxLinkNumber
  std::string_view text();
  std::string packed();         // links/text_pack.h, as written by ByteWriter::packed
  std::string_view raw(std::size_t size);

 private:
  std::string_view in_;
  std::size_t pos_ = 0;
  std::string error_;
};

}  // namespace limber::links
