#include "pacing/frame_pacer.h"

namespace limber::pacing {

namespace {
constexpr int kDefaultSettleFrames = 4;
}

FramePacer::FramePacer(const FramePacerDesc& desc)
    : settle_frames_(desc.settle_frames > 0 ? desc.settle_frames : kDefaultSettleFrames),
      // The very first frames draw the first screen.
      frames_left_(settle_frames_) {}

void FramePacer::wake() { frames_left_ = settle_frames_; }

FrameDecision FramePacer::tick(bool animating) {
  if (animating) {
    // Keep the settle budget full so the frames after an animation ends still draw.
    frames_left_ = settle_frames_;
  } else if (frames_left_ <= 0) {
    return {.draw = false, .sleep = true};
  } else {
    --frames_left_;
  }
  ++frames_drawn_;
  return {.draw = true, .sleep = false};
}

}  // namespace limber::pacing
