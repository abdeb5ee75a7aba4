// The app's decisions. Index: setup and storage, navigation, routines, session, routine
// editor, confirmations, data.
#include "app/app.h"

#include <algorithm>
#include <set>

#include "app/routine_editor.h"
#include "catalogue/catalogue_json.h"
#include "progress/history_digest.h"
#include "session/duration.h"
#include "storage/backup.h"
#include "text/utf8.h"

namespace limber::app {

namespace {
// What the page found stored in place of what this tab last read (App::write_finished).
struct ConflictFound {
  std::optional<storage::HistoryDigest> history;
  std::optional<std::vector<catalogue::Routine>> routines;
};
}  // namespace

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

void App::changed(storage::Part part) {
  writes_.mark(part);
  sync_.changed();
}

void App::load_stored(const StoredInput& stored, const std::string& load_error) {
  if (!load_error.empty()) {
    sync_.loaded(false, load_error);
    if (embed_.embedded) {
      // Browsers that block storage for sites inside other sites do it to every widget:
      // retrying would only fail again, so the widget keeps everything in memory.
      memory_only_ = true;
      show(NoticeKind::info,
           "This browser does not let exercises inside another website keep anything, so what you do here "
           "lasts until you close this page. Open Limber on its own to keep a history.");
      return;
    }
    show(NoticeKind::problem,
         "Your progress could not be read from this browser's storage (" + load_error +
             "). Limber keeps working and will keep trying to save; you can also save a backup file.",
         true);
    return;
  }
  sync_.loaded(true, "");
  const auto refuse = [&](const storage::DataProblem& p, std::string_view what) {
    // Never overwrite what could not be read: the page keeps it apart, and we start afresh.
    effects_.set_aside.push_back(stored.text);
    show(NoticeKind::problem, "Your stored " + std::string(what) + " could not be read (" +
                                  (p.path.empty() ? "" : p.path + ": ") + p.message +
                                  "). It has been kept aside, unchanged, and Limber has started afresh.");
    writes_.mark_all();
    sync_.changed();
  };
  switch (stored.kind) {
    case StoredInput::Kind::none:
      // A first visit: the first write lays out every part, the layout's schema among them.
      writes_.mark_all();
      return;
    case StoredInput::Kind::parts: {
      storage::ProfileResult result = storage::read_profile(stored.text);
      if (!result.profile) {
        refuse(result.problems.front(), "settings");
        // The sessions are entries of their own, untouched: count them in again.
        read_all_sessions(FullRead::rebuild);
        return;
      }
      data_ = std::move(*result.profile);
      return;
    }
    case StoredInput::Kind::legacy: {
      // A schema-1 document (one piece): every part and every session is written in one
      // transaction, which also records the new layout; the document goes only once the new
      // layout has been read back with every session (ProfileWrites::migrate). If the write never
      // completes, nothing of it exists, and the next start migrates again.
      storage::DataResult result = storage::from_json(stored.text);
      if (!result.data) {
        refuse(result.problems.front(), "progress");
        return;
      }
      std::vector<storage::StoredSession> sessions = result.data->sessions;
      data_ = storage::profile_from_user_data(std::move(*result.data), desc_.utc_offset_minutes);
      writes_.migrate(std::move(sessions));
      sync_.changed();
      return;
    }
  }
}

std::optional<PendingWrite> App::begin_write(double now_seconds, bool urgent) {
  if (memory_only_) return std::nullopt;
  const auto revision = sync_.begin_write(now_seconds, urgent);
  if (!revision) return std::nullopt;
  return PendingWrite{.revision = *revision, .text = writes_.begin(data_)};
}

void App::write_finished(std::uint64_t revision, bool ok, const std::string& error, double now_seconds,
                         const std::optional<std::string>& conflict) {
  writes_.finished(ok);
  if (conflict) {
    sync_.write_conflicted(revision);
    // After "delete all", nothing found in storage may come back.
    if (!deleted_all_) merge_conflict(*conflict);
    return;
  }
  const bool was_failing = sync_.status() == storage::StoreStatus::failed;
  sync_.write_finished(revision, ok, error, now_seconds);
  if (!ok) {
    show(NoticeKind::problem,
         "Your progress could not be saved in this browser (" + error +
             "). It is kept while this page is open and Limber will try again; to be safe, save a backup file.",
         true);
  } else if (was_failing && notice_.offer_export) {
    show(NoticeKind::info, "Your progress is saved again.");
  }
}

void App::merge_conflict(const std::string& text) {
  // Another tab wrote the history or the routines since this one read them. Both are merged
  // (sessions and routines from either are kept) and this tab writes the union.
  ConflictFound found;
  std::vector<json::Problem> problems;
  json::ParseResult parsed = json::parse(text);
  if (parsed.ok()) {
    json::ReadContext ctx(problems);
    json::read(parsed.value, found, ctx);
  }
  changed(storage::Part::history);
  changed(storage::Part::routines);
  if (!parsed.ok() || !problems.empty()) {
    effects_.set_aside.push_back(text);  // unreadable: kept apart, never lost
    read_all_sessions(FullRead::rebuild);
    return;
  }
  if (found.routines) {
    for (const catalogue::Routine& r : *found.routines) {
      if (!is_own_routine(r.id) && !catalogue_->find_routine(r.id)) data_.routines.push_back(r);
    }
  }
  if (found.history) {
    bool rebuild = false;
    for (const storage::StoredSession& s : found.history->recent) {
      rebuild = rebuild || storage::add_session(data_.history, s, desc_.utc_offset_minutes) == storage::AddResult::needs_rebuild;
    }
    // The other tab folded sessions this one never saw: only the entries can say which.
    if (rebuild || found.history->sessions() > data_.history.sessions()) read_all_sessions(FullRead::rebuild);
  }
}

void App::read_all_sessions(FullRead why) {
  full_reads_[static_cast<std::size_t>(why)] = true;
  effects_.read_sessions = true;
}

std::string App::sessions_read(std::string_view text) {
  if (std::none_of(full_reads_.begin(), full_reads_.end(), [](bool b) { return b; })) {
    return "no one asked for the stored sessions";
  }
  json::ParseResult parsed = json::parse(text);
  if (!parsed.ok() || !parsed.value.is_array()) return "expected a JSON array of stored sessions";
  std::vector<storage::StoredSession> sessions;
  int unreadable = 0;
  for (const json::Value& item : std::get<json::Value::Array>(parsed.value.data)) {
    std::vector<json::Problem> problems;
    json::ReadContext ctx(problems);
    storage::StoredSession s;
    json::read(item, s, ctx);
    if (problems.empty() && s.id == storage::session_id(s.record)) sessions.push_back(std::move(s));
    else ++unreadable;
  }
  if (unreadable > 0) {
    show(NoticeKind::problem, std::to_string(unreadable) + " stored session" + (unreadable == 1 ? "" : "s") +
                                  " could not be read and " + (unreadable == 1 ? "is" : "are") +
                                  " left out. They stay stored, unchanged.");
  }
  finish_full_read(std::move(sessions));
  return {};
}

std::string App::sessions_unreadable(std::string_view reason) {
  if (std::none_of(full_reads_.begin(), full_reads_.end(), [](bool b) { return b; })) {
    return "no one asked for the stored sessions";
  }
  const bool importing = full_reads_[static_cast<std::size_t>(FullRead::import)];
  full_reads_[static_cast<std::size_t>(FullRead::import)] = false;
  full_reads_[static_cast<std::size_t>(FullRead::rebuild)] = false;
  pending_import_.clear();
  const bool exporting = std::any_of(full_reads_.begin(), full_reads_.end(), [](bool b) { return b; });
  std::string said = "Your stored sessions could not be read (" + std::string(reason) + ").";
  if (importing) said += " The backup was not imported; nothing was changed. Try again later.";
  if (exporting) {
    said += " The file holds the " + std::to_string(data_.history.recent.size()) +
            " most recent sessions, which Limber has in memory; the older ones stay stored.";
    finish_full_read(data_.history.recent);
  }
  full_reads_ = {};
  show(NoticeKind::problem, said);
  return {};
}

void App::finish_full_read(std::vector<storage::StoredSession> stored) {
  // What this tab has not written yet belongs to the history too.
  for (storage::StoredSession& s : writes_.pending_sessions()) stored.push_back(std::move(s));
  const auto wanted = full_reads_;
  full_reads_ = {};
  // Repeated ids (a pending session also stored) count once.
  std::set<std::string> seen;
  std::erase_if(stored, [&](const storage::StoredSession& s) { return !seen.insert(s.id).second; });
  storage::UserData whole = storage::user_data_of(data_, std::move(stored));
  if (wanted[static_cast<std::size_t>(FullRead::import)] && !pending_import_.empty()) {
    std::set<std::string> before;
    for (const storage::StoredSession& s : whole.sessions) before.insert(s.id);
    const std::string text = std::move(pending_import_);
    pending_import_.clear();
    const storage::ImportResult result = storage::import_backup(whole, text, *catalogue_);
    if (!result.ok()) {
      show(NoticeKind::problem, result.error + " Nothing was changed.");
    } else {
      for (const storage::StoredSession& s : whole.sessions) {
        if (!before.contains(s.id)) writes_.add_session(s);
      }
      data_.routines = whole.routines;
      // Progression is learnt from the history: with the imported sessions, learn it again.
      if (result.sessions_added > 0) {
        session::ProgressState progress{.enabled = data_.progress.enabled, .exercises = {}};
        for (const storage::StoredSession& s : whole.sessions) session::update_progress(progress, s.record);
        data_.progress = std::move(progress);
        whole.progress = data_.progress;
      }
      changed(storage::Part::routines);
      changed(storage::Part::progress);
      data_.history = storage::digest_history(whole.sessions, desc_.utc_offset_minutes);
      changed(storage::Part::history);
      std::string said = "Backup imported: " + std::to_string(result.sessions_added) + " session" +
                         (result.sessions_added == 1 ? "" : "s") + " added";
      if (result.sessions_already_there > 0) said += ", " + std::to_string(result.sessions_already_there) + " already here";
      if (result.routines_added > 0) said += ", " + std::to_string(result.routines_added) + " routine" + (result.routines_added == 1 ? "" : "s") + " added";
      show(NoticeKind::info, said + ".");
    }
  }
  if (wanted[static_cast<std::size_t>(FullRead::rebuild)]) {
    data_.history = storage::digest_history(whole.sessions, desc_.utc_offset_minutes);
    changed(storage::Part::history);
  }
  const std::int64_t now = now_ms();
  const std::string date = storage::format_local_time(now, desc_.utc_offset_minutes).substr(0, 10);
  if (wanted[static_cast<std::size_t>(FullRead::export_backup)]) {
    effects_.downloads.push_back({.file_name = "limber-backup-" + date + ".json", .mime = "application/json",
                                  .text = storage::export_backup(whole, now)});
  }
  if (wanted[static_cast<std::size_t>(FullRead::export_csv)]) {
    effects_.downloads.push_back({.file_name = "limber-history-" + date + ".csv", .mime = "text/csv",
                                  .text = storage::history_csv(whole, *catalogue_, desc_.utc_offset_minutes)});
  }
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

// Backups and the CSV hold every session: they are made once the page has read them all.
void App::export_backup() { read_all_sessions(FullRead::export_backup); }
void App::export_history_csv() { read_all_sessions(FullRead::export_csv); }

std::string App::check_backup_size(double bytes) {
  if (bytes <= static_cast<double>(storage::kMaxBackupBytes)) return {};
  const std::string error = "This file is " + std::to_string(static_cast<long long>(bytes / 1e6 + 0.5)) +
                            " MB; Limber reads backups of up to " + std::to_string(storage::kMaxBackupBytes / 1'000'000) +
                            " MB (about 16,000 sessions), so this cannot be one of its backups.";
  show(NoticeKind::problem, error + " Nothing was changed.");
  return error;
}

std::string App::import_backup(std::string_view text) {
  if (const std::string too_big = check_backup_size(static_cast<double>(text.size())); !too_big.empty()) return too_big;
  // Checked whole first, against nothing stored (a file that is wrong is wrong everywhere);
  // merged once every stored session is read, so sessions already here are not added twice.
  storage::UserData empty = storage::user_data_of(data_, {});
  const storage::ImportResult result = storage::import_backup(empty, text, *catalogue_);
  if (!result.ok()) {
    show(NoticeKind::problem, result.error + " Nothing was changed.");
    return result.error;
  }
  pending_import_ = std::string(text);
  read_all_sessions(FullRead::import);
  return {};
}

void App::ask_delete_all() { confirm_ = Confirm::delete_all_data; }

std::string App::apply_update() {
  if (!update_ready_) return "no update is waiting";
  if (session_open()) return "a session is open: the update waits until it ends";
  update_requested_ = true;
  return {};
}

}  // namespace limber::app
