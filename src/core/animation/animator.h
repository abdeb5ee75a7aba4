// animation/animator.h: the figure, driven by the session engine's snapshot.
//
// The figure reaches the held position exactly when the engine's hold starts, stays there
// for as long as the person's hold lasts (breathing gently, in time with the breath cues),
// and returns on release. Rests, getting ready and the change of side show the start
// position; the right side is the mirror image. When the engine jumps (skip, back, a new
// exercise) the figure cross-fades instead of snapping. Pausing freezes it.
//
// Usage:
//     limber::animation::Animator animator;
//     // each frame:
//     animator.update(library, engine.snapshot(), dt_seconds);
//     draw(animator.world(), *animator.clip());
#pragma once

#include "animation/clip.h"
#include "session/snapshot.h"

namespace limber::animation {

inline constexpr float kCrossFadeSeconds = 0.4f;

// Where a clip is at one moment: which track, how far, which side, how much breath.
struct ClipTime {
  enum class Track : std::uint8_t { start, move, held, release } track = Track::start;
  float t = 0;          // along move or release
  bool right_side = false;
  float inhale = 0;     // 0 breathed out .. 1 breathed in (holds, relaxation)
};

// What the snapshot means for the clip (pure: no state).
ClipTime clip_time(const session::Snapshot& snapshot, float breath_in_seconds, float breath_out_seconds);
void local_pose(const CompiledClip& clip, const ClipTime& time, LocalPose& out);

// The library's demonstration: the movement on a loop, without a session. Rest, move in,
// hold (breathing), move back, rest; with sides, every other loop is the right side.
inline constexpr double kDemoLoopSeconds = 10.0;
ClipTime demo_time(double seconds, bool sided);

class Animator {
 public:
  void set_breath_pace(float in_seconds, float out_seconds) { breath_in_ = in_seconds, breath_out_ = out_seconds; }
  void update(const ClipLibrary& library, const session::Snapshot& snapshot, float dt);

  const CompiledClip* clip() const { return clip_; }
  const LocalPose& local() const { return local_; }
  const WorldPose& world() const { return world_; }
  bool right_side() const { return right_; }
  const ClipTime& time() const { return time_; }  // where the clip is (cues.h draws over it)
  bool fading() const { return fade_left_ > 0; }

 private:
  const CompiledClip* clip_ = nullptr;
  bool right_ = false;
  ClipTime time_;
  double last_elapsed_ = -1;
  LocalPose local_;
  LocalPose fade_from_;
  float fade_left_ = 0;
  WorldPose world_;
  float breath_in_ = 4, breath_out_ = 4;
};

}  // namespace limber::animation
