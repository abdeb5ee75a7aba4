#include "storage/user_data.h"

#include <set>

#include "catalogue/catalogue_json.h"
#include "storage/migrate.h"

namespace limber::storage {

std::string session_id(const session::SessionRecord& record) {
  return std::to_string(record.started_at_ms) + "-" + record.routine;
}

std::string to_json(const UserData& data) { return json::to_json(data); }

void check(const UserData& data, std::vector<DataProblem>& problems) {
  const auto score = [&](const std::optional<int>& s, const std::string& path) {
    if (s && (*s < 0 || *s > 10)) problems.push_back({path, "a pain score must be from 0 to 10, got " + std::to_string(*s)});
  };
  std::set<std::string> ids;
  std::int64_t last_start = 0;
  for (std::size_t i = 0; i < data.sessions.size(); ++i) {
    const StoredSession& s = data.sessions[i];
    const std::string path = "sessions[" + s.id + "]";
    if (!ids.insert(s.id).second) problems.push_back({path + ".id", "duplicate session '" + s.id + "'"});
    if (s.id != session_id(s.record)) problems.push_back({path + ".id", "does not match the session's start and routine"});
    score(s.record.pain_before, path + ".record.pain_before");
    score(s.record.pain_after, path + ".record.pain_after");
    if (s.record.ended_at_ms < s.record.started_at_ms) problems.push_back({path + ".record.ended_at_ms", "ends before it starts"});
    if (s.record.started_at_ms < last_start) problems.push_back({path, "sessions are not in time order"});
    last_start = s.record.started_at_ms;
  }
  std::set<std::string> routine_ids;
  for (const catalogue::Routine& r : data.routines) {
    if (!routine_ids.insert(r.id).second) problems.push_back({"routines[" + r.id + "].id", "duplicate routine '" + r.id + "'"});
    if (r.items.empty()) problems.push_back({"routines[" + r.id + "].items", "a routine needs at least one exercise"});
  }
  const Settings& st = data.settings;
  if (st.text_size_percent < 100 || st.text_size_percent > 160) {
    problems.push_back({"settings.text_size_percent", "must be from 100 to 160"});
  }
  for (const auto& [value, path] : {std::pair{st.breath_in_seconds, "settings.breath_in_seconds"},
                                    std::pair{st.breath_out_seconds, "settings.breath_out_seconds"}}) {
    if (!(value >= kMinBreathSeconds && value <= kMaxBreathSeconds)) {
      problems.push_back({path, "a breath must last from 2 to 10 seconds"});
    }
  }
  if (data.in_progress) {
    score(data.in_progress->record.pain_before, "in_progress.record.pain_before");
    if (data.in_progress->next_exercise < 0) problems.push_back({"in_progress.next_exercise", "must not be negative"});
  }
}

DataResult from_json(std::string_view text) {
  DataResult result;
  json::ParseResult parsed = json::parse(text);
  if (!parsed.ok()) {
    result.problems.push_back({"", "not valid JSON at line " + std::to_string(parsed.error.line) + ", column " +
                                       std::to_string(parsed.error.column) + ": " + parsed.error.message});
    return result;
  }
  if (const MigrationResult m = migrate(parsed.value); !m.ok()) {
    result.problems.push_back({"schema", m.error});
    return result;
  }
  UserData data;
  std::vector<json::Problem> shape;
  json::ReadContext ctx(shape);
  json::read(parsed.value, data, ctx);
  for (json::Problem& p : shape) result.problems.push_back({std::move(p.path), std::move(p.message)});
  if (!result.problems.empty()) return result;
  check(data, result.problems);
  if (result.problems.empty()) result.data = std::move(data);
  return result;
}

}  // namespace limber::storage
