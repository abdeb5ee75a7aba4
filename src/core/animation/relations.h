// animation/relations.h: what an exercise's text requires of its figure, measured.
//
// Each clip in clips.json lists the relations its exercise's start position and steps imply
// ("the crossed ankle rests across the other thigh", "the hands lie under the small of the
// back", "the upper body turns right first"), each one of seven kinds between named points
// of the placed figure:
//   distance  two points at least `min` and at most `max` metres apart
//   on        a point's underside resting on the surface (bed, chair seat or floor), the
//             floor (feet under a chair) or the pillow: at most 3 cm above, 1.7 cm into it
//   under     a point below another, horizontally within `max` of it
//   offset    one point beyond another along a world axis, by `min` to `max` metres
//   moves     a point travels `min` to `max` metres along a world axis from start to held
// and two that say what a person must be able to see, measured in pixels in the drawing at
// phone size (scene.h: kPhoneFigureWidth x kPhoneFigureHeight, the clip's own camera):
//   seen      a point's drawing travels `min` to `max` pixels from the start position
//   apart     two points drawn `min` to `max` pixels apart (two knees that read as two)
// ("in": "callout" measures them in the clip's callout box instead: callout.h).
// The world: x runs from head to feet of a figure lying down (forward for one sitting or
// on all fours), y up, z to the figure's left. A relation holds at start, held, moving
// (every sample of both tracks), always (all of these), or at one moment: "move" or
// "release" with `t`.
// Loading measures every relation on the left side (the right is its exact mirror) and
// refuses the file with clip, relation, phase, measured and wanted value when one fails.
//
// Usage:
//     const auto m = limber::animation::measure(clip, clip.relations[0]);  // worst sample
//     if (!m.holds) report(m.phase, m.measured);
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "animation/pose.h"

namespace limber::animation {

struct CompiledClip;

// Named points of the figure (thigh_l, shin_l: the middle of the bone; mid_back: where the
// lower spine meets the upper; trunk_middle: halfway between pelvis and shoulders, so a
// back that hollows or rounds shows as mid_back below or above it). Each has the radius of the drawn body there, so "on the
// floor" means the drawn shape touches it, not the bone's centre line.
enum class Point : std::uint8_t {
  pelvis, lower_back, mid_back, trunk_middle, chest, head, shoulders, knees, ankles,
  hip_l, thigh_l, knee_l, shin_l, ankle_l, toes_l, shoulder_l, elbow_l, wrist_l, fingers_l,
  hip_r, thigh_r, knee_r, shin_r, ankle_r, toes_r, shoulder_r, elbow_r, wrist_r, fingers_r,
  count
};
std::optional<Point> point_from_id(std::string_view id);
std::string_view point_id(Point p);

struct PointAt {
  Vec3 at;
  float radius = 0;  // metres
};
PointAt locate(const WorldPose& world, Point p);

enum class RelationKind : std::uint8_t { distance, on_surface, on_floor, on_pillow, under, offset, moves, seen, apart };
enum class Phase : std::uint8_t { start, held, moving, always, move_at, release_at };
enum class Axis : std::uint8_t { x, y, z };

// The JSON form: exactly one of distance, on, under, offset, moves, seen, apart.
struct RelationData {
  std::string says;                                  // the text's requirement, in our words
  std::optional<std::string> at;                     // start, held, moving, always (default), move, release
  std::optional<float> t;                            // for at move or release
  std::optional<std::vector<std::string>> distance;  // two points
  std::optional<std::string> on;                     // "surface", "floor" or "pillow"
  std::optional<std::string> point;                  // for on
  std::optional<std::vector<std::string>> under;     // [lower point, upper point]
  std::optional<std::vector<std::string>> offset;    // [a, b]: a beyond b along axis
  std::optional<std::string> moves;                  // a point
  std::optional<std::string> seen;                   // a point (pixels at phone size)
  std::optional<std::vector<std::string>> apart;     // two points (pixels at phone size)
  std::optional<std::string> in;                     // seen, apart: "callout" (callout.h)
  std::optional<std::string> axis;                   // for offset and moves: x, -x, y, -y, z, -z
  std::optional<float> min, max;
};

struct Relation {
  std::string says;
  RelationKind kind = RelationKind::distance;
  Phase phase = Phase::always;
  float t = 0;  // move_at, release_at
  Point a = Point::pelvis, b = Point::pelvis;
  Axis axis = Axis::x;
  float sign = 1;  // moves: +1 along the axis, -1 against it
  float min = -1e9f, max = 1e9f;
  bool in_callout = false;  // seen, apart: measured in the callout box
};

// Reads one relation; the problems (unknown point, two kinds, no bound) are appended with
// `path` as their place.
std::optional<Relation> compile_relation(const RelationData& data, const std::string& path,
                                         std::vector<std::string>& problems);

struct Measurement {
  bool holds = true;
  float measured = 0;  // the worst sample's value (metres; seen and apart: pixels)
  Phase phase = Phase::start;  // where the worst sample was
  float t = 0;                 // and when, along move or release
  bool in_release = false;
};
// The value of one relation in one placed pose (moves: against the start position).
float value_of(const CompiledClip& clip, const Relation& r, const WorldPose& world);
// Every sample of the relation's phase; the worst one.
Measurement measure(const CompiledClip& clip, const Relation& r);
// "knees together: at held, knee_l to knee_r is 0.21 m, wanted at most 0.12 m" (the
// refusal when it does not hold, the review listing when it does)
std::string measurement_text(const Relation& r, const Measurement& m);
std::string_view phase_id(Phase p);

// Where the pillow lies: under the head of the start position.
struct PillowBox {
  float x0, x1, top;
};
PillowBox pillow_box(const CompiledClip& clip);

}  // namespace limber::animation
