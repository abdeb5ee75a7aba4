// Momentum scrolling (pacing/fling.h): a flick glides on after release at the drag's speed,
// slows as a phone's lists do and stops; a finger that rested, a slow drag or a new touch
// gives no glide; the glide's length follows from the decay.
#include <doctest/doctest.h>

#include <cmath>

#include "pacing/fling.h"

using limber::pacing::Fling;
using namespace limber::pacing;

namespace {
// A drag at `px_per_s` (negative: the finger moves up), one sample per 60 Hz frame.
void drag(Fling& f, double px_per_s, double seconds, double start = 0) {
  for (double t = 0; t <= seconds + 1e-9; t += 1.0 / 60) f.track(start + t, static_cast<float>(400 + px_per_s * t));
}
// The whole glide at 60 Hz: how far, and in how many frames.
std::pair<double, int> glide(Fling& f) {
  double total = 0;
  int frames = 0;
  while (f.moving() && frames < 100000) {
    total += static_cast<double>(f.step(1.0 / 60));
    ++frames;
  }
  return {total, frames};
}
}  // namespace

TEST_CASE("fling: a flick up glides on down the page at the drag's speed, slowing to a stop") {
  Fling f;
  drag(f, -2000, 0.2);
  f.release(0.2);
  REQUIRE(f.moving());
  CHECK(f.speed() == doctest::Approx(2000).epsilon(0.02));
  double last = f.step(1.0 / 60);
  CHECK(last > 0);
  for (int i = 0; i < 30; ++i) {
    const double now = f.step(1.0 / 60);
    CHECK(now <= last);  // always slowing
    last = now;
  }
  Fling g;
  drag(g, -2000, 0.2);
  g.release(0.2);
  const auto [distance, frames] = glide(g);
  // v / k with k = -ln(0.998) per ms: about half a second's travel at the starting speed.
  CHECK(distance == doctest::Approx(2000 / (-std::log(kFlingDecayPerMs) * 1000)).epsilon(0.03));
  CHECK(frames < 4 * 60);  // over within a few seconds
  CHECK_FALSE(g.moving());
  CHECK(g.step(1.0 / 60) == 0);
}

TEST_CASE("fling: a flick down glides back up the page") {
  Fling f;
  drag(f, 1500, 0.15);
  f.release(0.15);
  CHECK(f.speed() == doctest::Approx(-1500).epsilon(0.02));
  CHECK(glide(f).first < 0);
}

TEST_CASE("fling: only the drag's last moments count") {
  Fling f;
  drag(f, -100, 1.0);                 // a slow drag first...
  drag(f, -3000, 0.1, 1.0 + 1.0 / 60);  // ...then a quick flick at the end
  f.release(1.0 + 1.0 / 60 + 0.1);
  CHECK(f.speed() == doctest::Approx(3000).epsilon(0.05));
}

TEST_CASE("fling: no glide when the finger rested before lifting, for a slow drag, or a single touch") {
  Fling rested;
  drag(rested, -2000, 0.2);
  rested.release(0.2 + kFlingRestSeconds + 0.01);
  CHECK_FALSE(rested.moving());

  Fling slow;
  drag(slow, -10, 0.5);
  slow.release(0.5);
  CHECK_FALSE(slow.moving());

  Fling tap;
  tap.track(1.0, 300);
  tap.release(1.0);
  CHECK_FALSE(tap.moving());
}

TEST_CASE("fling: a new touch or stop() ends the glide at once, and its speed is capped") {
  Fling f;
  drag(f, -2000, 0.2);
  f.release(0.2);
  REQUIRE(f.moving());
  f.track(0.5, 300);  // a finger on the glass
  CHECK_FALSE(f.moving());
  f.release(0.5);
  CHECK_FALSE(f.moving());

  drag(f, -2000, 0.2, 1.0);
  f.release(1.2);
  REQUIRE(f.moving());
  f.stop();  // at an end of the page
  CHECK_FALSE(f.moving());
  CHECK(f.step(1.0 / 60) == 0);

  drag(f, -100000, 0.05, 2.0);
  f.release(2.05);
  CHECK(f.speed() == kFlingMaxSpeed);
}
