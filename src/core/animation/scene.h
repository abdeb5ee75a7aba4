// animation/scene.h: the figure and its props as flat shapes, projected for one view.
//
// The core decides what is drawn where; the UI only fills the shapes (ui/figure.h). Props
// come first (they lie under the body), then the body's parts (and a pillow held between
// the knees) from the farthest to the nearest, each marked near or far so the two sides are shaded apart. Fixed capacity:
// building a scene allocates nothing.
//
// Usage:
//     const limber::animation::Framing frame = limber::animation::frame_clip(clip, width, height);
//     limber::animation::Scene scene;
//     limber::animation::build_scene(clip, world, frame, scene);
//     for (int i = 0; i < scene.count; ++i) draw(scene.shapes[i]);
#pragma once

#include <array>
#include <cstdint>

#include "animation/clip.h"

namespace limber::animation {

struct Vec2 {
  float x = 0, y = 0;
};

enum class ShapeKind : std::uint8_t { capsule, circle, polygon };
enum class Paint : std::uint8_t {
  floor, held_pillow, bed_frame, mattress, pillow, towel, chair,
  body_near, body_far, limb_near, limb_far, skin_near, skin_far, face
};

struct Shape {
  ShapeKind kind = ShapeKind::capsule;
  Paint paint = Paint::body_near;
  float depth = 0;  // towards the viewer
  std::uint8_t points = 0;
  std::array<Vec2, 8> p{};  // capsule: ends; circle: centre; polygon: corners in order
  float r0 = 0, r1 = 0;     // radii in pixels (capsule ends, circle)
};

struct Scene {
  static constexpr int kCapacity = 48;
  std::array<Shape, kCapacity> shapes{};
  int count = 0;
};

struct Camera {
  Vec3 right, up, toward;  // toward: from the figure to the viewer
};
Camera camera_for(View view);

// World to pixels for one clip in a width x height box: the same for its whole movement,
// so the camera never jitters; the floor or bed sits near the bottom.
struct Framing {
  Camera camera;
  float scale = 1;       // pixels per metre
  Vec2 offset;           // pixels, added after scaling
};
Framing frame_clip(const CompiledClip& clip, float width, float height);

void build_scene(const CompiledClip& clip, const WorldPose& world, const Framing& framing, Scene& out);

}  // namespace limber::animation
