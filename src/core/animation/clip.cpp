#include "animation/clip.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "animation/figure.h"
#include "animation/scene.h"
#include "json/json_reflect.h"

namespace limber::animation {

namespace {

constexpr const char* kFile = "clips.json";
// A named arrow's point must travel this far from start to held (metres), or there is no
// way for it to point.
constexpr float kArrowPointTravel = 0.02f;

void apply(const AngleKey& k, JointAngles& a) {
  if (k.flex) a.flex = *k.flex;
  if (k.abd) a.abd = *k.abd;
  if (k.twist) a.twist = *k.twist;
}

void apply(const JointKeys& keys, LocalPose& pose) {
  boost::pfr::for_each_field_with_name(keys, [&](std::string_view name, const std::optional<AngleKey>& key) {
    if (!key) return;
    if (const auto bone = bone_from_id(name)) apply(*key, pose.joints[static_cast<std::size_t>(index(*bone))]);
  });
}

void apply(const RootKey& k, float surface, LocalPose& pose) {
  if (k.x) pose.root.x = *k.x;
  if (k.y) pose.root.y = surface + *k.y;
  if (k.z) pose.root.z = *k.z;
  if (k.pitch) pose.root_pitch = *k.pitch;
  if (k.roll) pose.root_roll = *k.roll;
  if (k.yaw) pose.root_yaw = *k.yaw;
}

std::string number(float v) {
  char buffer[24];
  std::snprintf(buffer, sizeof buffer, "%g", static_cast<double>(v));
  return buffer;
}

class Compiler {
 public:
  explicit Compiler(std::vector<catalogue::Problem>& problems) : problems_(problems) {}

  std::optional<ClipLibrary> run(const ClipsFile& file) {
    if (file.schema != 1) report("schema", "unsupported schema " + std::to_string(file.schema) + " (this version reads 1)");
    std::set<std::string> posture_ids, clip_ids, exercises;
    for (const Posture& p : file.postures) {
      if (!posture_ids.insert(p.id).second) report("postures[" + p.id + "].id", "duplicate id '" + p.id + "'");
    }
    ClipLibrary library;
    for (const ClipData& c : file.clips) {
      const std::string base = "clips[" + c.id + "]";
      if (!clip_ids.insert(c.id).second) report(base + ".id", "duplicate id '" + c.id + "'");
      if (!exercises.insert(c.exercise).second) report(base + ".exercise", "a second clip for exercise '" + c.exercise + "'");
      const auto posture = std::find_if(file.postures.begin(), file.postures.end(),
                                        [&](const Posture& p) { return p.id == c.posture; });
      if (posture == file.postures.end()) {
        report(base + ".posture", "unknown posture '" + c.posture + "'");
        continue;
      }
      library.clips.push_back(compile(c, *posture, base));
      CompiledClip& added = library.clips.back();
      compute_world(added.start, added.rest[0]);
      compute_world(mirrored(added.start), added.rest[1]);
      place(added, added.held, false, added.held_world);
      added.bounds = view_bounds(added);
      find_lead(added);
      check_arrow(added, base);
      check_relations(c, added, base);
    }
    if (!problems_.empty()) return std::nullopt;
    return library;
  }

 private:
  void report(std::string path, std::string message) {
    problems_.push_back({.file = kFile, .path = std::move(path), .message = std::move(message)});
  }

  void check_range(const std::string& path, const LocalPose& pose, std::uint32_t passive) {
    for (int i = 0; i < kBoneCount; ++i) {
      const BoneInfo& b = skeleton()[static_cast<std::size_t>(i)];
      const JointAngles& a = pose.joints[static_cast<std::size_t>(i)];
      const auto check = [&](float v, Range2 r, const char* what) {
        if (v < r.min - 1e-3f || v > r.max + 1e-3f) {
          report(path + ".joints." + std::string(b.id) + "." + what,
                 number(v) + " is outside the " + ((passive >> i) & 1u && what[0] == 'f' ? "passive" : "normal") +
                     " range " + number(r.min) + " to " + number(r.max) + " for " + std::string(b.id));
        }
      };
      check(a.flex, (passive >> i) & 1u ? passive_flex(static_cast<Bone>(i)) : b.flex, "flex");
      check(a.abd, b.abd, "abd");
      check(a.twist, b.twist, "twist");
    }
  }

  static void find_lead(CompiledClip& clip) {
    float furthest = -1;
    for (int i = 0; i < kBoneCount; ++i) {
      const auto k = static_cast<std::size_t>(i);
      for (const bool end : {false, true}) {
        const Vec3 from = end ? clip.rest[0].end[k] : clip.rest[0].start[k];
        const Vec3 to = end ? clip.held_world.end[k] : clip.held_world.start[k];
        if (const float d = distance(from, to); d > furthest) {
          furthest = d;
          clip.lead_bone = static_cast<Bone>(i);
          clip.lead_at_end = end;
        }
      }
    }
  }

  // An arrow at a point that stays put would point nowhere (and never be drawn).
  void check_arrow(const CompiledClip& clip, const std::string& base) {
    if (!clip.arrow || clip.tensing) return;
    const float travel = distance(locate(clip.rest[0], *clip.arrow).at, locate(clip.held_world, *clip.arrow).at);
    if (travel < kArrowPointTravel) {
      report(base + ".arrow", "'" + std::string(point_id(*clip.arrow)) + "' travels " + number(travel) +
                                  " m from start to held: at least " + number(kArrowPointTravel) + " m to point the way");
    }
  }

  // Each relation is measured over its phase; the worst sample is reported.
  void check_relations(const ClipData& c, CompiledClip& clip, const std::string& base) {
    for (std::size_t i = 0; i < c.relations.size(); ++i) {
      const std::string path = base + ".relations[" + std::to_string(i) + "]";
      std::vector<std::string> wrong;
      const auto relation = compile_relation(c.relations[i], path, wrong);
      for (std::string& w : wrong) {
        const std::size_t colon = w.find(": ");
        report(w.substr(0, colon), w.substr(colon + 2));
      }
      if (!relation) continue;
      if (relation->in_callout && !clip.callout) {
        report(path + ".in", "the clip has no callout to measure in");
        continue;
      }
      if (const Measurement m = measure(clip, *relation); !m.holds) report(path, measurement_text(*relation, m));
      clip.relations.push_back(*relation);
    }
  }

  // Keys carry over what they do not set, starting from `from`.
  Track compile_track(const std::vector<Key>& keys, const LocalPose& from, float surface, std::uint32_t passive,
                      const std::string& path) {
    Track track{{.t = 0, .ease = Ease::in_out, .pose = from}};
    double last_t = 0;
    for (std::size_t i = 0; i < keys.size(); ++i) {
      const Key& k = keys[i];
      const std::string key_path = path + "[" + std::to_string(i) + "]";
      if (!(k.t > last_t) || k.t > 1.0) {
        report(key_path + ".t", "key times must rise within (0, 1]: got " + number(static_cast<float>(k.t)) +
                                    " after " + number(static_cast<float>(last_t)));
      }
      last_t = k.t;
      CompiledKey ck{.t = static_cast<float>(k.t), .ease = k.ease.value_or(Ease::in_out), .pose = track.back().pose};
      if (k.root) apply(*k.root, surface, ck.pose);
      if (k.joints) apply(*k.joints, ck.pose);
      check_range(key_path, ck.pose, passive);
      track.push_back(ck);
    }
    if (!keys.empty() && std::fabs(keys.back().t - 1.0) > 1e-9) {
      report(path + "[" + std::to_string(keys.size() - 1) + "].t", "the last key must be at t = 1");
    }
    return track;
  }

  CompiledClip compile(const ClipData& c, const Posture& posture, const std::string& base) {
    const std::size_t problems_before = problems_.size();
    CompiledClip out;
    out.id = c.id;
    out.exercise = c.exercise;
    out.view = c.view;
    out.surface = posture.surface;
    out.surface_height = kSurfaceHeight[static_cast<int>(posture.surface)];
    for (const Prop p : c.props) out.props |= static_cast<std::uint8_t>(1u << static_cast<int>(p));
    out.anchor = c.anchor.value_or(Anchor::root);
    out.tensing = c.tensing.value_or(false);
    for (std::size_t i = 0; i < c.contacts.size(); ++i) {
      const std::string& name = c.contacts[i];
      if (name == "foot_l") out.contacts.push_back(Contact::foot_l);
      else if (name == "foot_r") out.contacts.push_back(Contact::foot_r);
      else if (name == "hand_l") out.contacts.push_back(Contact::hand_l);
      else if (name == "hand_r") out.contacts.push_back(Contact::hand_r);
      else report(base + ".contacts[" + std::to_string(i) + "]", "unknown contact '" + name + "' (foot_l, foot_r, hand_l, hand_r)");
    }
    if (c.callout) {
      out.callout = point_from_id(c.callout->point);
      out.callout_zoom = c.callout->zoom.value_or(4);
      if (!out.callout) report(base + ".callout.point", "unknown point '" + c.callout->point + "'");
      if (!(out.callout_zoom >= 2 && out.callout_zoom <= 8)) report(base + ".callout.zoom", "must be from 2 to 8 times");
    }
    if (c.arrow) {
      out.arrow = point_from_id(*c.arrow);
      if (!out.arrow) report(base + ".arrow", "unknown point '" + *c.arrow + "'");
      else if (out.tensing) report(base + ".arrow", "a tensing shows no arrow");
    }
    if (c.tensing_arrow) {
      // A movement already shows its own arrow; this one is for what moves too little to draw.
      if (!out.tensing) report(base + ".tensing_arrow", "only a tensing has one: a movement shows its own arrow");
      out.tensing_arrow = point_from_id(c.tensing_arrow->point);
      if (!out.tensing_arrow) report(base + ".tensing_arrow.point", "unknown point '" + c.tensing_arrow->point + "'");
      out.tensing_arrow_up = c.tensing_arrow->way == "up";
      if (!out.tensing_arrow_up && c.tensing_arrow->way != "down") {
        report(base + ".tensing_arrow.way", "'" + c.tensing_arrow->way + "' is not down or up");
      }
    }
    for (std::size_t i = 0; i < c.passive.size(); ++i) {
      if (const auto bone = bone_from_id(c.passive[i])) out.passive |= 1u << index(*bone);
      else report(base + ".passive[" + std::to_string(i) + "]", "unknown bone '" + c.passive[i] + "'");
    }
    apply(posture.root, out.surface_height, out.start);
    if (!posture.root.y) out.start.root.y = out.surface_height;
    apply(posture.joints, out.start);
    check_range("postures[" + posture.id + "]", out.start, out.passive);

    if (c.move.empty()) report(base + ".move", "a clip needs a move phase (at least one key)");
    out.move = compile_track(c.move, out.start, out.surface_height, out.passive, base + ".move");
    out.held = out.move.back().pose;
    out.stills.push_back({"the start position", 0});
    for (std::size_t i = 0; i + 1 < c.move.size(); ++i) {
      if (c.move[i].shows) out.stills.push_back({*c.move[i].shows, static_cast<float>(c.move[i].t)});
    }
    out.stills.push_back({c.move.empty() || !c.move.back().shows ? "the position held" : *c.move.back().shows, 1});
    if (out.tensing) {
      // Nothing moves in a tensing: a key that moved the body would be a fake movement.
      for (int i = 0; i < kBoneCount; ++i) {
        if (!(out.held.joints[static_cast<std::size_t>(i)] == out.start.joints[static_cast<std::size_t>(i)])) {
          report(base + ".move", "a tensing keeps the start position (" + std::string(skeleton()[static_cast<std::size_t>(i)].id) +
                                     " moves)");
          break;
        }
      }
    }
    if (c.release.empty()) {
      // Back the way it came.
      for (auto it = out.move.rbegin(); it != out.move.rend(); ++it) {
        out.release.push_back({.t = 1.0f - it->t, .ease = Ease::in_out, .pose = it->pose});
      }
    } else {
      out.release = compile_track(c.release, out.held, out.surface_height, out.passive, base + ".release");
      if (problems_.size() != problems_before) return out;  // this clip's keys are already wrong
      // The release must end where the move began, or the next repetition would jump.
      const LocalPose& end = out.release.back().pose;
      std::string differs;
      if (!(end.root == out.start.root) || end.root_pitch != out.start.root_pitch ||
          end.root_roll != out.start.root_roll || end.root_yaw != out.start.root_yaw) {
        differs = "root";
      }
      for (int i = 0; i < kBoneCount && differs.empty(); ++i) {
        if (!(end.joints[static_cast<std::size_t>(i)] == out.start.joints[static_cast<std::size_t>(i)])) {
          differs = skeleton()[static_cast<std::size_t>(i)].id;
        }
      }
      if (!differs.empty()) report(base + ".release", "must end in the start position (" + differs + " differs)");
    }
    return out;
  }

  std::vector<catalogue::Problem>& problems_;
};

float wrap180(float d) {
  d = std::fmod(d + 180.0f, 360.0f);
  if (d < 0) d += 360.0f;
  return d - 180.0f;
}

// The root turns freely, so it takes the short way round. Joints do not: a shoulder going
// from 0 to 180 degrees must pass through 90, never swing backwards through its limit.
float blend_angle(float a, float b, float w) { return a + wrap180(b - a) * w; }
float blend_joint(float a, float b, float w) { return a + (b - a) * w; }

}  // namespace

float ease(Ease e, float t) {
  t = std::clamp(t, 0.0f, 1.0f);
  switch (e) {
    case Ease::linear: return t;
    case Ease::in: return t * t;
    case Ease::out: return 1 - (1 - t) * (1 - t);
    case Ease::in_out: return t * t * (3 - 2 * t);
  }
  return t;
}

void blend(const LocalPose& a, const LocalPose& b, float w, LocalPose& out) {
  out.root = lerp(a.root, b.root, w);
  out.root_pitch = blend_angle(a.root_pitch, b.root_pitch, w);
  out.root_roll = blend_angle(a.root_roll, b.root_roll, w);
  out.root_yaw = blend_angle(a.root_yaw, b.root_yaw, w);
  for (std::size_t i = 0; i < out.joints.size(); ++i) {
    out.joints[i].flex = blend_joint(a.joints[i].flex, b.joints[i].flex, w);
    out.joints[i].abd = blend_joint(a.joints[i].abd, b.joints[i].abd, w);
    out.joints[i].twist = blend_joint(a.joints[i].twist, b.joints[i].twist, w);
  }
}

void still_pose(const CompiledClip& clip, const Still& still, LocalPose& out) {
  if (still.t <= 0) out = clip.start;
  else if (still.t >= 1) out = clip.held;
  else sample(clip.move, still.t, out);
}

void sample(const Track& track, float t, LocalPose& out) {
  if (track.empty()) return;
  t = std::clamp(t, 0.0f, 1.0f);
  std::size_t i = 1;
  while (i < track.size() - 1 && track[i].t < t) ++i;
  if (track.size() == 1) {
    out = track[0].pose;
    return;
  }
  const CompiledKey& a = track[i - 1];
  const CompiledKey& b = track[i];
  const float span = b.t - a.t;
  const float u = span > 1e-6f ? (t - a.t) / span : 1.0f;
  blend(a.pose, b.pose, ease(b.ease, u), out);
}

const CompiledClip* ClipLibrary::find_for_exercise(std::string_view exercise) const {
  for (const CompiledClip& c : clips) {
    if (c.exercise == exercise) return &c;
  }
  return nullptr;
}

const CompiledClip* ClipLibrary::find(std::string_view id) const {
  for (const CompiledClip& c : clips) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

ClipLoadResult load_clips(std::string_view text) {
  ClipLoadResult result;
  const json::ParseResult parsed = json::parse(text);
  if (!parsed.ok()) {
    result.problems.push_back({.file = kFile, .path = {}, .message = parsed.error.message,
                               .line = parsed.error.line, .column = parsed.error.column});
    return result;
  }
  ClipsFile file;
  std::vector<json::Problem> shape;
  json::ReadContext ctx(shape);
  json::read(parsed.value, file, ctx);
  for (json::Problem& p : shape) {
    result.problems.push_back({.file = kFile, .path = std::move(p.path), .message = std::move(p.message),
                               .line = p.line, .column = p.column});
  }
  if (!result.problems.empty()) return result;
  result.library = Compiler(result.problems).run(file);
  return result;
}

}  // namespace limber::animation
