#include "ui/figure.h"

#include <algorithm>
#include <cmath>

#include "animation/callout.h"
#include "ui/theme.h"

namespace limber::ui {

namespace {

constexpr float kPi = 3.14159265358979f;

// Enough segments that no edge strays more than a third of a pixel from the true circle,
// and no more: software WebGL (SwiftShader, as on a phone without a working GPU driver)
// pays for every triangle, and the figure is most of a session's frame.
int segments(float radius) {
  constexpr float kMaxError = 0.33f;
  if (radius <= kMaxError * 2.0f) return 8;
  const float step = 2.0f * std::acos(1.0f - kMaxError / radius);
  return std::clamp(static_cast<int>(std::ceil(2.0f * kPi / step)), 8, 48);
}

// A capsule as one convex outline: a half circle round each end, joined by their tangents
// (no overlap inside it, so a software renderer fills each pixel once).
void capsule_path(ImDrawList* draw, ImVec2 a, ImVec2 b, float ra, float rb) {
  const float dx = b.x - a.x, dy = b.y - a.y;
  const float len = std::sqrt(dx * dx + dy * dy);
  if (len < 0.5f) {
    draw->PathArcTo(a, std::max(ra, rb), 0.0f, 2.0f * kPi, segments(std::max(ra, rb)));
    return;
  }
  const float angle = std::atan2(dy, dx);
  draw->PathArcTo(b, rb, angle - kPi * 0.5f, angle + kPi * 0.5f, (segments(rb) + 1) / 2);
  draw->PathArcTo(a, ra, angle + kPi * 0.5f, angle + kPi * 1.5f, (segments(ra) + 1) / 2);
}

void arrow(ImDrawList* draw, ImVec2 from, ImVec2 to, float half_width, ImU32 colour) {
  const float dx = to.x - from.x, dy = to.y - from.y;
  const float len = std::sqrt(dx * dx + dy * dy);
  if (len < 1.0f) return;
  const float ux = dx / len, uy = dy / len, head = std::min(len * 0.5f, half_width * 5.0f);
  const ImVec2 base(to.x - ux * head, to.y - uy * head);
  draw->AddLine(from, base, colour, half_width * 2.0f);
  draw->AddTriangleFilled(to, ImVec2(base.x - uy * head * 0.6f, base.y + ux * head * 0.6f),
                          ImVec2(base.x + uy * head * 0.6f, base.y - ux * head * 0.6f), colour);
}

}  // namespace

void draw_figure(ImDrawList* draw, ImVec2 origin, ImVec2 size, const animation::Scene& scene) {
  using animation::Layer;
  using animation::Paint;
  using animation::ShapeKind;
  const Theme& theme = current_theme();
  draw->PushClipRect(origin, ImVec2(origin.x + size.x, origin.y + size.y), true);
  const ImU32 outline = ImGui::GetColorU32(theme.figure_outline);
  // A whole number of pixels: Dear ImGui then draws the outline from its texture of baked
  // lines, two triangles a segment instead of six.
  const float line = std::max(1.0f, std::round(size.y / 160.0f));
  animation::walk_scene(scene, [&](const animation::Shape& s, Layer layer) {
    const ImVec2 p0(origin.x + s.p[0].x, origin.y + s.p[0].y);
    const ImVec2 p1(origin.x + s.p[1].x, origin.y + s.p[1].y);
    // The worked area shows through: the part's own colour stays visible under it.
    ImVec4 shade = theme.figure[static_cast<int>(s.paint)];
    if (s.paint == Paint::highlight) shade.w = 0.55f;
    const ImU32 fill = ImGui::GetColorU32(shade);
    switch (s.kind) {
      case ShapeKind::polygon: {
        ImVec2 pts[12];
        for (int k = 0; k < s.points; ++k) pts[k] = ImVec2(origin.x + s.p[static_cast<std::size_t>(k)].x, origin.y + s.p[static_cast<std::size_t>(k)].y);
        if (layer == Layer::outline) {
          draw->AddPolyline(pts, s.points, outline, ImDrawFlags_Closed, line * 2.0f);
        } else {
          draw->AddConvexPolyFilled(pts, s.points, fill);
          if (layer == Layer::prop) draw->AddPolyline(pts, s.points, ImGui::GetColorU32(theme.border), ImDrawFlags_Closed, 1.0f);
        }
        break;
      }
      case ShapeKind::circle:
        draw->AddCircleFilled(p0, s.r0, fill, segments(s.r0));
        break;
      case ShapeKind::capsule:
        if (layer == Layer::outline) {
          if (s.paint == Paint::face) break;
          capsule_path(draw, p0, p1, s.r0 + line * 0.5f, s.r1 + line * 0.5f);
          draw->PathStroke(outline, ImDrawFlags_Closed, line);
        } else {
          capsule_path(draw, p0, p1, s.r0, s.r1);
          draw->PathFillConvex(fill);
        }
        break;
      case ShapeKind::arrow:
        arrow(draw, p0, p1, s.r0, fill);
        break;
    }
  });
  draw->PopClipRect();
}

void figure_box(const FigureBox& box) {
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(at, ImVec2(at.x + box.size.x, at.y + box.size.y), ImGui::GetColorU32(current_theme().surface),
                      Sizes::corner_radius);
  if (box.clip && (box.pose || box.still)) {
    const animation::Framing framing = animation::frame_clip(*box.clip, box.size.x, box.size.y);
    animation::Scene scene;
    if (box.still) animation::still_scene(*box.clip, *box.still, framing, scene);
    else animation::build_scene(*box.clip, *box.pose, framing, scene, box.cue);
    draw_figure(draw, at, box.size, scene);
    if (const auto callout = animation::callout_for(*box.clip, framing, box.size.x, box.size.y)) {
      // The part drawn larger in its corner, ringed where it is in the figure.
      const animation::StillFigure still = box.still ? animation::still_figure(*box.clip, *box.still)
                                                     : animation::StillFigure{*box.pose, box.cue};
      animation::callout_scene(*box.clip, still.world, *callout, still.cue, scene);
      const Theme& theme = current_theme();
      const ImU32 edge = ImGui::GetColorU32(theme.figure_outline);
      const ImVec2 lo(at.x + callout->at.x, at.y + callout->at.y), hi(lo.x + callout->size.x, lo.y + callout->size.y);
      draw->AddCircle(ImVec2(at.x + callout->target.x, at.y + callout->target.y), callout->ring, edge, 32, 2.0f);
      draw->AddRectFilled(lo, hi, ImGui::GetColorU32(theme.surface));
      draw_figure(draw, lo, ImVec2(callout->size.x, callout->size.y), scene);
      draw->AddRect(lo, hi, edge, 0.0f, 0, 2.0f);
    }
  }
  ImGui::Dummy(box.size);
}

}  // namespace limber::ui
