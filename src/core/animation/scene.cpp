#include "animation/scene.h"

#include <algorithm>
#include <cmath>
#include <span>

#include "animation/figure.h"

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

// A shape's corners: the convex hull of projected points (Andrew's monotone chain), at most
// 12 of them (every other one when there are more; the outline stays convex).
void set_hull(Shape& sh, std::span<Vec2> pts) {
  std::sort(pts.begin(), pts.end(), [](Vec2 a, Vec2 b) { return a.x < b.x || (a.x == b.x && a.y < b.y); });
  const auto turn = [](Vec2 o, Vec2 a, Vec2 b) { return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x); };
  std::array<Vec2, 34> hull{};
  const int n = static_cast<int>(std::min(pts.size(), std::size_t{16}));
  int k = 0;
  for (int i = 0; i < n; ++i) {  // lower hull
    while (k >= 2 && turn(hull[static_cast<std::size_t>(k - 2)], hull[static_cast<std::size_t>(k - 1)], pts[static_cast<std::size_t>(i)]) <= 0) --k;
    hull[static_cast<std::size_t>(k++)] = pts[static_cast<std::size_t>(i)];
  }
  for (int i = n - 2, t = k + 1; i >= 0; --i) {  // upper hull
    while (k >= t && turn(hull[static_cast<std::size_t>(k - 2)], hull[static_cast<std::size_t>(k - 1)], pts[static_cast<std::size_t>(i)]) <= 0) --k;
    hull[static_cast<std::size_t>(k++)] = pts[static_cast<std::size_t>(i)];
  }
  const int corners = std::max(k - 1, 0);  // the last repeats the first
  const int step = corners > static_cast<int>(sh.p.size()) ? 2 : 1;
  sh.points = static_cast<std::uint8_t>(std::min((corners + step - 1) / step, static_cast<int>(sh.p.size())));
  for (int i = 0; i < sh.points; ++i) sh.p[static_cast<std::size_t>(i)] = hull[static_cast<std::size_t>(i * step)];
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
  Shape& sh = s.shapes[static_cast<std::size_t>(s.count++)];
  sh = {};
  sh.kind = ShapeKind::polygon;
  sh.paint = paint;
  sh.depth = depth + depth_bias;
  set_hull(sh, pts);
}

void add_capsule(Scene& s, const Framing& f, Vec3 a, Vec3 b, float ra, float rb, Paint paint);

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
    // A rolled towel across the body under the base of the spine: longer than the body is
    // wide, so its ends show beside the hips from any view.
    const float x = e.pelvis_x - 0.06f, r = 0.04f;
    add_capsule(s, f, {x, surface + r, -0.26f}, {x, surface + r, 0.26f}, r, r, Paint::towel);
    s.shapes[static_cast<std::size_t>(s.count - 1)].depth -= 860;
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
    case View::side: toward = normalize({0, 0.22f, 1}); break;  // a little from above: far limbs show
    case View::three_quarter: toward = normalize({0.55f, 0.45f, 0.70f}); break;
    case View::from_feet: toward = normalize({1.0f, 0.3f, 0.0f}); break;
    case View::above: toward = normalize({0.15f, 1.0f, 0.45f}); break;
  }
  const Vec3 right = normalize(cross({0, 1, 0}, toward), {1, 0, 0});
  return {right, cross(toward, right), toward};
}

Vec2 to_pixels(const Framing& f, Vec3 w) { return project(f, w).p; }

PixelBox shape_box(const Shape& s) {
  PixelBox b;
  const auto add = [&](Vec2 p, float r) {
    b = {std::min(b.x0, p.x - r), std::max(b.x1, p.x + r), std::min(b.y0, p.y - r), std::max(b.y1, p.y + r)};
  };
  if (s.kind == ShapeKind::polygon || s.kind == ShapeKind::arrow) {
    for (int p = 0; p < s.points; ++p) add(s.p[static_cast<std::size_t>(p)], 0);
  } else {
    add(s.p[0], s.r0);
    if (s.kind == ShapeKind::capsule) add(s.p[1], s.r1);
  }
  return b;
}

ViewBounds view_bounds(const CompiledClip& clip) {
  // Measured on the drawn shapes themselves (one pixel a metre), so the frame fits what is
  // drawn: the head's circle, the feet and hands, not the bones' ends.
  Framing unit;
  unit.camera = camera_for(clip.view);
  ViewBounds b{1e9f, -1e9f, 1e9f, -1e9f};
  const auto include = [&](PixelBox p) {  // pixels: y grows downwards
    b = {std::min(b.x0, p.x0), std::max(b.x1, p.x1), std::min(b.y0, -p.y1), std::max(b.y1, -p.y0)};
  };
  Scene scene;
  WorldPose world;
  LocalPose local;
  constexpr int kSamples = 8;
  for (const Track* track : {&clip.move, &clip.release}) {
    if (track->empty()) continue;
    for (int k = 0; k <= kSamples; ++k) {
      sample(*track, static_cast<float>(k) / kSamples, local);
      for (const bool right : {false, true}) {
        place(clip, local, right, world);
        build_scene(clip, world, unit, scene);
        for (int i = 0; i < scene.count; ++i) {
          const Shape& sh = scene.shapes[static_cast<std::size_t>(i)];
          if (sh.chain != 0 && sh.kind != ShapeKind::arrow) include(shape_box(sh));
        }
      }
    }
  }
  // A band of what the figure lies, kneels or sits on, so it is seen resting on something:
  // a bed deep enough to read as a bed, not a mat.
  const Vec3 pelvis = clip.rest[0].start[index(Bone::pelvis)];
  const float band = clip.surface == Surface::bed ? 0.2f : 0.04f;
  const Vec2 ground = to_pixels(unit, {pelvis.x, clip.surface_height - band, pelvis.z});
  include({ground.x, ground.x, ground.y, ground.y});
  // Room above the figure for its callout's box (callout.h), so the box hides none of it.
  if (clip.callout) b.y1 += (b.y1 - b.y0) * kCalloutRoom;
  return b;
}

float view_aspect(const CompiledClip& clip) {
  const ViewBounds& b = clip.bounds;
  return (b.x1 - b.x0) / std::max(b.y1 - b.y0, 0.01f);
}

Framing frame_clip(const CompiledClip& clip, float width, float height) {
  // The figure, not the furniture, fills the frame: its whole movement with a margin, the
  // same for every moment (the camera never moves); a bed or floor may run off the edge.
  Framing f;
  f.camera = camera_for(clip.view);
  const ViewBounds& b = clip.bounds;
  const float w = (b.x1 - b.x0) * (1 + 2 * kFrameMargin), h = (b.y1 - b.y0) * (1 + 2 * kFrameMargin);
  f.scale = std::min(width / std::max(w, 0.01f), height / std::max(h, 0.01f));
  const float cx = (b.x0 + b.x1) * 0.5f, cy = (b.y0 + b.y1) * 0.5f;
  f.offset = {width * 0.5f - cx * f.scale, height * 0.5f + cy * f.scale};
  return f;
}

namespace {

// Chains: the trunk (with hips and shoulders across it), the head, each arm, each leg.
enum Chain : std::uint8_t { kNoChain, kTrunk, kHead, kArmL, kArmR, kLegL, kLegR, kUnderBack = kLegR + 3 };
static_assert(kArmL == kArmChainL && kArmR == kArmChainR && kUnderBack == kUnderBackChain, "scene.h names these chains");

Chain chain_of(Bone b) {
  switch (b) {
    case Bone::pelvis: case Bone::lower_spine: case Bone::upper_spine: case Bone::neck: return kTrunk;
    case Bone::head: return kHead;
    case Bone::upper_arm_l: case Bone::forearm_l: case Bone::hand_l: return kArmL;
    case Bone::upper_arm_r: case Bone::forearm_r: case Bone::hand_r: return kArmR;
    case Bone::thigh_l: case Bone::shin_l: case Bone::foot_l: return kLegL;
    default: return kLegR;
  }
}

// A solid given in the bone's own frame (x along the bone), projected: the convex hull of its
// corners, so it is right from every view.
void add_solid(Scene& s, const Framing& f, const WorldPose& w, Bone b, std::span<const Vec3> corners, Paint paint) {
  if (s.count >= Scene::kCapacity) return;
  const auto k = static_cast<std::size_t>(index(b));
  const Vec3 along = normalize(w.end[k] - w.start[k], {1, 0, 0});
  // The bone's frame: its rotation, turned so its direction is x.
  const Vec3 d = info(b).direction;
  const Vec3 up_local = std::fabs(d.y) > 0.5f ? Vec3{d.y > 0 ? -1.0f : 1.0f, 0, 0} : Vec3{0, 1, 0};
  const Vec3 up = normalize(w.rotation[k] * up_local - along * dot(w.rotation[k] * up_local, along), {0, 1, 0});
  const Vec3 across = cross(along, up);
  std::array<Vec2, 16> pts{};
  std::size_t n = 0;
  float depth = 0;
  for (const Vec3& c : corners) {
    if (n == pts.size()) break;
    const Projected pr = project(f, w.start[k] + along * c.x + up * c.y + across * c.z);
    pts[n++] = pr.p;
    depth += pr.depth / static_cast<float>(corners.size());
  }
  Shape& sh = s.shapes[static_cast<std::size_t>(s.count++)];
  sh = {};
  sh.kind = ShapeKind::polygon;
  sh.paint = paint;
  sh.depth = depth;
  set_hull(sh, std::span<Vec2>(pts.data(), n));
  sh.chain = chain_of(b);
}

// A foot: heel behind the ankle, the sole along the floor, toes, the instep back up to the
// ankle; as wide as a foot. Its underside follows the bone's drawn radius, so what the
// relations measure resting on the floor is what is drawn resting there.
constexpr float kH = kBodyHeight;
constexpr std::array<Vec3, 12> kFoot = {{
    {-0.028f * kH, -0.022f * kH, 0.028f * kH}, {0.114f * kH, -0.019f * kH, 0.030f * kH}, {0.122f * kH, -0.006f * kH, 0.026f * kH},
    {0.112f * kH, 0.008f * kH, 0.024f * kH}, {0.035f * kH, 0.021f * kH, 0.022f * kH}, {-0.026f * kH, 0.004f * kH, 0.022f * kH},
    {-0.028f * kH, -0.022f * kH, -0.028f * kH}, {0.114f * kH, -0.019f * kH, -0.030f * kH}, {0.122f * kH, -0.006f * kH, -0.026f * kH},
    {0.112f * kH, 0.008f * kH, -0.024f * kH}, {0.035f * kH, 0.021f * kH, -0.022f * kH}, {-0.026f * kH, 0.004f * kH, -0.022f * kH}}};
// A hand: a flat mitten from the wrist, wider across the knuckles, rounded at the fingertips,
// with the thumb side a little longer than the little finger's.
constexpr std::array<Vec3, 12> kHand = {{
    {0.0f, 0.010f * kH, 0.020f * kH}, {0.045f * kH, 0.011f * kH, 0.027f * kH}, {0.080f * kH, 0.008f * kH, 0.020f * kH},
    {0.086f * kH, 0.008f * kH, 0.0f}, {0.075f * kH, 0.008f * kH, -0.022f * kH}, {0.040f * kH, 0.010f * kH, -0.030f * kH},
    {0.0f, -0.010f * kH, 0.020f * kH}, {0.045f * kH, -0.011f * kH, 0.027f * kH}, {0.080f * kH, -0.008f * kH, 0.020f * kH},
    {0.086f * kH, -0.008f * kH, 0.0f}, {0.075f * kH, -0.008f * kH, -0.022f * kH}, {0.040f * kH, -0.010f * kH, -0.030f * kH}}};

void add_arrow(Scene& s, const Framing& f, Vec3 from, Vec3 to) {
  if (s.count >= Scene::kCapacity) return;
  const Projected a = project(f, from), b = project(f, to);
  Shape& sh = s.shapes[static_cast<std::size_t>(s.count++)];
  sh = {};
  sh.kind = ShapeKind::arrow;
  sh.paint = Paint::cue;
  sh.depth = std::max(a.depth, b.depth) + 10.0f;  // over everything
  sh.points = 2;
  sh.p[0] = a.p;
  sh.p[1] = b.p;
  sh.r0 = std::max(2.0f, 0.012f * f.scale);
  sh.chain = kLegR + 1;  // a chain of its own, last
  sh.overlay = true;
}

}  // namespace

void build_scene(const CompiledClip& clip, const WorldPose& w, const Framing& f, Scene& s, const FigureCue& cue) {
  s.count = 0;
  add_props(clip, f, s);
  const int props = s.count;

  const float pelvis_depth = dot(w.start[0], f.camera.toward);
  const auto side_paint = [&](Bone b, Paint near, Paint far) {
    if (info(b).side == BodySide::centre) return near;
    const Vec3 mid = (w.start[static_cast<std::size_t>(index(b))] + w.end[static_cast<std::size_t>(index(b))]) * 0.5f;
    return dot(mid, f.camera.toward) >= pelvis_depth ? near : far;
  };
  const auto tag = [&](Bone b) { s.shapes[static_cast<std::size_t>(s.count - 1)].chain = under_back(w, b) ? kUnderBack : chain_of(b); };
  for (int i = 0; i < kBoneCount; ++i) {
    const Bone b = static_cast<Bone>(i);
    const Vec3 a = w.start[static_cast<std::size_t>(i)], e = w.end[static_cast<std::size_t>(i)];
    switch (b) {
      case Bone::head: {
        const Vec3 centre = lerp(a, e, 0.45f);
        const float r = bone_radius(b, false);
        add_capsule(s, f, centre, centre, r, r, Paint::skin_near);
        tag(b);
        // The nose says which way the face looks.
        const Vec3 face = w.rotation[static_cast<std::size_t>(i)] * Vec3{1, 0, 0};
        const Vec3 nose = centre + face * (r * 0.95f);
        add_capsule(s, f, nose, nose, 0.02f, 0.02f, Paint::face);
        tag(b);
        s.shapes[static_cast<std::size_t>(s.count - 1)].overlay = dot(face, f.camera.toward) > -0.2f;  // seen, not behind
        s.shapes[static_cast<std::size_t>(s.count - 1)].depth = dot(centre, f.camera.toward) + 0.01f;
        break;
      }
      case Bone::foot_l: case Bone::foot_r:
        add_solid(s, f, w, b, kFoot, side_paint(b, Paint::skin_near, Paint::skin_far));
        break;
      case Bone::hand_l: case Bone::hand_r:
        add_solid(s, f, w, b, kHand, side_paint(b, Paint::skin_near, Paint::skin_far));
        tag(b);
        break;
      case Bone::shin_l: case Bone::shin_r: case Bone::forearm_l: case Bone::forearm_r:
        add_capsule(s, f, a, e, bone_radius(b, false), bone_radius(b, true), side_paint(b, Paint::skin_near, Paint::skin_far));
        tag(b);
        break;
      case Bone::thigh_l: case Bone::thigh_r: case Bone::upper_arm_l: case Bone::upper_arm_r:
        add_capsule(s, f, a, e, bone_radius(b, false), bone_radius(b, true), side_paint(b, Paint::limb_near, Paint::limb_far));
        tag(b);
        break;
      default:
        add_capsule(s, f, a, e, bone_radius(b, false), bone_radius(b, true), Paint::body_near);
        tag(b);
        break;
    }
    // The area the exercise works, gently over the part (a little inside its outline).
    if ((cue.highlight >> i) & 1u && b != Bone::head) {
      add_capsule(s, f, lerp(a, e, 0.1f), lerp(a, e, 0.9f), bone_radius(b, false) * 0.8f, bone_radius(b, true) * 0.8f,
                  Paint::highlight);
      tag(b);
      s.shapes[static_cast<std::size_t>(s.count - 1)].overlay = true;
    }
  }
  // A pillow held between the knees moves with them.
  if (clip.has(Prop::knee_pillow)) {
    const Vec3 knee_l = w.start[index(Bone::shin_l)], knee_r = w.start[index(Bone::shin_r)];
    const Vec3 thigh_l = lerp(w.start[index(Bone::thigh_l)], knee_l, 0.45f), thigh_r = lerp(w.start[index(Bone::thigh_r)], knee_r, 0.45f);
    add_capsule(s, f, lerp(knee_l, knee_r, 0.5f), lerp(thigh_l, thigh_r, 0.5f), 0.06f, 0.06f, Paint::held_pillow);
    s.shapes[static_cast<std::size_t>(s.count - 1)].chain = kLegR + 2;  // its own
  }
  // Hips and shoulders across the body, so front and three-quarter views look solid.
  const float hip_r = 0.06f * kBodyHeight, shoulder_r = 0.042f * kBodyHeight;
  add_capsule(s, f, w.start[index(Bone::thigh_l)], w.start[index(Bone::thigh_r)], hip_r, hip_r, Paint::body_near);
  tag(Bone::pelvis);
  add_capsule(s, f, w.start[index(Bone::upper_arm_l)], w.start[index(Bone::upper_arm_r)], shoulder_r, shoulder_r, Paint::body_near);
  tag(Bone::upper_spine);
  if (cue.moving) add_arrow(s, f, cue.from, cue.to);

  // Chains from the farthest to the nearest (each at the mean depth of its parts), and
  // within a chain the farther parts first; hands under the back first of all, since the body
  // lies on them from any view (seen from the side, their mean is nearer than the trunk's).
  std::array<float, 16> sum{}, parts{};
  for (int i = props; i < s.count; ++i) {
    const Shape& sh = s.shapes[static_cast<std::size_t>(i)];
    if (sh.overlay) continue;
    sum[sh.chain] += sh.depth;
    parts[sh.chain] += 1;
  }
  const auto chain_depth = [&](const Shape& sh) {
    if (sh.kind == ShapeKind::arrow) return 1e9f;
    if (sh.chain == kUnderBack) return -1e9f;
    return parts[sh.chain] > 0 ? sum[sh.chain] / parts[sh.chain] : sh.depth;
  };
  std::stable_sort(s.shapes.begin() + props, s.shapes.begin() + s.count, [&](const Shape& a, const Shape& b) {
    const float da = chain_depth(a), db = chain_depth(b);
    if (da != db) return da < db;
    if (a.chain != b.chain) return a.chain < b.chain;
    return a.depth < b.depth;
  });
}

}  // namespace limber::animation
