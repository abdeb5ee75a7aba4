#include "animation/scene.h"

#include <algorithm>
#include <cmath>

namespace limber::animation {

namespace {

struct Projected {
  Vec2 p;
  float depth;
};

Projected project(const Framing& f, Vec3 w) {
  const Camera& c = f.camera;
  return {{dot(w, c.right) * f.scale + f.offset.x, -dot(w, c.up) * f.scale + f.offset.y}, dot(w, c.toward)};
}

// Extent of the props around the body at its start position.
struct Extent {
  float x0, x1, pelvis_x;
};

Extent body_extent(const CompiledClip& clip) {
  const WorldPose& w = clip.rest[0];
  Extent e{1e9f, -1e9f, 0};
  for (int i = 0; i < kBoneCount; ++i) {
    const auto k = static_cast<std::size_t>(i);
    e.x0 = std::min({e.x0, w.start[k].x, w.end[k].x, clip.held_world.start[k].x, clip.held_world.end[k].x});
    e.x1 = std::max({e.x1, w.start[k].x, w.end[k].x, clip.held_world.start[k].x, clip.held_world.end[k].x});
  }
  e.pelvis_x = w.start[index(Bone::pelvis)].x;
  return e;
}

// A box's outline as seen by the camera: the convex hull of its eight corners.
void add_box(Scene& s, const Framing& f, Paint paint, Vec3 lo, Vec3 hi, float depth_bias) {
  if (s.count >= Scene::kCapacity) return;
  std::array<Vec2, 8> pts{};
  float depth = 0;
  for (int i = 0; i < 8; ++i) {
    const Vec3 corner{(i & 1) ? hi.x : lo.x, (i & 2) ? hi.y : lo.y, (i & 4) ? hi.z : lo.z};
    const Projected pr = project(f, corner);
    pts[static_cast<std::size_t>(i)] = pr.p;
    depth += pr.depth / 8;
  }
  std::sort(pts.begin(), pts.end(), [](Vec2 a, Vec2 b) { return a.x < b.x || (a.x == b.x && a.y < b.y); });
  const auto turn = [](Vec2 o, Vec2 a, Vec2 b) { return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x); };
  std::array<Vec2, 16> hull{};
  int k = 0;
  for (int i = 0; i < 8; ++i) {  // lower hull
    while (k >= 2 && turn(hull[static_cast<std::size_t>(k - 2)], hull[static_cast<std::size_t>(k - 1)], pts[static_cast<std::size_t>(i)]) <= 0) --k;
    hull[static_cast<std::size_t>(k++)] = pts[static_cast<std::size_t>(i)];
  }
  for (int i = 6, t = k + 1; i >= 0; --i) {  // upper hull
    while (k >= t && turn(hull[static_cast<std::size_t>(k - 2)], hull[static_cast<std::size_t>(k - 1)], pts[static_cast<std::size_t>(i)]) <= 0) --k;
    hull[static_cast<std::size_t>(k++)] = pts[static_cast<std::size_t>(i)];
  }
  Shape& sh = s.shapes[static_cast<std::size_t>(s.count++)];
  sh = {};
  sh.kind = ShapeKind::polygon;
  sh.paint = paint;
  sh.depth = depth + depth_bias;
  sh.points = static_cast<std::uint8_t>(std::min(k - 1, 8));
  for (int i = 0; i < sh.points; ++i) sh.p[static_cast<std::size_t>(i)] = hull[static_cast<std::size_t>(i)];
}

void add_props(const CompiledClip& clip, const Framing& f, Scene& s) {
  const Extent e = body_extent(clip);
  const float margin = 0.25f;
  const float surface = clip.surface_height;
  // The floor, always: it says which way is down.
  add_box(s, f, Paint::floor, {e.x0 - 0.6f, -0.02f, -0.7f}, {e.x1 + 0.6f, 0.0f, 0.7f}, -1000);
  if (clip.has(Prop::bed)) {
    add_box(s, f, Paint::bed_frame, {e.x0 - margin, 0.0f, -0.5f}, {e.x1 + margin, surface - 0.18f, 0.5f}, -900);
    add_box(s, f, Paint::mattress, {e.x0 - margin, surface - 0.18f, -0.5f}, {e.x1 + margin, surface, 0.5f}, -899);
  }
  if (clip.has(Prop::chair)) {
    const float seat = surface;
    const float x = e.pelvis_x;
    add_box(s, f, Paint::chair, {x - 0.28f, 0.0f, -0.22f}, {x - 0.24f, seat, -0.18f}, -880);  // back legs
    add_box(s, f, Paint::chair, {x - 0.28f, 0.0f, 0.18f}, {x - 0.24f, seat, 0.22f}, -880);
    add_box(s, f, Paint::chair, {x + 0.16f, 0.0f, -0.22f}, {x + 0.20f, seat, -0.18f}, -880);  // front legs
    add_box(s, f, Paint::chair, {x + 0.16f, 0.0f, 0.18f}, {x + 0.20f, seat, 0.22f}, -880);
    add_box(s, f, Paint::chair, {x - 0.28f, seat - 0.04f, -0.24f}, {x + 0.22f, seat, 0.24f}, -879);  // seat
    add_box(s, f, Paint::chair, {x - 0.31f, seat, -0.22f}, {x - 0.26f, seat + 0.42f, 0.22f}, -878);  // back
  }
  if (clip.has(Prop::pillow)) {
    const PillowBox pillow = pillow_box(clip);
    add_box(s, f, Paint::pillow, {pillow.x0, surface, -0.25f}, {pillow.x1, pillow.top, 0.25f}, -870);
  }
  if (clip.has(Prop::towel_or_ball)) {
    const Projected c = project(f, {e.pelvis_x - 0.08f, surface + 0.035f, 0});
    Shape& sh = s.shapes[static_cast<std::size_t>(s.count++)];
    sh = {};
    sh.kind = ShapeKind::circle;
    sh.paint = Paint::towel;
    sh.depth = c.depth - 860;
    sh.points = 1;
    sh.p[0] = c.p;
    sh.r0 = 0.035f * f.scale;
  }
}

// ra, rb: radii in metres.
void add_capsule(Scene& s, const Framing& f, Vec3 a, Vec3 b, float ra, float rb, Paint paint) {
  if (s.count >= Scene::kCapacity) return;
  const Projected pa = project(f, a), pb = project(f, b);
  Shape& sh = s.shapes[static_cast<std::size_t>(s.count++)];
  sh = {};
  sh.kind = ShapeKind::capsule;
  sh.paint = paint;
  sh.depth = (pa.depth + pb.depth) * 0.5f;
  sh.points = 2;
  sh.p[0] = pa.p;
  sh.p[1] = pb.p;
  sh.r0 = ra * f.scale;
  sh.r1 = rb * f.scale;
}

}  // namespace

Camera camera_for(View view) {
  Vec3 toward{0, 0, 1};
  switch (view) {
    case View::side: toward = {0, 0.0f, 1}; break;
    case View::three_quarter: toward = normalize({0.55f, 0.45f, 0.70f}); break;
    case View::from_feet: toward = normalize({1.0f, 0.55f, 0.0f}); break;
    case View::above: toward = normalize({0.15f, 1.0f, 0.45f}); break;
  }
  const Vec3 right = normalize(cross({0, 1, 0}, toward), {1, 0, 0});
  return {right, cross(toward, right), toward};
}

Framing frame_clip(const CompiledClip& clip, float width, float height) {
  Framing f;
  f.camera = camera_for(clip.view);
  // Bounds of the figure over its movement, and of what it lies on.
  float x0 = 1e9f, x1 = -1e9f, y0 = 1e9f, y1 = -1e9f;
  const auto include = [&](Vec3 w, float r) {
    const float x = dot(w, f.camera.right), y = dot(w, f.camera.up);
    x0 = std::min(x0, x - r), x1 = std::max(x1, x + r), y0 = std::min(y0, y - r), y1 = std::max(y1, y + r);
  };
  for (const WorldPose* w : {&clip.rest[0], &clip.rest[1]}) {
    for (int i = 0; i < kBoneCount; ++i) {
      const float r = info(static_cast<Bone>(i)).radius * kBodyHeight;
      include(w->start[static_cast<std::size_t>(i)], r);
      include(w->end[static_cast<std::size_t>(i)], r);
    }
  }
  const WorldPose& held = clip.held_world;
  for (int i = 0; i < kBoneCount; ++i) {
    include(held.end[static_cast<std::size_t>(i)], 0.05f);
    include(held.start[static_cast<std::size_t>(i)], 0.05f);
  }
  include({(x0 + x1) * 0.5f, clip.surface_height, 0}, 0);  // keep the surface in view
  include({(x0 + x1) * 0.5f, 0.0f, 0}, 0);               // and the floor
  const float margin = 0.08f;
  const float w = (x1 - x0) * (1 + 2 * margin), h = (y1 - y0) * (1 + 2 * margin);
  f.scale = std::min(width / std::max(w, 0.01f), height / std::max(h, 0.01f));
  const float cx = (x0 + x1) * 0.5f, cy = (y0 + y1) * 0.5f;
  f.offset = {width * 0.5f - cx * f.scale, height * 0.5f + cy * f.scale};
  return f;
}

void build_scene(const CompiledClip& clip, const WorldPose& w, const Framing& f, Scene& s) {
  s.count = 0;
  add_props(clip, f, s);
  const int props = s.count;

  const float pelvis_depth = dot(w.start[0], f.camera.toward);
  const auto side_paint = [&](Bone b, Paint near, Paint far) {
    if (info(b).side == BodySide::centre) return near;
    const Vec3 mid = (w.start[static_cast<std::size_t>(index(b))] + w.end[static_cast<std::size_t>(index(b))]) * 0.5f;
    return dot(mid, f.camera.toward) >= pelvis_depth ? near : far;
  };
  for (int i = 0; i < kBoneCount; ++i) {
    const Bone b = static_cast<Bone>(i);
    const Vec3 a = w.start[static_cast<std::size_t>(i)], e = w.end[static_cast<std::size_t>(i)];
    switch (b) {
      case Bone::head: {
        const Vec3 centre = lerp(a, e, 0.45f);
        const float r = bone_radius(b, false);
        add_capsule(s, f, centre, centre, r, r, Paint::skin_near);
        // The nose says which way the face looks.
        const Vec3 face = w.rotation[static_cast<std::size_t>(i)] * Vec3{1, 0, 0};
        const Vec3 nose = centre + face * (r * 0.95f);
        add_capsule(s, f, nose, nose, 0.02f, 0.02f, Paint::face);
        s.shapes[static_cast<std::size_t>(s.count - 1)].depth = dot(centre, f.camera.toward) + 0.01f;
        break;
      }
      case Bone::shin_l: case Bone::shin_r: case Bone::forearm_l: case Bone::forearm_r:
      case Bone::hand_l: case Bone::hand_r: case Bone::foot_l: case Bone::foot_r:
        add_capsule(s, f, a, e, bone_radius(b, false), bone_radius(b, true), side_paint(b, Paint::skin_near, Paint::skin_far));
        break;
      case Bone::thigh_l: case Bone::thigh_r: case Bone::upper_arm_l: case Bone::upper_arm_r:
        add_capsule(s, f, a, e, bone_radius(b, false), bone_radius(b, true), side_paint(b, Paint::limb_near, Paint::limb_far));
        break;
      default:
        add_capsule(s, f, a, e, bone_radius(b, false), bone_radius(b, true), Paint::body_near);
        break;
    }
  }
  // A pillow held between the knees moves with them.
  if (clip.has(Prop::knee_pillow)) {
    const Vec3 knee_l = w.start[index(Bone::shin_l)], knee_r = w.start[index(Bone::shin_r)];
    const Vec3 thigh_l = lerp(w.start[index(Bone::thigh_l)], knee_l, 0.45f), thigh_r = lerp(w.start[index(Bone::thigh_r)], knee_r, 0.45f);
    add_capsule(s, f, lerp(knee_l, knee_r, 0.5f), lerp(thigh_l, thigh_r, 0.5f), 0.06f, 0.06f, Paint::held_pillow);
  }
  // Hips and shoulders across the body, so front and three-quarter views look solid.
  const float hip_r = 0.06f * kBodyHeight, shoulder_r = 0.042f * kBodyHeight;
  add_capsule(s, f, w.start[index(Bone::thigh_l)], w.start[index(Bone::thigh_r)], hip_r, hip_r, Paint::body_near);
  add_capsule(s, f, w.start[index(Bone::upper_arm_l)], w.start[index(Bone::upper_arm_r)], shoulder_r, shoulder_r, Paint::body_near);

  std::stable_sort(s.shapes.begin() + props, s.shapes.begin() + s.count,
                   [](const Shape& a, const Shape& b) { return a.depth < b.depth; });
}

}  // namespace limber::animation
