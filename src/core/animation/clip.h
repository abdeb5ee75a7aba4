// animation/clip.h: keyframed clips of the exercises, as data and compiled for playback.
//
// assets/animation/clips.json holds postures (named start positions: lying with knees
// bent, all fours, ...) and one clip per exercise. A clip starts from its posture and has
// two tracks with keys at normalised times in (0, 1]:
//   move     from the start position to the held position (its last key)
//   release  from the held position back to the start (absent: move played backwards)
// Keys set only what changes (absolute angles, degrees); the rest carries over from the
// key before, so every key compiles to a whole pose. Clips are authored for the left side;
// the right side is the mirror image. Contacts name the limbs kept planted by IK; the
// anchor keeps the knees in place while the hips move (all fours, kneeling). Relations say
// what the exercise's text requires of the figure; loading measures them (relations.h).
//
// Usage:
//     const auto loaded = limber::animation::load_clips(text);     // validated as a whole
//     const CompiledClip& clip = loaded.library->clips[0];
//     LocalPose p; sample(clip.move, 0.5f, p);                       // halfway in
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "animation/pose.h"
#include "animation/relations.h"
#include "catalogue/problems.h"
#include "json/enum_names.h"

namespace limber::animation {

enum class View : std::uint8_t { side, three_quarter, from_feet, above };
enum class Surface : std::uint8_t { floor, bed, chair };
enum class Prop : std::uint8_t { bed, pillow, knee_pillow, towel_or_ball, chair };
enum class Ease : std::uint8_t { linear, in_out, in, out };
enum class Anchor : std::uint8_t { root, knees };

// ---- The JSON form (read through Boost.PFR; field names are the JSON names) ----------
struct AngleKey {
  std::optional<float> flex, abd, twist;
};
// One optional entry per bone, named as in skeleton.cpp (a test checks they match).
struct JointKeys {
  std::optional<AngleKey> pelvis, lower_spine, upper_spine, neck, head;
  std::optional<AngleKey> thigh_l, shin_l, foot_l, thigh_r, shin_r, foot_r;
  std::optional<AngleKey> upper_arm_l, forearm_l, hand_l, upper_arm_r, forearm_r, hand_r;
};
struct RootKey {
  std::optional<float> x, y, z, pitch, roll, yaw;
};
struct Key {
  double t = 0;
  std::optional<Ease> ease;  // default in_out
  // What a still picture of this key's position is called ("the cow"): a two-phase movement
  // names its middle key, so pictures show both phases. On the last key it names the held one.
  std::optional<std::string> shows;
  std::optional<RootKey> root;
  std::optional<JointKeys> joints;
};
struct Posture {
  std::string id;
  Surface surface = Surface::floor;
  RootKey root;  // y above the surface
  JointKeys joints;
};
// A part drawn larger in a box of its own, for a movement real but too small to see at
// phone size (callout.h).
struct CalloutData {
  std::string point;  // relations.h: a named point
  std::optional<float> zoom;  // 2 to 8 times the figure's scale; 4 if not given
};
// An arrow for a tensing (nothing moves): at a point, just above the body of a figure lying
// down, pointing down into it (the lower tummy drawn in) or up away from it (the chest rising
// on a breath in). Its movement is real but too small to draw; the arrow says which way it goes.
struct TensingArrowData {
  std::string point;  // relations.h: a named point
  std::string way;    // "down" or "up"
};
struct ClipData {
  std::string id;
  std::string exercise;  // catalogue exercise id
  std::string posture;
  View view = View::side;
  std::vector<Prop> props;
  std::vector<std::string> contacts;  // foot_l, foot_r, hand_l, hand_r
  std::optional<Anchor> anchor;
  std::vector<Key> move;
  std::vector<Key> release;
  std::vector<RelationData> relations;  // what the exercise's text requires (relations.h)
  std::vector<std::string> passive;     // bones held in a passive position (skeleton.h)
  std::optional<bool> tensing;          // nothing moves but muscles and breath (cues.h)
  std::optional<CalloutData> callout;   // a part drawn larger (callout.h)
  // Where the arrow sits (relations.h: a named point), when the part that travels furthest
  // is not the one the text moves: a foot swept up by a knee hug, a head carried by the chest.
  std::optional<std::string> arrow;
  std::optional<TensingArrowData> tensing_arrow;  // a tensing's only arrow (above)
};
struct ClipsFile {
  int schema = 0;
  std::vector<Posture> postures;
  std::vector<ClipData> clips;
};

// ---- Compiled for playback ------------------------------------------------------------
struct CompiledKey {
  float t = 0;
  Ease ease = Ease::in_out;
  LocalPose pose;
};
using Track = std::vector<CompiledKey>;  // the first key is at t = 0

enum class Contact : std::uint8_t { foot_l, foot_r, hand_l, hand_r };

// A position worth a still picture: the start, any named key, the held one.
struct Still {
  std::string label;  // "the start position", "the cow", "the position held"
  float t = 0;        // along the move: 0 the start, 1 the held position
};

// The drawn figure's extent over its whole movement on both sides, seen by the clip's
// camera (metres along the camera's right and up): set once when the clip loads
// (scene.h: view_bounds), so framing a drawing costs nothing per frame.
struct ViewBounds {
  float x0 = 0, x1 = 0, y0 = 0, y1 = 0;
};

struct CompiledClip {
  std::string id;
  std::string exercise;
  View view = View::side;
  Surface surface = Surface::floor;
  float surface_height = 0;  // metres above the floor
  std::uint8_t props = 0;    // bit per Prop
  std::vector<Contact> contacts;
  Anchor anchor = Anchor::root;
  LocalPose start;  // the posture (= move's first key, release's last)
  LocalPose held;   // move's last key
  Track move;
  Track release;
  WorldPose rest[2];  // the start position in the world, left side and mirrored (contact targets)
  WorldPose held_world;  // the held position, left side, as placed (for framing and props)
  ViewBounds bounds;
  std::vector<Relation> relations;  // measured and holding when the library loaded
  std::uint32_t passive = 0;        // bit per Bone whose flexion may use its passive range
  std::vector<Still> stills;        // in order along the move; at least start and held
  bool tensing = false;             // shown by its area and the breath, not by movement
  std::optional<Point> callout;     // a part drawn larger in a box of its own (callout.h)
  float callout_zoom = 0;
  Bone lead_bone = Bone::pelvis;    // the joint that travels furthest from start to held:
  bool lead_at_end = false;         // the bone's start, or its end (cues.h: the arrow)
  std::optional<Point> arrow;       // the arrow's point named by the clip, instead of the lead
  std::optional<Point> tensing_arrow;  // a tensing's arrow (TensingArrowData)
  bool tensing_arrow_up = false;       // up away from the body; else down into it
  bool has(Prop p) const { return (props >> static_cast<int>(p)) & 1u; }
  // The flexion range this clip allows a joint: passive where it lists the joint.
  Range2 flex_range(Bone b) const { return (passive >> index(b)) & 1u ? passive_flex(b) : info(b).flex; }
};

struct ClipLibrary {
  std::vector<CompiledClip> clips;
  const CompiledClip* find_for_exercise(std::string_view exercise) const;
  const CompiledClip* find(std::string_view id) const;
};

struct ClipLoadResult {
  std::optional<ClipLibrary> library;  // only when problems is empty
  std::vector<catalogue::Problem> problems;
};

// Parses, reads and validates clips.json (every problem named with file, clip and key).
ClipLoadResult load_clips(std::string_view text);

// The pose of a still picture.
void still_pose(const CompiledClip& clip, const Still& still, LocalPose& out);

// The pose at normalised time t (0..1) along a track, with easing and shortest-path angles.
void sample(const Track& track, float t, LocalPose& out);
// a..b by w: the root's angles the short way round, joint angles straight through their
// range (a joint never wraps past its limit).
void blend(const LocalPose& a, const LocalPose& b, float w, LocalPose& out);
float ease(Ease e, float t);

inline constexpr float kSurfaceHeight[] = {0.0f, 0.50f, 0.45f};  // floor, bed top, chair seat
inline constexpr float kPillowThickness = 0.06f;

}  // namespace limber::animation

namespace limber::json {
template <> struct EnumNames<animation::View> {
  static constexpr std::array<std::pair<animation::View, std::string_view>, 4> values{{
      {animation::View::side, "side"}, {animation::View::three_quarter, "three_quarter"},
      {animation::View::from_feet, "from_feet"}, {animation::View::above, "above"}}};
};
template <> struct EnumNames<animation::Surface> {
  static constexpr std::array<std::pair<animation::Surface, std::string_view>, 3> values{{
      {animation::Surface::floor, "floor"}, {animation::Surface::bed, "bed"}, {animation::Surface::chair, "chair"}}};
};
template <> struct EnumNames<animation::Prop> {
  static constexpr std::array<std::pair<animation::Prop, std::string_view>, 5> values{{
      {animation::Prop::bed, "bed"}, {animation::Prop::pillow, "pillow"}, {animation::Prop::knee_pillow, "knee_pillow"},
      {animation::Prop::towel_or_ball, "towel_or_ball"}, {animation::Prop::chair, "chair"}}};
};
template <> struct EnumNames<animation::Ease> {
  static constexpr std::array<std::pair<animation::Ease, std::string_view>, 4> values{{
      {animation::Ease::linear, "linear"}, {animation::Ease::in_out, "in_out"},
      {animation::Ease::in, "in"}, {animation::Ease::out, "out"}}};
};
template <> struct EnumNames<animation::Anchor> {
  static constexpr std::array<std::pair<animation::Anchor, std::string_view>, 2> values{{
      {animation::Anchor::root, "root"}, {animation::Anchor::knees, "knees"}}};
};
}  // namespace limber::json
