// The session engine stepped through a 30-minute routine at 60 Hz, as the app steps it,
// reporting the cost of one step (update, cues, snapshot).
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>

#include "shipped_catalogue.h"
#include "session/engine.h"

namespace {

using namespace limber;

struct BenchClock {
  double now = 0;
  static double monotonic(void* self) { return static_cast<BenchClock*>(self)->now; }
};

// The shipped routines' exercises back to back, until the session lasts 30 minutes.
session::SessionInput thirty_minutes(const catalogue::Catalogue& c) {
  std::vector<session::PlannedExercise> pool;
  for (const catalogue::Routine& r : c.routines) {
    const auto built = session::build_input(c, r.id, nullptr);
    pool.insert(pool.end(), built.input.exercises.begin(), built.input.exercises.end());
  }
  session::SessionInput input{.routine_id = "bench", .exercises = {}, .rest_between_exercises_seconds = 10};
  for (std::size_t i = 0; session::build_plan(input, {}).total < 30 * 60; ++i) {
    input.exercises.push_back(pool[i % pool.size()]);
  }
  return input;
}

const catalogue::Catalogue& shipped() { return bench::shipped_catalogue(); }

void BM_SessionStep60Hz(benchmark::State& state) {
  const session::SessionInput input = thirty_minutes(shipped());
  std::int64_t steps = 0;
  double session_seconds = 0;
  for (auto _ : state) {
    BenchClock clock;
    session::Engine engine;
    engine.start(input, {.clock = {.monotonic_seconds = &BenchClock::monotonic, .user = &clock}});
    session_seconds = engine.plan().total;
    while (engine.status() != session::Status::finished) {
      clock.now += 1.0 / 60;
      engine.update();
      auto cues = engine.take_cues();
      benchmark::DoNotOptimize(cues.data());
      benchmark::DoNotOptimize(engine.snapshot().phase_remaining);
      ++steps;
    }
  }
  state.counters["session_minutes"] = session_seconds / 60;
  state.counters["steps"] = benchmark::Counter(static_cast<double>(steps), benchmark::Counter::kAvgIterations);
  state.counters["per_step"] =
      benchmark::Counter(static_cast<double>(steps), benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_SessionStep60Hz)->Unit(benchmark::kMillisecond);

}  // namespace
