#include "app/profile_writes.h"

#include "json/json_reflect.h"

namespace limber::app {

void ProfileWrites::migrate(std::vector<storage::StoredSession> sessions) {
  // A session done while the storage was silent may be waiting already: it stays.
  migrated_ = static_cast<int>(sessions.size());
  sessions_.insert(sessions_.end(), std::make_move_iterator(sessions.begin()), std::make_move_iterator(sessions.end()));
  mark_all();
}

namespace {
void write_parts(json::Writer& w, const storage::Profile& profile, const std::array<bool, storage::kParts>& parts) {
  w.begin_object().key("meta").begin_object();
  for (std::size_t part = 0; part < parts.size(); ++part) {
    if (!parts[part]) continue;
    const auto p = static_cast<storage::Part>(part);
    w.key(json::enum_name(p)).value(storage::part_json(profile, p));
  }
  w.end_object().key("sessions").begin_object();
}
}  // namespace

std::string ProfileWrites::begin(const storage::Profile& profile) {
  json::Writer w;
  write_parts(w, profile, marked_);
  for (std::size_t part = 0; part < marked_.size(); ++part) in_flight_[part] = in_flight_[part] || marked_[part];
  marked_ = {};
  for (storage::StoredSession& s : sessions_) {
    w.key(s.id).value(json::to_json(s));
    sessions_in_flight_.push_back(std::move(s));
  }
  sessions_.clear();
  w.end_object().key("held").value(profile.history.sessions());
  if (migrated_ >= 0) {
    w.key("migrated").value(migrated_);
    migrated_in_flight_ = true;
  }
  w.end_object();
  last_bytes_ = w.str().size();
  return w.str();
}

void ProfileWrites::finished(bool ok) {
  if (ok) {
    if (migrated_in_flight_) migrated_ = -1;
  } else {
    // Nothing of it was written: it all goes with the next write.
    for (std::size_t part = 0; part < marked_.size(); ++part) marked_[part] = marked_[part] || in_flight_[part];
    for (storage::StoredSession& s : sessions_in_flight_) sessions_.push_back(std::move(s));
  }
  in_flight_ = {};
  sessions_in_flight_.clear();
  migrated_in_flight_ = false;
}

std::string ProfileWrites::unsaved(const storage::Profile& profile, bool blind) const {
  std::array<bool, storage::kParts> parts{};
  for (std::size_t part = 0; part < parts.size(); ++part) parts[part] = marked_[part] || in_flight_[part];
  json::Writer w;
  write_parts(w, profile, parts);
  for (const storage::StoredSession& s : pending_sessions()) w.key(s.id).value(json::to_json(s));
  w.end_object().key("blind").value(blind).end_object();
  return w.str();
}

std::vector<storage::StoredSession> ProfileWrites::pending_sessions() const {
  std::vector<storage::StoredSession> out = sessions_in_flight_;
  out.insert(out.end(), sessions_.begin(), sessions_.end());
  return out;
}

void ProfileWrites::restart() {
  sessions_.clear();
  migrated_ = -1;
  mark_all();
}

void ProfileWrites::rename_routine(std::string_view from, const std::string& to) {
  for (storage::StoredSession& s : sessions_) {
    if (s.record.routine != from) continue;
    s.record.routine = to;
    s.id = storage::session_id(s.record);
  }
}

}  // namespace limber::app
