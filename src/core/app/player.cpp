#include "app/player.h"

#include <algorithm>

#include "animation/cues.h"
#include "session/session_input.h"

namespace limber::app {

std::string_view stage_id(PlayerStage stage) { return json::enum_name(stage); }

std::string Player::open(const catalogue::Catalogue& catalogue, const animation::ClipLibrary& clips,
                         const catalogue::Routine& routine, const session::ProgressState* progress,
                         const PlayerDesc& desc) {
  auto built = session::build_input(catalogue, routine, progress, desc.hold, desc.days_in);
  if (!built.ok()) return built.error;
  const auto first = static_cast<std::size_t>(desc.first_exercise);
  if (desc.first_exercise < 0 || first >= built.input.exercises.size()) {
    return "cannot resume at exercise " + std::to_string(desc.first_exercise + 1) + " of " +
           std::to_string(built.input.exercises.size());
  }
  built.input.exercises.erase(built.input.exercises.begin(), built.input.exercises.begin() + desc.first_exercise);
  input_ = std::move(built.input);
  clips_ = &clips;
  desc_ = desc;
  routine_name_ = routine.name;
  max_pain_ = catalogue.safety.max_pain_while_exercising > 0 ? catalogue.safety.max_pain_while_exercising : 5;
  pain_before_.reset();
  first_exercise_ = desc.first_exercise;
  resumed_.reset();
  if (desc.resumed) resumed_ = *desc.resumed;
  cues_.clear();
  finished_ = 0;
  save_ = false;
  animator_ = {};
  animator_.set_breath_pace(static_cast<float>(session::with_defaults(desc.pace).breath_in_seconds),
                            static_cast<float>(session::with_defaults(desc.pace).breath_out_seconds));
  stage_ = PlayerStage::pain_before;
  if (resumed_) {
    // The pain score was asked before the interruption; asking again would split the record.
    answer_pain(resumed_->pain_before);
    if (stage_ != PlayerStage::running) return "the session could not be resumed";
  }
  return {};
}

session::SessionRecord Player::record() const {
  session::SessionRecord r = engine_.record();
  if (!resumed_) return r;
  // The saved record lists every exercise of the routine; those from first_exercise_ on
  // were not done then, and are now the engine's.
  const std::size_t done_before = std::min(resumed_->exercises.size(), static_cast<std::size_t>(first_exercise_));
  std::vector<session::ExerciseRecord> all(resumed_->exercises.begin(),
                                           resumed_->exercises.begin() + static_cast<std::ptrdiff_t>(done_before));
  all.insert(all.end(), r.exercises.begin(), r.exercises.end());
  r.exercises = std::move(all);
  r.started_at_ms = resumed_->started_at_ms;
  r.pain_before = resumed_->pain_before;
  r.active_seconds += resumed_->active_seconds;
  return r;
}

void Player::close() { stage_ = PlayerStage::closed; }

bool Player::answer_pain(std::optional<int> score) {
  if (score && (*score < 0 || *score > 10)) return false;
  if (stage_ == PlayerStage::pain_before) {
    pain_before_ = score;
    const std::string error = engine_.start(input_, {.clock = desc_.clock, .pace = desc_.pace,
                                                     .pause_when_hidden = desc_.pause_when_hidden});
    if (!error.empty()) return false;
    if (score) engine_.set_pain_before(*score);
    stage_ = PlayerStage::running;
    return true;
  }
  if (stage_ == PlayerStage::pain_after) {
    if (score) engine_.set_pain_after(*score);
    stage_ = PlayerStage::summary;
    save_ = true;
    return true;
  }
  return false;
}

bool Player::update(float dt) {
  if (stage_ != PlayerStage::running) return false;
  engine_.update();
  for (session::Cue& c : engine_.take_cues()) cues_.push_back(std::move(c));
  if (cues_.size() > 64) cues_.erase(cues_.begin(), cues_.end() - 64);
  animator_.update(*clips_, engine_.snapshot(), dt);

  // Save after every exercise that has come to an end (done, skipped or stopped).
  int finished = 0;
  for (const session::ExerciseRecord& e : engine_.record().exercises) {
    finished += e.outcome != session::Outcome::not_reached ? 1 : 0;
  }
  if (finished != finished_) {
    finished_ = finished;
    save_ = true;
  }
  if (engine_.status() == session::Status::finished) {
    stage_ = PlayerStage::pain_after;
    save_ = true;
    return true;
  }
  return engine_.status() == session::Status::running;
}

std::vector<session::Cue> Player::take_cues() {
  std::vector<session::Cue> out;
  out.swap(cues_);
  return out;
}

bool Player::take_save_request() {
  const bool s = save_;
  save_ = false;
  return s;
}

animation::FigureCue Player::figure_cue() const {
  const animation::CompiledClip* clip = animator_.clip();
  if (!clip) return {};
  std::uint32_t area = 0;
  for (const session::PlannedExercise& p : input_.exercises) {
    if (p.exercise && p.exercise->id == clip->exercise) area = animation::target_bones(p.exercise->target_areas);
  }
  return animation::figure_cue(*clip, animator_.time(), animator_.world(), area);
}

}  // namespace limber::app
