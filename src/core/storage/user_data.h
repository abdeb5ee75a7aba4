// storage/user_data.h: everything Limber keeps for one person, as one plain document.
//
// The browser glue stores it in IndexedDB as JSON (json_reflect.h maps it field by field);
// backups are the same document wrapped with a format marker (storage/backup.h). Nothing
// here knows where it is stored.
//
// Usage:
//     limber::storage::UserData data;                      // a first visit
//     data.sessions.push_back({.id = session_id(record), .record = record});
//     const std::string text = limber::storage::to_json(data);
//     const auto loaded = limber::storage::from_json(text, catalogue); // migrated and checked
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalogue/dosage.h"
#include "catalogue/model.h"
#include "json/enum_names.h"
#include "session/progression.h"
#include "session/plan.h"
#include "session/record.h"

namespace limber::storage {

// Version of the stored document. Older versions are migrated on load (storage/migrate.h);
// newer ones (from a later Limber) are refused rather than misread.
inline constexpr int kUserDataSchema = 2;

// Stored by name (json::EnumNames below): "light", "dark", "high_contrast".
enum class Theme : std::uint8_t { light, dark, high_contrast };

// How long one breath in or out may last, in seconds, wherever it is set.
inline constexpr double kMinBreathSeconds = 2;
inline constexpr double kMaxBreathSeconds = 10;
// Limber's own text size: up to double (WCAG's 200%), in steps of 20.
inline constexpr int kMinTextSizePercent = 100;
inline constexpr int kMaxTextSizePercent = 200;

struct Settings {
  Theme theme = Theme::light;
  int text_size_percent = 100;            // kMinTextSizePercent to kMaxTextSizePercent
  double breath_in_seconds = 4;
  double breath_out_seconds = 4;
  // Where sources differ; stored as "default", "shorter" or "longer".
  catalogue::HoldPreference hold_preference = catalogue::HoldPreference::source_default;
  bool progression = true;
  bool sounds = true;
  bool spoken_cues = false;
  bool reduced_motion = false;
  bool keep_screen_awake = true;
  bool pause_when_hidden = true;
  bool safety_acknowledged = false;       // the first-visit safety note was read
  std::optional<std::string> current_routine;
  // The side that hurts, for exercises done on one side only: asked once, before the first
  // one-sided exercise (absent: not asked yet).
  std::optional<session::Side> affected_side;
  // Data safety (app/data_safety.h): when a backup file was last saved, when its offer after a
  // session was last put off, and whether Limber has said that this browser may clear the data.
  std::optional<std::int64_t> last_backup_ms;
  std::optional<std::int64_t> backup_offer_put_off_ms;
  std::optional<bool> told_may_be_cleared;
  std::optional<bool> told_widget_storage;  // a widget on another website said where it keeps its progress
  bool operator==(const Settings&) const = default;
};

struct StoredSession {
  std::string id;  // session_id(record): stable, so a backup imported twice adds nothing
  session::SessionRecord record;
  bool operator==(const StoredSession&) const = default;
};

// A session still running when the page closed: resumed or recorded as ended early on return.
struct InProgress {
  session::SessionRecord record;  // exercises completed so far
  int next_exercise = 0;
  std::int64_t saved_at_ms = 0;
  bool operator==(const InProgress&) const = default;
};

struct UserData {
  int schema = kUserDataSchema;
  Settings settings;
  std::vector<StoredSession> sessions;      // oldest first
  std::vector<catalogue::Routine> routines;  // the person's own
  session::ProgressState progress;
  std::optional<InProgress> in_progress;
  bool operator==(const UserData&) const = default;
};

std::string session_id(const session::SessionRecord& record);

// Problems found in stored or imported data, each naming the field.
struct DataProblem {
  std::string path;
  std::string message;
};

struct DataResult {
  std::optional<UserData> data;  // set only when problems is empty
  std::vector<DataProblem> problems;
};

std::string to_json(const UserData& data);
// Parses, migrates from older schemas, reads and checks (storage/data_checks.h). Refuses
// rather than half-reads.
DataResult from_json(std::string_view text, const catalogue::Catalogue& catalogue);

}  // namespace limber::storage

template <>
struct limber::json::EnumNames<limber::storage::Theme> {
  using E = limber::storage::Theme;
  static constexpr std::array<std::pair<E, std::string_view>, 3> values{{
      {E::light, "light"}, {E::dark, "dark"}, {E::high_contrast, "high_contrast"}}};
};
