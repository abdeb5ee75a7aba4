// links/qr_code.h: a routine link as a QR code, for a patient's phone camera in the clinic.
//
// Nayuki's QR Code generator (the C library in Debian's qr-code-generator source package,
// fetched and pinned by scripts/setup) makes the symbol: byte mode, error correction M or
// better, the smallest version that holds the text. A text too long for any version is
// refused here first, in words; the modules come back as plain data for the UI to draw.
//
// Usage:
//     const limber::links::QrResult qr = limber::links::make_qr_code("https://limber.example/#routine=1....");
//     if (!qr.ok()) show(qr.error);
//     else for (int y = 0; y < qr.code->size; ++y) for (int x = 0; x < qr.code->size; ++x) if (qr.code->dark(x, y)) fill(x, y);
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace limber::links {

struct QrCode {
  int size = 0;                       // modules per side (21 to 177), without the quiet zone
  std::vector<std::uint8_t> modules;  // size * size, row by row, 1 for dark
  bool dark(int x, int y) const { return modules[static_cast<std::size_t>(y) * static_cast<std::size_t>(size) + static_cast<std::size_t>(x)] != 0; }
  bool operator==(const QrCode&) const = default;
};

// The most a QR code holds in byte mode at error correction M (version 40, ISO/IEC 18004 table 7).
inline constexpr std::size_t kMaxQrBytes = 2331;
// The light border a reader needs around the symbol, in modules.
inline constexpr int kQrQuietZone = 4;

struct QrResult {
  std::optional<QrCode> code;
  std::string error;  // "" when made
  bool ok() const { return code.has_value(); }
};

QrResult make_qr_code(std::string_view text);

}  // namespace limber::links
