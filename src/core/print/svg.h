// print/svg.h: the figure's scene and a QR code as SVG, for paper.
//
// The same shapes the canvas fills (animation/scene.h), as black-and-white line art: each
// part white inside a black outline (the far side pale grey, so two legs read as two), the
// props with a black edge, the position before as a pale ghost, the movement as a black
// arrow (animation/still.h builds a still with both). A QR code is one path of dark runs on a
// white square with its quiet zone. Both are whole <svg> elements with role="img" and a text
// alternative; coordinates are rounded to 0.1.
//
// Usage:
//     animation::Scene scene; animation::build_scene(clip, world, framing, scene);
//     html += limber::print::scene_svg(scene, {.width = 320, .height = 200, .label = "Knee rolls, start"});
//     html += limber::print::qr_svg(*qr.code, "QR code of the routine's link");
#pragma once

#include <string>
#include <string_view>

#include "animation/callout.h"
#include "animation/scene.h"
#include "links/qr_code.h"

namespace limber::print {

struct SvgDesc {
  float width = 0, height = 0;  // the scene's box, in its pixels
  std::string_view label;       // the text alternative
  const animation::Callout* callout = nullptr;              // a part drawn larger (callout.h)
  const animation::Scene* callout_scene = nullptr;          // in the callout box's pixels
};

std::string scene_svg(const animation::Scene& scene, const SvgDesc& desc);
// `side_mm`: its printed width and height (0: as its container makes it).
std::string qr_svg(const links::QrCode& code, std::string_view label, double side_mm = 0);

// Text for HTML content and attribute values: & < > " ' escaped.
std::string html_text(std::string_view text);

}  // namespace limber::print
