// session/engine.h: paces a routine rep by rep, hold by hold, breath by breath.
//
// The engine reads an injected monotonic clock and works out where the session is from
// elapsed time alone (session/plan.h), never from how often update() is called: a tab
// that was throttled, hidden or asleep for ten minutes lands exactly where it should,
// with every rep in between counted. Controls (pause, skip, back, repeat the last rep,
// end, "this hurts") act at any moment. Everything it says goes out as cues.
//
// Usage:
//     limber::session::Engine engine;
//     const std::string error = engine.start(input, {.clock = {.monotonic_seconds = &now, .wall_ms = &wall}});
//     if (!error.empty()) show(error);
//     // every frame (or whenever):
//     engine.update();
//     for (const auto& cue : engine.take_cues()) speak(cue.text);
//     draw(engine.snapshot());
//     // at the end:
//     store(engine.record());
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "session/cues.h"
#include "session/plan.h"
#include "session/snapshot.h"
#include "session/record.h"
#include "session/session_input.h"
#include "json/enum_names.h"

namespace limber::session {

struct ClockDesc {
  double (*monotonic_seconds)(void* user) = nullptr;  // never goes back (the engine checks)
  std::int64_t (*wall_ms)(void* user) = nullptr;      // for the record's start and end
  void* user = nullptr;
};

struct EngineDesc {
  ClockDesc clock;
  PaceDesc pace;
  bool pause_when_hidden = true;
};

class Engine {
 public:
  // Builds the plan and starts at once. Returns "" or what is wrong with the input.
  std::string start(const SessionInput& input, const EngineDesc& desc);

  // Reads the clock and moves on. A clock that went backwards is ignored, and said so in
  // last_error(); the session carries on from where it was.
  void update();

  void pause();
  void resume();
  void skip();        // the rest of this exercise, marked skipped
  void back();        // to the start of the previous exercise (or this one, from its rest)
  bool repeat_rep();  // the last repetition again; false before the first one
  void end_early();
  void this_hurts();  // stops this exercise, records it, and moves on
  void extend_get_ready(double seconds);
  void page_hidden();  // pauses, if the setting says so
  bool set_pain_before(int score);  // 0 to 10; false (and nothing stored) otherwise
  bool set_pain_after(int score);

  const Snapshot& snapshot() const { return snapshot_; }
  const SessionRecord& record() const { return record_; }
  const Plan& plan() const { return plan_; }
  const std::string& last_error() const { return last_error_; }
  Status status() const { return snapshot_.status; }

  // Cues since the last call, oldest first. The queue keeps the newest 64.
  std::vector<Cue> take_cues();

 private:
  double clock_now() const;
  double plan_time_at(double now) const;
  void advance_to(double t, bool count_progress);
  void jump_to(std::size_t step);
  void enter_step(std::size_t step, bool announce);
  void complete_step(std::size_t index);
  void cue(CueKind kind, std::string text, int count = 0);
  void refresh_snapshot(double t);
  void finish(bool early);
  std::string step_text(const Step& step, double into) const;
  std::string next_text(std::size_t step) const;
  const PlannedExercise& planned(int exercise) const { return input_.exercises[static_cast<std::size_t>(exercise)]; }

  SessionInput input_;
  EngineDesc desc_;
  Plan plan_;
  SessionRecord record_;
  Snapshot snapshot_;
  std::vector<Cue> cues_;
  std::string last_error_;
  std::size_t step_ = 0;
  double plan_time_ = 0;      // where the session is
  double anchor_plan_ = 0;    // plan time when the clock was last anchored (start, resume, jump)
  double anchor_clock_ = 0;   // clock reading at that moment
  double last_clock_ = 0;
  double active_seconds_ = 0;
};

}  // namespace limber::session
