#include "print/svg.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace limber::print {

namespace {

using animation::Paint;
using animation::ShapeKind;

// Line art for paper, in black and white: every part white or pale grey inside a black
// outline, the far side a shade darker so two legs read as two, the position before as a
// pale ghost without outlines, the arrow solid black. Paint order: floor, held_pillow,
// bed_frame, mattress, pillow, towel, chair, body_near, body_far, limb_near, limb_far,
// skin_near, skin_far, face, highlight, cue, ghost.
constexpr std::array<const char*, 17> kGrey = {"#ffffff", "#ffffff", "#e6e6e6", "#ffffff", "#ffffff", "#bfbfbf", "#e6e6e6",
                                               "#ffffff", "#cccccc", "#ffffff", "#cccccc", "#ffffff", "#cccccc", "#000000",
                                               "#d9d9d9", "#000000", "#ebebeb"};
static_assert(kGrey.size() == static_cast<std::size_t>(Paint::ghost) + 1, "a grey for every paint");

void num(std::string& out, float v) {
  char buf[24];
  const float rounded = std::round(v * 10.0f) / 10.0f;
  std::snprintf(buf, sizeof buf, "%g", static_cast<double>(rounded == 0.0f ? 0.0f : rounded));
  out += buf;
}

void point(std::string& out, animation::Vec2 p) {
  num(out, p.x);
  out += ',';
  num(out, p.y);
}

void circle(std::string& out, animation::Vec2 c, float r, const char* fill) {
  out += "<circle cx=\"";
  num(out, c.x);
  out += "\" cy=\"";
  num(out, c.y);
  out += "\" r=\"";
  num(out, r);
  out += "\" fill=\"";
  out += fill;
  out += "\"/>";
}

// Two round ends and the band between them, as the canvas draws a capsule.
void capsule(std::string& out, animation::Vec2 a, animation::Vec2 b, float ra, float rb, const char* fill) {
  const float dx = b.x - a.x, dy = b.y - a.y;
  const float len = std::sqrt(dx * dx + dy * dy);
  if (len > 0.5f) {
    const float nx = -dy / len, ny = dx / len;
    out += "<polygon points=\"";
    point(out, {a.x + nx * ra, a.y + ny * ra});
    out += ' ';
    point(out, {b.x + nx * rb, b.y + ny * rb});
    out += ' ';
    point(out, {b.x - nx * rb, b.y - ny * rb});
    out += ' ';
    point(out, {a.x - nx * ra, a.y - ny * ra});
    out += "\" fill=\"";
    out += fill;
    out += "\"/>";
    circle(out, b, rb, fill);
  }
  circle(out, a, ra, fill);
}

// The movement's arrow: a line and a solid head at `to`.
void arrow(std::string& out, animation::Vec2 from, animation::Vec2 to, float half_width) {
  const float dx = to.x - from.x, dy = to.y - from.y;
  const float len = std::sqrt(dx * dx + dy * dy);
  if (len < 1.0f) return;
  const float ux = dx / len, uy = dy / len, head = std::min(len * 0.5f, half_width * 5.0f);
  const animation::Vec2 base{to.x - ux * head, to.y - uy * head};
  out += "<g class=\"arrow\"><line x1=\"";
  num(out, from.x);
  out += "\" y1=\"";
  num(out, from.y);
  out += "\" x2=\"";
  num(out, base.x);
  out += "\" y2=\"";
  num(out, base.y);
  out += "\" stroke=\"#000\" stroke-width=\"";
  num(out, half_width * 2);
  out += "\"/><polygon points=\"";
  point(out, to);
  out += ' ';
  point(out, {base.x - uy * head * 0.6f, base.y + ux * head * 0.6f});
  out += ' ';
  point(out, {base.x + uy * head * 0.6f, base.y - ux * head * 0.6f});
  out += "\" fill=\"#000\"/></g>";
}

void open_svg(std::string& out, float width, float height, std::string_view label) {
  out += "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ";
  num(out, width);
  out += ' ';
  num(out, height);
  out += "\" role=\"img\" aria-label=\"";
  out += html_text(label);
  out += "\">";
}

// The scene's shapes, chain by chain as the canvas draws them (animation::walk_scene): a
// black ring round each chain, then its parts, so a limb reads as one outlined shape and a
// nearer one cuts across a farther one's outline.
void shapes(std::string& out, const animation::Scene& scene, float ring) {
  animation::walk_scene(scene, [&](const animation::Shape& s, animation::Layer layer) {
    const bool ring_pass = layer == animation::Layer::outline;
    if (ring_pass && s.paint == Paint::face) return;  // the nose sits on the head, unringed
    const char* fill = ring_pass ? "#000" : kGrey[static_cast<std::size_t>(s.paint)];
    switch (s.kind) {
      case ShapeKind::polygon:
        out += "<polygon points=\"";
        for (int k = 0; k < s.points; ++k) {
          if (k) out += ' ';
          point(out, s.p[static_cast<std::size_t>(k)]);
        }
        out += "\" fill=\"";
        out += fill;
        if (layer == animation::Layer::prop && s.paint != Paint::ghost) out += "\" stroke=\"#000\" stroke-width=\"1";
        if (ring_pass) {
          out += "\" stroke=\"#000\" stroke-width=\"";
          num(out, 2 * ring);
        }
        out += "\"/>";
        break;
      case ShapeKind::circle:
        circle(out, s.p[0], s.r0, fill);
        break;
      case ShapeKind::capsule:
        capsule(out, s.p[0], s.p[1], s.r0 + (ring_pass ? ring : 0.0f), s.r1 + (ring_pass ? ring : 0.0f), fill);
        break;
      case ShapeKind::arrow:
        arrow(out, s.p[0], s.p[1], std::max(s.r0, ring * 1.5f));
        break;
    }
  });
}

}  // namespace

std::string html_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string scene_svg(const animation::Scene& scene, const SvgDesc& desc) {
  std::string out;
  open_svg(out, desc.width, desc.height, desc.label);
  const float ring = std::max(1.0f, desc.height / 150.0f);
  shapes(out, scene, ring);
  if (desc.callout && desc.callout_scene) {
    // The part drawn larger in its corner, ringed where it is in the figure.
    const animation::Callout& c = *desc.callout;
    out += "<circle cx=\"";
    num(out, c.target.x);
    out += "\" cy=\"";
    num(out, c.target.y);
    out += "\" r=\"";
    num(out, c.ring);
    out += "\" fill=\"none\" stroke=\"#000\" stroke-width=\"";
    num(out, ring * 1.5f);
    out += "\"/><svg x=\"";
    num(out, c.at.x);
    out += "\" y=\"";
    num(out, c.at.y);
    out += "\" width=\"";
    num(out, c.size.x);
    out += "\" height=\"";
    num(out, c.size.y);
    out += "\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>";
    shapes(out, *desc.callout_scene, ring);
    out += "<rect width=\"100%\" height=\"100%\" fill=\"none\" stroke=\"#000\" stroke-width=\"";
    num(out, ring * 3);
    out += "\"/></svg>";
  }
  out += "</svg>";
  return out;
}

std::string qr_svg(const links::QrCode& code, std::string_view label, double side_mm) {
  const int side = code.size + 2 * links::kQrQuietZone;
  std::string out;
  open_svg(out, static_cast<float>(side), static_cast<float>(side), label);
  if (side_mm > 0) {
    // Its printed size as attributes (the page's policy allows no inline style).
    char size[64];
    std::snprintf(size, sizeof size, " width=\"%.1fmm\" height=\"%.1fmm\">", side_mm, side_mm);
    out.pop_back();
    out += size;
  }
  out += "<rect width=\"" + std::to_string(side) + "\" height=\"" + std::to_string(side) +
         "\" fill=\"#fff\"/><path fill=\"#000\" shape-rendering=\"crispEdges\" d=\"";
  // One rectangle per run of dark modules in a row.
  for (int y = 0; y < code.size; ++y) {
    for (int x = 0; x < code.size;) {
      if (!code.dark(x, y)) {
        ++x;
        continue;
      }
      int end = x;
      while (end < code.size && code.dark(end, y)) ++end;
      out += 'M' + std::to_string(x + links::kQrQuietZone) + ' ' + std::to_string(y + links::kQrQuietZone) + 'h' +
             std::to_string(end - x) + "v1h-" + std::to_string(end - x) + 'z';
      x = end;
    }
  }
  out += "\"/></svg>";
  return out;
}

}  // namespace limber::print
