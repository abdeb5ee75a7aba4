// animation/math3.h: the little 3D maths the figure needs (vectors, rotation matrices).
//
// Axes, for the standing body: +x forward (the way the person faces), +y up, +z to the
// person's left. A side view looks from +z, so it shows the body's left side.
#pragma once

#include <cmath>

namespace limber::animation {

inline constexpr float kPi = 3.14159265358979f;
inline constexpr float deg(float degrees) { return degrees * kPi / 180.0f; }

struct Vec3 {
  float x = 0, y = 0, z = 0;
  Vec3 operator+(Vec3 o) const { return {x + o.x, y + o.y, z + o.z}; }
  Vec3 operator-(Vec3 o) const { return {x - o.x, y - o.y, z - o.z}; }
  Vec3 operator*(float s) const { return {x * s, y * s, z * s}; }
  bool operator==(const Vec3&) const = default;
};

inline float dot(Vec3 a, Vec3 b) { return a.x * b.x + a.y * b.y + a.z * b.z; }
inline Vec3 cross(Vec3 a, Vec3 b) { return {a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x}; }
inline float length(Vec3 v) { return std::sqrt(dot(v, v)); }
inline float distance(Vec3 a, Vec3 b) { return length(a - b); }
// The unit vector along v, or `fallback` when v has no length (never NaN).
inline Vec3 normalize(Vec3 v, Vec3 fallback = {0, 1, 0}) {
  const float len = length(v);
  return len > 1e-7f ? v * (1.0f / len) : fallback;
}
inline Vec3 lerp(Vec3 a, Vec3 b, float t) { return a + (b - a) * t; }

// Rotation matrix, columns are the rotated axes.
struct Mat3 {
  Vec3 c0{1, 0, 0}, c1{0, 1, 0}, c2{0, 0, 1};
  Vec3 operator*(Vec3 v) const { return c0 * v.x + c1 * v.y + c2 * v.z; }
  Mat3 operator*(const Mat3& o) const { return {*this * o.c0, *this * o.c1, *this * o.c2}; }
};

inline Mat3 rot_x(float a) {
  const float c = std::cos(a), s = std::sin(a);
  return {{1, 0, 0}, {0, c, s}, {0, -s, c}};
}
inline Mat3 rot_y(float a) {
  const float c = std::cos(a), s = std::sin(a);
  return {{c, 0, -s}, {0, 1, 0}, {s, 0, c}};
}
inline Mat3 rot_z(float a) {
  const float c = std::cos(a), s = std::sin(a);
  return {{c, s, 0}, {-s, c, 0}, {0, 0, 1}};
}
inline Mat3 transpose(const Mat3& m) {
  return {{m.c0.x, m.c1.x, m.c2.x}, {m.c0.y, m.c1.y, m.c2.y}, {m.c0.z, m.c1.z, m.c2.z}};
}

// Rotation taking unit vector `from` onto unit vector `to` (Rodrigues), exact for opposites.
inline Mat3 rotation_between(Vec3 from, Vec3 to) {
  const Vec3 axis = cross(from, to);
  const float c = dot(from, to);
  const float s = length(axis);
  if (s < 1e-7f) {
    if (c > 0) return {};
    // Opposite: half a turn about any axis perpendicular to `from`.
    const Vec3 perp = normalize(std::fabs(from.x) < 0.9f ? cross(from, {1, 0, 0}) : cross(from, {0, 1, 0}));
    const auto half_turn = [&](Vec3 v) { return perp * (2 * dot(perp, v)) - v; };
    return {half_turn({1, 0, 0}), half_turn({0, 1, 0}), half_turn({0, 0, 1})};
  }
  const Vec3 k = axis * (1.0f / s);
  const auto rotate = [&](Vec3 v) { return v * c + cross(k, v) * s + k * (dot(k, v) * (1 - c)); };
  return {rotate({1, 0, 0}), rotate({0, 1, 0}), rotate({0, 0, 1})};
}

}  // namespace limber::animation
