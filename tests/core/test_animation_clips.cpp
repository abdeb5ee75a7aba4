// Checks over every shipped clip, at many moments of every phase, on both sides.
#include <doctest/doctest.h>

#include <algorithm>

#include <cmath>
#include <set>

#include "animation/animator.h"
#include "animation/figure.h"
#include "animation/scene.h"
#include "animation_fixtures.h"

using namespace limber;
using namespace limber::animation;

namespace {

constexpr float kTolerance = 0.01f * kBodyHeight;  // 1% of body height

// Every moment tested: the start, the move and release tracks every 5%, the held pose.
template <class F>
void for_each_moment(const CompiledClip&, F&& f) {
  for (const bool right : {false, true}) {
    ClipTime ct;
    ct.right_side = right;
    ct.track = ClipTime::Track::start;
    f(ct);
    for (const auto track : {ClipTime::Track::move, ClipTime::Track::release}) {
      for (int i = 0; i <= 20; ++i) {
        ct.track = track;
        ct.t = static_cast<float>(i) / 20;
        f(ct);
      }
    }
    ct.track = ClipTime::Track::held;
    ct.t = 0;
    for (const float inhale : {0.0f, 1.0f}) {
      ct.inhale = inhale;
      f(ct);
    }
  }
}

WorldPose pose_at(const CompiledClip& clip, const ClipTime& ct) {
  LocalPose local;
  local_pose(clip, ct, local);
  WorldPose world;
  place(clip, local, ct.right_side, world);
  return world;
}

float joint_angle(Vec3 a, Vec3 b) {  // degrees between two directions
  return std::acos(std::clamp(dot(normalize(a), normalize(b)), -1.0f, 1.0f)) * 180.0f / kPi;
}

}  // namespace

TEST_CASE("clips: every exercise in the catalogue has a clip, and every clip an exercise") {
  for (const auto& e : test::shipped_catalogue().exercises) {
    CAPTURE(e.id);
    CHECK(test::shipped_clips().find_for_exercise(e.id) != nullptr);
  }
  for (const auto& c : test::shipped_clips().clips) {
    CAPTURE(c.id);
    CHECK(test::shipped_catalogue().find_exercise(c.exercise) != nullptr);
  }
}

TEST_CASE("clips: every clip says what its text requires of it, and it holds") {
  for (const auto& c : test::shipped_clips().clips) {
    CAPTURE(c.id);
    CHECK(c.relations.size() >= 3);
    for (const Relation& r : c.relations) {
      CAPTURE(r.says);
      CHECK(measure(c, r).holds);
    }
  }
}

TEST_CASE("clips: each clip draws the props its exercise lists, and no others") {
  for (const auto& c : test::shipped_clips().clips) {
    const catalogue::Exercise* e = test::shipped_catalogue().find_exercise(c.exercise);
    REQUIRE(e);
    CAPTURE(c.id);
    const auto lists = [&](catalogue::Prop p) { return std::find(e->props.begin(), e->props.end(), p) != e->props.end(); };
    CHECK(c.has(Prop::pillow) == lists(catalogue::Prop::head_cushion));
    CHECK(c.has(Prop::knee_pillow) == lists(catalogue::Prop::knee_pillow));
    CHECK(c.has(Prop::towel_or_ball) == lists(catalogue::Prop::towel_or_ball));
    CHECK(c.has(Prop::chair) == lists(catalogue::Prop::chair));
    // The bed is where an exercise in bed lies, listed or not; never under one that is not.
    if (lists(catalogue::Prop::bed)) CHECK(c.has(Prop::bed));
    CHECK(c.has(Prop::bed) == (c.surface == Surface::bed));
    if (c.surface == Surface::bed) CHECK(e->in_bed);
  }
}

TEST_CASE("clips: every clip has its phases: a move to a held position, and a release back to the start") {
  for (const auto& c : test::shipped_clips().clips) {
    CAPTURE(c.id);
    REQUIRE(c.move.size() >= 2);
    REQUIRE(c.release.size() >= 2);
    CHECK(c.move.front().t == 0);
    CHECK(c.move.back().t == 1);
    CHECK(c.release.back().t == 1);
    CHECK(c.release.back().pose.joints == c.start.joints);
    CHECK(c.move.back().pose.joints == c.held.joints);
    // The held position differs from the start: there is a movement to see. A tensing is
    // the one exception: nothing moves, and its area and the breath show it instead.
    bool moves = c.start.root_pitch != c.held.root_pitch;
    for (int i = 0; i < kBoneCount; ++i) moves = moves || !(c.start.joints[static_cast<std::size_t>(i)] == c.held.joints[static_cast<std::size_t>(i)]);
    CHECK(moves != c.tensing);
  }
}

TEST_CASE("clips: contacts stay planted within 1% of body height through every clip") {
  for (const auto& c : test::shipped_clips().clips) {
    for_each_moment(c, [&](const ClipTime& ct) {
      const WorldPose w = pose_at(c, ct);
      const WorldPose& rest = c.rest[ct.right_side ? 1 : 0];
      for (const Contact contact : c.contacts) {
        const ContactChain ch = chain_of(contact, ct.right_side);
        const auto end = static_cast<std::size_t>(index(ch.end));
        CAPTURE(c.id);
        CAPTURE(static_cast<int>(ct.track));
        CAPTURE(ct.t);
        CAPTURE(ct.right_side);
        CHECK(distance(w.end[static_cast<std::size_t>(index(ch.lower))], rest.start[end]) < kTolerance);
      }
      if (c.anchor == Anchor::knees) {
        CHECK(distance(w.start[index(Bone::shin_l)], rest.start[index(Bone::shin_l)]) < kTolerance);
      }
    });
  }
}

TEST_CASE("clips: no joint leaves its range of motion at any sampled time (passive where the clip says so)") {
  for (const auto& c : test::shipped_clips().clips) {
    for_each_moment(c, [&](const ClipTime& ct) {
      LocalPose local;
      local_pose(c, ct, local);
      for (int i = 1; i < kBoneCount; ++i) {
        const BoneInfo& b = skeleton()[static_cast<std::size_t>(i)];
        const JointAngles& a = local.joints[static_cast<std::size_t>(i)];
        CAPTURE(c.id);
        CAPTURE(b.id);
        const Range2 flex = c.flex_range(static_cast<Bone>(i));
        CHECK(a.flex >= flex.min - 0.01f);
        CHECK(a.flex <= flex.max + 0.01f);
        CHECK(a.abd >= b.abd.min - 0.01f);
        CHECK(a.abd <= b.abd.max + 0.01f);
        CHECK(a.twist >= b.twist.min - 0.01f);
        CHECK(a.twist <= b.twist.max + 0.01f);
      }
      // After IK too: knees and elbows bend within their range.
      const WorldPose w = pose_at(c, ct);
      for (const auto& [upper, lower] : {std::pair{Bone::thigh_l, Bone::shin_l}, std::pair{Bone::thigh_r, Bone::shin_r},
                                        std::pair{Bone::upper_arm_l, Bone::forearm_l}, std::pair{Bone::upper_arm_r, Bone::forearm_r}}) {
        const float bend = joint_angle(w.end[static_cast<std::size_t>(index(upper))] - w.start[static_cast<std::size_t>(index(upper))],
                                       w.end[static_cast<std::size_t>(index(lower))] - w.start[static_cast<std::size_t>(index(lower))]);
        CAPTURE(c.id);
        CHECK(bend <= c.flex_range(lower).max + 1.0f);
      }
    });
  }
}

TEST_CASE("clips: no body part goes below the floor or into the bed") {
  for (const auto& c : test::shipped_clips().clips) {
    // On a chair the feet are on the floor; on a bed and on the floor, all of the body is
    // on the surface.
    const float surface = c.surface == Surface::chair ? 0.0f : c.surface_height;
    for_each_moment(c, [&](const ClipTime& ct) {
      const WorldPose w = pose_at(c, ct);
      for (int i = 0; i < kBoneCount; ++i) {
        const auto k = static_cast<std::size_t>(i);
        const Bone b = static_cast<Bone>(i);
        const float lowest = std::min(w.start[k].y - bone_radius(b, false), w.end[k].y - bone_radius(b, true));
        const float head_bottom = lerp(w.start[k], w.end[k], 0.45f).y - bone_radius(b, false);
        CAPTURE(c.id);
        CAPTURE(skeleton()[k].id);
        CAPTURE(ct.t);
        CHECK(std::isfinite(lowest));
        CHECK((i == index(Bone::head) ? head_bottom : lowest) >= surface - kTolerance);
      }
    });
  }
}

TEST_CASE("clips: where the source puts a pillow, the head rests on it") {
  int with_pillow = 0;
  for (const auto& c : test::shipped_clips().clips) {
    if (!c.has(Prop::pillow)) continue;
    ++with_pillow;
    const WorldPose& w = c.rest[0];
    const float head_y = lerp(w.start[index(Bone::head)], w.end[index(Bone::head)], 0.45f).y;
    const float bottom = head_y - info(Bone::head).radius * kBodyHeight;
    CAPTURE(c.id);
    CHECK(bottom >= c.surface_height + kPillowThickness - kTolerance);
    CHECK(bottom <= c.surface_height + kPillowThickness + 2 * kTolerance);
  }
  CHECK(with_pillow >= 5);
}

TEST_CASE("clips: the other side is the mirror image") {
  for (const auto& c : test::shipped_clips().clips) {
    ClipTime left, right;
    left.track = right.track = ClipTime::Track::held;
    right.right_side = true;
    const WorldPose a = pose_at(c, left), b = pose_at(c, right);
    for (int i = 0; i < kBoneCount; ++i) {
      const auto m = static_cast<std::size_t>(index(mirror(static_cast<Bone>(i))));
      CAPTURE(c.id);
      CHECK(b.end[m].x == doctest::Approx(a.end[static_cast<std::size_t>(i)].x).epsilon(1e-3));
      CHECK(b.end[m].y == doctest::Approx(a.end[static_cast<std::size_t>(i)].y).epsilon(1e-3));
      CHECK(b.end[m].z == doctest::Approx(-a.end[static_cast<std::size_t>(i)].z).epsilon(1e-3));
    }
  }
}

TEST_CASE("clips: movements that leave the side-on plane are shown from a view that shows them") {
  for (const char* id : {"knee_rolls", "lying_spinal_twist", "seated_thoracic_rotation", "sacroiliac_hip_rotation",
                         "dead_bug_level_one", "figure_four_stretch", "side_bends"}) {
    CAPTURE(id);
    const CompiledClip* c = test::shipped_clips().find_for_exercise(id);
    REQUIRE(c);
    // From the side only if a relation measures the movement as seen in the phone drawing.
    const bool seen = std::any_of(c->relations.begin(), c->relations.end(),
                                  [](const Relation& r) { return r.kind == RelationKind::seen && r.min >= 8; });
    CHECK((c->view != View::side || seen));
  }
}

TEST_CASE("scene: every clip draws within capacity, with finite shapes, props first then hands under the back, then chains far to near") {
  for (const auto& c : test::shipped_clips().clips) {
    const Framing f = frame_clip(c, 360, 240);
    Scene s;
    build_scene(c, c.held_world, f, s);
    CAPTURE(c.id);
    CHECK(s.count > kBoneCount);
    CHECK(s.count <= Scene::kCapacity);
    bool in_body = false;
    std::set<int> chains_done;
    float last_chain_depth = -1e9f;
    for (int i = 0; i < s.count; ++i) {
      const Shape& sh = s.shapes[static_cast<std::size_t>(i)];
      for (int k = 0; k < sh.points; ++k) {
        CHECK(std::isfinite(sh.p[static_cast<std::size_t>(k)].x));
        CHECK(std::isfinite(sh.p[static_cast<std::size_t>(k)].y));
      }
      const bool body = sh.chain != 0;
      if (in_body) CHECK(body);
      in_body = in_body || body;
      if (!body) continue;
      // Each chain's shapes come together, and chains come farthest first.
      if (i == 0 || s.shapes[static_cast<std::size_t>(i - 1)].chain != sh.chain) {
        CHECK(chains_done.insert(sh.chain).second);
        float sum = 0;
        int n = 0;
        for (int k = i; k < s.count && s.shapes[static_cast<std::size_t>(k)].chain == sh.chain; ++k) {
          if (!s.shapes[static_cast<std::size_t>(k)].overlay) sum += s.shapes[static_cast<std::size_t>(k)].depth, ++n;
        }
        // Hands under the back come first whatever their depth: the body lies on them.
        if (sh.chain == kUnderBackChain) CHECK(chains_done.size() == 1);
        else if (n > 0) {
          CHECK(sum / static_cast<float>(n) >= last_chain_depth - 1e-4f);
          last_chain_depth = sum / static_cast<float>(n);
        }
      }
    }
    // The figure fits its box.
    for (int i = 0; i < s.count; ++i) {
      const Shape& sh = s.shapes[static_cast<std::size_t>(i)];
      if (sh.chain == 0) continue;
      CHECK(sh.p[0].x >= -1);
      CHECK(sh.p[0].x <= 361);
      CHECK(sh.p[0].y >= -1);
      CHECK(sh.p[0].y <= 241);
    }
  }
}
