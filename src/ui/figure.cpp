#include "ui/figure.h"

#include <algorithm>
#include <cmath>

#include "ui/theme.h"

namespace limber::ui {

namespace {

ImU32 colour(animation::Paint paint) {
  const Theme& t = current_theme();
  return ImGui::GetColorU32(t.figure[static_cast<int>(paint)]);
}

// Enough segments to look round at its size, and no more (a gallery draws many figures).
int segments(float radius) { return std::clamp(static_cast<int>(radius * 0.9f) + 8, 8, 32); }

void capsule(ImDrawList* draw, ImVec2 a, ImVec2 b, float ra, float rb, ImU32 fill) {
  const float dx = b.x - a.x, dy = b.y - a.y;
  const float len = std::sqrt(dx * dx + dy * dy);
  if (len > 0.5f) {
    const float nx = -dy / len, ny = dx / len;
    const ImVec2 quad[4] = {{a.x + nx * ra, a.y + ny * ra}, {b.x + nx * rb, b.y + ny * rb},
                            {b.x - nx * rb, b.y - ny * rb}, {a.x - nx * ra, a.y - ny * ra}};
    draw->AddConvexPolyFilled(quad, 4, fill);
  }
  draw->AddCircleFilled(a, ra, fill, segments(ra));
  if (len > 0.5f) draw->AddCircleFilled(b, rb, fill, segments(rb));
}

}  // namespace

void draw_figure(ImDrawList* draw, ImVec2 origin, ImVec2 size, const animation::Scene& scene) {
  using animation::Paint;
  using animation::ShapeKind;
  const Theme& theme = current_theme();
  draw->PushClipRect(origin, ImVec2(origin.x + size.x, origin.y + size.y), true);
  const ImU32 outline = ImGui::GetColorU32(theme.figure_outline);
  const float line = std::max(1.0f, size.y / 160.0f);
  for (int i = 0; i < scene.count; ++i) {
    const animation::Shape& s = scene.shapes[static_cast<std::size_t>(i)];
    const ImVec2 p0(origin.x + s.p[0].x, origin.y + s.p[0].y);
    const ImU32 fill = colour(s.paint);
    switch (s.kind) {
      case ShapeKind::polygon: {
        ImVec2 pts[8];
        for (int k = 0; k < s.points; ++k) pts[k] = ImVec2(origin.x + s.p[static_cast<std::size_t>(k)].x, origin.y + s.p[static_cast<std::size_t>(k)].y);
        draw->AddConvexPolyFilled(pts, s.points, fill);
        draw->AddPolyline(pts, s.points, ImGui::GetColorU32(theme.border), ImDrawFlags_Closed, 1.0f);
        break;
      }
      case ShapeKind::circle:
        draw->AddCircleFilled(p0, s.r0, fill, segments(s.r0));
        break;
      case ShapeKind::capsule: {
        const ImVec2 p1(origin.x + s.p[1].x, origin.y + s.p[1].y);
        // Outline first, then the fill: each part stands out from the ones behind it.
        if (s.paint != Paint::face) capsule(draw, p0, p1, s.r0 + line, s.r1 + line, outline);
        capsule(draw, p0, p1, s.r0, s.r1, fill);
        break;
      }
    }
  }
  draw->PopClipRect();
}

void figure_box(const FigureBox& box) {
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(at, ImVec2(at.x + box.size.x, at.y + box.size.y), ImGui::GetColorU32(current_theme().surface),
                      Sizes::corner_radius);
  if (box.clip && box.pose) {
    const animation::Framing framing = animation::frame_clip(*box.clip, box.size.x, box.size.y);
    animation::Scene scene;
    animation::build_scene(*box.clip, *box.pose, framing, scene);
    draw_figure(draw, at, box.size, scene);
  }
  ImGui::Dummy(box.size);
}

}  // namespace limber::ui
