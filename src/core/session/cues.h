// session/cues.h: the events a session announces, one stream for every output.
//
// The UI's phase text, sound tones, spoken cues and the accessible live region all read
// this one stream, so what is shown, heard and announced always agree.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "json/enum_names.h"

namespace limber::session {

enum class CueKind : std::uint8_t {
  phase,       // a new phase began: "Hold", "Release slowly", "Rest"
  countdown,   // 3, 2, 1 before something starts
  halfway,     // the middle of a hold of 10 s or more
  breath_in,   // within a hold paced in breaths
  breath_out,
  other_side,  // the same exercise, now on the other side
  next_up,     // what comes next, said during a rest
  paused,
  resumed,
  hurt,        // the person said the exercise hurts; it was stopped
  finished,    // the routine is over (completed or ended early)
};

std::string_view cue_kind_id(CueKind kind);

struct Cue {
  CueKind kind = CueKind::phase;
  std::string text;   // short, spoken-style
  int count = 0;      // the number, for countdown cues
  double at = 0;      // session time it belongs to
};

}  // namespace limber::session

template <>
struct limber::json::EnumNames<limber::session::CueKind> {
  using E = limber::session::CueKind;
  static constexpr std::array<std::pair<E, std::string_view>, 11> values{{
      {E::phase, "phase"},
      {E::countdown, "countdown"},
      {E::halfway, "halfway"},
      {E::breath_in, "breath_in"},
      {E::breath_out, "breath_out"},
      {E::other_side, "other_side"},
      {E::next_up, "next_up"},
      {E::paused, "paused"},
      {E::resumed, "resumed"},
      {E::hurt, "hurt"},
      {E::finished, "finished"}}};
};
