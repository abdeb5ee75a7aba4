// app/app.h: the app as a person uses it, decided in the core and drawn by the UI.
//
// App composes small parts, each with its own header and tests: the person's data and its
// writes (storage/profile.h, app/profile_writes.h, storage/store_sync.h), the screen history
// (app/app_model.h), the session player (app/player.h), the routine being edited and what
// was typed for it (app/routine_draft.h), the library's filters (app/library.h), the words
// of its questions (app/questions.h) and what the page must do next (app/effects.h). App
// itself decides what follows from an action: where to go, what to store, what to tell the
// page. Every change arrives through the command table (app/command.h); an action that
// cannot apply returns why, and changes nothing.
//
// Index (sections here and the files that define them):
//   - Setup and storage   init, load_stored, storage writes, another tab's writes, the
//                         whole history on demand, page hidden (app.cpp, app_storage.cpp,
//                         app_history.cpp)
//   - Navigation          screens, exercise and routine selection, library filters (app.cpp)
//   - Session             start, resume or record an interrupted session, pain, controls
//                         (app_session.cpp)
//   - Routines and links  create, copy, edit, save, delete, share, receive (app_editor.cpp)
//   - Confirmations, the clinic widget, data, updates, the shell (app.cpp)
//
// Usage:
//     limber::app::App app;
//     app.init(catalogue, clips, {.clock = clock});
//     app.load_stored({.kind = StoredInput::Kind::parts, .text = parts}, "");  // before any write
//     each frame: app.update(dt); for (auto& e : app.take_effects().cues) speak(e.text);
//     if (auto w = app.begin_write(now_s, false)) store(w->text, w->revision);  // only what changed
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "animation/clip.h"
#include "app/app_model.h"
#include "app/data_safety.h"
#include "app/effects.h"
#include "app/embed.h"
#include "app/library.h"
#include "app/player.h"
#include "app/profile_writes.h"
#include "app/questions.h"
#include "app/routine_draft.h"
#include "app/routine_editor.h"
#include "app/routine_update.h"
#include "app/text_entry.h"
#include "catalogue/model.h"
#include "json/json_writer.h"
#include "links/routine_link.h"
#include "progress/progress_summary.h"
#include "session/cues.h"
#include "storage/store_sync.h"
#include "storage/profile.h"
#include "storage/user_data.h"
#include "json/enum_names.h"

namespace limber::app {

struct AppDesc {
  session::ClockDesc clock;        // the session's clocks, and wall time for records
  int utc_offset_minutes = 0;      // for dates shown and in the CSV
  std::string page_address;        // this page's address without query or fragment ("https://limber.example/")
  std::uint64_t random_seed = 0;   // from the page's crypto: routines made here get identities no one else's share
};

// One write, in one transaction (app/profile_writes.h has its form).
struct PendingWrite {
  std::uint64_t revision = 0;
  std::string text;
};

class App {
 public:
  // ---- Setup and storage
  void init(const catalogue::Catalogue& catalogue, const animation::ClipLibrary& clips, const AppDesc& desc);
  // What was stored, or why it could not be read. Until this is called nothing is written.
  void load_stored(const StoredInput& stored, const std::string& load_error);
  // The storage answered after start-up had stopped waiting (StoredInput::Kind::waiting, or a
  // load that failed: the page reads again until it can): what it
  // held joins what was done meanwhile (sessions and routines added, a session in progress kept;
  // the stored settings win), and writes start. The argument is the page's load result as JSON:
  // {"kind":"parts"|"legacy"|"none","text":...,"legacyPresent":bool} or {"error":"..."}.
  std::string stored_late(std::string_view load_json);
  // The page found the database in a shape Limber did not leave it (a store missing) and
  // repaired it, or found it emptied while open (deleted, cleared): everything held in memory
  // is written again at once, and the person is told what that covers. Both return "".
  std::string storage_repaired(std::string_view why);
  std::string storage_lost(std::string_view why);
  // A finished session waits to be filed until the write of its last pain score is stored.
  bool session_waiting_for_write() const { return to_file_.has_value(); }
  // A write to start now (nullopt: nothing to write, or not yet).
  std::optional<PendingWrite> begin_write(double now_seconds, bool urgent);
  // The write settled. `conflict` is set when another tab (or a load that had failed) left
  // parts this app never read: {"history": text|null, "routines": text|null}. Nothing was
  // written; they are merged and the write is tried again at once.
  void write_finished(std::uint64_t revision, bool ok, const std::string& error, double now_seconds,
                      const std::optional<std::string>& conflict = std::nullopt);
  // Every stored session, as a JSON array, after Effects::read_sessions: for backups, the
  // CSV, an import, or rebuilding the digest. "" or why it was refused.
  std::string sessions_read(std::string_view text);
  // The stored sessions could not be read (the browser's words): a backup or the CSV holds
  // what the app has in memory and says so; an import waits; nothing is lost.
  std::string sessions_unreadable(std::string_view reason);
  // The page is being hidden or closed: pause if the setting says so, save the session so far.
  void page_hidden();

  const storage::Profile& data() const { return data_; }
  const storage::StoreSync& sync() const { return sync_; }
  std::size_t last_write_bytes() const { return writes_.last_bytes(); }  // the text of the last write begun
  const catalogue::Catalogue& catalogue() const { return *catalogue_; }
  // A routine link's whole address: this page's, then '#' and the fragment ("routine=1....").
  std::string link_address(std::string_view fragment) const { return desc_.page_address + "#" + std::string(fragment); }
  // A routine's whole link address, or "" and why not in `problem` (the same check a copied link passes).
  std::string routine_address(const catalogue::Routine& routine, std::string* problem = nullptr) const;
  const animation::ClipLibrary& clips() const { return *clips_; }
  const Notice& notice() const { return notice_; }
  void dismiss_notice() { notice_ = {}; }
  void show_problem(std::string text) { show(NoticeKind::problem, std::move(text)); }
  Effects take_effects();
  std::int64_t now_ms() const;
  std::int64_t today() const;  // the person's local day, days after 1970-01-01
  // Days since an own routine became the person's (its started_on) for its build-ups; 0 without one.
  std::int64_t days_into(const catalogue::Routine& routine) const;
  // What an own routine's build-ups raise today against the last session of it (or yesterday,
  // before its first), and what they raise tomorrow: catalogue::amounts_going_up()'s sentences.
  std::vector<std::string> amounts_up_today(const catalogue::Routine& routine) const;
  std::vector<std::string> amounts_up_tomorrow(const catalogue::Routine& routine) const;
  // The side that hurts for a routine: the one it names, else the person's own answer, if given.
  std::optional<catalogue::FirstSide> side_that_hurts(const catalogue::Routine& routine) const;
  // What Today and Progress show of the history, from its digest: the same cost every frame
  // whatever the history's length.
  progress::ProgressSummary progress_summary() const;
  int utc_offset_minutes() const { return desc_.utc_offset_minutes; }

  // Every action below that can be refused returns "" or why, and changes nothing when it
  // refuses; the command table (app/command.h) passes the reason on.

  // ---- Navigation
  const AppModel& nav() const { return nav_; }
  // A screen by itself: the player needs an open session, the editor a routine being
  // edited, an exercise's page a chosen exercise, a shared routine an open link.
  std::string navigate(Screen screen);
  std::string back();  // also closes a confirmation, and asks before leaving a running session
  std::string open_exercise(std::string_view id);
  const catalogue::Exercise* selected_exercise() const;
  const LibraryFilter& library_filter() const { return filter_; }
  // The exercise page's looping figure, stopped by the person (WCAG: motion that lasts more
  // than five seconds can be paused). Stopped, it shows the start and held positions still.
  void set_demo_paused(bool paused) { demo_paused_ = paused; }
  bool demo_paused() const { return demo_paused_; }
  std::string set_filter(std::string_view name, std::string_view value) { return app::set_filter(filter_, name, value); }
  std::vector<const catalogue::Exercise*> filtered_exercises() const { return filter_exercises(*catalogue_, filter_); }

  // ---- Routines: built-in first, then the person's own
  std::vector<const catalogue::Routine*> all_routines() const;
  const catalogue::Routine* find_routine(std::string_view id) const;
  // A routine's name as a session shows it: a routine since deleted is named as such.
  std::string routine_name(std::string_view id) const;
  bool is_own_routine(std::string_view id) const;
  const catalogue::Routine* current_routine() const;  // the one Today offers
  std::string choose_routine(std::string_view id);    // Today's routine from now on
  double routine_seconds(const catalogue::Routine& routine) const;
  std::string routine_facts(const catalogue::Routine& routine) const;  // "1 exercise, about 2 min."

  // ---- Session
  // "" or why not; shows the player. A routine with a one-sided exercise asks first which side
  // hurts (Confirm::affected_side), once: the answer is kept in the settings.
  std::string start_routine(std::string_view id);
  const Player& player() const { return player_; }
  bool session_open() const { return player_.stage() != PlayerStage::closed; }
  std::string answer_pain(std::optional<int> score);  // before or after the session
  std::string toggle_pause();
  std::string pause_session();   // only pauses (a host page's pause must not resume); paused already is fine
  std::string resume_session();
  std::string skip_exercise();
  std::string previous_exercise();
  std::string end_session();     // asks first while the session runs
  std::string this_hurts();
  std::string close_session();   // from the summary or a pain question, back to Today
  // The interrupted session on Today: carry on where it stopped, or keep what was done.
  const storage::InProgress* interrupted() const;
  std::string resume_interrupted();
  std::string record_interrupted();
  // The screen must stay awake: a session is running and the setting allows.
  bool wants_wake_lock() const;
  // Moves the session on; true while something animates.
  bool update(float dt);

  // ---- Routine editor (the draft is a copy until saved)
  void new_routine();
  std::string copy_routine(std::string_view id);  // any routine
  std::string edit_routine(std::string_view id);  // one of the person's own
  // The routine being edited, what was typed and made for it, and their refusals.
  const RoutineDraft& draft() const { return draft_; }
  std::string save_draft();  // "" or why it cannot be saved, which draft().save_problem() keeps
  // The draft's items by index from 0 (app/routine_editor.h). Each edit clears the save's refusal.
  std::string add_to_draft(std::string_view exercise_id);
  std::string remove_from_draft(std::size_t index);
  std::string move_in_draft(std::size_t index, int delta);  // -1 up, +1 down
  std::string choose_draft_dosage(std::size_t index, std::string_view option_id);
  std::string step_draft_dosage(std::size_t index, DosageField field, int delta);
  // The prescription's other edits by name (app/prescription_edits.h): "" or why not.
  std::string edit_draft(std::string_view name, std::string_view arg);
  // Typed text (app/routine_draft.h): "" or why it was refused.
  std::string set_text(const TextTarget& target, std::string_view typed);
  std::string ask_delete_routine(std::string_view id);

  // ---- Routine links (links/routine_link.h)
  // A link opened: "" and the routine shown to add (or, for a newer version of one of the person's
  // routines, the update with what it changes: app/routine_update.h), or the plain-words error
  // (shown; nothing changes). An older version, or the same routine again, changes nothing and
  // says so.
  std::string open_link(std::string_view fragment);
  const links::SharedRoutine* incoming() const { return incoming_ ? &*incoming_ : nullptr; }
  // The person's routine the open link updates (null: the link adds a routine), and what changes.
  const catalogue::Routine* incoming_updates() const;
  const std::vector<std::string>& incoming_changes() const { return incoming_changes_; }
  std::string accept_incoming();   // added (or the routine updated, keeping its sessions) and chosen for Today
  std::string decline_incoming();
  // The draft as a link to send, with the clinician's note: "" (the link is copied) or why not.
  std::string share_draft();
  // Calendar reminders (app/reminder.h) for the draft at its times of day, offered as an .ics
  // file to save: "" or why not (nothing edited, or a routine that cannot be sent yet).
  std::string draft_to_calendar();
  // The printed sheet (print/routine_sheet.h) of any routine, or of the one being edited with
  // its note, for the page's print view: "" or why not (no such routine, nothing edited).
  std::string print_routine(std::string_view id);
  std::string print_draft();
  // The report for the next appointment (print/appointment_report.h) over the last
  // report_weeks() weeks, once every stored session has been read: "" or why not.
  std::string print_report();
  int report_weeks() const { return report_weeks_; }
  std::string set_report_weeks(int weeks);  // one of print::kReportWeeks
  std::string link_copied(bool ok) { return draft_.link_copied(ok); }  // "" or why there is nothing to report on

  // ---- Confirmations
  Confirm confirm() const { return confirm_; }
  std::string confirm_yes();
  std::string confirm_no();

  // ---- Data
  // Checked as stored settings are (a load would refuse what this refuses); stored if changed.
  std::string change_settings(const storage::Settings& settings);
  const storage::Settings& settings() const { return data_.settings; }
  void export_backup();
  void export_history_csv();
  std::string import_backup(std::string_view text);  // "" or the error shown
  // A chosen file's size, before it is read: "" or the refusal shown (above the limit).
  std::string check_backup_size(double bytes);
  void choose_backup_file() { effects_.choose_backup_file = true; }
  void ask_delete_all();
  // What the browser says of the storage (app/data_safety.h), from the page as JSON: "" or why
  // it was refused. A browser that has not promised to keep the data is said so once, when there
  // is something to lose and no session is open.
  std::string set_storage_facts(std::string_view json_text);
  const StorageFacts* storage_facts() const { return storage_facts_ ? &*storage_facts_ : nullptr; }
  DataSafetyDesc data_safety() const;
  // The summary offers to save a backup file (app/data_safety.h's backup_due), never mid-session.
  bool backup_offered() const;
  std::string put_off_backup();  // "Not now": offered again a week later
  std::string ask_to_keep_storage();  // the browser is asked (navigator.storage.persist()), at a press
  // How many voices the browser has to read aloud (some load late, some browsers have none):
  // "" or why the count was refused. Settings says what "Spoken instructions" will do.
  std::string set_speech_voices(int count);
  std::string spoken_cues_detail() const;
  void acknowledge_safety();

  // ---- The clinic widget (app/embed.h)
  void set_embed(const EmbedOptions& options);
  const EmbedOptions& embed() const { return embed_; }
  bool embedded() const { return embed_.embedded; }
  void set_embed_theme(storage::Theme theme) { embed_.theme = theme; }
  // The theme to draw: the clinic's choice inside a widget, else the person's setting.
  storage::Theme display_theme() const { return embed_.theme ? *embed_.theme : data_.settings.theme; }
  void host_ready();  // the widget has drawn: tell the host page

  // ---- The shell: the session clock's speed (tests run sessions in seconds) and a scroll
  // the canvas never saw (a drag that began on one of the page's text boxes)
  std::string set_clock_rate(double rate);  // 1 to 200
  double clock_rate() const { return clock_rate_; }
  std::string scroll_by(double css_pixels);  // -10000 to 10000
  float take_scroll();

  // ---- The accessible layer (app/screen_report.h): the page's focus, and a press made with
  // a keyboard or a screen reader on the page's element for a control
  // The control the page has focus on: the canvas rings it and scrolls it into view ("" none).
  std::string focus_control(std::string_view id);
  const std::string& focused_control() const { return focused_control_; }
  // Pressed on the next frame drawn, through the UI's own press, exactly as a tap would be.
  std::string press_control(std::string_view id);
  std::string take_press() { return std::exchange(press_, {}); }

  // ---- Updates: a new build waits until the person agrees, and never starts mid-session
  void update_available();
  bool update_ready() const { return update_ready_; }
  bool update_applying() const { return update_applying_; }
  std::string apply_update();  // "" or why it has to wait

 private:
  bool needs_side_that_hurts(const catalogue::Routine& routine) const;
  std::string make_uid();
  std::string answer_affected_side(session::Side side);  // keeps it, then starts the routine asked for
  void changed(storage::Part part);
  // Work that needs every stored session waits for them (Effects::read_sessions).
  enum class FullRead : std::uint8_t { rebuild, export_backup, export_csv, import, upgrade, report };
  void read_all_sessions(FullRead why);
  void merge_conflict(const std::string& text);
  void finish_full_read(std::vector<storage::StoredSession> stored);
  void save_session_progress();
  void store_finished_session();
  void file_finished_session();  // the session held back for its pain score's write, filed now
  void add_session(const session::SessionRecord& record);
  void show(NoticeKind kind, std::string text, bool offer_export = false);
  void tell_if_may_be_cleared();
  void read_stored(const StoredInput& stored, const std::string& load_error);
  void take_in_unsaved(std::string_view text);  // StoredInput::unsaved
  void keep_unsaved();                          // Effects::keep_unsaved, when it is due
  void tell_widget_storage();
  std::string session_running() const;              // "" or why the session controls cannot act
  std::string draft_item(std::size_t index) const;  // "" or why the draft has no such item
  PlayerDesc player_desc(const catalogue::Routine& routine) const;
  // A message for the page embedding the widget: its fields written by `fields(writer)`. A
  // template, not std::function: each message's writer stays plain code.
  template <class Fields>
  void host_event(std::string_view type, const Fields& fields) {
    if (!embed_.embedded || embed_.host_origin.empty()) return;
    json::Writer w;
    w.begin_object().key("source").value("limber").key("version").value(kEmbedMessageVersion).key("type").value(type);
    fields(w);
    w.end_object();
    effects_.host_events.push_back(w.str());
  }
  void report_finished_exercises();

  const catalogue::Catalogue* catalogue_ = nullptr;
  const animation::ClipLibrary* clips_ = nullptr;
  AppDesc desc_;
  storage::Profile data_;
  storage::StoreSync sync_;
  ProfileWrites writes_;  // what the next write carries  // a schema-1 document migrated: the sessions the write must hold
  std::array<bool, 6> full_reads_{};  // by FullRead: waiting for every stored session
  std::string pending_import_;        // a checked backup, merged once every session is read
  AppModel nav_;
  Player player_;
  bool session_stored_ = false;  // the finished session is in the history
  bool waiting_for_storage_ = false;  // started in memory: the storage has not answered yet
  std::uint64_t unsaved_kept_ = 0;    // the revision the page keeps unsaved (0: nothing kept)
  std::string unsaved_at_start_;      // what a visit before could not store, while waiting
  // A finished session whose last pain score is being written on its own first (answer_pain):
  // filed in the history once the write of that revision is stored.
  std::optional<session::SessionRecord> to_file_;
  std::uint64_t file_after_revision_ = 0;
  std::string exercise_id_;
  LibraryFilter filter_;
  RoutineDraft draft_;
  std::string routine_to_delete_;
  std::string start_after_side_;  // the routine to start once the side that hurts is known
  Confirm confirm_ = Confirm::none;
  bool paused_for_question_ = false;  // end_session paused the session to ask
  Notice notice_;
  Effects effects_;
  bool persist_asked_ = false;
  std::optional<StorageFacts> storage_facts_;
  std::optional<int> speech_voices_;  // not reported yet: nothing is said
  bool update_ready_ = false;
  bool update_requested_ = false;  // agreed; applied once everything is saved
  bool update_applying_ = false;
  EmbedOptions embed_;
  bool memory_only_ = false;   // a widget whose browser keeps no storage: nothing to retry
  bool deleted_all_ = false;
  std::optional<links::SharedRoutine> incoming_;
  int exercises_reported_ = 0;  // exercise_completed events sent this session
  double clock_rate_ = 1;
  float scroll_ = 0;
  std::string focused_control_;
  bool demo_paused_ = false;
  std::vector<std::string> incoming_changes_;  // what the open link changes in one of the person's routines
  std::uint64_t uids_made_ = 0;                // routines made this visit: each identity differs
  int report_weeks_ = 4;
  std::string press_;
};

}  // namespace limber::app

template <>
struct limber::json::EnumNames<limber::app::NoticeKind> {
  using E = limber::app::NoticeKind;
  static constexpr std::array<std::pair<E, std::string_view>, 3> values{{
      {E::none, "none"},
      {E::info, "info"},
      {E::problem, "problem"}}};
};
