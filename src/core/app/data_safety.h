// app/data_safety.h: where a person's data lives, whether the browser promised to keep it, and
// when to offer a backup file. Browsers may clear a site's storage: any of them when space runs
// short, unless it is persistent (navigator.storage.persist()); Safari, after seven days of use
// without a visit to the site, unless it was opened from the Home Screen. A person who stops for
// a week and comes back on a bad day must still find their history, or a file that brings it back.
//
// The page reports what the browser says (StorageFacts, as JSON, through the `storage_facts`
// command); the app keeps when a backup was last saved and when its offer was put off (in the
// settings), and these functions decide what is said and when.
//
// Usage:
//     app::StorageFacts facts;
//     std::string why = app::parse_storage_facts(json_text, facts);   // "" or what is wrong, where
//     app::DataSafetyText text = app::data_safety_text({.facts = &facts, .settings = &settings,
//                                                       .utc_offset_minutes = offset});
//     if (app::backup_due({.facts = &facts, .settings = &settings, .now_ms = now, .sessions = n})) offer it;
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/user_data.h"

namespace limber::app {

// A backup is offered again this long after the last one saved, or after the offer was put
// off: Safari clears a site's storage after seven days without a visit.
inline constexpr std::int64_t kBackupIntervalMs = 7LL * 24 * 60 * 60 * 1000;

// What the browser says about the storage (the page asks; nothing here is guessed).
struct StorageFacts {
  std::optional<bool> persisted;        // navigator.storage.persisted(); absent: the browser cannot say
  std::optional<double> usage_bytes;    // navigator.storage.estimate(); absent: not offered
  std::optional<double> quota_bytes;
  bool can_ask = false;                 // navigator.storage.persist() exists
  bool apple_mobile = false;            // an iPhone or iPad (Safari's Add to Home Screen)
  bool home_screen = false;             // opened from the Home Screen or as an installed app
  bool operator==(const StorageFacts&) const = default;
};

// The page's JSON ({"persisted":true,"usage_bytes":1234,...}; every field but the optional
// ones present): "" and `out` set, or what is wrong and where, and `out` unchanged.
std::string parse_storage_facts(std::string_view json_text, StorageFacts& out);

// The browser has not promised to keep the data: it said no, or it has no way to say.
bool may_be_cleared(const StorageFacts& facts);

struct DataSafetyDesc {
  const StorageFacts* facts = nullptr;           // nullptr: the page has not reported yet
  const storage::Settings* settings = nullptr;   // the last backup saved, the offer put off
  std::int64_t now_ms = 0;
  int utc_offset_minutes = 0;
  int sessions = 0;                              // sessions in the history
};

// What Settings shows under "Your data", each a paragraph in order.
struct DataSafetyText {
  std::string where;                  // on this device only
  std::string kept;                   // promised to keep it, or not, or cannot say
  std::string size;                   // "" when the browser gives no estimate
  std::string last_backup;            // when the last backup file was saved, or never
  std::vector<std::string> home_screen_steps;  // on an iPhone or iPad opened in Safari: two steps
  std::string home_screen_note;       // and what happens to the data already here
  bool offer_keep = false;            // the browser has not promised, and can be asked
};
DataSafetyText data_safety_text(const DataSafetyDesc& desc);

// After a session (never during one): offer to save a backup file now? When the page has
// reported, the browser may clear the data, there is a history to lose, and neither a backup
// nor a "not now" happened within kBackupIntervalMs.
bool backup_due(const DataSafetyDesc& desc);
// The words of that offer, and of the one notice that says the data may be cleared.
std::string backup_offer_words(const DataSafetyDesc& desc);
std::string may_be_cleared_words(const StorageFacts& facts);

// "12 KB", "3.4 MB", "2.1 GB": a size to read, not to compute with.
std::string format_bytes(double bytes);

}  // namespace limber::app
