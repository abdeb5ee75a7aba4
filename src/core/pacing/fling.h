// pacing/fling.h: momentum scrolling, as a phone's lists scroll: a flick goes on after the
// finger lifts, slowing as the platform's lists do, and stops cleanly at either end.
//
// A drag tells the fling where the finger is each frame (track). On release, the speed over
// the last kFlingWindowSeconds starts a glide, unless the finger rested before it lifted.
// Each frame step() says how far to scroll: the speed falls by kFlingDecayPerMs every
// millisecond (iOS's normal rate: a flick at 2,000 px/s glides about 1,000 px) and the glide
// ends below kFlingStopSpeed, at a new touch (stop) or at an end of the page (the caller
// stops it there). The cost is the same however long a drag lasts: eight samples are kept.
//
// Usage:
//     if (finger_down) fling.track(now_seconds, finger_y);
//     if (finger_lifted) fling.release(now_seconds);
//     if (fling.moving()) { scroll += fling.step(dt); if (at an end) fling.stop(); }
#pragma once

#include <array>
#include <cstddef>

namespace limber::pacing {

inline constexpr double kFlingWindowSeconds = 0.1;   // the drag's last moments set the speed
inline constexpr double kFlingRestSeconds = 0.05;    // a finger still this long before lifting: no glide
inline constexpr double kFlingDecayPerMs = 0.998;    // speed kept each millisecond
inline constexpr double kFlingStopSpeed = 20.0;      // px/s: slower than this, the glide is over
inline constexpr double kFlingMaxSpeed = 8000.0;     // px/s: a flick's fastest glide

class Fling {
 public:
  void track(double now_seconds, float finger_y);
  void release(double now_seconds);
  void stop();
  bool moving() const { return speed_ != 0.0; }
  // Pixels to scroll in the next `dt` seconds: positive scrolls down the page (the finger
  // flicked up). 0 once the glide is over.
  float step(double dt);
  double speed() const { return speed_; }  // px/s, positive scrolling down

 private:
  struct Sample {
    double t = 0;
    float y = 0;
  };
  std::array<Sample, 8> samples_{};
  std::size_t count_ = 0, next_ = 0;
  double speed_ = 0;
};

}  // namespace limber::pacing
