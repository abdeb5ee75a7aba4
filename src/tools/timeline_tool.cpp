// limber_timeline: runs the session engine over a routine on a simulated clock and prints
// what a person would see and hear, second by second: every phase and every cue.
//
//   limber_timeline ROUTINE [EXERCISE] [--assets DIR]   one routine, or one exercise of it
//   limber_timeline --kinds [--assets DIR]              one exercise of each kind, from the
//                                                       shipped routines
// Exit status: 0, or 1 for an unknown routine or exercise, 2 for bad usage or files.
#include <cstdio>
#include <iostream>
#include <set>
#include <string>

#include "catalogue/summary.h"
#include "catalogue_files.h"
#include "session/engine.h"

namespace {

using namespace limber;

struct SimClock {
  double now = 0;
  static double monotonic(void* self) { return static_cast<SimClock*>(self)->now; }
};

void print_timeline(const session::SessionInput& input, const std::string& title) {
  SimClock clock;
  session::Engine engine;
  const std::string error = engine.start(input, {.clock = {.monotonic_seconds = &SimClock::monotonic, .user = &clock}});
  if (!error.empty()) {
    std::cout << title << ": cannot pace: " << error << "\n";
    return;
  }
  std::cout << "== " << title << " (" << catalogue::format_duration(engine.plan().total) << ")\n";
  std::printf("%8s  %-14s %-6s %-7s %s\n", "time", "phase", "side", "set/rep", "shown / said");
  std::size_t last_step = static_cast<std::size_t>(-1);
  while (engine.status() != session::Status::finished) {
    const auto& s = engine.snapshot();
    const std::size_t step = engine.plan().step_at(s.session_elapsed);
    if (step != last_step) {
      last_step = step;
      char counters[16] = "";
      if (s.rep > 0) std::snprintf(counters, sizeof counters, "%d/%d", s.set, s.rep);
      std::printf("%7.1fs  %-14s %-6s %-7s %s (%.0f s)\n", s.session_elapsed, std::string(session::phase_id(s.phase)).c_str(),
                  s.side == session::Side::none ? "" : std::string(session::side_id(s.side)).c_str(), counters,
                  s.text.c_str(), s.phase_duration);
    }
    for (const session::Cue& cue : engine.take_cues()) {
      if (cue.kind == session::CueKind::phase) continue;  // the line above already shows it
      std::printf("%7.1fs  %-14s %-6s %-7s \"%s\"\n", cue.at, "  cue", "", std::string(session::cue_kind_id(cue.kind)).c_str(),
                  cue.text.c_str());
    }
    clock.now += 0.1;
    engine.update();
  }
  for (const session::Cue& cue : engine.take_cues()) {
    std::printf("%7.1fs  %-14s %-6s %-7s \"%s\"\n", cue.at, "  cue", "", std::string(session::cue_kind_id(cue.kind)).c_str(),
                cue.text.c_str());
  }
  std::cout << "\n";
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir = "assets/catalogue", routine_id, exercise_id;
  bool kinds = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--assets" && i + 1 < argc) {
      dir = argv[++i];
    } else if (arg == "--kinds") {
      kinds = true;
    } else if (!arg.empty() && arg[0] == '-') {
      std::cerr << "usage: limber_timeline ROUTINE [EXERCISE] [--assets DIR] | --kinds [--assets DIR]\n";
      return 2;
    } else if (routine_id.empty()) {
      routine_id = arg;
    } else {
      exercise_id = arg;
    }
  }
  if (!kinds && routine_id.empty()) {
    std::cerr << "usage: limber_timeline ROUTINE [EXERCISE] [--assets DIR] | --kinds [--assets DIR]\n";
    return 2;
  }
  tools::CatalogueFiles files;
  if (std::string error; !files.read(dir, error)) {
    std::cerr << "limber_timeline: " << error << "\n";
    return 2;
  }
  const auto loaded = catalogue::load(files.text());
  if (!loaded.catalogue) {
    std::cerr << catalogue::format_report(loaded.problems);
    return 2;
  }
  const catalogue::Catalogue& c = *loaded.catalogue;

  // One exercise of a routine, as a session of its own (no rest after it, no closing).
  auto single = [](const session::SessionInput& all, std::size_t i) {
    session::SessionInput one{.routine_id = all.routine_id, .exercises = {all.exercises[i]}};
    return one;
  };

  if (kinds) {
    std::set<catalogue::ExerciseKind> shown;
    for (const catalogue::Routine& r : c.routines) {
      const auto built = session::build_input(c, r.id, nullptr);
      if (!built.ok()) continue;
      for (std::size_t i = 0; i < built.input.exercises.size(); ++i) {
        const catalogue::Exercise& e = *built.input.exercises[i].exercise;
        if (!shown.insert(e.kind).second) continue;
        print_timeline(single(built.input, i), std::string(json::enum_name(e.kind)) + ": " + e.name + " (routine " +
                                                    r.id + ", " + catalogue::describe(built.input.exercises[i].dosage) +
                                                    ")");
      }
    }
    return 0;
  }

  const auto built = session::build_input(c, routine_id, nullptr);
  if (!built.ok()) {
    std::cerr << "limber_timeline: " << built.error << "\n";
    return 1;
  }
  if (exercise_id.empty()) {
    print_timeline(built.input, "routine " + routine_id);
    return 0;
  }
  for (std::size_t i = 0; i < built.input.exercises.size(); ++i) {
    if (built.input.exercises[i].exercise->id == exercise_id) {
      print_timeline(single(built.input, i), exercise_id + " in " + routine_id);
      return 0;
    }
  }
  std::cerr << "limber_timeline: routine '" << routine_id << "' has no exercise '" << exercise_id << "'\n";
  return 1;
}
