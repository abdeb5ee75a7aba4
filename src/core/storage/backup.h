// storage/backup.h: backups a person can keep, and the history as CSV for a clinician.
//
// A backup is the user data wrapped with a marker, so a foreign JSON file is recognised
// as such. Importing checks everything first and changes nothing unless all is well; then
// it merges: sessions already present (same id) and identical routines are not added
// twice, a different routine with a taken id is kept under a new id ("<id>_imported", then
// "_imported_2", ..., the id shortened to stay within 40 characters; once, however often the
// file is imported) with its imported sessions following it there, and the person's current
// settings and progress stay as they are. A file that starts with a UTF-8 byte-order mark is
// read as if it did not.
//
// Usage:
//     const std::string file = limber::storage::export_backup(data, now_ms);
//     const auto r = limber::storage::import_backup(data, text, catalogue);
//     if (!r.ok()) show(r.error);  // data untouched
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "catalogue/model.h"
#include "storage/user_data.h"

namespace limber::storage {

inline constexpr std::string_view kBackupFormat = "limber-backup";
// The largest backup, made or read: one limit for both, so a backup Limber makes is one it
// reads. 64 MB holds about 10,000 sessions of a routine of 30 exercises (the most a routine
// has: over thirteen years of twice a day) or 50,000 of 5; it is read whole in the app's
// memory (tested in the browser). A larger file is refused before it is read, nothing changes;
// an export that would pass it says so (App::export_backup).
inline constexpr std::size_t kMaxBackupBytes = 64'000'000;

std::string export_backup(const UserData& data, std::int64_t now_ms);

struct ImportResult {
  std::string error;        // empty when it worked; else what was wrong, in plain words
  int sessions_added = 0;
  int sessions_already_there = 0;
  int routines_added = 0;
  bool ok() const { return error.empty(); }
};

// `catalogue` checks that imported routines name exercises Limber has.
ImportResult import_backup(UserData& data, std::string_view text, const catalogue::Catalogue& catalogue);

// One row per session: date and time (UTC offset applied), routine, how it ended, minutes,
// pain before and after, exercises completed, skipped and stopped because they hurt.
std::string history_csv(const UserData& data, const catalogue::Catalogue& catalogue, int utc_offset_minutes);

// "2026-11-21 07:39" for milliseconds since 1970 plus an offset in minutes.
std::string format_local_time(std::int64_t ms, int utc_offset_minutes);
// "21 Nov 2026": the local date, day first and the month in words, as people in the UK read it.
std::string format_local_date(std::int64_t ms, int utc_offset_minutes);

}  // namespace limber::storage
