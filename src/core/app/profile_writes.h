// app/profile_writes.h: what the next storage write carries, and what the write in flight did.
//
// A change marks the parts it touched (storage/profile.h); a finished session adds its own
// entry. begin() turns what is marked into one write (one transaction in the page):
//     {"meta": {part: text, ...}, "sessions": {id: text, ...}, "held": n, "migrated"?: n}
// and holds it in flight: finished(true) forgets it, finished(false) puts it all back for the
// next write, so nothing is lost to a failed or refused write. "held" is how many sessions the
// profile counts: the page keeps it apart from IndexedDB, so a storage found empty later can be
// told from a first visit. unsaved() is the same text for everything not stored yet, without
// taking it: the page keeps it where it survives a reload while the storage fails. "migrated" is set after a
// schema-1 document was migrated: the page deletes that document only once the new layout
// reads back with at least that many sessions.
//
// Usage:
//     limber::app::ProfileWrites writes;
//     writes.mark(storage::Part::settings);
//     const std::string text = writes.begin(profile);   // hand it to the page
//     writes.finished(ok);
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "storage/profile.h"

namespace limber::app {

class ProfileWrites {
 public:
  void mark(storage::Part part) { marked_[static_cast<std::size_t>(part)] = true; }
  void mark_all() { marked_.fill(true); }
  void add_session(storage::StoredSession session) { sessions_.push_back(std::move(session)); }
  // Sessions waiting to be written that name routine `from` name `to` instead (and take the id
  // that follows from it): a routine made while the storage was silent took an id it held.
  void rename_routine(std::string_view from, const std::string& to);
  // A schema-1 document's sessions, all to be written with every part (after any pending).
  void migrate(std::vector<storage::StoredSession> sessions);

  std::string begin(const storage::Profile& profile);
  void finished(bool ok);
  // Everything marked, in flight or pending, as begin() would write it; changes nothing.
  // `blind`: made without the stored data (the storage had not answered), so its parts say
  // nothing about the stored ones.
  std::string unsaved(const storage::Profile& profile, bool blind) const;

  // Sessions not stored yet (marked or in flight): whole-history work counts them too.
  std::vector<storage::StoredSession> pending_sessions() const;
  std::size_t last_bytes() const { return last_bytes_; }
  // Delete everything: nothing pending survives, every part is written afresh.
  void restart();

 private:
  std::array<bool, storage::kParts> marked_{}, in_flight_{};
  std::vector<storage::StoredSession> sessions_, sessions_in_flight_;
  int migrated_ = -1;
  bool migrated_in_flight_ = false;
  std::size_t last_bytes_ = 0;
};

}  // namespace limber::app
