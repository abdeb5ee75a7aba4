#include "storage/backup.h"

#include <algorithm>
#include <iterator>
#include <vector>
#include <cstdio>
#include <map>
#include <string_view>

#include "catalogue/calendar_day.h"
#include "catalogue/catalogue_json.h"
#include "catalogue/own_routine.h"
#include "catalogue/prescription.h"
#include "storage/data_checks.h"
#include "storage/history.h"
#include "storage/migrate.h"
#include "text/digits.h"

namespace limber::storage {

namespace {

struct BackupFile {
  std::string format;
  std::int64_t exported_at_ms = 0;
  UserData data;
};

// What a cell may start with that a spreadsheet could take for a formula: = + - @, a tab or a
// carriage return; a space, a no-break space, a zero-width space or a byte-order mark before
// one (some spreadsheets skip them); and the signs' look-alikes (full-width, small, the minus
// sign), which some spreadsheets and input methods turn into the signs themselves.
constexpr std::string_view kFormulaStarts[] = {
    "=", "+", "-", "@", "\t", "\r", " ", "\u00A0", "\u200B", "\uFEFF",
    "\uFF1D", "\uFF0B", "\uFF0D", "\uFF20", "\u2212", "\uFE62", "\uFE63", "\uFE66"};

// A text cell, quoted where needed. A routine's name comes from whoever made the link: a cell
// that could start a formula gets a leading apostrophe and quotes (OWASP's advice on CSV
// injection), so it shows as the text it is.
std::string csv_field(const std::string& text) {
  const bool formula = std::any_of(std::begin(kFormulaStarts), std::end(kFormulaStarts),
                                   [&](std::string_view start) { return text.starts_with(start); });
  if (!formula && text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string out = formula ? "\"'" : "\"";
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// The id an imported routine is kept under when its own is taken by a different routine:
// "<id>_imported", then "<id>_imported_2", ..., the id cut short so the whole keeps within
// catalogue's id rules (a 40-character id would otherwise become one the checks refuse).
std::string imported_id(std::string_view id, int n) {
  const std::string suffix = n == 1 ? "_imported" : "_imported_" + std::to_string(n);
  return std::string(id.substr(0, catalogue::OwnRoutineLimits::max_id_chars - suffix.size())) + suffix;
}

// Whether `candidate` is one of the ids imported_id gives `id`.
bool is_imported_id(std::string_view candidate, std::string_view id) {
  constexpr std::string_view kImported = "_imported";
  const std::size_t at = candidate.rfind(kImported);
  if (at == std::string_view::npos) return false;
  const std::string_view number = candidate.substr(at + kImported.size());
  int n = 1;
  if (!number.empty()) {
    if (!number.starts_with('_')) return false;
    const std::optional<int> digits = text::digits(number.substr(1), 9);
    if (!digits || *digits < 2) return false;
    n = *digits;
  }
  return candidate == imported_id(id, n);
}

}  // namespace

std::string format_local_time(std::int64_t ms, int utc_offset_minutes) {
  const std::int64_t minutes = (ms >= 0 ? ms / 60000 : (ms - 59999) / 60000) + utc_offset_minutes;
  const std::int64_t days = minutes >= 0 ? minutes / 1440 : (minutes - 1439) / 1440;
  const auto in_day = static_cast<int>(minutes - days * 1440);
  const catalogue::CivilDate date = catalogue::civil_from_days(days);
  // Room for any int and unsigned the format could print: GCC checks the worst case at -O2.
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u %02d:%02d", date.year, date.month, date.day, in_day / 60, in_day % 60);
  return buffer;
}

std::string format_local_date(std::int64_t ms, int utc_offset_minutes) {
  return catalogue::day_words(local_day(ms, utc_offset_minutes));
}

std::string export_backup(const UserData& data, std::int64_t now_ms) {
  return json::to_json(BackupFile{.format = std::string(kBackupFormat), .exported_at_ms = now_ms, .data = data});
}

ImportResult import_backup(UserData& data, std::string_view text, const catalogue::Catalogue& catalogue) {
  ImportResult result;
  // Some editors (Windows Notepad among them) start a UTF-8 file with a byte-order mark; JSON
  // has no place for it, and the file is no less a backup.
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  json::ParseResult parsed = json::parse(text);
  if (!parsed.ok()) {
    result.error = "This file is not a Limber backup: it is not valid JSON (line " + std::to_string(parsed.error.line) +
                   ", column " + std::to_string(parsed.error.column) + ": " + parsed.error.message + ").";
    return result;
  }
  const json::Value* format = parsed.value.find("format");
  if (!format || !format->is_string() || format->as_string() != kBackupFormat) {
    result.error = "This file is not a Limber backup (it has no \"format\": \"limber-backup\" marker).";
    return result;
  }
  // Migrate the data inside the wrapper like stored data.
  json::Value* inner = nullptr;
  for (json::Member& m : std::get<json::Value::Object>(parsed.value.data)) {
    if (m.key == "data") inner = &m.value;
  }
  if (!inner) {
    result.error = "This Limber backup is incomplete: it has no data.";
    return result;
  }
  if (const MigrationResult m = migrate(*inner); !m.ok()) {
    result.error = "This Limber backup cannot be read: " + m.error + ".";
    return result;
  }
  BackupFile file;
  std::vector<json::Problem> shape;
  json::ReadContext ctx(shape);
  json::read(parsed.value, file, ctx);
  std::vector<DataProblem> problems;
  for (json::Problem& p : shape) problems.push_back({std::move(p.path), std::move(p.message)});
  // The same checks as stored data, own routines by the editor's and links' rules.
  if (problems.empty()) {
    // Routines from before amounts were exact: each amount the value it was done at (storage/profile.cpp).
    for (catalogue::Routine& r : file.data.routines) catalogue::prescribe_exactly(catalogue, r);
    check(file.data, catalogue, problems);
    for (DataProblem& p : problems) p.path = "data." + p.path;
  }
  if (!problems.empty()) {
    // The first few, each with its place in the file, so a person or a clinician can find it.
    constexpr std::size_t kNamed = 3;
    result.error = "This Limber backup has a problem and was not imported; nothing has changed. ";
    for (std::size_t i = 0; i < problems.size() && i < kNamed; ++i) {
      result.error += (i ? "; " : "") + (problems[i].path.empty() ? "" : problems[i].path + ": ") + problems[i].message;
    }
    if (problems.size() > kNamed) result.error += " (and " + std::to_string(problems.size() - kNamed) + " more)";
    result.error += ".";
    return result;
  }

  // All checked: merge into a copy, then swap, so a failure part-way cannot leave half a merge.
  // Routines first: one whose id is taken by a different routine here is kept under a new id,
  // and the imported sessions that name it follow it there.
  UserData merged = data;
  std::map<std::string, std::string> moved;  // imported routine id -> the id it is kept under
  const auto find_id = [&](const std::string& id) {
    return std::find_if(merged.routines.begin(), merged.routines.end(), [&](const catalogue::Routine& m) { return m.id == id; });
  };
  for (catalogue::Routine r : file.data.routines) {
    const auto existing = find_id(r.id);
    if (existing != merged.routines.end() && *existing == r) continue;
    if (existing != merged.routines.end()) {
      // Imported before? Then it is here already under one of the new ids.
      const auto earlier = std::find_if(merged.routines.begin(), merged.routines.end(), [&](const catalogue::Routine& m) {
        if (!is_imported_id(m.id, r.id)) return false;
        catalogue::Routine same = m;
        same.id = r.id;
        return same == r;
      });
      if (earlier != merged.routines.end()) {
        moved[r.id] = earlier->id;
        continue;
      }
      std::string id = imported_id(r.id, 1);
      for (int n = 2; find_id(id) != merged.routines.end() || catalogue.find_routine(id); ++n) id = imported_id(r.id, n);
      moved[r.id] = id;
      r.id = id;
    }
    merged.routines.push_back(std::move(r));
    ++result.routines_added;
  }
  // The ids already here, sorted once: each imported session is then one lookup, not a scan
  // of every session (a long history restored twice was quadratic). The file's own ids are
  // unique (checked above).
  std::vector<std::string_view> here;
  here.reserve(merged.sessions.size());
  for (const StoredSession& m : merged.sessions) here.push_back(m.id);
  std::sort(here.begin(), here.end());
  std::vector<StoredSession> added;
  for (StoredSession s : file.data.sessions) {
    // Under the id that names its routine where it is kept: a stored session whose id names
    // another routine is refused when read. The same file again then finds it here.
    if (const auto to = moved.find(s.record.routine); to != moved.end()) {
      s.record.routine = to->second;
      s.id = session_id(s.record);
    }
    if (std::binary_search(here.begin(), here.end(), std::string_view(s.id))) {
      ++result.sessions_already_there;
      continue;
    }
    added.push_back(std::move(s));
    ++result.sessions_added;
  }
  // Added after the lookups: the views above point into the sessions already here.
  merged.sessions.insert(merged.sessions.end(), std::make_move_iterator(added.begin()), std::make_move_iterator(added.end()));
  std::stable_sort(merged.sessions.begin(), merged.sessions.end(), [](const StoredSession& a, const StoredSession& b) {
    return a.record.started_at_ms < b.record.started_at_ms;
  });
  data = std::move(merged);
  return result;
}

std::string history_csv(const UserData& data, const catalogue::Catalogue& catalogue, int utc_offset_minutes) {
  std::string out =
      "date,routine,outcome,minutes,pain_before,pain_after,exercises_completed,exercises_skipped,exercises_that_hurt\n";
  for (const StoredSession& s : data.sessions) {
    const session::SessionRecord& r = s.record;
    std::string routine = unknown_routine_words(r.routine);
    if (const catalogue::Routine* built_in = catalogue.find_routine(r.routine)) routine = built_in->name;
    for (const catalogue::Routine& own : data.routines) {
      if (own.id == r.routine) routine = own.name;
    }
    const auto [completed, skipped, hurt] = session::count_outcomes(r);
    char minutes[16];
    std::snprintf(minutes, sizeof minutes, "%.1f", r.active_seconds / 60.0);
    out += format_local_time(r.started_at_ms, utc_offset_minutes) + "," + csv_field(routine) + "," +
           (r.completed ? "completed" : r.ended_early ? "ended early" : "unfinished") + "," + minutes + "," +
           (r.pain_before ? std::to_string(*r.pain_before) : "") + "," +
           (r.pain_after ? std::to_string(*r.pain_after) : "") + "," + std::to_string(completed) + "," +
           std::to_string(skipped) + "," + std::to_string(hurt) + "\n";
  }
  return out;
}

}  // namespace limber::storage
