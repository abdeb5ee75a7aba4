// One figure's pose per frame, as the app computes it: sample the clip, compute world
// transforms, plant the contacts with IK. Budget: 5 microseconds per pose.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "animation/animator.h"
#include "animation/figure.h"

namespace {

using namespace limber::animation;

const ClipLibrary& clips() {
  static const ClipLoadResult loaded = [] {
    std::ifstream in(std::string(LIMBER_ASSETS_DIR) + "/animation/clips.json");
    std::ostringstream text;
    text << in.rdbuf();
    return load_clips(text.str());
  }();
  if (!loaded.library) {
    std::fprintf(stderr, "%s", limber::catalogue::format_report(loaded.problems).c_str());
    std::exit(2);
  }
  return *loaded.library;
}

// Every clip in turn, through its move, with contacts (the costliest case).
void BM_FigurePose(benchmark::State& state) {
  const ClipLibrary& lib = clips();
  LocalPose local;
  WorldPose world;
  std::size_t clip = 0;
  float t = 0;
  for (auto _ : state) {
    const CompiledClip& c = lib.clips[clip];
    ClipTime ct;
    ct.track = ClipTime::Track::move;
    ct.t = t;
    ct.right_side = (clip & 1) != 0;
    local_pose(c, ct, local);
    place(c, local, ct.right_side, world);
    benchmark::DoNotOptimize(world.end[0]);
    t += 0.013f;
    if (t > 1) {
      t = 0;
      clip = (clip + 1) % lib.clips.size();
    }
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_FigurePose);

}  // namespace
