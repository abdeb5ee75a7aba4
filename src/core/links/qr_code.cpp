#include "links/qr_code.h"

#include <array>

#include <qrcodegen.hpp>

namespace limber::links {

namespace {

using Ecc = qrcodegen::QrCode::Ecc;

// ISO/IEC 18004 tables 9 (error correction codewords per block, by level L M Q H and version)
// and the number of blocks: what each version at each level leaves for data. The generator's
// own copies are private; its text-to-segment path (which we do not use) would bring a string
// stream into the download, 40 KB gzip, so the data codewords are made here and handed to its
// constructor, which adds the error correction, draws the symbol and chooses the mask.
constexpr std::array<std::array<int, 41>, 4> kEccPerBlock{{
    {-1, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30},
    {-1, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28},
    {-1, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30, 28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30},
    {-1, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28, 30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30},
}};
constexpr std::array<std::array<int, 41>, 4> kBlocks{{
    {-1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25},
    {-1, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49},
    {-1, 1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20, 23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68},
    {-1, 1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25, 25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81},
}};

// Modules left for data and error correction once the fixed patterns are drawn.
int raw_data_modules(int version) {
  int result = (16 * version + 128) * version + 64;
  if (version >= 2) {
    const int align = version / 7 + 2;
    result -= (25 * align - 10) * align - 55;
    if (version >= 7) result -= 36;
  }
  return result;
}

int data_codewords(int version, int level) {
  return raw_data_modules(version) / 8 - kEccPerBlock[static_cast<std::size_t>(level)][static_cast<std::size_t>(version)] *
                                             kBlocks[static_cast<std::size_t>(level)][static_cast<std::size_t>(version)];
}

// Bits a byte-mode segment of `bytes` takes at `version`: mode, count, data.
int segment_bits(int version, std::size_t bytes) { return 4 + (version <= 9 ? 8 : 16) + 8 * static_cast<int>(bytes); }

class Bits {
 public:
  void put(unsigned value, int count) {
    for (int i = count - 1; i >= 0; --i) {
      if (length_ % 8 == 0) bytes_.push_back(0);
      if ((value >> i) & 1u) bytes_.back() = static_cast<std::uint8_t>(bytes_.back() | (0x80u >> (length_ % 8)));
      ++length_;
    }
  }
  int length() const { return length_; }
  std::vector<std::uint8_t>& bytes() { return bytes_; }

 private:
  std::vector<std::uint8_t> bytes_;
  int length_ = 0;
};

}  // namespace

QrResult make_qr_code(std::string_view text) {
  QrResult out;
  if (text.empty()) {
    out.error = "there is nothing to put in a QR code";
    return out;
  }
  if (text.size() > kMaxQrBytes) {
    out.error = "the link is " + std::to_string(text.size()) + " characters long, and a QR code holds at most " +
                std::to_string(kMaxQrBytes) + "; shorten the note or the routine";
    return out;
  }
  // The smallest version that holds the text at level M, then the strongest level that still fits it.
  constexpr int kMedium = 1;
  int version = 1;
  while (segment_bits(version, text.size()) > data_codewords(version, kMedium) * 8) ++version;
  int level = kMedium;
  while (level < 3 && segment_bits(version, text.size()) <= data_codewords(version, level + 1) * 8) ++level;

  Bits bits;
  bits.put(0b0100, 4);  // byte mode
  bits.put(static_cast<unsigned>(text.size()), version <= 9 ? 8 : 16);
  for (const char c : text) bits.put(static_cast<unsigned char>(c), 8);
  const int capacity = data_codewords(version, level) * 8;
  bits.put(0, std::min(4, capacity - bits.length()));  // terminator
  bits.put(0, (8 - bits.length() % 8) % 8);
  for (unsigned pad = 0xEC; bits.length() < capacity; pad ^= 0xEC ^ 0x11) bits.put(pad, 8);

  static constexpr std::array<Ecc, 4> kLevels{Ecc::LOW, Ecc::MEDIUM, Ecc::QUARTILE, Ecc::HIGH};
  const qrcodegen::QrCode qr(version, kLevels[static_cast<std::size_t>(level)], bits.bytes(), -1);
  QrCode code;
  code.size = qr.getSize();
  code.modules.resize(static_cast<std::size_t>(code.size) * static_cast<std::size_t>(code.size));
  for (int y = 0; y < code.size; ++y) {
    for (int x = 0; x < code.size; ++x) {
      code.modules[static_cast<std::size_t>(y) * static_cast<std::size_t>(code.size) + static_cast<std::size_t>(x)] =
          qr.getModule(x, y) ? 1 : 0;
    }
  }
  out.code = std::move(code);
  return out;
}

}  // namespace limber::links
