// storage/store_sync.h: when to write the user data, and what the person is told about it.
//
// The browser glue owns IndexedDB; this decides. Nothing is written before the stored data
// has loaded (a write then could replace a history not yet read). Every change bumps a
// revision; one write is in flight at a time and carries the newest revision; a failed
// write keeps the data in memory and is retried with a growing wait. `urgent` (the page is
// being hidden) skips the wait.
//
// Usage:
//     limber::storage::StoreSync sync;
//     sync.loaded(true, "");                         // after the stored data was read
//     sync.changed();                                // after every edit of the data
//     if (auto rev = sync.begin_write(now, false)) write(to_json(data), *rev);
//     sync.write_finished(rev, ok, error, now);      // when the write settles
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "json/enum_names.h"

namespace limber::storage {

enum class StoreStatus : std::uint8_t {
  loading,  // not read yet: no writes
  saved,    // everything is stored
  pending,  // changes waiting, or being written
  failed,   // the last write failed; kept in memory, retried
};
std::string_view store_status_id(StoreStatus status);

inline constexpr double kFirstRetrySeconds = 2;
inline constexpr double kLongestRetrySeconds = 30;

class StoreSync {
 public:
  // The stored data has been read (or could not be). Until then nothing is written.
  void loaded(bool ok, std::string error);
  void changed() { ++revision_; }

  // The revision to write now, or nothing (loading, up to date, a write in flight, waiting
  // to retry). The caller writes the data as it is now, tagged with this revision.
  std::optional<std::uint64_t> begin_write(double now_seconds, bool urgent);
  void write_finished(std::uint64_t revision, bool ok, std::string error, double now_seconds);
  // The write found another tab's newer parts and wrote nothing: not a failure. The caller
  // merges them (a change) and the next begin_write goes at once.
  void write_conflicted(std::uint64_t revision);

  StoreStatus status() const;
  std::uint64_t revision() const { return revision_; }
  std::uint64_t saved_revision() const { return saved_; }
  int failures() const { return failures_; }
  // When the next retry may start (the clock begin_write is given); meaningful while failed.
  double retry_at() const { return retry_at_; }
  // What went wrong last (load or write), in the browser's words; "" when all is well.
  const std::string& error() const { return error_; }
  bool load_failed() const { return load_failed_; }

 private:
  bool loaded_ = false;
  bool load_failed_ = false;
  bool in_flight_ = false;
  std::uint64_t revision_ = 0;
  std::uint64_t saved_ = 0;
  int failures_ = 0;
  double retry_at_ = 0;
  std::string error_;
};

}  // namespace limber::storage

template <>
struct limber::json::EnumNames<limber::storage::StoreStatus> {
  using E = limber::storage::StoreStatus;
  static constexpr std::array<std::pair<E, std::string_view>, 4> values{{
      {E::loading, "loading"},
      {E::saved, "saved"},
      {E::pending, "pending"},
      {E::failed, "failed"}}};
};
