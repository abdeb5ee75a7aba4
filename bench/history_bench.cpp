// How each storage cost grows with a person's history: 10, 100, 1,000 and 5,000 sessions
// (twice a day, nearly seven years at the top). Reported, never judged. What should stay flat:
// the start-up read of the stored parts, the write for one finished exercise and for one
// finished session, and the Progress summary. What must grow (it reads every session):
// export, the appointment report, restore and the rebuild after a merge with another tab. The schema-1 way of writing
// (the whole document after every change) is measured beside them for comparison.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>

#include "shipped_catalogue.h"
#include "json/json_reflect.h"
#include "print/appointment_report.h"
#include "progress/history_digest.h"
#include "storage/backup.h"
#include "storage/profile.h"

namespace {

using namespace limber;

constexpr std::int64_t kDay = 86'400'000;
constexpr std::int64_t kStart = 1'600'000'000'000;

const catalogue::Catalogue& shipped() { return bench::shipped_catalogue(); }

storage::StoredSession session_at(int i) {
  session::SessionRecord r;
  r.routine = i % 2 ? "nhs_daily" : "gentle_bad_day";
  r.started_at_ms = kStart + (i / 2) * kDay + (i % 2) * 10 * 3'600'000;
  r.ended_at_ms = r.started_at_ms + 600'000;
  r.active_seconds = 590;
  r.pain_before = 3 + i % 5;
  r.pain_after = 2 + i % 4;
  r.completed = true;
  for (const char* id : {"bottom_to_heels_stretch", "knee_rolls", "back_extensions", "deep_abdominal_strengthening", "pelvic_tilt"}) {
    session::ExerciseRecord e;
    e.exercise = id;
    e.dosage = "nhs";
    e.planned_reps = 8;
    e.reps_done.together = 8;
    e.holds_done.together = 8;
    e.hold_seconds = 40;
    e.outcome = session::Outcome::completed;
    r.exercises.push_back(e);
  }
  return {.id = storage::session_id(r), .record = r};
}

std::vector<storage::StoredSession> sessions(int n) {
  std::vector<storage::StoredSession> out;
  for (int i = 0; i < n; ++i) out.push_back(session_at(i));
  return out;
}

storage::Profile profile(int n) {
  storage::UserData d;
  d.sessions = sessions(n);
  d.settings.current_routine = "nhs_daily";
  storage::Profile p = storage::profile_from_user_data(std::move(d), 0);
  storage::InProgress ip{.record = session_at(n).record, .next_exercise = 2, .saved_at_ms = kStart};
  p.in_progress = ip;
  return p;
}

// The parts as the page hands them over at start-up.
std::string parts_text(const storage::Profile& p) {
  std::string text = "{";
  for (const auto& [part, name] : json::EnumNames<storage::Part>::values) {
    text += (text.size() > 1 ? ",\"" : "\"") + std::string(name) + "\":" + storage::part_json(p, part);
  }
  return text + "}";
}

void BM_StartupRead(benchmark::State& state) {
  const std::string text = parts_text(profile(static_cast<int>(state.range(0))));
  for (auto _ : state) benchmark::DoNotOptimize(storage::read_profile(text, shipped()));
  state.counters["bytes"] = static_cast<double>(text.size());
}

void BM_WriteOneExercise(benchmark::State& state) {
  // A finished exercise changes the session in progress: that part, and only it, is written.
  const storage::Profile p = profile(static_cast<int>(state.range(0)));
  std::size_t bytes = 0;
  for (auto _ : state) {
    const std::string text = storage::part_json(p, storage::Part::in_progress);
    bytes = text.size();
    benchmark::DoNotOptimize(text);
  }
  state.counters["bytes"] = static_cast<double>(bytes);
}

void BM_WriteOneSession(benchmark::State& state) {
  // A finished session: its own entry, the history digest, the session in progress cleared.
  const int n = static_cast<int>(state.range(0));
  const storage::Profile base = profile(n);
  const storage::StoredSession next = session_at(n);
  std::size_t bytes = 0;
  for (auto _ : state) {
    state.PauseTiming();
    storage::Profile p = base;
    state.ResumeTiming();
    storage::add_session(p.history, next, 0);
    const std::string text = json::to_json(next) + storage::part_json(p, storage::Part::history) +
                             storage::part_json(p, storage::Part::progress);
    bytes = text.size();
    benchmark::DoNotOptimize(text);
  }
  state.counters["bytes"] = static_cast<double>(bytes);
}

void BM_WholeDocumentWrite_Schema1(benchmark::State& state) {
  // For comparison: what schema 1 wrote after every change, the whole document.
  storage::UserData d;
  d.sessions = sessions(static_cast<int>(state.range(0)));
  std::size_t bytes = 0;
  for (auto _ : state) {
    const std::string text = storage::to_json(d);
    bytes = text.size();
    benchmark::DoNotOptimize(text);
  }
  state.counters["bytes"] = static_cast<double>(bytes);
}

void BM_ProgressSummary(benchmark::State& state) {
  const storage::Profile p = profile(static_cast<int>(state.range(0)));
  const std::int64_t now = p.history.recent.back().record.started_at_ms + 3'600'000;
  for (auto _ : state) {
    benchmark::DoNotOptimize(progress::summarise_history(p.history, {.now_ms = now, .utc_offset_minutes = 0, .pain_eases_within_weeks = 2}));
  }
}

void BM_Export(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  const storage::Profile p = profile(n);
  const std::vector<storage::StoredSession> all = sessions(n);
  std::size_t bytes = 0;
  for (auto _ : state) {
    const std::string text = storage::export_backup(storage::user_data_of(p, all), kStart);
    bytes = text.size();
    benchmark::DoNotOptimize(text);
  }
  state.counters["bytes"] = static_cast<double>(bytes);
}

// The appointment report reads every session, and counts only the last twelve weeks of them.
void BM_AppointmentReport(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  const std::vector<storage::StoredSession> all = sessions(n);
  const std::int64_t now = all.back().record.started_at_ms + 3'600'000;
  std::size_t bytes = 0;
  for (auto _ : state) {
    const std::string html = print::appointment_report({.catalogue = &shipped(), .sessions = &all,
                                                        .routine = shipped().find_routine("nhs_daily"), .weeks = 12,
                                                        .now_ms = now});
    bytes = html.size();
    benchmark::DoNotOptimize(html);
  }
  state.counters["bytes"] = static_cast<double>(bytes);
}

void BM_Restore(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  storage::UserData d;
  d.sessions = sessions(n);
  const std::string file = storage::export_backup(d, kStart);
  for (auto _ : state) {
    storage::UserData here;
    const storage::ImportResult r = storage::import_backup(here, file, shipped());
    if (!r.ok()) state.SkipWithError(r.error.c_str());
    benchmark::DoNotOptimize(storage::digest_history(std::move(here.sessions), 0));
  }
  state.counters["bytes"] = static_cast<double>(file.size());
}

void BM_TwoTabMerge(benchmark::State& state) {
  // Another tab's digest, with one session this tab has not seen: merged by entry.
  const int n = static_cast<int>(state.range(0));
  const storage::Profile mine = profile(n);
  storage::Profile theirs = mine;
  storage::add_session(theirs.history, session_at(n), 0);
  const std::string found = storage::part_json(theirs, storage::Part::history);
  for (auto _ : state) {
    storage::Profile p = mine;
    json::ParseResult parsed = json::parse(found);
    std::vector<json::Problem> problems;
    json::ReadContext ctx(problems);
    storage::HistoryDigest other;
    json::read(parsed.value, other, ctx);
    for (const storage::StoredSession& s : other.recent) storage::add_session(p.history, s, 0);
    benchmark::DoNotOptimize(storage::part_json(p, storage::Part::history));
  }
  state.counters["bytes"] = static_cast<double>(found.size());
}

#define LIMBER_SIZES ->Arg(10)->Arg(100)->Arg(1000)->Arg(5000)->Unit(benchmark::kMicrosecond)
BENCHMARK(BM_StartupRead) LIMBER_SIZES;
BENCHMARK(BM_WriteOneExercise) LIMBER_SIZES;
BENCHMARK(BM_WriteOneSession) LIMBER_SIZES;
BENCHMARK(BM_WholeDocumentWrite_Schema1) LIMBER_SIZES;
BENCHMARK(BM_ProgressSummary) LIMBER_SIZES;
BENCHMARK(BM_Export) LIMBER_SIZES;
BENCHMARK(BM_AppointmentReport) LIMBER_SIZES;
BENCHMARK(BM_Restore) LIMBER_SIZES;
BENCHMARK(BM_TwoTabMerge) LIMBER_SIZES;

}  // namespace
