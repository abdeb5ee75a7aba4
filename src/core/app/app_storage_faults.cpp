// App's answers to a storage that misbehaves (app/app.h): what could not be stored is kept by
// the page where it survives a reload, and taken back in at the next start; a database repaired
// or emptied while the page is open gets everything held written again. Index: unsaved work,
// storage changed underneath.
#include <algorithm>
#include <map>

#include "app/app.h"
#include "app/routine_editor.h"
#include "catalogue/catalogue_json.h"
#include "json/json_writer.h"
#include "storage/data_checks.h"
#include "text/cat.h"

namespace limber::app {

// ---- Unsaved work ------------------------------------------------------------------------

// Called as each frame's effects are taken: while writes fail or the storage has not answered,
// the page is given everything not stored yet whenever it changed; once all is stored, "" lets
// it go. Only then: in a storage that works this costs nothing.
void App::keep_unsaved() {
  if (memory_only_) return;
  const bool at_risk = waiting_for_storage_ || sync_.status() == storage::StoreStatus::failed;
  if (at_risk && sync_.revision() != unsaved_kept_) {
    effects_.keep_unsaved = writes_.unsaved(data_, waiting_for_storage_);
    unsaved_kept_ = sync_.revision();
  } else if (!at_risk && unsaved_kept_ != 0 && sync_.status() == storage::StoreStatus::saved) {
    effects_.keep_unsaved = std::string();
    unsaved_kept_ = 0;
  }
}

void App::take_in_unsaved(std::string_view text) {
  // Whatever happens below, the page's copy goes only once a write has stored what it held.
  unsaved_kept_ = ~std::uint64_t{0};
  const json::ParseResult parsed = json::parse(text);
  const json::Value* meta = parsed.ok() ? parsed.value.find("meta") : nullptr;
  const json::Value* entries = parsed.ok() ? parsed.value.find("sessions") : nullptr;
  if (!meta || !meta->is_object() || !entries || !entries->is_object()) {
    effects_.set_aside.push_back(std::string(text));
    show(NoticeKind::problem, "Limber had kept changes it could not save last time, but they could not be read. "
                              "They have been kept aside, unchanged.");
    return;
  }
  const json::Value* blind_flag = parsed.value.find("blind");
  // Made before the stored data was read: its parts say nothing of the stored ones.
  const bool blind = blind_flag && blind_flag->is_bool() && blind_flag->as_bool();
  json::Writer parts;
  parts.begin_object().key("schema").value(json::to_json(storage::kProfileSchema));
  for (const json::Member& m : std::get<json::Value::Object>(meta->data)) {
    if (m.key == "schema") continue;
    if (m.value.is_string()) parts.key(m.key).value(m.value.as_string());
    else parts.key(m.key).value(true);  // not a part's text: read_profile says so
  }
  parts.end_object();
  storage::ProfileResult read = storage::read_profile(parts.str(), *catalogue_);
  for (std::string& t : read.set_aside) effects_.set_aside.push_back(std::move(t));
  const auto has = [&](storage::Part part) {
    return read.profile && meta->find(json::enum_name(part)) &&
           std::none_of(read.damaged.begin(), read.damaged.end(), [&](const storage::DamagedPart& d) { return d.part == part; });
  };
  std::map<std::string, std::string> moved;  // routine ids taken by a stored routine
  if (has(storage::Part::routines)) {
    // Added or changed, never taken away: a routine deleted meanwhile comes back rather than one
    // another tab added being lost. Made blind, a routine under a stored one's id is another one.
    for (catalogue::Routine r : read.profile->routines) {
      const auto same = std::find_if(data_.routines.begin(), data_.routines.end(), [&](const auto& o) { return o.id == r.id; });
      if (same == data_.routines.end()) {
        data_.routines.push_back(std::move(r));
      } else if (!blind || (same->uid && same->uid == r.uid)) {
        *same = std::move(r);
      } else if (!(*same == r)) {
        const std::string id = new_routine_id(*catalogue_, data_);
        moved[r.id] = id;
        r.id = id;
        data_.routines.push_back(std::move(r));
      }
    }
  }
  if (!blind && has(storage::Part::settings)) data_.settings = read.profile->settings;
  if (!blind && has(storage::Part::progress)) data_.progress = read.profile->progress;
  if (has(storage::Part::in_progress) && read.profile->in_progress) data_.in_progress = read.profile->in_progress;
  int added = 0, unreadable = 0;
  for (const json::Member& m : std::get<json::Value::Object>(entries->data)) {
    std::optional<storage::StoredSession> session;
    if (json::ParseResult entry = json::parse(m.value.is_string() ? m.value.as_string() : ""); entry.ok()) {
      session = storage::read_session_entry(std::move(entry.value), *catalogue_);
    }
    if (!session) {
      ++unreadable;
      effects_.set_aside.push_back(m.value.is_string() ? m.value.as_string() : "(a session entry that is not text)");
      continue;
    }
    storage::StoredSession& s = *session;
    if (const auto to = moved.find(s.record.routine); to != moved.end()) {
      s.record.routine = to->second;
      s.id = storage::session_id(s.record);
    }
    const storage::AddResult result = storage::add_session(data_.history, s, desc_.utc_offset_minutes);
    if (result == storage::AddResult::already_there) continue;
    if (result == storage::AddResult::needs_rebuild) read_all_sessions(FullRead::rebuild);
    if (blind) session::update_progress(data_.progress, s.record);
    writes_.add_session(std::move(s));
    ++added;
  }
  writes_.mark_all();
  sync_.changed();
  if (waiting_for_storage_) return;  // its own notice says what is kept meanwhile
  std::string said = "What you did last time while Limber could not save it (" + text::count(added, "session", "sessions") +
                     " and your changes) was kept in this browser: it is back, and being saved.";
  if (unreadable > 0) said += " " + text::count(unreadable, "session", "sessions") + " of it could not be read and " +
                              (unreadable == 1 ? "is" : "are") + " kept aside.";
  show(NoticeKind::info, said);
}

// ---- Storage changed underneath ------------------------------------------------------------

namespace {
// What writing again can bring back: the parts and each recent session's own entry. Older
// sessions are folded into counts (storage/history.h) and their entries cannot be made again.
int rewrite_everything(const storage::Profile& data, ProfileWrites& writes) {
  int entries = 0;
  for (const storage::StoredSession& s : data.history.recent) {
    if (s.record.exercises.empty()) continue;
    writes.add_session(s);
    ++entries;
  }
  writes.mark_all();
  return entries;
}
}  // namespace

std::string App::storage_repaired(std::string_view why) {
  show(NoticeKind::info, "Limber's storage in this browser had been changed by something other than Limber (" +
                             std::string(why) + "). It has been repaired, and what Limber holds is being saved again.");
  rewrite_everything(data_, writes_);
  sync_.changed();
  return {};
}

std::string App::storage_lost(std::string_view why) {
  if (why.empty() || why.size() > 200) return "expected what happened to the storage, in a few words";
  const int entries = rewrite_everything(data_, writes_);
  sync_.changed();
  const int sessions = data_.history.sessions();
  std::string kept = sessions == entries ? (sessions == 0 ? std::string("your settings and routines")
                                                          : "your settings, routines and all " + text::count(sessions, "session", "sessions"))
                                         : "your settings, routines and your " + text::count(entries, "most recent session", "most recent sessions") +
                                               "; the " + std::to_string(sessions - entries) +
                                               " before them still count in Progress, but their details went with the storage";
  show(NoticeKind::problem,
       "Limber's storage in this browser was emptied while Limber was open (" + std::string(why) +
           "). What Limber holds is being saved again: " + kept + ". Saving a backup file now keeps a copy of it all.",
       true);
  return {};
}

}  // namespace limber::app
