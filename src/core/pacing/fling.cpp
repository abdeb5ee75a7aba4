#include "pacing/fling.h"

#include <algorithm>
#include <cmath>

namespace limber::pacing {

namespace {
// The speed falls as exp(-kDecayRate * t): kFlingDecayPerMs each millisecond.
const double kDecayRate = -std::log(kFlingDecayPerMs) * 1000.0;
}  // namespace

void Fling::track(double now_seconds, float finger_y) {
  if (count_ == 0) speed_ = 0;  // a new touch: whatever glided stops
  samples_[next_] = {.t = now_seconds, .y = finger_y};
  next_ = (next_ + 1) % samples_.size();
  count_ = std::min(count_ + 1, samples_.size());
}

void Fling::release(double now_seconds) {
  const std::size_t n = count_;
  count_ = 0;
  speed_ = 0;
  if (n < 2) return;
  const Sample& newest = samples_[(next_ + samples_.size() - 1) % samples_.size()];
  if (now_seconds - newest.t > kFlingRestSeconds) return;  // the finger rested: a placed stop, not a flick
  // The oldest sample inside the window (the newest one before it if none is).
  const Sample* oldest = &newest;
  for (std::size_t k = 2; k <= n; ++k) {
    const Sample& s = samples_[(next_ + samples_.size() - k) % samples_.size()];
    if (newest.t - s.t > kFlingWindowSeconds) break;
    oldest = &s;
  }
  const double dt = newest.t - oldest->t;
  if (dt <= 0) return;
  const double speed = -static_cast<double>(newest.y - oldest->y) / dt;  // the finger going up scrolls down
  if (std::abs(speed) < kFlingStopSpeed) return;
  speed_ = std::clamp(speed, -kFlingMaxSpeed, kFlingMaxSpeed);
}

void Fling::stop() {
  speed_ = 0;
  count_ = 0;
}

float Fling::step(double dt) {
  if (speed_ == 0 || dt <= 0) return 0;
  const double keep = std::exp(-kDecayRate * dt);
  const double travelled = speed_ * (1 - keep) / kDecayRate;
  speed_ *= keep;
  if (std::abs(speed_) < kFlingStopSpeed) speed_ = 0;
  return static_cast<float>(travelled);
}

}  // namespace limber::pacing
