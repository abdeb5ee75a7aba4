#include "session/engine.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace limber::session {

std::string_view cue_kind_id(CueKind kind) { return json::enum_name(kind); }

std::string_view status_id(Status status) { return json::enum_name(status); }

namespace {

constexpr std::size_t kMaxQueuedCues = 64;
constexpr double kHalfwayMinHold = 10.0;

bool is_rep_phase(Phase p) { return p == Phase::move || p == Phase::hold || p == Phase::release || p == Phase::rest; }
bool counts_down(Phase p) {
  return p == Phase::get_ready || p == Phase::set_rest || p == Phase::exercise_rest || p == Phase::switch_sides;
}

int& side_count(SideCounts& counts, Side side) {
  switch (side) {
    case Side::left: return counts.left;
    case Side::right: return counts.right;
    case Side::none: break;
  }
  return counts.together;
}

std::string side_prefix(Side side) {
  switch (side) {
    case Side::left: return "Left: ";
    case Side::right: return "Right: ";
    case Side::none: break;
  }
  return {};
}

}  // namespace

// ---------------------------------------------------------------------------------------
// Start and clock
// ---------------------------------------------------------------------------------------

std::string Engine::start(const SessionInput& input, const EngineDesc& desc) {
  if (!desc.clock.monotonic_seconds) return "no clock was given to the session";
  if (std::string error = check_input(input); !error.empty()) return error;
  input_ = input;
  desc_ = desc;
  plan_ = build_plan(input_, desc_.pace);
  cues_.clear();
  last_error_.clear();

  record_ = {};
  record_.routine = input_.routine_id;
  record_.started_at_ms = desc_.clock.wall_ms ? desc_.clock.wall_ms(desc_.clock.user) : 0;
  for (const PlannedExercise& p : input_.exercises) {
    ExerciseRecord r;
    r.exercise = p.exercise->id;
    r.dosage = p.dosage_id;
    r.planned_reps = p.dosage.reps.start;
    record_.exercises.push_back(std::move(r));
  }

  const double now = clock_now();
  if (!std::isfinite(now)) return "the clock gave no valid reading";
  last_clock_ = anchor_clock_ = now;
  anchor_plan_ = plan_time_ = 0;
  active_seconds_ = 0;
  snapshot_ = {};
  snapshot_.status = Status::running;
  step_ = 0;
  enter_step(0, true);
  refresh_snapshot(0);
  return {};
}

double Engine::clock_now() const { return desc_.clock.monotonic_seconds(desc_.clock.user); }

double Engine::plan_time_at(double now) const { return anchor_plan_ + (now - anchor_clock_); }

void Engine::update() {
  if (snapshot_.status == Status::idle) return;
  const double now = clock_now();
  if (!std::isfinite(now)) {
    last_error_ = "the clock gave no valid reading; it was ignored";
    return;
  }
  if (now < last_clock_) {
    char message[96];
    std::snprintf(message, sizeof message, "the clock went backwards by %.3f s; the reading was ignored",
                  last_clock_ - now);
    last_error_ = message;
    return;
  }
  if (snapshot_.status == Status::running) {
    active_seconds_ += now - last_clock_;
    last_clock_ = now;
    advance_to(std::min(plan_time_at(now), plan_.total), true);
  } else {
    last_clock_ = now;
  }
  refresh_snapshot(plan_time_);
}

// ---------------------------------------------------------------------------------------
// Moving through the plan
// ---------------------------------------------------------------------------------------

void Engine::advance_to(double t, bool count_progress) {
  if (t < plan_time_) t = plan_time_;
  double from = plan_time_;
  plan_time_ = t;  // cues raised below belong to this moment
  const std::size_t target = plan_.step_at(t);
  if (target != step_) {
    for (std::size_t i = step_; i < target; ++i) {
      if (count_progress) complete_step(i);
    }
    step_ = target;
    // After a long jump only the step we land in is announced, not everything passed.
    enter_step(step_, true);
    from = std::max(from, plan_.steps[step_].start);
  }
  const Step& s = plan_.steps[step_];

  if (counts_down(s.phase)) {
    int crossed = 0;
    for (int k = 3; k >= 1; --k) {
      const double at = s.end() - k;
      if (at > s.start && from < at && at <= t) crossed = k;
    }
    if (crossed > 0) cue(CueKind::countdown, std::to_string(crossed), crossed);
  }
  if (s.phase == Phase::hold && s.duration >= kHalfwayMinHold) {
    const double mid = s.start + s.duration / 2;
    if (from < mid && mid <= t) cue(CueKind::halfway, "Halfway");
  }
  if (s.breaths > 0) {
    // Announce the latest breath boundary crossed (the first breath in came with the phase).
    const double in = plan_.pace.breath_in_seconds, period = in + plan_.pace.breath_out_seconds;
    double latest = -1;
    bool latest_in = false;
    for (int b = 0; b < s.breaths; ++b) {
      const double breath_start = s.start + b * period;
      if (b > 0 && from < breath_start && breath_start <= t) latest = breath_start, latest_in = true;
      if (from < breath_start + in && breath_start + in <= t) latest = breath_start + in, latest_in = false;
    }
    if (latest >= 0) cue(latest_in ? CueKind::breath_in : CueKind::breath_out, latest_in ? "Breathe in" : "Breathe out");
  }
  if (s.phase == Phase::done) finish(false);
}

void Engine::jump_to(std::size_t step) {
  step_ = std::min(step, plan_.steps.size() - 1);
  plan_time_ = anchor_plan_ = plan_.steps[step_].start;
  anchor_clock_ = last_clock_;
  enter_step(step_, true);
  if (plan_.steps[step_].phase == Phase::done) finish(false);
  refresh_snapshot(plan_time_);
}

void Engine::enter_step(std::size_t index, bool announce) {
  if (!announce) return;
  const Step& s = plan_.steps[index];
  switch (s.phase) {
    case Phase::done: return;  // finish() says goodbye
    case Phase::switch_sides: cue(CueKind::other_side, "Other side"); return;
    case Phase::exercise_rest: cue(CueKind::next_up, "Rest. " + next_text(index)); return;
    default: cue(CueKind::phase, step_text(s, 0)); return;
  }
}

void Engine::complete_step(std::size_t index) {
  const Step& s = plan_.steps[index];
  if (!is_rep_phase(s.phase)) return;
  ExerciseRecord& r = record_.exercises[static_cast<std::size_t>(s.exercise)];
  if (s.phase == Phase::hold) {
    ++side_count(r.holds_done, s.side);
    r.hold_seconds += s.duration;
  } else if (s.phase == Phase::release) {
    ++side_count(r.reps_done, s.side);
  }
  const Step& next = plan_.steps[index + 1];
  const bool last_rep_step = next.exercise != s.exercise || next.phase == Phase::exercise_rest ||
                             next.phase == Phase::closing || next.phase == Phase::done;
  if (last_rep_step && r.outcome == Outcome::not_reached) r.outcome = Outcome::completed;
}

void Engine::cue(CueKind kind, std::string text, int count) {
  cues_.push_back({.kind = kind, .text = std::move(text), .count = count, .at = plan_time_});
  if (cues_.size() > kMaxQueuedCues) cues_.erase(cues_.begin());
}

std::vector<Cue> Engine::take_cues() {
  std::vector<Cue> out;
  out.swap(cues_);
  return out;
}

void Engine::finish(bool early) {
  if (snapshot_.status == Status::finished) return;
  snapshot_.status = Status::finished;
  record_.completed = !early;
  record_.ended_early = early;
  // The wall clock can be set back during a session (a network time fix, a person changing
  // it); a record that ends before it starts would be refused when stored data is read.
  const std::int64_t wall = desc_.clock.wall_ms ? desc_.clock.wall_ms(desc_.clock.user) : 0;
  record_.ended_at_ms = std::max(wall, record_.started_at_ms);
  record_.active_seconds = active_seconds_;
  cue(CueKind::finished, early ? "Session ended. Well done for what you did." : "Well done. That is the routine finished.");
}

// ---------------------------------------------------------------------------------------
// Controls
// ---------------------------------------------------------------------------------------

void Engine::pause() {
  update();
  if (snapshot_.status != Status::running) return;
  snapshot_.status = Status::paused;
  anchor_plan_ = plan_time_;
  cue(CueKind::paused, "Paused");
  refresh_snapshot(plan_time_);
}

void Engine::resume() {
  if (snapshot_.status != Status::paused) return;
  const double now = clock_now();
  if (!std::isfinite(now) || now < last_clock_) {
    last_error_ = "the clock gave no valid reading; resuming from the last good one";
  } else {
    last_clock_ = now;
  }
  anchor_clock_ = last_clock_;
  anchor_plan_ = plan_time_;
  snapshot_.status = Status::running;
  cue(CueKind::resumed, "Carry on: " + step_text(plan_.steps[step_], plan_time_ - plan_.steps[step_].start));
  refresh_snapshot(plan_time_);
}

void Engine::skip() {
  update();
  if (snapshot_.status != Status::running && snapshot_.status != Status::paused) return;
  const int i = plan_.steps[step_].exercise;
  const std::size_t tail = plan_.tail_step(i);
  ExerciseRecord& r = record_.exercises[static_cast<std::size_t>(i)];
  if (step_ < tail && r.outcome == Outcome::not_reached) r.outcome = Outcome::skipped;
  const bool has_next = static_cast<std::size_t>(i) + 1 < input_.exercises.size();
  if (has_next) {
    jump_to(plan_.first_step(i + 1));
  } else {
    jump_to(step_ < tail ? tail : plan_.steps.size() - 1);
  }
}

void Engine::back() {
  update();
  if (snapshot_.status != Status::running && snapshot_.status != Status::paused) return;
  const int i = plan_.steps[step_].exercise;
  const int target = step_ >= plan_.tail_step(i) ? i : std::max(0, i - 1);
  // Going back to an exercise undoes its skip; a hurt stays said.
  Outcome& outcome = record_.exercises[static_cast<std::size_t>(target)].outcome;
  if (outcome == Outcome::skipped) outcome = Outcome::not_reached;
  jump_to(plan_.first_step(target));
}

bool Engine::repeat_rep() {
  update();
  if (snapshot_.status != Status::running && snapshot_.status != Status::paused) return false;
  const Step& now = plan_.steps[step_];
  for (std::size_t i = step_ + 1; i-- > 0;) {
    const Step& s = plan_.steps[i];
    if (s.exercise != now.exercise || s.phase == Phase::get_ready) break;
    if (s.phase == Phase::move) {
      jump_to(i);
      return true;
    }
  }
  return false;
}

void Engine::end_early() {
  if (snapshot_.status == Status::idle) return;
  update();
  if (snapshot_.status == Status::running || snapshot_.status == Status::paused) finish(true);
  refresh_snapshot(plan_time_);
}

void Engine::this_hurts() {
  update();
  if (snapshot_.status != Status::running && snapshot_.status != Status::paused) return;
  const int i = plan_.steps[step_].exercise;
  record_.exercises[static_cast<std::size_t>(i)].outcome = Outcome::stopped_hurt;
  cue(CueKind::hurt, "Stop this exercise and rest. Only carry on if you feel comfortable.");
  const std::size_t tail = plan_.tail_step(i);
  if (step_ < tail) jump_to(tail);
}

void Engine::extend_get_ready(double seconds) {
  if (snapshot_.status == Status::idle || !(seconds > 0 && seconds <= 120)) return;
  update();
  const Step& s = plan_.steps[step_];
  if (s.phase != Phase::get_ready || snapshot_.status == Status::finished) return;
  plan_.set_duration(step_, s.duration + seconds);
  refresh_snapshot(plan_time_);
}

void Engine::page_hidden() {
  if (desc_.pause_when_hidden) pause();
}

bool Engine::set_pain_before(int score) {
  if (score < 0 || score > 10) return false;
  record_.pain_before = score;
  return true;
}

bool Engine::set_pain_after(int score) {
  if (score < 0 || score > 10) return false;
  record_.pain_after = score;
  return true;
}

// ---------------------------------------------------------------------------------------
// What to show
// ---------------------------------------------------------------------------------------

std::string Engine::step_text(const Step& s, double into) const {
  const PlannedExercise& p = planned(s.exercise);
  const double in = plan_.pace.breath_in_seconds, period = in + plan_.pace.breath_out_seconds;
  const bool breathing_in = s.breaths > 0 && std::fmod(std::max(0.0, into), period) < in;
  switch (s.phase) {
    case Phase::get_ready: return "Get ready: " + p.exercise->name;
    case Phase::move: return side_prefix(s.side) + p.exercise->cues.move;
    case Phase::hold:
      if (s.breaths == 0) return "Hold";
      return breathing_in ? "Hold, breathe in" : "Hold, breathe out";
    case Phase::release: return p.exercise->cues.release;
    case Phase::rest: return "Rest";
    case Phase::switch_sides: return "Other side";
    case Phase::set_rest: return "Rest before set " + std::to_string(s.set);
    case Phase::exercise_rest: return "Rest";
    case Phase::closing: return breathing_in ? "Relax and breathe in" : "Relax and breathe out";
    case Phase::done: return "Well done";
  }
  return {};
}

std::string Engine::next_text(std::size_t index) const {
  if (index + 1 >= plan_.steps.size()) return {};
  const Step& next = plan_.steps[index + 1];
  switch (next.phase) {
    case Phase::done: return "Next: finish";
    case Phase::get_ready: return "Next: " + planned(next.exercise).exercise->name;
    case Phase::closing: return "Next: relax";
    default: return "Next: " + step_text(next, 0);
  }
}

void Engine::refresh_snapshot(double t) {
  const Step& s = plan_.steps[step_];
  const PlannedExercise& p = planned(s.exercise);
  Snapshot& out = snapshot_;
  out.phase = s.phase;
  out.exercise = s.exercise;
  out.exercises = static_cast<int>(input_.exercises.size());
  out.exercise_id = p.exercise->id;
  out.exercise_name = p.exercise->name;
  out.side = s.side;
  out.set = s.set;
  out.sets = p.dosage.sets.start;
  out.rep = s.rep;
  out.reps = p.dosage.reps.start;
  const double into = std::clamp(t - s.start, 0.0, s.duration);
  out.breaths = s.breaths;
  if (s.breaths > 0) {
    const double in = plan_.pace.breath_in_seconds, period = in + plan_.pace.breath_out_seconds;
    out.breath = std::min(s.breaths, static_cast<int>(into / period) + 1);
    const double within = std::fmod(into, period);
    out.breathing_in = within < in;
    // Eased, as breath is: slow at the turns.
    const double x = out.breathing_in ? within / in : 1 - (within - in) / (period - in);
    out.lungs = 0.5 - 0.5 * std::cos(x * 3.14159265358979);
  } else {
    out.breath = 0;
    out.breathing_in = false;
    out.lungs = 0;
  }
  out.phase_elapsed = into;
  out.phase_duration = s.duration;
  out.phase_remaining = s.duration - into;
  out.session_elapsed = t;
  out.session_remaining = std::max(0.0, plan_.total - t);
  out.text = out.status == Status::finished ? std::string("Well done") : step_text(s, into);
  out.detail = s.phase == Phase::get_ready ? p.exercise->start_position : std::string();
  out.next_text = out.status == Status::finished ? std::string() : next_text(step_);
}

}  // namespace limber::session
