// pacing/frame_pacer.h: decides when the app draws, so a static screen costs no frames.
//
// A canvas app that redraws 60 times a second drains a phone lying next to someone in bed.
// The pacer draws while something changes (input, a resize, a command, an animation) and
// for a few frames after, because Dear ImGui settles hover and layout one frame late;
// then it tells the loop to sleep until the next wake().
//
// Usage:
//     limber::pacing::FramePacer pacer({});            // zero desc: defaults
//     // each tick of the main loop:
//     if (events_arrived) pacer.wake();
//     const auto d = pacer.tick(/*animating=*/false);
//     if (d.draw) draw_frame();
//     if (d.sleep) stop_ticking_until_woken();
#pragma once

#include <cstdint>

namespace limber::pacing {

struct FramePacerDesc {
  // Frames drawn after the last wake. 0 means the default (4): one for the input,
  // one for ImGui's delayed hover/active state, two for windows that auto-fit.
  int settle_frames = 0;
};

struct FrameDecision {
  bool draw = false;   // draw a frame this tick
  bool sleep = false;  // nothing left to draw: stop ticking until wake()
};

class FramePacer {
 public:
  explicit FramePacer(const FramePacerDesc& desc);

  // Something changed (input, resize, command, data loaded): draw the next frames.
  void wake();
  // One tick of the loop. `animating` keeps frames coming for as long as it is true.
  FrameDecision tick(bool animating);

  std::uint64_t frames_drawn() const { return frames_drawn_; }
  int settle_frames() const { return settle_frames_; }

 private:
  int settle_frames_;
  int frames_left_;
  std::uint64_t frames_drawn_ = 0;
};

}  // namespace limber::pacing
