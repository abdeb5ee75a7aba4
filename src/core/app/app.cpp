// The app's decisions. Index: setup, navigation, routines, confirmations, the clinic widget,
// data, the shell. The session: app_session.cpp. The routine editor and links:
// app_editor.cpp. What is stored and when: app_storage.cpp.
#include "app/app.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "app/routine_editor.h"
#include "catalogue/summary.h"
#include "progress/history_digest.h"
#include "session/duration.h"
#include "storage/backup.h"
#include "storage/data_checks.h"
#include "text/cat.h"
#include "text/utf8.h"

namespace limber::app {

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
  // Said once in the live region: the same words shown again are not news.
  if (text != notice_.text || kind != notice_.kind) {
    effects_.announcements.push_back({.kind = kind == NoticeKind::problem ? "problem" : "notice", .text = text});
  }
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
  keep_unsaved();
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

std::string App::navigate(Screen screen) {
  if (screen == Screen::player && !session_open()) return "no session is open (use start <routine>)";
  if (screen == Screen::routine_editor && !draft_.is_open()) return "no routine is being edited";
  if (screen == Screen::exercise && !selected_exercise()) return "no exercise is chosen (use exercise <id>)";
  if (screen == Screen::shared_routine && !incoming_) return "no routine link is open";
  nav_.navigate(screen);
  return {};
}

std::string App::back() {
  if (confirm_ == Confirm::affected_side) {  // not an answer: nothing starts, nothing is kept
    confirm_ = Confirm::none;
    start_after_side_.clear();
    return {};
  }
  if (confirm_ != Confirm::none) return confirm_no();
  if (nav_.screen() == Screen::player && player_.stage() == PlayerStage::running) {
    return end_session();  // asks first: a stray Back must not throw a session away
  }
  if (nav_.screen() == Screen::player && player_.stage() != PlayerStage::closed) return close_session();
  if (nav_.depth() <= 1) return "already on the first screen";
  if (nav_.screen() == Screen::routine_editor && draft_.has_changes()) {
    confirm_ = Confirm::leave_editor;  // never thrown away by a stray Back: keep, save or leave
    return {};
  }
  if (nav_.screen() == Screen::routine_editor) draft_.close();  // with its note and link
  if (nav_.screen() == Screen::shared_routine) incoming_.reset();
  nav_.back();
  return {};
}

std::string App::open_exercise(std::string_view id) {
  if (!catalogue_->find_exercise(id)) return "unknown exercise '" + std::string(id) + "'";
  exercise_id_ = std::string(id);
  nav_.navigate(Screen::exercise);
  return {};
}

const catalogue::Exercise* App::selected_exercise() const { return catalogue_->find_exercise(exercise_id_); }

// ---- Routines --------------------------------------------------------------------------

std::vector<const catalogue::Routine*> App::all_routines() const {
  std::vector<const catalogue::Routine*> out;
  for (const catalogue::Routine& r : catalogue_->routines) out.push_back(&r);
  for (const catalogue::Routine& r : data_.routines) out.push_back(&r);
  return out;
}

const catalogue::Routine* App::find_routine(std::string_view id) const {
  if (const catalogue::Routine* r = catalogue_->find_routine(id)) return r;
  if (embed_.clinician && embed_.clinician->routine.id == id) return &embed_.clinician->routine;
  for (const catalogue::Routine& r : data_.routines) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

std::string App::routine_name(std::string_view id) const {
  const catalogue::Routine* routine = find_routine(id);
  return routine ? routine->name : storage::unknown_routine_words(id);
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

std::string App::choose_routine(std::string_view id) {
  if (!find_routine(id)) return "unknown routine '" + std::string(id) + "'";
  if (data_.settings.current_routine == id) return {};
  data_.settings.current_routine = std::string(id);
  changed(storage::Part::settings);
  return {};
}

double App::routine_seconds(const catalogue::Routine& routine) const {
  return session::routine_seconds(*catalogue_, routine, player_desc(routine).pace);
}

std::string App::routine_facts(const catalogue::Routine& routine) const {
  return text::cat({text::count(static_cast<long long>(routine.items.size()), "exercise", "exercises"), ", about ",
                    catalogue::format_duration(routine_seconds(routine)), "."});
}

// ---- Confirmations ---------------------------------------------------------------------

std::string App::confirm_no() {
  if (confirm_ == Confirm::none) return "nothing is being asked";
  if (confirm_ == Confirm::affected_side) {  // the second answer: the right side
    confirm_ = Confirm::none;
    return answer_affected_side(session::Side::right);
  }
  if (confirm_ == Confirm::end_session && paused_for_question_ && player_.stage() == PlayerStage::running) {
    player_.engine().resume();
  }
  paused_for_question_ = false;
  confirm_ = Confirm::none;
  return {};
}

std::string App::confirm_yes() {
  if (confirm_ == Confirm::none) return "nothing is being asked";
  const Confirm what = confirm_;
  confirm_ = Confirm::none;
  paused_for_question_ = false;
  switch (what) {
    case Confirm::none: break;
    case Confirm::end_session:
      if (player_.stage() == PlayerStage::running) player_.engine().end_early();
      break;
    case Confirm::affected_side:
      return answer_affected_side(session::Side::left);
    case Confirm::leave_editor:
      draft_.close();
      if (nav_.screen() == Screen::routine_editor) nav_.back();
      break;
    case Confirm::delete_routine:
      if (delete_routine(data_, routine_to_delete_)) {
        if (draft_.is_open() && draft_.routine()->id == routine_to_delete_) {
          draft_.close();
          if (nav_.screen() == Screen::routine_editor) nav_.back();
        }
        changed(storage::Part::routines);
        changed(storage::Part::settings);  // it may have been Today's routine
      }
      break;
    case Confirm::delete_all_data: {
      if (player_.stage() != PlayerStage::closed) player_.close();
      data_ = storage::Profile{};
      draft_.close();
      effects_.clear_storage = true;  // and every copy kept aside, before the fresh write
      deleted_all_ = true;
      if (waiting_for_storage_) {  // nothing stored is left to read first: writes may start
        waiting_for_storage_ = false;
        sync_.loaded(true, "");
      }
      writes_.restart();
      sync_.changed();
      full_reads_ = {};
      pending_import_.clear();
      nav_.navigate(Screen::today);
      show(NoticeKind::info, "All your Limber data has been deleted from this device.");
      break;
    }
  }
  return {};
}

// ---- The clinic widget -----------------------------------------------------------------

void App::set_embed(const EmbedOptions& options) {
  embed_ = options;
  // A widget whose address was refused offers nothing but the reason, never a routine it was not given.
  if (embed_.embedded && !embed_.refused && embed_.routine.empty() && !catalogue_->routines.empty()) {
    embed_.routine = catalogue_->routines.front().id;
  }
}

void App::host_ready() {
  host_event("ready", [&](json::Writer& w) {
    w.key("routine").value(embed_.routine).key("routineName").value(embed_.routine.empty() ? "" : routine_name(embed_.routine));
  });
}

void App::report_finished_exercises() {
  const session::SessionRecord record = player_.record();
  // The record lists every exercise; the first next_exercise() of them have come to an end.
  const int finished = std::min<int>(player_.next_exercise(), static_cast<int>(record.exercises.size()));
  for (; exercises_reported_ < finished; ++exercises_reported_) {
    const session::ExerciseRecord& e = record.exercises[static_cast<std::size_t>(exercises_reported_)];
    // Finished exercises only: an exercise the session moved past without an outcome counts
    // as skipped for the host page, whose messages name only these three.
    const std::string_view outcome =
        e.outcome == session::Outcome::not_reached ? "skipped" : json::enum_name(e.outcome);
    host_event("exercise_completed", [&](json::Writer& w) {
      w.key("routine").value(player_.routine_id()).key("routineName").value(routine_name(player_.routine_id()))
          .key("exercise").value(e.exercise)
          .key("index").value(exercises_reported_ + 1).key("outcome").value(outcome);
    });
  }
}

// ---- Data ------------------------------------------------------------------------------

std::string App::change_settings(const storage::Settings& settings) {
  // The same checks as stored settings, so no way in can store what a load would refuse.
  std::vector<storage::DataProblem> problems;
  storage::check_settings(settings, problems);
  if (!problems.empty()) return problems.front().path + ": " + problems.front().message;
  if (settings == data_.settings) return {};
  data_.settings = settings;
  changed(storage::Part::settings);
  return {};
}

void App::acknowledge_safety() {
  data_.settings.safety_acknowledged = true;
  changed(storage::Part::settings);
}

void App::ask_delete_all() { confirm_ = Confirm::delete_all_data; }

void App::update_available() {
  if (!update_ready_) {
    effects_.announcements.push_back({.kind = "update", .text = std::string(kUpdateReadyWords)});
  }
  update_ready_ = true;
}

std::string App::apply_update() {
  if (!update_ready_) return "no update is waiting";
  if (session_open()) return "a session is open: the update waits until it ends";
  update_requested_ = true;
  return {};
}

// ---- The shell -------------------------------------------------------------------------

std::string App::set_clock_rate(double rate) {
  if (!(rate >= 1 && rate <= 200)) return "expected a number from 1 to 200";
  clock_rate_ = rate;
  return {};
}

std::string App::scroll_by(double css_pixels) {
  if (!(std::abs(css_pixels) <= 10000)) return "expected CSS pixels from -10000 to 10000";
  scroll_ += static_cast<float>(css_pixels);
  return {};
}

float App::take_scroll() { return std::exchange(scroll_, 0.0f); }

namespace {
// The UI's control ids: "start", "tab-today", "reps-2-less", "bed-In bed" (a filter's label).
bool control_id_well_formed(std::string_view id) {
  if (id.empty() || id.size() > 80 || id.front() == ' ' || id.back() == ' ') return false;
  return std::all_of(id.begin(), id.end(), [](char c) { return c >= 0x20 && c <= 0x7E; });
}
}  // namespace

std::string App::focus_control(std::string_view id) {
  if (!id.empty() && !control_id_well_formed(id)) return "expected a control's id (up to 80 printable ASCII characters)";
  focused_control_ = std::string(id);
  return {};
}

std::string App::press_control(std::string_view id) {
  if (!control_id_well_formed(id)) return "expected a control's id (up to 80 printable ASCII characters)";
  press_ = std::string(id);
  return {};
}

}  // namespace limber::app
