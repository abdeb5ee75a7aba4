// App's whole-history work (app/app.h): backups, the CSV, the appointment report, a restore
// and counting the history again need every stored session, which the page reads on demand;
// and what the page tells about its storage (may it be cleared, is a backup due). Index:
// whole history, backups.
#include <algorithm>
#include <set>

#include "app/app.h"
#include "json/json_reflect.h"
#include "print/appointment_report.h"
#include "storage/backup.h"
#include "storage/data_checks.h"
#include "text/cat.h"

namespace limber::app {

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
    if (std::optional<storage::StoredSession> s = storage::read_session_entry(item, *catalogue_)) sessions.push_back(std::move(*s));
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
                                                      .days_in = routine ? days_into(*routine) : 0, .side = routine ? side_that_hurts(*routine) : std::nullopt,
                                                      .weeks = report_weeks_, .now_ms = now,
                                                      .utc_offset_minutes = desc_.utc_offset_minutes});
  }
  const std::string date = storage::format_local_time(now, desc_.utc_offset_minutes).substr(0, 10);
  if (wanted[static_cast<std::size_t>(FullRead::export_backup)]) {
    std::string file = storage::export_backup(whole, now);
    if (file.size() > storage::kMaxBackupBytes * 9 / 10) {
      // Kept whole all the same: a file the person has is better than none.
      show(NoticeKind::problem, "This backup is " + text::grouped(static_cast<long long>(file.size())) + " bytes" +
                                    (file.size() > storage::kMaxBackupBytes ? ", more than the " : ", close to the ") +
                                    text::grouped(storage::kMaxBackupBytes) + " bytes Limber can restore from one file" +
                                    (file.size() > storage::kMaxBackupBytes ? "; it is saved all the same, as it holds everything."
                                                                           : "; it is saved, but a much longer history will not fit in one."));
    }
    effects_.downloads.push_back({.file_name = "limber-backup-" + date + ".json", .mime = "application/json", .text = std::move(file)});
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
  const std::string error = "This file is " + text::grouped(static_cast<long long>(bytes)) + " bytes; Limber reads backups of up to " +
                            text::grouped(storage::kMaxBackupBytes) + " bytes, so this cannot be one of its backups.";
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
