// storage/profile.h: the person's data as the app holds and stores it, part by part.
//
// A Profile is everything Limber keeps for one person, with the history as a fixed-size
// digest (storage/history.h). The browser stores it as small parts, each its own entry
// (`meta` store): settings, routines, progress, the session in progress, the history digest,
// and the layout's schema; and each session's record as its own entry (`sessions` store),
// keyed by its id, written once. A change writes only the parts it touched, so saving one
// exercise costs the same after five years as on the first day.
//
// Schema 1 (until version 0.9) stored everything as one document (storage/user_data.h),
// which stays the format of backups. profile_from_user_data() migrates it.
//
// Usage:
//     const ProfileResult r = limber::storage::read_profile(parts_json, catalogue);   // {"settings": "{...}", ...}
//     const std::string text = limber::storage::part_json(profile, Part::settings);
//     Profile p = limber::storage::profile_from_user_data(std::move(legacy), offset);
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "json/enum_names.h"
#include "storage/history.h"
#include "storage/user_data.h"

namespace limber::storage {

// The stored layout: 3 is parts and session entries; 2 was the same with the records and
// routines of document schema 1 (storage/record_upgrade.h upgrades them); 1 was one document.
inline constexpr int kProfileSchema = 3;

struct Profile {
  int schema = kProfileSchema;
  Settings settings;
  std::vector<catalogue::Routine> routines;  // the person's own
  session::ProgressState progress;
  std::optional<InProgress> in_progress;
  HistoryDigest history;
  bool operator==(const Profile&) const = default;
};

// The parts, each stored under its name.
enum class Part : std::uint8_t { schema, settings, routines, progress, in_progress, history };
inline constexpr int kParts = 6;

// A part that could not be read: set aside (ProfileResult::set_aside), read as new.
struct DamagedPart {
  Part part = Part::schema;
  DataProblem problem;
};

struct ProfileResult {
  std::optional<Profile> profile;  // set only when problems is empty
  // Refused whole: not an object of parts, or a layout from a newer Limber.
  std::vector<DataProblem> problems;
  int layout = kProfileSchema;     // the layout read: older ones were upgraded on the way in
  // Each part is read on its own: one that cannot be read (not JSON, the wrong shape, failing
  // the checks) is kept aside as {"part": name, "stored": text} and read as new, and the others
  // load. A missing or unknown schema part is damage too (the rest is read as this layout);
  // parts Limber does not know are ignored, and left stored.
  std::vector<DamagedPart> damaged;
  // Own routines and recent sessions that fail the checks (stored by an older build, say, whose
  // restore checked less) are taken out rather than refusing everything: their JSON to keep
  // aside, why each went, and whether the history must be counted again from its entries.
  std::vector<std::string> set_aside;
  std::vector<DataProblem> taken_out;
  bool recount_history = false;
};

// `text` is one JSON object holding each part's stored text under its name, as the page read
// them: {"schema": "3", "settings": "{...}", ...}.
ProfileResult read_profile(std::string_view text, const catalogue::Catalogue& catalogue);
// The checks of stored data (storage/data_checks.h) on a profile's parts.
void check(const Profile& profile, const catalogue::Catalogue& catalogue, std::vector<DataProblem>& problems);
// One part's stored text.
std::string part_json(const Profile& profile, Part part);

// A schema-1 document (or a backup's data) as a profile; its sessions are returned apart, to
// be stored as entries.
Profile profile_from_user_data(UserData data, int utc_offset_minutes);
// The whole document again, for backups and the CSV, with every stored session.
UserData user_data_of(const Profile& profile, std::vector<StoredSession> sessions);

}  // namespace limber::storage

template <>
struct limber::json::EnumNames<limber::storage::Part> {
  using P = limber::storage::Part;
  static constexpr std::array<std::pair<P, std::string_view>, limber::storage::kParts> values{{
      {P::schema, "schema"}, {P::settings, "settings"}, {P::routines, "routines"},
      {P::progress, "progress"}, {P::in_progress, "in_progress"}, {P::history, "history"}}};
};
