// app/app.h: the app as a person uses it, decided in the core and drawn by the UI.
//
// App holds the person's data (storage/profile.h: the small parts and a fixed-size digest of
// the history) and when and what of it is written (storage/store_sync.h), the screen history, the session player, the routine being edited
// and the library's filters. Buttons, keys, the accessible HTML layer and the automation
// interface all act through these methods; the UI draws what they leave behind. What the
// page must do in return (speak a cue, download a file, keep the screen awake) is queued
// as Effects for the browser glue.
//
// Index:
//   - Setup and storage   init, load_stored, storage writes, another tab's writes, the
//                         whole history on demand, page hidden (app_storage.cpp)
//   - Navigation          screens, exercise and routine selection, library filters
//   - Session             start, resume or record an interrupted session, pain, controls
//   - Routines            create, copy, edit, save, delete (app/routine_editor.h)
//   - Data                settings, import and export, delete everything
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
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "animation/clip.h"
#include "app/app_model.h"
#include "app/embed.h"
#include "app/player.h"
#include "app/profile_writes.h"
#include "app/text_entry.h"
#include "catalogue/model.h"
#include "json/json_writer.h"
#include "links/routine_link.h"
#include "progress/progress_summary.h"
#include "session/cues.h"
#include "storage/store_sync.h"
#include "storage/profile.h"
#include "storage/user_data.h"

namespace limber::app {

struct AppDesc {
  session::ClockDesc clock;        // the session's clocks, and wall time for records
  int utc_offset_minutes = 0;      // for dates shown and in the CSV
};

// A file the page offers to save.
struct Download {
  std::string file_name;
  std::string mime;
  std::string text;
};

// What the page must do after a frame; taken once.
struct Effects {
  std::vector<session::Cue> cues;       // speak, play, announce
  std::vector<Download> downloads;
  std::vector<std::string> set_aside;   // stored texts that could not be read: keep them apart
  bool request_persist = false;         // ask the browser to keep our storage (a user action)
  bool choose_backup_file = false;      // open the file picker; its text comes back as `import`
  bool apply_update = false;            // switch to the waiting new build and reload
  std::string copy_link;                // a routine link fragment ("routine=1...") to copy
  bool clear_storage = false;           // delete everything stored, copies kept aside included
  bool read_sessions = false;           // read every stored session; they come back as `sessions_read`
  std::vector<std::string> host_events; // JSON messages for the page embedding the widget (embed.h)
};

// One write, in one transaction (app/profile_writes.h has its form).
struct PendingWrite {
  std::uint64_t revision = 0;
  std::string text;
};

// What boot.js read before the app started.
struct StoredInput {
  enum class Kind : std::uint8_t { none, parts, legacy };
  Kind kind = Kind::none;   // a first visit, the parts of the current layout, or a schema-1 document
  std::string text;         // parts: {"schema":2,"settings":...} as read; legacy: the document
  bool legacy_present = false;  // a schema-1 document is still kept beside the parts
};

// A message shown at the top of the screen until dismissed or replaced.
enum class NoticeKind : std::uint8_t { none, info, problem };
struct Notice {
  NoticeKind kind = NoticeKind::none;
  std::string text;
  bool offer_export = false;  // storage trouble: the person can save a backup file instead
};

// Asked before something that cannot be undone.
enum class Confirm : std::uint8_t { none, delete_routine, delete_all_data, end_session };
std::string_view confirm_id(Confirm c);
// The question in words, as the screen and the accessible layer ask it.
std::string_view confirm_question(Confirm c);

struct LibraryFilter {
  std::optional<catalogue::Position> position;
  std::optional<bool> in_bed;
  std::optional<catalogue::ExerciseKind> kind;
  bool operator==(const LibraryFilter&) const = default;
};

// Words at the anchors of the 0 to 10 pain scale.
std::string_view pain_words(int score);

class App {
 public:
  // ---- Setup and storage
  void init(const catalogue::Catalogue& catalogue, const animation::ClipLibrary& clips, const AppDesc& desc);
  // What was stored, or why it could not be read. Until this is called nothing is written.
  void load_stored(const StoredInput& stored, const std::string& load_error);
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
  const animation::ClipLibrary& clips() const { return *clips_; }
  const Notice& notice() const { return notice_; }
  void dismiss_notice() { notice_ = {}; }
  void show_problem(std::string text) { show(NoticeKind::problem, std::move(text)); }
  Effects take_effects();
  std::int64_t now_ms() const;
  // What Today and Progress show of the history, from its digest: the same cost every frame
  // whatever the history's length.
  progress::ProgressSummary progress_summary() const;
  int utc_offset_minutes() const { return desc_.utc_offset_minutes; }

  // ---- Navigation
  AppModel& nav() { return nav_; }
  const AppModel& nav() const { return nav_; }
  bool back();  // also closes a confirmation, and asks before leaving a running session
  void open_exercise(std::string_view id);
  const catalogue::Exercise* selected_exercise() const;
  LibraryFilter& library_filter() { return filter_; }
  const LibraryFilter& library_filter() const { return filter_; }
  std::vector<const catalogue::Exercise*> filtered_exercises() const;

  // ---- Routines: built-in first, then the person's own
  std::vector<const catalogue::Routine*> all_routines() const;
  const catalogue::Routine* find_routine(std::string_view id) const;
  bool is_own_routine(std::string_view id) const;
  const catalogue::Routine* current_routine() const;  // the one Today offers
  void choose_routine(std::string_view id);           // Today's routine from now on
  double routine_seconds(const catalogue::Routine& routine) const;

  // ---- Session
  std::string start_routine(std::string_view id);  // "" or why not; shows the player
  Player& player() { return player_; }
  const Player& player() const { return player_; }
  bool session_open() const { return player_.stage() != PlayerStage::closed; }
  bool answer_pain(std::optional<int> score);
  void toggle_pause();
  void pause_session();   // only pauses (a host page's pause must not resume)
  void resume_session();
  void skip_exercise();
  void previous_exercise();
  void end_session();     // asks first while the session runs
  void this_hurts();
  void close_session();   // from the summary, back to Today
  // The interrupted session on Today: carry on where it stopped, or keep what was done.
  const storage::InProgress* interrupted() const;
  std::string resume_interrupted();
  void record_interrupted();
  // The screen must stay awake: a session is running and the setting allows.
  bool wants_wake_lock() const;
  // Moves the session on; true while something animates.
  bool update(float dt);

  // ---- Routine editor (the draft is a copy until saved)
  void new_routine();
  void copy_routine(std::string_view id);
  void edit_routine(std::string_view id);
  catalogue::Routine* draft() { return draft_ ? &*draft_ : nullptr; }
  const catalogue::Routine* draft() const { return draft_ ? &*draft_ : nullptr; }
  std::string save_draft();  // "" or why it cannot be saved
  // Typed text (app/text_entry.h): the draft's name and the note for its link. "" or why it
  // was refused, which text_problem() keeps for that field until it is next accepted.
  std::string set_text(TextField field, std::string_view typed);
  std::string text(TextField field) const;
  const std::string& text_problem(TextField field) const;
  void ask_delete_routine(std::string_view id);

  // ---- Routine links (links/routine_link.h)
  // A link opened: "" and the routine shown to add, or the plain-words error (shown; nothing changes).
  std::string open_link(std::string_view fragment);
  const links::SharedRoutine* incoming() const { return incoming_ ? &*incoming_ : nullptr; }
  void accept_incoming();   // added to the person's routines and chosen for Today
  void decline_incoming();
  // The draft as a link to send, with the clinician's note (text(TextField::link_note)): ""
  // (the link is copied) or why not.
  std::string share_draft();
  const std::string& share_problem() const { return share_problem_; }  // the last share's refusal
  const std::string& last_link() const { return last_link_; }
  // Whether the page's clipboard took the last link: the page says (link_copied), so the
  // screen never claims a copy the browser refused.
  enum class LinkCopy : std::uint8_t { none, pending, copied, refused };
  LinkCopy link_copy() const { return link_copy_; }
  std::string link_copied(bool ok);  // "" or why there is nothing to report on

  // ---- Confirmations
  Confirm confirm() const { return confirm_; }
  void confirm_yes();
  void confirm_no();

  // ---- Data
  storage::Settings& edit_settings();  // marks the data changed: call only to change something
  const storage::Settings& settings() const { return data_.settings; }
  void export_backup();
  void export_history_csv();
  std::string import_backup(std::string_view text);  // "" or the error shown
  // A chosen file's size, before it is read: "" or the refusal shown (above the limit).
  std::string check_backup_size(double bytes);
  void choose_backup_file() { effects_.choose_backup_file = true; }
  void ask_delete_all();
  void acknowledge_safety();

  // ---- The clinic widget (app/embed.h)
  void set_embed(const EmbedOptions& options);
  const EmbedOptions& embed() const { return embed_; }
  bool embedded() const { return embed_.embedded; }
  void set_embed_theme(std::string theme) { embed_.theme = std::move(theme); }
  // The theme to draw: the clinic's choice inside a widget, else the person's setting.
  const std::string& display_theme() const { return embed_.theme ? *embed_.theme : data_.settings.theme; }
  void host_ready();  // the widget has drawn: tell the host page

  // ---- Updates: a new build waits until the person agrees, and never starts mid-session
  void update_available() { update_ready_ = true; }
  bool update_ready() const { return update_ready_; }
  bool update_applying() const { return update_applying_; }
  std::string apply_update();  // "" or why it has to wait

 private:
  void changed(storage::Part part);
  // Work that needs every stored session waits for them (Effects::read_sessions).
  enum class FullRead : std::uint8_t { rebuild, export_backup, export_csv, import };
  void read_all_sessions(FullRead why);
  void merge_conflict(const std::string& text);
  void finish_full_read(std::vector<storage::StoredSession> stored);
  void save_session_progress();
  void store_finished_session();
  void add_session(const session::SessionRecord& record);
  void show(NoticeKind kind, std::string text, bool offer_export = false);
  PlayerDesc player_desc() const;
  void host_event(std::string_view type, const std::function<void(json::Writer&)>& fields);
  void report_finished_exercises();
  void forget_typed_text();

  const catalogue::Catalogue* catalogue_ = nullptr;
  const animation::ClipLibrary* clips_ = nullptr;
  AppDesc desc_;
  storage::Profile data_;
  storage::StoreSync sync_;
  ProfileWrites writes_;  // what the next write carries  // a schema-1 document migrated: the sessions the write must hold
  std::array<bool, 4> full_reads_{};  // by FullRead: waiting for every stored session
  std::string pending_import_;        // a checked backup, merged once every session is read
  AppModel nav_;
  Player player_;
  bool session_stored_ = false;  // the finished session is in the history
  std::string exercise_id_;
  LibraryFilter filter_;
  std::optional<catalogue::Routine> draft_;
  std::string draft_note_;  // for the draft's link; a new draft starts without one
  std::array<std::string, 2> text_problems_;  // by TextField
  std::string share_problem_;
  std::string routine_to_delete_;
  Confirm confirm_ = Confirm::none;
  bool paused_for_question_ = false;  // end_session paused the session to ask
  Notice notice_;
  Effects effects_;
  bool persist_asked_ = false;
  bool update_ready_ = false;
  bool update_requested_ = false;  // agreed; applied once everything is saved
  bool update_applying_ = false;
  EmbedOptions embed_;
  bool memory_only_ = false;   // a widget whose browser keeps no storage: nothing to retry
  bool deleted_all_ = false;
  std::optional<links::SharedRoutine> incoming_;
  std::string last_link_;
  LinkCopy link_copy_ = LinkCopy::none;
  int exercises_reported_ = 0;  // exercise_completed events sent this session
};

}  // namespace limber::app
