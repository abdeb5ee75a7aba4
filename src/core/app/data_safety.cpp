#include "app/data_safety.h"

#include <cmath>
#include <cstdio>

#include "json/json_reflect.h"
#include "json/json_value.h"
#include "storage/backup.h"

namespace limber::app {

std::string parse_storage_facts(std::string_view json_text, StorageFacts& out) {
  const json::ParseResult parsed = json::parse(json_text);
  if (!parsed.ok()) return "storage facts are not JSON: " + parsed.error.message;
  std::vector<json::Problem> problems;
  json::ReadContext ctx(problems);
  StorageFacts read{};
  json::read(parsed.value, read, ctx);
  if (!problems.empty()) return "storage facts: " + problems.front().path + ": " + problems.front().message;
  for (const auto& [value, name] : {std::pair{read.usage_bytes, "usage_bytes"}, std::pair{read.quota_bytes, "quota_bytes"}}) {
    if (value && (!std::isfinite(*value) || *value < 0)) return std::string("storage facts: ") + name + ": must be a size in bytes, 0 or more";
  }
  out = read;
  return {};
}

bool may_be_cleared(const StorageFacts& facts) { return facts.persisted != true; }

std::string format_bytes(double bytes) {
  char text[32];
  if (bytes < 1000) std::snprintf(text, sizeof text, "%.0f bytes", bytes);
  else if (bytes < 1e6) std::snprintf(text, sizeof text, "%.0f KB", bytes / 1e3);
  else if (bytes < 1e9) std::snprintf(text, sizeof text, "%.1f MB", bytes / 1e6);
  else std::snprintf(text, sizeof text, "%.1f GB", bytes / 1e9);
  return text;
}

namespace {

// Safari keeps a Home Screen app's data apart from its own: it does not clear it after a week.
bool safari_tab(const StorageFacts& facts) { return facts.apple_mobile && !facts.home_screen; }

std::string last_backup_words(const DataSafetyDesc& d) {
  if (!d.settings || !d.settings->last_backup_ms) return "You have not saved a backup file yet.";
  return "Your last backup file was saved on " + storage::format_local_date(*d.settings->last_backup_ms, d.utc_offset_minutes) + ".";
}

}  // namespace

DataSafetyText data_safety_text(const DataSafetyDesc& d) {
  DataSafetyText t;
  t.where = "Your progress is kept only on this device, in this browser. Limber has no server and no account.";
  t.last_backup = last_backup_words(d);
  if (!d.facts) {
    t.kept = "Asking this browser whether it will keep your data…";
    return t;
  }
  const StorageFacts& f = *d.facts;
  if (f.persisted == true) {
    t.kept = "This browser has promised to keep it until you delete it.";
  } else if (f.apple_mobile && f.home_screen) {
    t.kept = "Opened from your Home Screen, so Safari does not clear it after a week away. It may still clear it if the "
             "device runs short of space: a backup file brings everything back.";
  } else {
    t.kept = "This browser has not promised to keep it. It may clear it if the device runs short of space, and Safari "
             "clears it after seven days of use without a visit to Limber. A backup file brings everything back.";
    t.offer_keep = f.can_ask && !f.apple_mobile;
  }
  if (f.usage_bytes && f.quota_bytes && *f.quota_bytes > 0) {
    t.size = "It takes about " + format_bytes(*f.usage_bytes) + " of the " + format_bytes(*f.quota_bytes) +
             " this browser allows Limber.";
  } else if (f.usage_bytes) {
    t.size = "It takes about " + format_bytes(*f.usage_bytes) + ".";
  }
  if (safari_tab(f)) {
    t.home_screen_steps = {
        "1. In Safari, tap Share: the square with an arrow pointing up.",
        "2. Choose Add to Home Screen, then Add. From then on, open Limber from its icon.",
    };
    t.home_screen_note = "The icon keeps its own copy of Limber's data, apart from Safari's: save a backup file here "
                         "first, then restore it once from the icon.";
  }
  return t;
}

bool backup_due(const DataSafetyDesc& d) {
  if (!d.facts || !d.settings || d.sessions == 0) return false;
  if (!may_be_cleared(*d.facts) || (d.facts->apple_mobile && d.facts->home_screen)) return false;
  std::int64_t since = 0;
  if (d.settings->last_backup_ms) since = std::max(since, *d.settings->last_backup_ms);
  if (d.settings->backup_offer_put_off_ms) since = std::max(since, *d.settings->backup_offer_put_off_ms);
  return since == 0 || d.now_ms - since >= kBackupIntervalMs;
}

std::string backup_offer_words(const DataSafetyDesc& d) {
  std::string words = "This browser may clear your progress (Safari does after a week without a visit). A backup file "
                      "brings it all back. ";
  words += last_backup_words(d);
  return words;
}

std::string may_be_cleared_words(const StorageFacts& facts) {
  std::string words = "This browser has not promised to keep your progress: it may clear it, and Safari does after a week "
                      "without a visit. Save a backup file now and then (Limber will offer after sessions)";
  if (safari_tab(facts)) words += ", or add Limber to your Home Screen: tap Share, then Add to Home Screen. Settings says how";
  return words + ".";
}

}  // namespace limber::app
