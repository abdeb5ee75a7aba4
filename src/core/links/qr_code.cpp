#include "links/qr_code.h"

#include <algorithm>

#include <qrcodegen.h>

namespace limber::links {

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
  // Byte mode; the smallest version that holds the text at level M, raised to the strongest
  // level that still fits it (boostEcl); the mask with the lowest penalty. Its buffers are the
  // largest symbol's; the text goes in the first, which it also uses as scratch.
  std::vector<std::uint8_t> data(qrcodegen_BUFFER_LEN_MAX), symbol(qrcodegen_BUFFER_LEN_MAX);
  std::copy(text.begin(), text.end(), data.begin());
  if (!qrcodegen_encodeBinary(data.data(), text.size(), symbol.data(), qrcodegen_Ecc_MEDIUM, qrcodegen_VERSION_MIN,
                              qrcodegen_VERSION_MAX, qrcodegen_Mask_AUTO, true)) {
    out.error = "the link does not fit in a QR code";  // not reached: kMaxQrBytes is checked above
    return out;
  }
  QrCode code;
  code.size = qrcodegen_getSize(symbol.data());
  code.modules.resize(static_cast<std::size_t>(code.size) * static_cast<std::size_t>(code.size));
  for (int y = 0; y < code.size; ++y) {
    for (int x = 0; x < code.size; ++x) {
      code.modules[static_cast<std::size_t>(y) * static_cast<std::size_t>(code.size) + static_cast<std::size_t>(x)] =
          qrcodegen_getModule(symbol.data(), x, y) ? 1 : 0;
    }
  }
  out.code = std::move(code);
  return out;
}

}  // namespace limber::links
