// App's storage (app/app.h): what was stored is read, what changed is written and another
// tab's writes are merged. Whole-history work (backups, the CSV, restores, counting the history
// again) is in app_history.cpp. Index: reading and writing, another tab.
#include <algorithm>
#include <map>
#include <utility>

#include "app/app.h"
#include "app/routine_editor.h"
#include "catalogue/catalogue_json.h"
#include "storage/backup.h"
#include "storage/data_checks.h"
#include "storage/record_upgrade.h"
#include "catalogue/prescription.h"
#include "text/cat.h"

namespace limber::app {

namespace {
// What the page found stored in place of what this tab last read (App::write_finished).
struct ConflictFound {
  std::optional<storage::HistoryDigest> history;
  std::optional<std::vector<catalogue::Routine>> routines;
};

// A stored part, as the person knows what it holds.
std::string_view part_words(storage::Part part) {
  switch (part) {
    case storage::Part::schema: return "the note of how the data is laid out (the history is counted again from your sessions)";
    case storage::Part::settings: return "your settings";
    case storage::Part::routines: return "your own routines";
    case storage::Part::progress: return "how far each exercise has progressed";
    case storage::Part::in_progress: return "the session you had not finished";
    case storage::Part::history: return "the summary of your history (counted again from your sessions)";
  }
  return "a part";
}
}  // namespace

// ---- Reading and writing ---------------------------------------------------------------

void App::changed(storage::Part part) {
  writes_.mark(part);
  sync_.changed();
}

void App::load_stored(const StoredInput& stored, const std::string& load_error) {
  read_stored(stored, load_error);
  if (!stored.unsaved.empty() && !memory_only_) {
    take_in_unsaved(stored.unsaved);
    // Taken in again over what the storage holds once it answers: its settings are the latest.
    if (waiting_for_storage_) unsaved_at_start_ = stored.unsaved;
  }
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
    if (embed_.embedded) {
      sync_.loaded(false, load_error);
      // Browsers that block storage for sites inside other sites do it to every widget:
      // retrying would only fail again, so the widget keeps everything in memory.
      memory_only_ = true;
      show(NoticeKind::info,
           "This browser does not let exercises inside another website keep anything (Chrome and Edge in a "
           "private window do this, and any browser set to block cross-site cookies), so what you do here lasts "
           "until you close this page. Open Limber on its own to keep a history.");
      return;
    }
    // Nothing is written over what could not be read (a full disk keeps the database from
    // opening, say): the page reads again until it can, then App::stored_late() takes it.
    waiting_for_storage_ = true;
    show(NoticeKind::problem,
         "Your progress could not be read from this browser's storage (" + load_error +
             "). Limber keeps working and keeps what you do now while this page is open; it saves once the storage "
             "can be read again. You can also save a backup file.",
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
      if (stored.held_before >= 0) {
        // Not a first visit: this browser kept Limber's data before, and its storage is empty now.
        const std::string what = stored.held_before == 0 ? "settings" : "progress (" + text::count(stored.held_before, "session", "sessions") + ")";
        show(NoticeKind::problem, "This browser had kept your Limber " + what +
                                      ", but its storage is now empty: the browser removed it or could not read it. "
                                      "If you saved a backup file, restore it in Settings, under Your data.");
      }
      return;
    case StoredInput::Kind::parts: {
      storage::ProfileResult result = storage::read_profile(stored.text, *catalogue_);
      if (!result.profile) {
        refuse(result.problems.front(), "data");
        return;
      }
      data_ = std::move(*result.profile);
      for (std::string& text : result.set_aside) effects_.set_aside.push_back(std::move(text));
      std::string said;
      for (const storage::DamagedPart& d : result.damaged) {
        // Written again as read (new), once: the copy aside is the only one left of it.
        changed(d.part);
        said += std::string(said.empty() ? "" : "; ") + std::string(part_words(d.part)) + " (" + d.problem.path + ": " + d.problem.message + ")";
        if (d.part == storage::Part::history || d.part == storage::Part::schema) result.recount_history = true;
      }
      if (!result.taken_out.empty()) {
        // Kept aside whole, never lost; the rest is as it was left.
        const storage::DataProblem& first = result.taken_out.front();
        said += std::string(said.empty() ? "" : "; ") + text::count(static_cast<int>(result.taken_out.size()), "routine or session", "routines or sessions") +
                " that did not meet Limber's checks (" + first.path + ": " + first.message + ")";
        changed(storage::Part::routines);
        changed(storage::Part::history);
      }
      if (!said.empty()) {
        show(NoticeKind::problem, "Part of what Limber stored could not be read: " + said +
                                      ". It has been kept aside, unchanged, and everything else is as you left it.");
      }
      // The sessions are entries of their own, untouched: the history is counted again from them.
      if (result.recount_history) read_all_sessions(FullRead::rebuild);
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
        refuse(result.problems.front(), "data");
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
  if (!unsaved_at_start_.empty()) take_in_unsaved(std::exchange(unsaved_at_start_, {}));
  return {};
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

}  // namespace limber::app
