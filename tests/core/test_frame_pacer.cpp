#include <doctest/doctest.h>

#include "pacing/frame_pacer.h"

using limber::pacing::FramePacer;

namespace {
int draws_until_sleep(FramePacer& pacer, bool animating = false) {
  for (int n = 0; n < 1000; ++n) {
    if (pacer.tick(animating).sleep) return n;
  }
  return -1;
}
}  // namespace

TEST_CASE("frame pacer: a zero desc gets the default settle budget") {
  FramePacer pacer({});
  CHECK(pacer.settle_frames() == 4);
}

TEST_CASE("frame pacer: draws the first screen, then sleeps and draws nothing more") {
  FramePacer pacer({.settle_frames = 3});
  CHECK(draws_until_sleep(pacer) == 3);
  CHECK(pacer.frames_drawn() == 3);
  for (int i = 0; i < 100; ++i) {
    const auto d = pacer.tick(false);
    CHECK_FALSE(d.draw);
    CHECK(d.sleep);
  }
  CHECK(pacer.frames_drawn() == 3);
}

TEST_CASE("frame pacer: a wake draws the settle frames again") {
  FramePacer pacer({.settle_frames = 2});
  draws_until_sleep(pacer);
  pacer.wake();
  CHECK(draws_until_sleep(pacer) == 2);
  CHECK(pacer.frames_drawn() == 4);
}

TEST_CASE("frame pacer: wakes during settling restart the budget rather than add to it") {
  FramePacer pacer({.settle_frames = 4});
  pacer.tick(false);
  pacer.tick(false);
  pacer.wake();
  pacer.wake();
  CHECK(draws_until_sleep(pacer) == 4);
}

TEST_CASE("frame pacer: an animation draws every tick, then settles after it ends") {
  FramePacer pacer({.settle_frames = 2});
  draws_until_sleep(pacer);
  const auto before = pacer.frames_drawn();
  for (int i = 0; i < 120; ++i) CHECK(pacer.tick(true).draw);
  CHECK(pacer.frames_drawn() == before + 120);
  CHECK(draws_until_sleep(pacer) == 2);
}
