// links/text_pack.h: text packed small for routine links (format 2): each byte of its UTF-8 by a
// fixed prefix code (a canonical Huffman code), so a clinician's note costs about five bits a
// letter instead of eight, and a link and its QR code are a third shorter.
//
// The code is frozen: every link ever made decodes with it, so its lengths never change (a test
// pins them). They were made once from the catalogue's own English (its names, steps, tips and
// safety notes), with every byte given a code (at most 14 bits), digits, times and phone signs,
// line breaks and the typographic apostrophe a little more.
//
// The packed form is the bits of each byte's code, first bit highest, then zero bits to the end
// of the last byte: exactly one packed form per text.
//
// Usage:
//     const std::string bits = limber::links::pack_text("Twice a day");
//     std::size_t used = 0;
//     const auto back = limber::links::unpack_text(bits, 11, used);   // 11 bytes of text; nullopt: damaged
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace limber::links {

std::string pack_text(std::string_view text);
// `bytes` bytes of text from the start of `packed`; `used` says how many packed bytes they took.
// nullopt when `packed` ends first or its last byte's spare bits are not zero.
std::optional<std::string> unpack_text(std::string_view packed, std::size_t bytes, std::size_t& used);
// The code's length in bits for each byte value (for the test that pins them).
const std::uint8_t* text_code_lengths();

}  // namespace limber::links
