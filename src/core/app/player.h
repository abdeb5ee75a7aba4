// app/player.h: one session from start to finish, as the person lives it.
//
//   pain_before -> running (the session engine) -> pain_after -> summary
//
// The player owns the engine and the animator, decides what the screen shows, and says
// when something must be saved: after each exercise finishes (so closing the tab loses
// nothing) and when the session ends. The UI only draws its state and forwards presses.
//
// Usage:
//     limber::app::Player player;
//     const std::string error = player.open(catalogue, clips, routine, &progress, desc);
//     player.answer_pain(4);                  // before: starts the session
//     each frame: player.update(dt); if (player.take_save_request()) store(player.in_progress());
//     ... player.answer_pain(2);              // after: the record is final
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "animation/animator.h"
#include "animation/scene.h"
#include "catalogue/dosage.h"
#include "catalogue/model.h"
#include "session/engine.h"
#include "session/progression.h"
#include "json/enum_names.h"

namespace limber::app {

enum class PlayerStage : std::uint8_t { closed, pain_before, running, pain_after, summary };
std::string_view stage_id(PlayerStage stage);

struct PlayerDesc {
  session::ClockDesc clock;
  session::PaceDesc pace;
  bool pause_when_hidden = true;
  catalogue::HoldPreference hold = catalogue::HoldPreference::source_default;
  std::int64_t days_in = 0;  // an own routine's build-ups stand this many days after it started
  // Resuming a session interrupted by a closed tab: start at this exercise of the routine,
  // carrying on from the record saved so far (its start time and pain score before).
  int first_exercise = 0;
  const session::SessionRecord* resumed = nullptr;
};

class Player {
 public:
  // Gets ready to run `routine`: "" or why it cannot (an unknown exercise, ...).
  std::string open(const catalogue::Catalogue& catalogue, const animation::ClipLibrary& clips,
                   const catalogue::Routine& routine, const session::ProgressState* progress, const PlayerDesc& desc);
  void close();

  // 0 to 10, or nullopt to skip the question. Before: starts the session (a resumed
  // session starts at once, with the score given before the interruption). After: finishes it.
  bool answer_pain(std::optional<int> score);

  // Moves the session and the figure on. Returns true while something moves (draw frames).
  bool update(float dt);

  session::Engine& engine() { return engine_; }
  const session::Engine& engine() const { return engine_; }
  const animation::Animator& animator() const { return animator_; }
  // The arrow and highlight over the figure now (animation/cues.h): the exercise's target areas.
  animation::FigureCue figure_cue() const;
  PlayerStage stage() const { return stage_; }
  const std::string& routine_name() const { return routine_name_; }

  // Cues since the last call (the UI speaks, plays and announces them).
  std::vector<session::Cue> take_cues();

  // True once after each finished exercise and at the end: save now.
  bool take_save_request();
  // The record so far (exercises finished, including those before a resume) and the index,
  // in the routine, of the next exercise.
  session::SessionRecord record() const;
  int finished_exercises() const { return finished_; }
  int next_exercise() const { return first_exercise_ + finished_; }
  int routine_exercises() const { return first_exercise_ + static_cast<int>(input_.exercises.size()); }
  const std::string& routine_id() const { return input_.routine_id; }
  // What the session asks of each exercise, in the routine's order from the first one run
  // (a resumed session's first exercise is first_exercise()).
  const session::SessionInput& input() const { return input_; }
  int first_exercise() const { return first_exercise_; }

  // Advice for the summary: above the pain rule, the sources say to ease off.
  bool pain_above_rule(int score) const { return score > max_pain_; }

 private:
  session::Engine engine_;
  animation::Animator animator_;
  const animation::ClipLibrary* clips_ = nullptr;
  session::SessionInput input_;
  PlayerDesc desc_;
  PlayerStage stage_ = PlayerStage::closed;
  std::string routine_name_;
  std::optional<int> pain_before_;
  int first_exercise_ = 0;
  std::optional<session::SessionRecord> resumed_;
  std::vector<session::Cue> cues_;
  int finished_ = 0;
  bool save_ = false;
  int max_pain_ = 5;
};

}  // namespace limber::app

template <>
struct limber::json::EnumNames<limber::app::PlayerStage> {
  using E = limber::app::PlayerStage;
  static constexpr std::array<std::pair<E, std::string_view>, 5> values{{
      {E::closed, "closed"},
      {E::pain_before, "pain_before"},
      {E::running, "running"},
      {E::pain_after, "pain_after"},
      {E::summary, "summary"}}};
};
