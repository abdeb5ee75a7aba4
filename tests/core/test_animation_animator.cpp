// The figure follows the session engine: held position exactly when the hold starts,
// stays for the person's hold, breathes with the breath cues, returns on release,
// mirrors for the other side, cross-fades on jumps and freezes on pause.
#include <doctest/doctest.h>

#include <algorithm>

#include "animation/animator.h"
#include "animation_fixtures.h"
#include "session_fixtures.h"

using namespace limber;
using namespace limber::animation;

namespace {

struct Rig {
  test::FakeClock clock;
  session::Engine engine;
  Animator animator;
  const ClipLibrary& lib = test::shipped_clips();

  // The catalogue's knee rolls (alternating sides, breath hold) then back extensions.
  void start(const char* routine = "nhs_daily") {
    const auto built = session::build_input(test::shipped_catalogue(), routine, nullptr);
    REQUIRE(built.ok());
    REQUIRE(engine.start(built.input, {.clock = clock.desc(), .pace = {}}) == "");
  }
  void run_until(session::Phase phase, int max_steps = 100000) {
    for (int i = 0; i < max_steps && engine.snapshot().phase != phase; ++i) step();
  }
  void step(double dt = 1.0 / 60) {
    clock.now += dt;
    engine.update();
    animator.update(lib, engine.snapshot(), static_cast<float>(dt));
  }
  void settle() {
    for (int i = 0; i < 40; ++i) step(0.0);  // let any cross-fade run out without moving time
  }
};

float pose_distance(const LocalPose& a, const LocalPose& b) {
  float worst = std::fabs(a.root_pitch - b.root_pitch);
  for (std::size_t i = 0; i < a.joints.size(); ++i) {
    worst = std::max({worst, std::fabs(a.joints[i].flex - b.joints[i].flex), std::fabs(a.joints[i].abd - b.joints[i].abd),
                      std::fabs(a.joints[i].twist - b.joints[i].twist)});
  }
  return worst;
}

}  // namespace

TEST_CASE("animator: the snapshot maps onto the clip's tracks") {
  session::Snapshot s;
  s.phase = session::Phase::move;
  s.phase_elapsed = 1.5;
  s.phase_duration = 3;
  auto ct = clip_time(s, 4, 4);
  CHECK(ct.track == ClipTime::Track::move);
  CHECK(ct.t == doctest::Approx(0.5));
  s.phase = session::Phase::hold;
  s.phase_elapsed = 4;  // end of the first breath in
  ct = clip_time(s, 4, 4);
  CHECK(ct.track == ClipTime::Track::held);
  CHECK(ct.inhale == doctest::Approx(1));
  s.phase_elapsed = 8;
  CHECK(clip_time(s, 4, 4).inhale == doctest::Approx(0));
  s.phase = session::Phase::rest;
  CHECK(clip_time(s, 4, 4).track == ClipTime::Track::start);
  s.side = session::Side::right;
  CHECK(clip_time(s, 4, 4).right_side);
}

TEST_CASE("animator: the figure reaches the held position as the hold starts and keeps it") {
  Rig r;
  r.start();
  r.run_until(session::Phase::hold);
  r.settle();
  const CompiledClip* clip = r.animator.clip();
  REQUIRE(clip);
  CHECK(clip->exercise == "bottom_to_heels_stretch");
  LocalPose held = clip->held;
  CHECK(pose_distance(r.animator.local(), held) < 0.5f);  // breathing has barely begun
  for (int i = 0; i < 180; ++i) r.step();
  CHECK(r.engine.snapshot().phase == session::Phase::hold);
  // Still held, only the breath moves the chest a few degrees.
  CHECK(pose_distance(r.animator.local(), held) <= 3.01f);
  r.run_until(session::Phase::release);
  r.run_until(session::Phase::rest);
  r.settle();
  CHECK(pose_distance(r.animator.local(), clip->start) < 0.5f);
}

TEST_CASE("animator: halfway through the move the figure is between start and held") {
  Rig r;
  r.start();
  r.run_until(session::Phase::move);
  while (r.engine.snapshot().phase_elapsed < r.engine.snapshot().phase_duration / 2) r.step();
  const CompiledClip* clip = r.animator.clip();
  const float from_start = pose_distance(r.animator.local(), clip->start);
  const float from_held = pose_distance(r.animator.local(), clip->held);
  CHECK(from_start > 5);
  CHECK(from_held > 5);
}

TEST_CASE("animator: pausing freezes the figure") {
  Rig r;
  r.start();
  r.run_until(session::Phase::move);
  r.step();
  r.step();
  r.engine.pause();
  const LocalPose frozen = r.animator.local();
  for (int i = 0; i < 120; ++i) r.step();
  CHECK(pose_distance(r.animator.local(), frozen) == 0);
  r.engine.resume();
  for (int i = 0; i < 30; ++i) r.step();
  CHECK(pose_distance(r.animator.local(), frozen) > 0);
}

TEST_CASE("animator: the other side is drawn mirrored (knee rolls roll both ways)") {
  Rig r;
  r.start();
  r.engine.skip();  // to knee rolls: alternating sides
  r.run_until(session::Phase::hold);
  r.settle();
  CHECK(r.engine.snapshot().side == session::Side::left);
  const float left_knee_z = r.animator.world().end[index(Bone::thigh_l)].z;
  r.run_until(session::Phase::rest);
  r.run_until(session::Phase::hold);
  r.settle();
  CHECK(r.engine.snapshot().side == session::Side::right);
  CHECK(r.animator.right_side());
  const float right_knee_z = r.animator.world().end[index(Bone::thigh_r)].z;
  CHECK(right_knee_z == doctest::Approx(-left_knee_z).epsilon(0.01));
}

TEST_CASE("animator: a skip cross-fades to the next exercise instead of snapping") {
  Rig r;
  r.start();
  r.run_until(session::Phase::hold);
  r.settle();
  const LocalPose before = r.animator.local();
  r.engine.skip();
  r.step();
  CHECK(r.animator.fading());
  const CompiledClip* next = r.animator.clip();
  CHECK(next->exercise == "knee_rolls");
  // One frame after the skip the figure is still near where it was.
  CHECK(pose_distance(r.animator.local(), before) < pose_distance(before, next->start));
  for (int i = 0; i < 30; ++i) r.step();
  CHECK_FALSE(r.animator.fading());
  CHECK(pose_distance(r.animator.local(), next->start) < 0.5f);
}

TEST_CASE("animator: the library's demonstration loop rests, moves, holds, releases and alternates sides") {
  using Track = animation::ClipTime::Track;
  CHECK(animation::demo_time(0.5, false).track == Track::start);
  const auto moving = animation::demo_time(1.0 + 1.25, false);
  CHECK(moving.track == Track::move);
  CHECK(moving.t == doctest::Approx(0.5));
  const auto held = animation::demo_time(1.0 + 2.5 + 1.5, false);
  CHECK(held.track == Track::held);
  CHECK(held.inhale == doctest::Approx(1.0));  // the top of the breath mid-hold
  CHECK(animation::demo_time(1.0 + 2.5 + 3.0 + 1.0, false).track == Track::release);
  CHECK(animation::demo_time(9.5, false).track == Track::start);
  CHECK_FALSE(animation::demo_time(5, true).right_side);
  CHECK(animation::demo_time(animation::kDemoLoopSeconds + 5, true).right_side);
  CHECK_FALSE(animation::demo_time(animation::kDemoLoopSeconds + 5, false).right_side);
  CHECK(animation::demo_time(-3, true).track == Track::start);  // a clock before zero rests
}
