#include "animation/animator.h"

#include <cmath>

#include "animation/figure.h"

namespace limber::animation {

namespace {

// 0 at the start of a breath in, rising to 1 as it ends, falling back during the breath out.
float inhale_at(double seconds, float in, float out) {
  const double period = static_cast<double>(in) + static_cast<double>(out);
  if (period <= 0) return 0;
  const auto t = static_cast<float>(std::fmod(std::max(0.0, seconds), period));
  if (t < in) return ease(Ease::in_out, t / in);
  return 1.0f - ease(Ease::in_out, (t - in) / out);
}

}  // namespace

ClipTime clip_time(const session::Snapshot& s, float breath_in, float breath_out) {
  using session::Phase;
  ClipTime ct;
  ct.right_side = s.side == session::Side::right;
  const float progress = s.phase_duration > 0 ? static_cast<float>(s.phase_elapsed / s.phase_duration) : 1.0f;
  switch (s.phase) {
    case Phase::move:
      ct.track = ClipTime::Track::move;
      ct.t = progress;
      break;
    case Phase::hold:
      ct.track = ClipTime::Track::held;
      ct.inhale = inhale_at(s.phase_elapsed, breath_in, breath_out);
      break;
    case Phase::release:
      ct.track = ClipTime::Track::release;
      ct.t = progress;
      break;
    case Phase::closing:
      ct.inhale = inhale_at(s.phase_elapsed, breath_in, breath_out);
      break;
    default:
      break;  // get ready, rests, change of side, done: the start position
  }
  return ct;
}

void local_pose(const CompiledClip& clip, const ClipTime& time, LocalPose& out) {
  switch (time.track) {
    case ClipTime::Track::start: out = clip.start; break;
    case ClipTime::Track::move: sample(clip.move, time.t, out); break;
    case ClipTime::Track::held: out = clip.held; break;
    case ClipTime::Track::release: sample(clip.release, time.t, out); break;
  }
  if (time.inhale > 0) add_breath(out, time.inhale);
}

void Animator::update(const ClipLibrary& library, const session::Snapshot& snapshot, float dt) {
  if (snapshot.status == session::Status::paused) return;  // frozen where it is
  const CompiledClip* clip = library.find_for_exercise(snapshot.exercise_id);
  if (!clip) return;
  const ClipTime time = clip_time(snapshot, breath_in_, breath_out_);
  time_ = time;

  LocalPose target;
  local_pose(*clip, time, target);

  // A jump (another exercise, the other side, skip or back) fades; time flowing does not.
  const bool jumped = last_elapsed_ >= 0 && (snapshot.session_elapsed < last_elapsed_ - 1e-6 ||
                                            snapshot.session_elapsed > last_elapsed_ + static_cast<double>(dt) + 0.5);
  if (clip_ && (clip != clip_ || time.right_side != right_ || jumped)) {
    fade_from_ = local_;
    fade_left_ = kCrossFadeSeconds;
    // A fade across sides blends the poses as drawn: the old one mirrored into the new side.
    if (time.right_side != right_) fade_from_ = mirrored(local_);
  }
  last_elapsed_ = snapshot.session_elapsed;
  clip_ = clip;
  right_ = time.right_side;

  // Poses are kept on the left side and mirrored when placed.
  if (fade_left_ > 0) {
    fade_left_ = std::max(0.0f, fade_left_ - dt);
    blend(fade_from_, target, ease(Ease::in_out, 1.0f - fade_left_ / kCrossFadeSeconds), local_);
  } else {
    local_ = target;
  }
  place(*clip, local_, right_, world_);
}

ClipTime demo_time(double seconds, bool sided) {
  // Phases of one loop, in seconds: rest 1, move 2.5, hold 3, release 2.5, rest 1.
  constexpr double kRest = 1.0, kMove = 2.5, kHold = 3.0, kRelease = 2.5;
  const double clamped = seconds > 0 ? seconds : 0;
  const auto loop = static_cast<long long>(clamped / kDemoLoopSeconds);
  double t = clamped - static_cast<double>(loop) * kDemoLoopSeconds;
  ClipTime out;
  out.right_side = sided && (loop % 2 == 1);
  if (t < kRest) return out;
  t -= kRest;
  if (t < kMove) {
    out.track = ClipTime::Track::move;
    out.t = static_cast<float>(t / kMove);
    return out;
  }
  t -= kMove;
  if (t < kHold) {
    out.track = ClipTime::Track::held;
    out.t = 1;
    // One slow breath in and out over the hold.
    const double half = kHold / 2;
    out.inhale = static_cast<float>(t < half ? t / half : 1.0 - (t - half) / half);
    return out;
  }
  t -= kHold;
  if (t < kRelease) {
    out.track = ClipTime::Track::release;
    out.t = static_cast<float>(t / kRelease);
    return out;
  }
  return out;  // resting again
}

}  // namespace limber::animation
