// session/snapshot.h: where a session is, as data: what the UI draws and the figure follows.
//
// The engine (session/engine.h) fills one each update; the animator (animation/animator.h)
// and the screens read it, and need nothing else of the engine.
//
// Usage:
//     const limber::session::Snapshot& s = engine.snapshot();
//     if (s.status == Status::running && s.phase == Phase::hold) draw_ring(s.phase_remaining);
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "json/enum_names.h"
#include "session/plan.h"

namespace limber::session {

enum class Status : std::uint8_t { idle, running, paused, finished };
std::string_view status_id(Status status);

// Where the session is, for the UI to draw. Times in seconds.
struct Snapshot {
  Status status = Status::idle;
  Phase phase = Phase::get_ready;
  int exercise = 0;  // index, and count
  int exercises = 0;
  std::string exercise_id;
  std::string exercise_name;
  Side side = Side::none;
  int set = 0, sets = 0;
  int rep = 0, reps = 0;
  int breath = 0, breaths = 0;  // within a breath-paced hold: 1-based breath and count
  bool breathing_in = false;
  double lungs = 0;  // a breath-paced hold or the closing: how full, 0..1, rising in and falling out
  double phase_elapsed = 0, phase_duration = 0, phase_remaining = 0;
  double session_elapsed = 0, session_remaining = 0;
  std::string text;       // what to do now
  std::string detail;     // more about it (the start position while getting ready)
  std::string next_text;  // what comes next
};

}  // namespace limber::session

template <>
struct limber::json::EnumNames<limber::session::Status> {
  using E = limber::session::Status;
  static constexpr std::array<std::pair<E, std::string_view>, 4> values{{
      {E::idle, "idle"},
      {E::running, "running"},
      {E::paused, "paused"},
      {E::finished, "finished"}}};
};
