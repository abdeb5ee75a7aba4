#include "animation/relations.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

#include "animation/callout.h"
#include "animation/clip.h"
#include "animation/figure.h"
#include "animation/scene.h"

namespace limber::animation {

namespace {

constexpr std::array<std::string_view, static_cast<std::size_t>(Point::count)> kPointIds = {
    "pelvis", "lower_back", "mid_back", "trunk_middle", "chest", "head", "shoulders", "knees", "ankles",
    "hip_l", "thigh_l", "knee_l", "shin_l", "ankle_l", "toes_l", "shoulder_l", "elbow_l", "wrist_l", "fingers_l",
    "hip_r", "thigh_r", "knee_r", "shin_r", "ankle_r", "toes_r", "shoulder_r", "elbow_r", "wrist_r", "fingers_r"};

// Resting on something: the drawn body may float a little above it (the figure's shapes are
// simpler than a body) and sink at most 1% of body height into it.
constexpr float kRestingAbove = 0.03f, kRestingBelow = 0.017f;

Vec3 start_of(const WorldPose& w, Bone b) { return w.start[static_cast<std::size_t>(index(b))]; }
Vec3 end_of(const WorldPose& w, Bone b) { return w.end[static_cast<std::size_t>(index(b))]; }
Vec3 middle_of(const WorldPose& w, Bone b) { return lerp(start_of(w, b), end_of(w, b), 0.5f); }

bool in_pixels(RelationKind k) { return k == RelationKind::seen || k == RelationKind::apart; }

std::string amount(float v, RelationKind k) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, in_pixels(k) ? "%.3g px" : "%.3g m", static_cast<double>(v));
  return buffer;
}

float axis_of(Vec3 v, Axis a) { return a == Axis::x ? v.x : a == Axis::y ? v.y : v.z; }

}  // namespace

std::optional<Point> point_from_id(std::string_view id) {
  for (std::size_t i = 0; i < kPointIds.size(); ++i) {
    if (kPointIds[i] == id) return static_cast<Point>(i);
  }
  return std::nullopt;
}

std::string_view point_id(Point p) { return kPointIds[static_cast<std::size_t>(p)]; }

std::string_view phase_id(Phase p) {
  switch (p) {
    case Phase::start: return "start";
    case Phase::held: return "held";
    case Phase::moving: return "moving";
    case Phase::always: return "always";
    case Phase::move_at: return "move";
    case Phase::release_at: return "release";
  }
  return "always";
}

PointAt locate(const WorldPose& w, Point p) {
  const auto limb = [&](bool right, Bone l, Bone r) { return right ? r : l; };
  const bool right = p >= Point::hip_r;
  // A joint is as thick as the thicker of the two shapes drawn there.
  const auto joint = [&](Bone upper, Bone lower) {
    return PointAt{start_of(w, lower), std::max(bone_radius(upper, true), bone_radius(lower, false))};
  };
  const Point left = right ? static_cast<Point>(static_cast<int>(p) - (static_cast<int>(Point::hip_r) - static_cast<int>(Point::hip_l))) : p;
  switch (left) {
    case Point::pelvis: return {start_of(w, Bone::pelvis), bone_radius(Bone::pelvis, false)};
    case Point::lower_back: return {middle_of(w, Bone::lower_spine), bone_radius(Bone::lower_spine, false)};
    case Point::mid_back: return {start_of(w, Bone::upper_spine), bone_radius(Bone::upper_spine, false)};
    case Point::trunk_middle: {
      const Vec3 shoulders = lerp(start_of(w, Bone::upper_arm_l), start_of(w, Bone::upper_arm_r), 0.5f);
      return {lerp(start_of(w, Bone::pelvis), shoulders, 0.5f), bone_radius(Bone::upper_spine, false)};
    }
    case Point::chest: return {middle_of(w, Bone::upper_spine), bone_radius(Bone::upper_spine, false)};
    case Point::head: return {lerp(start_of(w, Bone::head), end_of(w, Bone::head), 0.45f), bone_radius(Bone::head, false)};
    case Point::shoulders:
      // The back of the chest, not the arm's joint: lying down, that is what rests.
      return {lerp(start_of(w, Bone::upper_arm_l), start_of(w, Bone::upper_arm_r), 0.5f), bone_radius(Bone::upper_spine, false)};
    case Point::knees: return {lerp(start_of(w, Bone::shin_l), start_of(w, Bone::shin_r), 0.5f), bone_radius(Bone::thigh_l, true)};
    case Point::ankles: return {lerp(start_of(w, Bone::foot_l), start_of(w, Bone::foot_r), 0.5f), bone_radius(Bone::shin_l, true)};
    case Point::hip_l: { const Bone b = limb(right, Bone::thigh_l, Bone::thigh_r); return {start_of(w, b), bone_radius(b, false)}; }
    case Point::thigh_l: { const Bone b = limb(right, Bone::thigh_l, Bone::thigh_r); return {middle_of(w, b), bone_radius(b, false)}; }
    case Point::shin_l: { const Bone b = limb(right, Bone::shin_l, Bone::shin_r); return {middle_of(w, b), bone_radius(b, false)}; }
    case Point::knee_l: return joint(limb(right, Bone::thigh_l, Bone::thigh_r), limb(right, Bone::shin_l, Bone::shin_r));
    case Point::ankle_l: return joint(limb(right, Bone::shin_l, Bone::shin_r), limb(right, Bone::foot_l, Bone::foot_r));
    case Point::toes_l: { const Bone b = limb(right, Bone::foot_l, Bone::foot_r); return {end_of(w, b), bone_radius(b, true)}; }
    case Point::shoulder_l: { const Bone b = limb(right, Bone::upper_arm_l, Bone::upper_arm_r); return {start_of(w, b), bone_radius(b, false)}; }
    case Point::elbow_l: return joint(limb(right, Bone::upper_arm_l, Bone::upper_arm_r), limb(right, Bone::forearm_l, Bone::forearm_r));
    case Point::wrist_l: return joint(limb(right, Bone::forearm_l, Bone::forearm_r), limb(right, Bone::hand_l, Bone::hand_r));
    case Point::fingers_l: { const Bone b = limb(right, Bone::hand_l, Bone::hand_r); return {end_of(w, b), bone_radius(b, true)}; }
    default: break;
  }
  return {start_of(w, Bone::pelvis), 0};
}

PillowBox pillow_box(const CompiledClip& clip) {
  const WorldPose& w = clip.rest[0];
  const float head_x = lerp(start_of(w, Bone::head), end_of(w, Bone::head), 0.45f).x;
  // A small flat cushion under the head (the body lies along x, the head at lower x): past
  // the top of the head, and ending at the neck so the shoulders lie on the surface.
  return {head_x - 0.16f, head_x + 0.07f, clip.surface_height + kPillowThickness};
}

std::optional<Relation> compile_relation(const RelationData& d, const std::string& path, std::vector<std::string>& problems) {
  const std::size_t before = problems.size();
  Relation r;
  r.says = d.says;
  const int kinds = int(d.distance.has_value()) + int(d.on.has_value()) + int(d.under.has_value()) +
                    int(d.offset.has_value()) + int(d.moves.has_value()) + int(d.seen.has_value()) +
                    int(d.apart.has_value());
  if (kinds != 1) {
    problems.push_back(path + ": a relation is exactly one of distance, on, under, offset, moves, seen, apart (this has " +
                       std::to_string(kinds) + ")");
    return std::nullopt;
  }
  const auto point = [&](const std::string& id, const std::string& where, Point& out) {
    if (const auto p = point_from_id(id)) out = *p;
    else problems.push_back(where + ": unknown point '" + id + "'");
  };
  const auto pair = [&](const std::vector<std::string>& ids, const std::string& where) {
    if (ids.size() != 2) {
      problems.push_back(where + ": needs two points, got " + std::to_string(ids.size()));
      return;
    }
    point(ids[0], where + "[0]", r.a);
    point(ids[1], where + "[1]", r.b);
  };
  if (d.distance) {
    r.kind = RelationKind::distance;
    pair(*d.distance, path + ".distance");
  } else if (d.under) {
    r.kind = RelationKind::under;
    pair(*d.under, path + ".under");
  } else if (d.apart) {
    r.kind = RelationKind::apart;
    pair(*d.apart, path + ".apart");
  } else if (d.seen) {
    r.kind = RelationKind::seen;
    point(*d.seen, path + ".seen", r.a);
  } else if (d.on) {
    if (*d.on == "surface") r.kind = RelationKind::on_surface;
    else if (*d.on == "pillow") r.kind = RelationKind::on_pillow;
    else if (*d.on == "floor") r.kind = RelationKind::on_floor;
    else problems.push_back(path + ".on: '" + *d.on + "' is not one of surface, floor, pillow");
    if (d.point) point(*d.point, path + ".point", r.a);
    else problems.push_back(path + ".point: which point rests there?");
    r.min = -kRestingBelow;
    r.max = kRestingAbove;
  } else {
    if (d.offset) {
      r.kind = RelationKind::offset;
      pair(*d.offset, path + ".offset");
    } else {
      r.kind = RelationKind::moves;
      point(*d.moves, path + ".moves", r.a);
    }
    const std::string axis = d.axis.value_or("");
    const std::string name = !axis.empty() && axis[0] == '-' ? axis.substr(1) : axis;
    r.sign = !axis.empty() && axis[0] == '-' ? -1.0f : 1.0f;
    if (name == "x") r.axis = Axis::x;
    else if (name == "y") r.axis = Axis::y;
    else if (name == "z") r.axis = Axis::z;
    else problems.push_back(path + ".axis: '" + axis + "' is not one of x, -x, y, -y, z, -z");
    if (!d.min && !d.max) problems.push_back(path + ": how far (min or max, metres)?");
  }
  if (d.min) r.min = *d.min;
  if (d.max) r.max = *d.max;
  if ((r.kind == RelationKind::distance || r.kind == RelationKind::under) && !d.min && !d.max) {
    problems.push_back(path + ": a distance needs min or max (metres)");
  }
  if (in_pixels(r.kind) && !d.min && !d.max) problems.push_back(path + ": how many pixels (min or max)?");
  if (d.in) {
    r.in_callout = *d.in == "callout";
    if (!r.in_callout) problems.push_back(path + ".in: '" + *d.in + "' is not callout");
    else if (!in_pixels(r.kind)) problems.push_back(path + ".in: only seen and apart are measured in a drawing");
  }
  if (r.min > r.max) problems.push_back(path + ": min is above max");
  const bool from_start = r.kind == RelationKind::moves || r.kind == RelationKind::seen;
  const std::string at = d.at.value_or(from_start ? "held" : "always");
  if (at == "start") r.phase = Phase::start;
  else if (at == "held") r.phase = Phase::held;
  else if (at == "moving") r.phase = Phase::moving;
  else if (at == "always") r.phase = Phase::always;
  else if (at == "move") r.phase = Phase::move_at;
  else if (at == "release") r.phase = Phase::release_at;
  else problems.push_back(path + ".at: '" + at + "' is not one of start, held, moving, always, move, release");
  if ((r.phase == Phase::move_at || r.phase == Phase::release_at) != d.t.has_value()) {
    problems.push_back(path + ".t: a moment (t from 0 to 1) goes with at move or release, and only there");
  } else if (d.t) {
    if (!(*d.t >= 0 && *d.t <= 1)) problems.push_back(path + ".t: must be from 0 to 1");
    r.t = *d.t;
  }
  if (from_start && r.phase == Phase::start) problems.push_back(path + ".at: a movement from the start cannot be measured at the start");
  if (problems.size() != before) return std::nullopt;
  return r;
}

float value_of(const CompiledClip& clip, const Relation& r, const WorldPose& w) {
  const PointAt a = locate(w, r.a), b = locate(w, r.b);
  switch (r.kind) {
    case RelationKind::distance: return length(a.at - b.at);
    case RelationKind::on_surface: return a.at.y - a.radius - clip.surface_height;
    case RelationKind::on_floor: return a.at.y - a.radius;
    case RelationKind::on_pillow: {
      const PillowBox box = pillow_box(clip);
      const float outside = std::max({0.0f, box.x0 - a.at.x, a.at.x - box.x1});
      const float height = a.at.y - a.radius - box.top;
      return height >= 0 ? height + outside : height - outside;
    }
    case RelationKind::under: {
      // How far a is from the vertical line below b's underside.
      const float dx = a.at.x - b.at.x, dz = a.at.z - b.at.z;
      const float above = std::max(0.0f, a.at.y - (b.at.y - b.radius));
      return std::sqrt(dx * dx + dz * dz + above * above);
    }
    case RelationKind::offset: return axis_of(a.at - b.at, r.axis) * r.sign;
    case RelationKind::moves: {
      WorldPose start;
      place(clip, clip.start, false, start);
      return axis_of(a.at - locate(start, r.a).at, r.axis) * r.sign;
    }
    case RelationKind::seen: case RelationKind::apart: {
      Framing phone = frame_clip(clip, kPhoneFigureWidth, kPhoneFigureHeight);
      if (r.in_callout) {
        const auto box = callout_for(clip, phone, kPhoneFigureWidth, kPhoneFigureHeight);
        if (!box) return 0;  // the clip has no callout: nothing is seen there (check_relations says so)
        phone = box->framing;
      }
      const Vec2 pa = to_pixels(phone, a.at);
      Vec2 pb = to_pixels(phone, b.at);
      if (r.kind == RelationKind::seen) {
        WorldPose start;
        place(clip, clip.start, false, start);
        pb = to_pixels(phone, locate(start, r.a).at);
      }
      return std::hypot(pa.x - pb.x, pa.y - pb.y);
    }
  }
  return 0;
}

Measurement measure(const CompiledClip& clip, const Relation& r) {
  Measurement worst;
  float worst_excess = -1e9f;
  WorldPose w;
  const auto consider = [&](const LocalPose& local, Phase phase, float t, bool in_release) {
    place(clip, local, false, w);
    const float v = value_of(clip, r, w);
    const float excess = std::max(r.min - v, v - r.max);
    if (excess > worst_excess) {
      worst_excess = excess;
      worst = {.holds = excess <= 0, .measured = v, .phase = phase, .t = t, .in_release = in_release};
    }
  };
  if (r.phase == Phase::start || r.phase == Phase::always) consider(clip.start, Phase::start, 0, false);
  if (r.phase == Phase::held || r.phase == Phase::always) consider(clip.held, Phase::held, 1, false);
  if (r.phase == Phase::move_at || r.phase == Phase::release_at) {
    LocalPose local;
    sample(r.phase == Phase::move_at ? clip.move : clip.release, r.t, local);
    consider(local, r.phase, r.t, r.phase == Phase::release_at);
  }
  if (r.phase == Phase::moving || r.phase == Phase::always) {
    LocalPose local;
    constexpr int kSamples = 8;
    for (int release = 0; release < 2; ++release) {
      for (int k = 0; k <= kSamples; ++k) {
        const float t = static_cast<float>(k) / kSamples;
        sample(release ? clip.release : clip.move, t, local);
        consider(local, Phase::moving, t, release == 1);
      }
    }
  }
  return worst;
}

std::string measurement_text(const Relation& r, const Measurement& m) {
  const std::string a(point_id(r.a)), b(point_id(r.b));
  std::string what;
  switch (r.kind) {
    case RelationKind::distance: what = a + " to " + b; break;
    case RelationKind::on_surface: what = a + " above the surface"; break;
    case RelationKind::on_floor: what = a + " above the floor"; break;
    case RelationKind::on_pillow: what = a + " above the pillow"; break;
    case RelationKind::under: what = a + " from below " + b; break;
    case RelationKind::offset:
      what = a + " beyond " + b + " along " + (r.sign < 0 ? "-" : "") + (r.axis == Axis::x ? "x" : r.axis == Axis::y ? "y" : "z");
      break;
    case RelationKind::moves:
      what = a + "'s travel along " + (r.sign < 0 ? "-" : "") + (r.axis == Axis::x ? "x" : r.axis == Axis::y ? "y" : "z");
      break;
    case RelationKind::seen: what = a + "'s travel in the " + (r.in_callout ? "callout" : "drawing") + " at phone size"; break;
    case RelationKind::apart: what = a + " to " + b + " in the " + (r.in_callout ? "callout" : "drawing") + " at phone size"; break;
  }
  std::string when(phase_id(m.phase));
  if (m.phase == Phase::moving || m.phase == Phase::move_at || m.phase == Phase::release_at) {
    char t[16];
    std::snprintf(t, sizeof t, "%g", static_cast<double>(m.t));
    when = std::string(m.in_release ? "release" : "move") + " t=" + t;
  }
  const bool has_min = r.min > -1e8f, has_max = r.max < 1e8f;
  const auto v = [&](float x) { return amount(x, r.kind); };
  const std::string wanted = has_min && has_max ? "between " + v(r.min) + " and " + v(r.max)
                             : has_max          ? "at most " + v(r.max)
                                                : "at least " + v(r.min);
  return r.says + ": at " + when + ", " + what + " is " + v(m.measured) + ", wanted " + wanted;
}

}  // namespace limber::animation
