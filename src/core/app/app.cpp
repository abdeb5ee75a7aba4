// The app's decisions. Index: setup, navigation, routines, session, routine editor,
// confirmations, data. What is stored and when: app_storage.cpp.
#include "app/app.h"

#include <algorithm>

#include "app/routine_editor.h"
#include "progress/history_digest.h"
#include "session/duration.h"
#include "storage/backup.h"
#include "text/utf8.h"

namespace limber::app {


std::string_view pain_words(int score) {
  if (score <= 0) return "No pain";
  if (score <= 3) return "Mild";
  if (score <= 6) return "Moderate";
  if (score <= 9) return "Severe";
  return "The worst pain imaginable";
}

std::string_view confirm_id(Confirm c) {
  switch (c) {
    case Confirm::none: return "none";
    case Confirm::delete_routine: return "delete_routine";
    case Confirm::delete_all_data: return "delete_all_data";
    case Confirm::end_session: return "end_session";
  }
  return "none";
}

std::string_view confirm_question(Confirm c) {
  switch (c) {
    case Confirm::none: return "";
    case Confirm::end_session: return "End this session now?";
    case Confirm::delete_routine: return "Delete this routine?";
    case Confirm::delete_all_data: return "Delete all your Limber data?";
  }
  return "";
}

// ---- Setup and storage ----------------------------------------------------------------

void App::init(const catalogue::Catalogue& catalogue, const animation::ClipLibrary& clips, const AppDesc& desc) {
  catalogue_ = &catalogue;
  clips_ = &clips;
  desc_ = desc;
}

progress::ProgressSummary App::progress_summary() const {
  return progress::summarise_history(data_.history, {.now_ms = now_ms(), .utc_offset_minutes = desc_.utc_offset_minutes,
                                                      .pain_eases_within_weeks = catalogue_->safety.pain_eases_within_weeks});
}

std::int64_t App::now_ms() const { return desc_.clock.wall_ms ? desc_.clock.wall_ms(desc_.clock.user) : 0; }

void App::show(NoticeKind kind, std::string text, bool offer_export) {
  notice_ = {.kind = kind, .text = std::move(text), .offer_export = offer_export};
}

void App::page_hidden() {
  if (player_.stage() == PlayerStage::running) {
    player_.engine().page_hidden();
    save_session_progress();
  }
}

Effects App::take_effects() {
  for (session::Cue& c : player_.take_cues()) effects_.cues.push_back(std::move(c));
  // The page reloads into the new build: only once everything is stored.
  if (update_requested_ && !session_open() && sync_.status() == storage::StoreStatus::saved) {
    update_requested_ = false;
    update_applying_ = true;
    effects_.apply_update = true;
  }
  Effects out = std::move(effects_);
  effects_ = {};
  return out;
}

// ---- Navigation ------------------------------------------------------------------------

bool App::back() {
  if (confirm_ != Confirm::none) {
    confirm_no();
    return true;
  }
  if (nav_.screen() == Screen::player && player_.stage() == PlayerStage::running) {
    end_session();  // asks first: a stray Back must not throw a session away
    return true;
  }
  if (nav_.screen() == Screen::player && player_.stage() != PlayerStage::closed) {
    close_session();
    return true;
  }
  if (nav_.screen() == Screen::routine_editor) draft_.reset();
  if (nav_.screen() == Screen::shared_routine) incoming_.reset();
  return nav_.back();
}

void App::open_exercise(std::string_view id) {
  if (!catalogue_->find_exercise(id)) return;
  exercise_id_ = std::string(id);
  nav_.navigate(Screen::exercise);
}

const catalogue::Exercise* App::selected_exercise() const { return catalogue_->find_exercise(exercise_id_); }

std::vector<const catalogue::Exercise*> App::filtered_exercises() const {
  std::vector<const catalogue::Exercise*> out;
  for (const catalogue::Exercise& e : catalogue_->exercises) {
    if (filter_.position && e.position != *filter_.position) continue;
    if (filter_.in_bed && e.in_bed != *filter_.in_bed) continue;
    if (filter_.kind && e.kind != *filter_.kind) continue;
    out.push_back(&e);
  }
  return out;
}

// ---- Routines --------------------------------------------------------------------------

std::vector<const catalogue::Routine*> App::all_routines() const {
  std::vector<const catalogue::Routine*> out;
  for (const catalogue::Routine& r : catalogue_->routines) out.push_back(&r);
  for (const catalogue::Routine& r : data_.routines) out.push_back(&r);
  return out;
}

const catalogue::Routine* App::find_routine(std::string_view id) const {
  if (const catalogue::Routine* r = catalogue_->find_routine(id)) return r;
  for (const catalogue::Routine& r : data_.routines) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

bool App::is_own_routine(std::string_view id) const {
  return std::any_of(data_.routines.begin(), data_.routines.end(), [&](const catalogue::Routine& r) { return r.id == id; });
}

const catalogue::Routine* App::current_routine() const {
  if (data_.settings.current_routine) {
    if (const catalogue::Routine* r = find_routine(*data_.settings.current_routine)) return r;
  }
  return catalogue_->routines.empty() ? nullptr : &catalogue_->routines.front();
}

void App::choose_routine(std::string_view id) {
  if (!find_routine(id)) return;
  data_.settings.current_routine = std::string(id);
  changed(storage::Part::settings);
}

double App::routine_seconds(const catalogue::Routine& routine) const {
  return session::routine_seconds(*catalogue_, routine, player_desc().pace);
}

// ---- Session ---------------------------------------------------------------------------

PlayerDesc App::player_desc() const {
  const storage::Settings& s = data_.settings;
  return {.clock = desc_.clock,
          .pace = {.breath_in_seconds = s.breath_in_seconds, .breath_out_seconds = s.breath_out_seconds},
          .pause_when_hidden = s.pause_when_hidden,
          .hold = catalogue::hold_preference_from_id(s.hold_preference).value_or(catalogue::HoldPreference::source_default)};
}

std::string App::start_routine(std::string_view id) {
  const catalogue::Routine* routine = find_routine(id);
  if (!routine) return "unknown routine '" + std::string(id) + "'";
  if (player_.stage() == PlayerStage::running) return "a session is already running";
  // An interrupted session is kept as ended early rather than replaced by the new one.
  if (interrupted()) record_interrupted();
  session::ProgressState progress = data_.progress;
  progress.enabled = data_.settings.progression;
  const std::string error = player_.open(*catalogue_, *clips_, *routine, &progress, player_desc());
  if (!error.empty()) return error;
  session_stored_ = false;
  if (!data_.settings.current_routine || *data_.settings.current_routine != routine->id) choose_routine(routine->id);
  if (!persist_asked_) {
    // Asked at a person's action, where browsers honour it, and only once per visit.
    effects_.request_persist = true;
    persist_asked_ = true;
  }
  nav_.navigate(Screen::player);
  return {};
}

bool App::answer_pain(std::optional<int> score) {
  const PlayerStage before = player_.stage();
  if (!player_.answer_pain(score)) return false;
  if (before == PlayerStage::pain_before) {
    save_session_progress();
    exercises_reported_ = player_.next_exercise();
    host_event("session_started", [&](json::Writer& w) {
      w.key("routine").value(player_.routine_id()).key("exercises").value(player_.routine_exercises());
    });
  }
  if (player_.stage() == PlayerStage::summary) store_finished_session();
  return true;
}

void App::toggle_pause() {
  if (player_.stage() != PlayerStage::running) return;
  session::Engine& e = player_.engine();
  if (e.status() == session::Status::paused) {
    e.resume();
  } else if (e.status() == session::Status::running) {
    e.pause();
  }
}

void App::pause_session() {
  if (player_.stage() == PlayerStage::running && player_.engine().status() == session::Status::running) player_.engine().pause();
}

void App::resume_session() {
  if (player_.stage() == PlayerStage::running && player_.engine().status() == session::Status::paused) player_.engine().resume();
}

void App::skip_exercise() {
  if (player_.stage() == PlayerStage::running) player_.engine().skip();
}

void App::previous_exercise() {
  if (player_.stage() == PlayerStage::running) player_.engine().back();
}

void App::end_session() {
  if (player_.stage() != PlayerStage::running) return;
  confirm_ = Confirm::end_session;
  // The session waits while the person decides: a hold must not run out behind the question.
  paused_for_question_ = player_.engine().status() == session::Status::running;
  if (paused_for_question_) player_.engine().pause();
}

void App::confirm_no() {
  if (confirm_ == Confirm::end_session && paused_for_question_ && player_.stage() == PlayerStage::running) {
    player_.engine().resume();
  }
  paused_for_question_ = false;
  confirm_ = Confirm::none;
}

void App::this_hurts() {
  if (player_.stage() == PlayerStage::running) player_.engine().this_hurts();
}

void App::close_session() {
  if (player_.stage() == PlayerStage::running) return;
  if (player_.stage() == PlayerStage::pain_after) answer_pain(std::nullopt);  // leaving is skipping the question
  player_.close();
  if (nav_.screen() == Screen::player) nav_.back();
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

void App::store_finished_session() {
  if (session_stored_) return;
  session::SessionRecord record = player_.record();
  record.routine = player_.routine_id();
  add_session(record);
  session_stored_ = true;
  const int completed = session::count_outcomes(record).completed;
  host_event("session_completed", [&](json::Writer& w) {
    w.key("routine").value(record.routine).key("completed").value(record.completed)
        .key("endedEarly").value(record.ended_early).key("exercisesCompleted").value(completed);
    w.key("painBefore");
    record.pain_before ? w.value(*record.pain_before) : w.null();
    w.key("painAfter");
    record.pain_after ? w.value(*record.pain_after) : w.null();
  });
}

const storage::InProgress* App::interrupted() const {
  if (player_.stage() != PlayerStage::closed || !data_.in_progress) return nullptr;
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
  PlayerDesc desc = player_desc();
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

void App::record_interrupted() {
  if (!data_.in_progress) return;
  session::SessionRecord record = data_.in_progress->record;
  // A session closed while asking the last pain score was completed; any other ended early.
  record.ended_early = !record.completed;
  record.ended_at_ms = std::max({record.started_at_ms, record.ended_at_ms, data_.in_progress->saved_at_ms});
  add_session(record);
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

// ---- Routine editor --------------------------------------------------------------------

void App::new_routine() {
  draft_ = app::new_routine(*catalogue_, data_);
  forget_typed_text();
  nav_.navigate(Screen::routine_editor);
}

void App::copy_routine(std::string_view id) {
  const catalogue::Routine* from = find_routine(id);
  if (!from) return;
  draft_ = app::copy_routine(*from, *catalogue_, data_);
  forget_typed_text();
  nav_.navigate(Screen::routine_editor);
}

void App::edit_routine(std::string_view id) {
  for (const catalogue::Routine& r : data_.routines) {
    if (r.id == id) {
      draft_ = r;
      forget_typed_text();
      nav_.navigate(Screen::routine_editor);
      return;
    }
  }
}

std::string App::save_draft() {
  if (!draft_) return "nothing is being edited";
  draft_->name = std::string(trim_text(draft_->name));
  if (std::string problem = save_routine(data_, *catalogue_, *draft_); !problem.empty()) return problem;
  changed(storage::Part::routines);
  draft_.reset();
  if (nav_.screen() == Screen::routine_editor) nav_.back();
  return {};
}

void App::ask_delete_routine(std::string_view id) {
  if (!is_own_routine(id)) return;
  routine_to_delete_ = std::string(id);
  confirm_ = Confirm::delete_routine;
}

// ---- Routine links ---------------------------------------------------------------------

std::string App::open_link(std::string_view fragment) {
  links::LinkResult result = links::decode_routine_link(fragment, *catalogue_);
  if (!result.ok()) {
    show(NoticeKind::problem, result.error + " Nothing was added.");
    return result.error;
  }
  incoming_ = std::move(*result.shared);
  nav_.navigate(Screen::shared_routine);
  return {};
}

void App::accept_incoming() {
  if (!incoming_) return;
  catalogue::Routine routine = incoming_->routine;
  routine.id = new_routine_id(*catalogue_, data_);
  const std::string problem = save_routine(data_, *catalogue_, routine);
  if (!problem.empty()) {
    show(NoticeKind::problem, "This routine could not be added: " + problem);
    return;
  }
  data_.settings.current_routine = routine.id;
  changed(storage::Part::routines);
  changed(storage::Part::settings);
  incoming_.reset();
  nav_.navigate(Screen::today);
  show(NoticeKind::info, "\"" + routine.name + "\" is now your routine. It is listed under Routines.");
}

void App::decline_incoming() {
  incoming_.reset();
  if (nav_.screen() == Screen::shared_routine) nav_.back();
}

void App::forget_typed_text() {
  draft_note_.clear();
  text_problems_ = {};
  share_problem_.clear();
  last_link_.clear();
  link_copy_ = LinkCopy::none;
}

std::string App::set_text(TextField field, std::string_view typed) {
  if (!draft_) return "no routine is being edited";
  std::string kept;
  std::size_t was_chars = 0;
  text::check_utf8(text(field), true, was_chars);
  std::string problem = normalise_text(field, typed, kept, was_chars);
  text_problems_[static_cast<std::size_t>(field)] = problem;
  if (!problem.empty()) return problem;
  (field == TextField::routine_name ? draft_->name : draft_note_) = std::move(kept);
  return {};
}

std::string App::text(TextField field) const {
  if (!draft_) return {};
  return field == TextField::routine_name ? draft_->name : draft_note_;
}

const std::string& App::text_problem(TextField field) const { return text_problems_[static_cast<std::size_t>(field)]; }

std::string App::share_draft() {
  if (!draft_) return "nothing is being edited";
  catalogue::Routine routine = *draft_;
  routine.name = std::string(trim_text(routine.name));
  const links::SharedRoutine shared{.routine = std::move(routine), .note = std::string(trim_text(draft_note_))};
  share_problem_ = links::check_shared_routine(shared, *catalogue_);
  if (!share_problem_.empty()) return share_problem_;
  last_link_ = links::encode_routine_link(shared);
  effects_.copy_link = last_link_;
  link_copy_ = LinkCopy::pending;
  return {};
}

std::string App::link_copied(bool ok) {
  if (link_copy_ != LinkCopy::pending) return "no link is waiting to be copied";
  link_copy_ = ok ? LinkCopy::copied : LinkCopy::refused;
  return {};
}

// ---- Confirmations ---------------------------------------------------------------------

void App::confirm_yes() {
  const Confirm what = confirm_;
  confirm_ = Confirm::none;
  paused_for_question_ = false;
  switch (what) {
    case Confirm::none: return;
    case Confirm::end_session:
      if (player_.stage() == PlayerStage::running) player_.engine().end_early();
      return;
    case Confirm::delete_routine:
      if (delete_routine(data_, routine_to_delete_)) {
        if (draft_ && draft_->id == routine_to_delete_) {
          draft_.reset();
          if (nav_.screen() == Screen::routine_editor) nav_.back();
        }
        changed(storage::Part::routines);
        changed(storage::Part::settings);  // it may have been Today's routine
      }
      return;
    case Confirm::delete_all_data: {
      if (player_.stage() != PlayerStage::closed) player_.close();
      data_ = storage::Profile{};
      draft_.reset();
      effects_.clear_storage = true;  // and every copy kept aside, before the fresh write
      deleted_all_ = true;
      writes_.restart();
      sync_.changed();
      full_reads_ = {};
      pending_import_.clear();
      nav_.navigate(Screen::today);
      show(NoticeKind::info, "All your Limber data has been deleted from this device.");
      return;
    }
  }
}

// ---- The clinic widget -----------------------------------------------------------------

void App::set_embed(const EmbedOptions& options) {
  embed_ = options;
  if (embed_.embedded && embed_.routine.empty() && !catalogue_->routines.empty()) embed_.routine = catalogue_->routines.front().id;
}

void App::host_event(std::string_view type, const std::function<void(json::Writer&)>& fields) {
  if (!embed_.embedded || embed_.host_origin.empty()) return;
  json::Writer w;
  w.begin_object().key("source").value("limber").key("version").value(kEmbedMessageVersion).key("type").value(type);
  if (fields) fields(w);
  w.end_object();
  effects_.host_events.push_back(w.str());
}

void App::host_ready() {
  host_event("ready", [&](json::Writer& w) { w.key("routine").value(embed_.routine); });
}

void App::report_finished_exercises() {
  const session::SessionRecord record = player_.record();
  // The record lists every exercise; the first next_exercise() of them have come to an end.
  const int finished = std::min<int>(player_.next_exercise(), static_cast<int>(record.exercises.size()));
  for (; exercises_reported_ < finished; ++exercises_reported_) {
    const session::ExerciseRecord& e = record.exercises[static_cast<std::size_t>(exercises_reported_)];
    const char* outcome = e.hurt ? "stopped_hurt" : e.skipped ? "skipped" : "completed";
    host_event("exercise_completed", [&](json::Writer& w) {
      w.key("routine").value(player_.routine_id()).key("exercise").value(e.exercise)
          .key("index").value(exercises_reported_ + 1).key("outcome").value(outcome);
    });
  }
}

// ---- Data ------------------------------------------------------------------------------

storage::Settings& App::edit_settings() {
  changed(storage::Part::settings);
  return data_.settings;
}

void App::acknowledge_safety() {
  data_.settings.safety_acknowledged = true;
  changed(storage::Part::settings);
}

void App::ask_delete_all() { confirm_ = Confirm::delete_all_data; }

std::string App::apply_update() {
  if (!update_ready_) return "no update is waiting";
  if (session_open()) return "a session is open: the update waits until it ends";
  update_requested_ = true;
  return {};
}

}  // namespace limber::app
