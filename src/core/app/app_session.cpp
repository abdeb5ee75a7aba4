// App's sessions: start, resume or record an interrupted one, the pain questions, the
// controls, and keeping what was done (app/player.h runs the session itself).
#include "app/app.h"

#include <algorithm>
#include <cmath>

namespace limber::app {

// ---- Session ---------------------------------------------------------------------------

PlayerDesc App::player_desc(const catalogue::Routine& routine) const {
  const storage::Settings& s = data_.settings;
  // The side the routine names (the clinician's) before the person's own answer.
  session::Side side = s.affected_side.value_or(session::Side::none);
  if (routine.side_that_hurts) side = *routine.side_that_hurts == catalogue::FirstSide::left ? session::Side::left : session::Side::right;
  return {.clock = desc_.clock,
          .pace = {.breath_in_seconds = s.breath_in_seconds, .breath_out_seconds = s.breath_out_seconds, .affected_side = side},
          .pause_when_hidden = s.pause_when_hidden,
          .hold = s.hold_preference,
          .days_in = days_into(routine)};
}

// A routine that works one side only, or favours the side that hurts, needs to know which it is:
// the routine names it (the clinician's), else the person says, once.
bool App::needs_side_that_hurts(const catalogue::Routine& routine) const {
  if (routine.side_that_hurts) return false;
  return std::any_of(routine.items.begin(), routine.items.end(), [&](const catalogue::RoutineItem& item) {
    const catalogue::Exercise* e = catalogue_->find_exercise(item.exercise);
    return e && (item.favour || catalogue::resolve(*e, item, data_.settings.hold_preference).sides == catalogue::Sides::one_side);
  });
}

std::string App::answer_affected_side(session::Side side) {
  const std::string routine = std::move(start_after_side_);
  start_after_side_.clear();
  data_.settings.affected_side = side;
  changed(storage::Part::settings);
  return routine.empty() ? std::string{} : start_routine(routine);
}

std::string App::start_routine(std::string_view id) {
  const catalogue::Routine* routine = find_routine(id);
  if (!routine) return "unknown routine '" + std::string(id) + "'";
  if (player_.stage() == PlayerStage::running) return "a session is already running";
  if (!data_.settings.affected_side && needs_side_that_hurts(*routine)) {
    // Which side hurts decides what a one-sided exercise works: asked once, never guessed.
    confirm_ = Confirm::affected_side;
    start_after_side_ = routine->id;
    return {};
  }
  file_finished_session();  // the last one first, so its record never takes the new one's place
  // An interrupted session is kept as ended early rather than replaced by the new one.
  if (interrupted()) record_interrupted();
  session::ProgressState progress = data_.progress;
  progress.enabled = data_.settings.progression;
  const std::string error = player_.open(*catalogue_, *clips_, *routine, &progress, player_desc(*routine));
  if (!error.empty()) return error;
  session_stored_ = false;
  if (!data_.settings.current_routine || *data_.settings.current_routine != routine->id) choose_routine(routine->id);
  nav_.navigate(Screen::player);
  return {};
}

std::string App::answer_pain(std::optional<int> score) {
  const PlayerStage before = player_.stage();
  if (before != PlayerStage::pain_before && before != PlayerStage::pain_after) return "the player is not asking about pain";
  if (score && (*score < 0 || *score > 10)) return "a pain score is from 0 to 10";
  if (!player_.answer_pain(score)) return "the answer was not taken";
  if (before == PlayerStage::pain_before) {
    save_session_progress();
    exercises_reported_ = player_.next_exercise();
    host_event("session_started", [&](json::Writer& w) {
      w.key("routine").value(player_.routine_id()).key("routineName").value(routine_name(player_.routine_id()))
          .key("exercises").value(player_.routine_exercises());
    });
  }
  if (player_.stage() == PlayerStage::summary) {
    // Not while writes fail: the session is filed at once, so a backup saved now holds it.
    if (before == PlayerStage::pain_after && score && data_.in_progress && !memory_only_ && !sync_.load_failed() &&
        sync_.status() != storage::StoreStatus::loading && sync_.status() != storage::StoreStatus::failed) {
      // The score goes first in the session in progress: the same small write a finished
      // exercise gets, so a browser killed a moment later still has it. The session is filed in
      // the history (the larger write) once that write is stored (write_finished).
      session::SessionRecord record = player_.record();
      record.routine = player_.routine_id();
      data_.in_progress->record = record;
      data_.in_progress->saved_at_ms = now_ms();
      changed(storage::Part::in_progress);
      to_file_ = std::move(record);
      file_after_revision_ = sync_.revision();
    }
    store_finished_session();
    if (before == PlayerStage::pain_after && !persist_asked_) {
      // The browser is asked to keep the data once a session has given it something to keep,
      // at the person's last answer (browsers honour a request made at a press), once per
      // visit. Not as a session starts: Firefox asks the person, and that is no moment for a
      // question from the browser.
      effects_.request_persist = true;
      persist_asked_ = true;
    }
  }
  return {};
}


std::string App::session_running() const {
  if (player_.stage() != PlayerStage::running) return "no session is running";
  if (player_.engine().status() == session::Status::finished) return "the session has finished";
  return {};
}

std::string App::toggle_pause() {
  if (std::string why = session_running(); !why.empty()) return why;
  session::Engine& e = player_.engine();
  if (e.status() == session::Status::paused) {
    e.resume();
  } else {
    e.pause();
  }
  return {};
}

std::string App::pause_session() {
  if (std::string why = session_running(); !why.empty()) return why;
  if (player_.engine().status() == session::Status::running) player_.engine().pause();
  return {};
}

std::string App::resume_session() {
  if (std::string why = session_running(); !why.empty()) return why;
  if (confirm_ == Confirm::end_session) return "answer the question on screen first";
  if (player_.engine().status() == session::Status::paused) player_.engine().resume();
  return {};
}

std::string App::skip_exercise() {
  if (std::string why = session_running(); !why.empty()) return why;
  player_.engine().skip();
  return {};
}

std::string App::previous_exercise() {
  if (std::string why = session_running(); !why.empty()) return why;
  player_.engine().back();
  return {};
}

std::string App::end_session() {
  if (std::string why = session_running(); !why.empty()) return why;
  confirm_ = Confirm::end_session;
  // The session waits while the person decides: a hold must not run out behind the question.
  paused_for_question_ = player_.engine().status() == session::Status::running;
  if (paused_for_question_) player_.engine().pause();
  return {};
}

std::string App::this_hurts() {
  if (std::string why = session_running(); !why.empty()) return why;
  player_.engine().this_hurts();
  return {};
}

std::string App::close_session() {
  if (!session_open()) return "no session is open";
  if (player_.stage() == PlayerStage::running) return "the session is still running (use end)";
  if (player_.stage() == PlayerStage::pain_after) answer_pain(std::nullopt);  // leaving is skipping the question
  player_.close();
  if (nav_.screen() == Screen::player) nav_.back();
  tell_if_may_be_cleared();  // never mid-session: now, if the first session is what there is to lose
  return {};
}

void App::save_session_progress() {
  if (player_.stage() != PlayerStage::running && player_.stage() != PlayerStage::pain_after) return;
  storage::InProgress ip{.record = player_.record(), .next_exercise = player_.next_exercise(), .saved_at_ms = now_ms()};
  ip.record.routine = player_.routine_id();
  if (data_.in_progress && *data_.in_progress == ip) return;
  data_.in_progress = std::move(ip);
  changed(storage::Part::in_progress);
}

void App::add_session(const session::SessionRecord& record) {
  // A session id is its start and routine: the same session stored twice is one session.
  storage::StoredSession stored{.id = storage::session_id(record), .record = record};
  const storage::AddResult added = storage::add_session(data_.history, stored, desc_.utc_offset_minutes);
  if (added != storage::AddResult::already_there) {
    writes_.add_session(std::move(stored));
    session::update_progress(data_.progress, record);
    changed(storage::Part::progress);
    // Dated before older sessions (a clock set back): the digest is counted again from all.
    if (added == storage::AddResult::needs_rebuild) read_all_sessions(FullRead::rebuild);
  }
  data_.in_progress.reset();
  changed(storage::Part::history);
  changed(storage::Part::in_progress);
}

void App::file_finished_session() {
  if (!to_file_) return;
  const session::SessionRecord record = std::move(*to_file_);
  to_file_.reset();
  add_session(record);
}

void App::store_finished_session() {
  if (session_stored_) return;
  session::SessionRecord record = player_.record();
  record.routine = player_.routine_id();
  if (to_file_) {
    // Its score is being written first; it is filed when that write lands. The host hears now.
    record = *to_file_;
  } else {
    add_session(record);
  }
  session_stored_ = true;
  const int completed = session::count_outcomes(record).completed;
  host_event("session_completed", [&](json::Writer& w) {
    w.key("routine").value(record.routine).key("routineName").value(routine_name(record.routine))
        .key("completed").value(record.completed)
        .key("endedEarly").value(record.ended_early).key("exercisesCompleted").value(completed);
    w.key("painBefore");
    record.pain_before ? w.value(*record.pain_before) : w.null();
    w.key("painAfter");
    record.pain_after ? w.value(*record.pain_after) : w.null();
    // Each exercise: what the session asked for (as prescribed, or the source's amount as built
    // up) and what was done. An exercise done before a resume has no "prescribed" here.
    const session::SessionInput& input = player_.input();
    w.key("exercises").begin_array();
    for (std::size_t i = 0; i < record.exercises.size(); ++i) {
      const session::ExerciseRecord& e = record.exercises[i];
      w.begin_object().key("exercise").value(e.exercise).key("outcome").value(json::enum_name(e.outcome));
      const long run = static_cast<long>(i) - player_.first_exercise();
      if (run >= 0 && static_cast<std::size_t>(run) < input.exercises.size()) {
        const catalogue::Dosage& d = input.exercises[static_cast<std::size_t>(run)].dosage;
        w.key("prescribed").begin_object().key("reps").value(d.reps.start).key("sets").value(d.sets.start);
        w.key("hold");
        d.hold ? w.value(d.hold->amount.start) : w.null();
        w.key("holdUnit").value(d.hold ? json::enum_name(d.hold->unit) : std::string_view("none"));
        w.key("sides").value(json::enum_name(d.sides)).end_object();
      }
      w.key("done").begin_object().key("reps").value(e.reps_done.total()).key("holds").value(e.holds_done.total())
          .key("holdSeconds").value(std::round(e.hold_seconds * 10) / 10).end_object();
      w.end_object();
    }
    w.end_array();
  });
}

const storage::InProgress* App::interrupted() const {
  // A finished session waiting for its score's write (to_file_) was not interrupted.
  if (player_.stage() != PlayerStage::closed || !data_.in_progress || to_file_) return nullptr;
  return &*data_.in_progress;
}

std::string App::resume_interrupted() {
  const storage::InProgress* ip = interrupted();
  if (!ip) return "there is no interrupted session";
  const catalogue::Routine* routine = find_routine(ip->record.routine);
  if (!routine) {
    record_interrupted();
    return "the routine of the interrupted session no longer exists; what was done has been recorded";
  }
  if (ip->next_exercise >= static_cast<int>(routine->items.size())) {
    record_interrupted();  // every exercise was done: nothing left to resume
    return {};
  }
  const session::SessionRecord resumed = ip->record;
  PlayerDesc desc = player_desc(*routine);
  desc.first_exercise = ip->next_exercise;
  desc.resumed = &resumed;
  session::ProgressState progress = data_.progress;
  progress.enabled = data_.settings.progression;
  const std::string error = player_.open(*catalogue_, *clips_, *routine, &progress, desc);
  if (!error.empty()) return error;
  session_stored_ = false;
  exercises_reported_ = player_.next_exercise();
  nav_.navigate(Screen::player);
  return {};
}

std::string App::record_interrupted() {
  if (!interrupted()) return "there is no interrupted session";
  session::SessionRecord record = data_.in_progress->record;
  // A session closed while asking the last pain score was completed; any other ended early.
  record.ended_early = !record.completed;
  record.ended_at_ms = std::max({record.started_at_ms, record.ended_at_ms, data_.in_progress->saved_at_ms});
  add_session(record);
  return {};
}

bool App::wants_wake_lock() const {
  return data_.settings.keep_screen_awake && player_.stage() == PlayerStage::running &&
         player_.engine().status() == session::Status::running;
}

bool App::update(float dt) {
  const PlayerStage before = player_.stage();
  const bool moving = player_.update(dt);
  if (player_.stage() != PlayerStage::closed) report_finished_exercises();
  if (player_.take_save_request()) {
    if (player_.stage() == PlayerStage::summary) {
      store_finished_session();
    } else {
      save_session_progress();
    }
  }
  // The engine finished (or was ended): the record waits only for the pain score after.
  if (before == PlayerStage::running && player_.stage() == PlayerStage::pain_after) save_session_progress();
  return moving;
}

}  // namespace limber::app
