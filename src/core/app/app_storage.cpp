// App's storage (app/app.h): what was stored is read, what changed is written, another tab's
// writes are merged, and whole-history work (backups, the CSV, restores, counting the history
// again) waits for every stored session. Index: reading and writing, another tab, whole
// history, backups.
#include <algorithm>
#include <map>
#include <set>

#include "app/app.h"
#include "app/routine_editor.h"
#include "catalogue/catalogue_json.h"
#include "print/appointment_report.h"
#include "storage/backup.h"
#include "storage/data_checks.h"
#include "storage/record_upgrade.h"
#include "catalogue/prescription.h"

namespace limber::app {

namespace {
// What the page found stored in place of what this tab last read (App::write_finished).
struct ConflictFound {
  std::optional<storage::HistoryDigest> history;
  std::optional<std::vector<catalogue::Routine>> routines;
};
}  // namespace

// ---- Reading and writing ---------------------------------------------------------------

void App::changed(storage::Part part) {
  writes_.mark(part);
  sync_.changed();
}

void App::load_stored(const StoredInput& stored, const std::string& load_error) {
  read_stored(stored, load_error);
  tell_widget_storage();
}

// Every engine Limber is tested in keeps a cross-site frame's storage apart from the site's
// own (partitioned by the top-level site); blocked, it is the memory-only case above.
void App::tell_widget_storage() {
  if (!embed_.embedded || memory_only_ || sync_.load_failed() || data_.settings.told_widget_storage) return;
  const std::string_view own = desc_.page_address;
  const std::size_t scheme = own.find("://");
  const std::size_t path = scheme == std::string_view::npos ? own.size() : own.find('/', scheme + 3);
  if (embed_.host_origin.empty() || own.substr(0, path) == embed_.host_origin || notice_.kind != NoticeKind::none) return;
  show(NoticeKind::info, std::string(kWidgetStorageWords));
  data_.settings.told_widget_storage = true;
  changed(storage::Part::settings);
}

void App::read_stored(const StoredInput& stored, const std::string& load_error) {
  if (!load_error.empty()) {
    sync_.loaded(false, load_error);
    if (embed_.embedded) {
      // Browsers that block storage for sites inside other sites do it to every widget:
      // retrying would only fail again, so the widget keeps everything in memory.
      memory_only_ = true;
      show(NoticeKind::info,
           "This browser does not let exercises inside another website keep anything (Chrome and Edge in a "
           "private window do this, and any browser set to block cross-site cookies), so what you do here lasts "
           "until you close this page. Open Limber on its own to keep a history.");
      return;
    }
    show(NoticeKind::problem,
         "Your progress could not be read from this browser's storage (" + load_error +
             "). Limber keeps working and will keep trying to save; you can also save a backup file.",
         true);
    return;
  }
  if (stored.kind == StoredInput::Kind::waiting) {
    // Nothing is written until the storage answers: a write now could replace what it holds.
    waiting_for_storage_ = true;
    show(NoticeKind::problem,
         "This browser's storage has not answered, so Limber has started without your saved progress. It keeps "
         "trying; what you do now is kept while this page is open and saved once the storage answers.");
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
    case StoredInput::Kind::waiting:  // handled above
    case StoredInput::Kind::none:
      // A first visit: the first write lays out every part, the layout's schema among them.
      writes_.mark_all();
      return;
    case StoredInput::Kind::parts: {
      storage::ProfileResult result = storage::read_profile(stored.text, *catalogue_);
      if (!result.profile) {
        refuse(result.problems.front(), "settings");
        // The sessions are entries of their own, untouched: count them in again.
        read_all_sessions(FullRead::rebuild);
        return;
      }
      data_ = std::move(*result.profile);
      if (!result.taken_out.empty()) {
        // Kept aside whole, never lost; the rest is as it was left.
        for (std::string& text : result.set_aside) effects_.set_aside.push_back(std::move(text));
        const storage::DataProblem& first = result.taken_out.front();
        const std::size_t n = result.taken_out.size();
        show(NoticeKind::problem, std::to_string(n) + (n == 1 ? " stored routine or session does" : " stored routines or sessions do") +
                                      " not meet Limber's checks (" + first.path + ": " + first.message +
                                      "). Kept aside, unchanged; everything else is as you left it.");
        changed(storage::Part::routines);
        changed(storage::Part::history);
        if (result.recount_history) read_all_sessions(FullRead::rebuild);
      }
      if (result.layout < storage::kProfileSchema) {
        // An older layout, upgraded as read: every part and every session entry is written
        // again in the current form, in one transaction that also records the layout. Until
        // it lands, older entries are upgraded whenever they are read (sessions_read).
        read_all_sessions(FullRead::upgrade);
      }
      return;
    }
    case StoredInput::Kind::legacy: {
      // A schema-1 document (one piece): every part and every session is written in one
      // transaction, which also records the new layout; the document goes only once the new
      // layout has been read back with every session (ProfileWrites::migrate). If the write never
      // completes, nothing of it exists, and the next start migrates again.
      storage::DataResult result = storage::from_json(stored.text, *catalogue_);
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

std::string App::stored_late(std::string_view load_json) {
  if (!waiting_for_storage_) return "the stored data was already read";
  json::ParseResult parsed = json::parse(load_json);
  if (!parsed.ok() || !parsed.value.is_object()) return "expected the page's load result as a JSON object";
  const auto text_of = [&](const char* key) -> std::string {
    const json::Value* v = parsed.value.find(key);
    return v && v->is_string() ? v->as_string() : std::string();
  };
  const json::Value* legacy_present = parsed.value.find("legacyPresent");
  StoredInput stored{.text = text_of("text"), .legacy_present = legacy_present && legacy_present->is_bool() && legacy_present->as_bool()};
  const std::string kind = text_of("kind"), error = text_of("error");
  if (error.empty()) {
    if (kind == "parts") stored.kind = StoredInput::Kind::parts;
    else if (kind == "legacy") stored.kind = StoredInput::Kind::legacy;
    else if (kind != "none") return "unknown \"kind\" '" + kind + "'";
  }
  waiting_for_storage_ = false;
  // What was done meanwhile, joined to what was stored as if it had been done after the load.
  storage::Profile meanwhile = std::move(data_);
  data_ = {};
  // The stored settings are the person's: a change made while waiting does not undo them all.
  load_stored(stored, error);
  // A routine made meanwhile got its id without knowing the stored ones: one already taken by a
  // stored routine gets a fresh id, and everything naming it follows.
  std::map<std::string, std::string> moved;
  for (catalogue::Routine r : meanwhile.routines) {
    if (const catalogue::Routine* same = find_routine(r.id)) {
      if (*same == r) continue;
      const std::string id = new_routine_id(*catalogue_, data_);
      writes_.rename_routine(r.id, id);
      moved[r.id] = id;
      r.id = id;
    }
    data_.routines.push_back(std::move(r));
  }
  const auto follow = [&](session::SessionRecord& record) {
    if (const auto to = moved.find(record.routine); to != moved.end()) record.routine = to->second;
  };
  for (storage::StoredSession s : meanwhile.history.recent) {
    follow(s.record);
    s.id = storage::session_id(s.record);
    if (storage::add_session(data_.history, s, desc_.utc_offset_minutes) == storage::AddResult::needs_rebuild) {
      read_all_sessions(FullRead::rebuild);
    }
    session::update_progress(data_.progress, s.record);
  }
  if (meanwhile.in_progress) {
    data_.in_progress = std::move(meanwhile.in_progress);
    follow(data_.in_progress->record);
  }
  writes_.mark_all();
  sync_.changed();
  if (error.empty()) show(NoticeKind::info, "This browser's storage answered: your saved progress is back, with what you did meanwhile.");
  return {};
}

void App::storage_repaired(std::string_view why) {
  show(NoticeKind::info, "Limber's storage in this browser had been changed by something other than Limber (" +
                             std::string(why) + "). It has been repaired, and what Limber holds is being saved again.");
  // Everything held is written again; the recent sessions' own entries too, in case they went.
  for (const storage::StoredSession& s : data_.history.recent) {
    if (!s.record.exercises.empty()) writes_.add_session(s);
  }
  writes_.mark_all();
  sync_.changed();
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
  // A finished session waits for its pain score's write; a failed write files it at once, in
  // memory, as everything else is kept there until a write works.
  if (to_file_ && (!ok || sync_.saved_revision() >= file_after_revision_)) file_finished_session();
  if (!ok) {
    show(NoticeKind::problem,
         "Your progress could not be saved in this browser (" + error +
             "). It is kept while this page is open and Limber will try again; to be safe, save a backup file.",
         true);
  } else if (was_failing && notice_.offer_export) {
    show(NoticeKind::info, "Your progress is saved again.");
  }
}

// ---- Another tab -------------------------------------------------------------------------

void App::merge_conflict(const std::string& text) {
  // Another tab wrote the history or the routines since this one read them. Both are merged
  // (sessions and routines from either are kept) and this tab writes the union.
  ConflictFound found;
  std::vector<json::Problem> problems;
  json::ParseResult parsed = json::parse(text);
  // What another tab stored may be an older layout's (a tab of the build before).
  if (parsed.ok() && !storage::upgrade_parts_2_to_3(parsed.value).empty()) parsed.error.message = "not an upgradable layout";
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
    for (catalogue::Routine r : *found.routines) {
      if (is_own_routine(r.id) || catalogue_->find_routine(r.id)) continue;
      catalogue::prescribe_exactly(*catalogue_, r);  // a tab of an older build stored ranges
      data_.routines.push_back(std::move(r));
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

// ---- Whole history -----------------------------------------------------------------------

std::string App::set_report_weeks(int weeks) {
  if (std::find(std::begin(print::kReportWeeks), std::end(print::kReportWeeks), weeks) == std::end(print::kReportWeeks)) {
    return "expected 2, 4, 8 or 12 weeks";
  }
  report_weeks_ = weeks;
  return {};
}

std::string App::print_report() {
  read_all_sessions(FullRead::report);  // the report follows in finish_full_read()
  return {};
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
    // An entry written by an older layout is upgraded as it is read (record_upgrade.h).
    json::Value entry = item;
    if (std::string why = storage::upgrade_stored_session(entry); !why.empty()) problems.push_back({.path = "", .message = why});
    json::read(entry, s, ctx);
    std::vector<storage::DataProblem> wrong;
    if (problems.empty()) storage::check_session(s.record, *catalogue_, "", storage::RecordKind::finished, wrong);
    if (problems.empty() && wrong.empty() && s.id == storage::session_id(s.record)) sessions.push_back(std::move(s));
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
  full_reads_[static_cast<std::size_t>(FullRead::upgrade)] = false;  // tried again at the next start
  pending_import_.clear();
  const bool reporting = full_reads_[static_cast<std::size_t>(FullRead::report)];
  const bool exporting = full_reads_[static_cast<std::size_t>(FullRead::export_backup)] ||
                         full_reads_[static_cast<std::size_t>(FullRead::export_csv)];
  std::string said = "Your stored sessions could not be read (" + std::string(reason) + ").";
  if (importing) said += " The backup was not imported; nothing was changed. Try again later.";
  const std::string recent = std::to_string(data_.history.recent.size()) + " most recent sessions, which Limber has in memory";
  if (exporting) said += " The file holds the " + recent + "; the older ones stay stored.";
  if (reporting) said += " The report counts only the " + recent + ".";
  if (exporting || reporting) finish_full_read(data_.history.recent);
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
  if (wanted[static_cast<std::size_t>(FullRead::upgrade)]) {
    for (const storage::StoredSession& s : whole.sessions) writes_.add_session(s);
    writes_.mark_all();
    sync_.changed();
  }
  if (wanted[static_cast<std::size_t>(FullRead::rebuild)]) {
    data_.history = storage::digest_history(whole.sessions, desc_.utc_offset_minutes);
    changed(storage::Part::history);
  }
  const std::int64_t now = now_ms();
  if (wanted[static_cast<std::size_t>(FullRead::report)]) {
    const catalogue::Routine* routine = current_routine();
    effects_.print_sheet = print::appointment_report({.catalogue = catalogue_, .sessions = &whole.sessions, .routine = routine,
                                                      .link = routine ? routine_address(*routine) : std::string(),
                                                      .days_in = routine ? days_into(*routine) : 0, .side = person_side(),
                                                      .weeks = report_weeks_, .now_ms = now,
                                                      .utc_offset_minutes = desc_.utc_offset_minutes});
  }
  const std::string date = storage::format_local_time(now, desc_.utc_offset_minutes).substr(0, 10);
  if (wanted[static_cast<std::size_t>(FullRead::export_backup)]) {
    effects_.downloads.push_back({.file_name = "limber-backup-" + date + ".json", .mime = "application/json",
                                  .text = storage::export_backup(whole, now)});
    data_.settings.last_backup_ms = now;  // Settings says when; the offer after sessions waits a week
    changed(storage::Part::settings);
  }
  if (wanted[static_cast<std::size_t>(FullRead::export_csv)]) {
    effects_.downloads.push_back({.file_name = "limber-history-" + date + ".csv", .mime = "text/csv",
                                  .text = storage::history_csv(whole, *catalogue_, desc_.utc_offset_minutes)});
  }
}

// ---- Backups -----------------------------------------------------------------------------

std::string App::set_storage_facts(std::string_view json_text) {
  StorageFacts facts;
  if (std::string why = parse_storage_facts(json_text, facts); !why.empty()) return why;
  storage_facts_ = facts;
  tell_if_may_be_cleared();
  return {};
}

DataSafetyDesc App::data_safety() const {
  return {.facts = storage_facts(), .settings = &data_.settings, .now_ms = now_ms(),
          .utc_offset_minutes = desc_.utc_offset_minutes, .sessions = data_.history.sessions()};
}

void App::tell_if_may_be_cleared() {
  // Said once, plainly, when there is something to lose, outside a session and the widget (whose
  // notice says what its browser does with storage), and without covering another message.
  if (!storage_facts_ || !may_be_cleared(*storage_facts_) || data_.settings.told_may_be_cleared) return;
  if (embedded() || session_open() || sync_.status() == storage::StoreStatus::loading) return;
  if (data_.history.sessions() == 0 && data_.routines.empty()) return;
  if (notice_.kind != NoticeKind::none) return;
  show(NoticeKind::info, may_be_cleared_words(*storage_facts_));
  data_.settings.told_may_be_cleared = true;
  changed(storage::Part::settings);
}

bool App::backup_offered() const {
  return !embedded() && player_.stage() == PlayerStage::summary && backup_due(data_safety());
}

std::string App::put_off_backup() {
  if (!backup_offered()) return "no backup is being offered";
  data_.settings.backup_offer_put_off_ms = now_ms();
  changed(storage::Part::settings);
  return {};
}

std::string App::set_speech_voices(int count) {
  if (count < 0 || count > 10'000) return "a number of voices from 0 to 10000";
  speech_voices_ = count;
  return {};
}

std::string App::spoken_cues_detail() const {
  if (speech_voices_ == 0) {
    return "This browser has no voice to read aloud here, so each step shows on screen, and reaches a screen "
           "reader, instead.";
  }
  return "Your device reads each step aloud.";
}

std::string App::ask_to_keep_storage() {
  if (!storage_facts_) return "the browser has not said yet how it keeps the data";
  if (!data_safety_text(data_safety()).offer_keep) return "this browser keeps the data already, or cannot be asked";
  effects_.request_persist = true;
  return {};
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

}  // namespace limber::app
