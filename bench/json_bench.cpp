// How parsing grows with an object's width: 10,000, 50,000 and 100,000 keys. Each key's
// duplicate check used to scan every earlier key (100,000 keys: 28 s); growth should now be
// close to linear. Reported, never judged.
#include <benchmark/benchmark.h>

#include <string>

#include "json/json_value.h"

namespace {

std::string wide_object(int keys) {
  std::string text = "{";
  for (int i = 0; i < keys; ++i) text += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":" + std::to_string(i);
  return text + "}";
}

void BM_ParseWideObject(benchmark::State& state) {
  const std::string text = wide_object(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    const limber::json::ParseResult r = limber::json::parse(text);
    if (!r.ok()) state.SkipWithError(r.error.message.c_str());
    benchmark::DoNotOptimize(r);
  }
  state.counters["bytes"] = static_cast<double>(text.size());
  state.counters["per_key"] = benchmark::Counter(static_cast<double>(state.range(0)),
                                                    benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

BENCHMARK(BM_ParseWideObject)->Arg(10'000)->Arg(50'000)->Arg(100'000)->Unit(benchmark::kMillisecond);

}  // namespace
