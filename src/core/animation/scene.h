// animation/scene.h: the figure and its props as flat shapes, projected for one view.
//
// The core decides what is drawn where; the UI only fills the shapes (ui/figure.h). Props
// come first (they lie under the body), then the body in chains (the trunk, the head, each
// arm, each leg) from the farthest to the nearest. A chain is drawn as one continuous shape
// (walk_scene: all its outlines, then all its fills, then what lies over it), so no seam is
// outlined at a joint; each limb is marked near or far so the two sides are shaded apart.
// Hands and feet are drawn as hands and feet, the nose shows where the face looks. A cue
// adds an arrow the way the body is moving and a gentle highlight over the area the
// exercise works. Fixed capacity: building a scene allocates nothing.
//
// Usage:
//     const limber::animation::Framing frame = limber::animation::frame_clip(clip, width, height);
//     limber::animation::Scene scene;
//     limber::animation::build_scene(clip, world, frame, scene);
//     limber::animation::walk_scene(scene, [](const Shape& s, Layer layer) { draw(s, layer); });
#pragma once

#include <array>
#include <cstdint>

#include "animation/clip.h"

namespace limber::animation {

struct Vec2 {
  float x = 0, y = 0;
};

// arrow: from p[0] to its tip p[1], r0 the half width of its line.
enum class ShapeKind : std::uint8_t { capsule, circle, polygon, arrow };
enum class Paint : std::uint8_t {
  floor, held_pillow, bed_frame, mattress, pillow, towel, chair,
  body_near, body_far, limb_near, limb_far, skin_near, skin_far, face,
  highlight,  // the area the exercise works, over the body while it holds (drawn see-through)
  cue,        // the arrow of the movement
  ghost       // the position before, under a still (still.h)
};

struct Shape {
  ShapeKind kind = ShapeKind::capsule;
  Paint paint = Paint::body_near;
  float depth = 0;  // towards the viewer
  std::uint8_t points = 0;
  std::array<Vec2, 12> p{};  // capsule: ends; circle: centre; polygon: corners in order (convex)
  float r0 = 0, r1 = 0;      // radii in pixels (capsule ends, circle)
  std::uint8_t chain = 0;    // 0: a prop; else the body chain it belongs to (kArmChainL...)
  bool overlay = false;      // lies over its chain's fills (the highlight, the nose, the arrow)
};

// The pixels a shape covers, as a box (y grows downwards).
struct PixelBox {
  float x0 = 1e9f, x1 = -1e9f, y0 = 1e9f, y1 = -1e9f;
};
PixelBox shape_box(const Shape& shape);

enum class Layer : std::uint8_t { prop, outline, fill, overlay };
// The body's chains, for a drawing that leaves some out (callout.h); and the chain of a
// forearm or hand slid under the back (figure.h: under_back), drawn behind the body.
inline constexpr std::uint8_t kArmChainL = 3, kArmChainR = 4, kUnderBackChain = 9;

// Calls draw(shape, layer) in the order that makes each chain one shape: props as they come;
// then chain by chain, every outline of the chain, every fill, and what lies over it.
template <class F>
void walk_scene(const struct Scene& scene, F&& draw);

struct Scene {
  static constexpr int kCapacity = 80;  // a figure, its props, a ghost and the cues
  std::array<Shape, kCapacity> shapes{};
  int count = 0;
};

struct Camera {
  Vec3 right, up, toward;  // toward: from the figure to the viewer
};
Camera camera_for(View view);

// World to pixels for one clip in a width x height box: the same for its whole movement,
// so the camera never jitters.
struct Framing {
  Camera camera;
  float scale = 1;       // pixels per metre
  Vec2 offset;           // pixels, added after scaling
};
Framing frame_clip(const CompiledClip& clip, float width, float height);
inline constexpr float kFrameMargin = 0.06f;  // of the figure's extent, on each side
inline constexpr float kCalloutRoom = 0.7f;   // above a figure with a callout, of its height
// The extent the clip's drawing needs (load_clips sets CompiledClip::bounds from it) and its
// width over its height: a player sizes the figure's box to it where the screen allows.
ViewBounds view_bounds(const CompiledClip& clip);
float view_aspect(const CompiledClip& clip);
// Where a world point is drawn, in pixels.
Vec2 to_pixels(const Framing& framing, Vec3 world);

// The figure's box on the smallest phone Limber supports (a 320 px screen): what the clips'
// "seen" and "apart" relations are measured in (relations.h).
inline constexpr float kPhoneFigureWidth = 300, kPhoneFigureHeight = 200;

// What the figure is doing, for the cues drawn over it (animator.h: figure_cue).
struct FigureCue {
  bool moving = false;  // an arrow from `from` towards `to` (world, metres)
  Vec3 from, to;
  std::uint32_t highlight = 0;  // bit per Bone over which the worked area is shown
};

void build_scene(const CompiledClip& clip, const WorldPose& world, const Framing& framing, Scene& out,
                 const FigureCue& cue = {});

template <class F>
void walk_scene(const Scene& scene, F&& draw) {
  int i = 0;
  while (i < scene.count) {
    const Shape& first = scene.shapes[static_cast<std::size_t>(i)];
    if (first.chain == 0) {
      draw(first, Layer::prop);
      ++i;
      continue;
    }
    int end = i;
    while (end < scene.count && scene.shapes[static_cast<std::size_t>(end)].chain == first.chain) ++end;
    for (const Layer layer : {Layer::outline, Layer::fill, Layer::overlay}) {
      for (int k = i; k < end; ++k) {
        const Shape& s = scene.shapes[static_cast<std::size_t>(k)];
        if (s.overlay == (layer == Layer::overlay)) draw(s, layer);
      }
    }
    i = end;
  }
}

}  // namespace limber::animation
