#include "storage/data_checks.h"

#include <cmath>
#include <set>

#include "catalogue/own_routine.h"
#include "json/json_reflect.h"
#include "session/progression.h"
#include "storage/record_upgrade.h"

namespace limber::storage {

namespace {

void check_score(const std::optional<int>& score, const std::string& path, std::vector<DataProblem>& problems) {
  if (score && (*score < 0 || *score > 10)) {
    problems.push_back({path, "a pain score must be from 0 to 10, got " + std::to_string(*score)});
  }
}

// The words of each bound, from the bounds themselves.
const std::string kIdWords = "a routine id must be 1 to " + std::to_string(catalogue::OwnRoutineLimits::max_id_chars) +
                             " lower-case letters, digits, '_' or '-'";
const std::string kSecondsWords =
    "must be from 0 to " + std::to_string(static_cast<int>(SessionLimits::max_active_seconds)) + " seconds (a day)";
const std::string kCountWords = "must be from 0 to " + std::to_string(SessionLimits::max_count);
const std::string kItemsWords = std::to_string(catalogue::OwnRoutineLimits::max_items);

bool within(double value, double lowest, double highest) { return std::isfinite(value) && value >= lowest && value <= highest; }

}  // namespace

std::string unknown_routine_words(std::string_view id) { return "a routine no longer here (" + std::string(id) + ")"; }

void check_session(const session::SessionRecord& r, const catalogue::Catalogue& catalogue, const std::string& path,
                   RecordKind kind, std::vector<DataProblem>& problems) {
  const auto report = [&](const std::string& field, std::string message) {
    problems.push_back({path + "." + field, std::move(message)});
  };
  if (!catalogue::routine_id_well_formed(r.routine)) {
    report("routine", kIdWords);
  }
  if (r.started_at_ms < 0 || r.started_at_ms > SessionLimits::max_started_ms) {
    report("started_at_ms", "must be a time from 1970 to the year 3000");
  }
  if (kind != RecordKind::in_progress && r.ended_at_ms < r.started_at_ms) report("ended_at_ms", "ends before it starts");
  if (!within(r.active_seconds, 0, SessionLimits::max_active_seconds)) {
    report("active_seconds", kSecondsWords);
  }
  check_score(r.pain_before, path + ".pain_before", problems);
  check_score(r.pain_after, path + ".pain_after", problems);
  if (r.exercises.size() > catalogue::OwnRoutineLimits::max_items) {
    report("exercises", "has " + std::to_string(r.exercises.size()) + " exercises; a routine has at most " + kItemsWords);
    return;
  }
  if (kind == RecordKind::finished && r.exercises.empty()) report("exercises", "a session has at least one exercise");
  for (std::size_t i = 0; i < r.exercises.size(); ++i) {
    const session::ExerciseRecord& e = r.exercises[i];
    const std::string at = "exercises[" + std::to_string(i) + "]";
    if (!catalogue.find_exercise(e.exercise)) {
      // Quoted only when it looks like an id: the message is shown, and the file's text could carry marks.
      report(at + ".exercise", catalogue::routine_id_well_formed(e.exercise) ? "unknown exercise '" + e.exercise + "'"
                                                                            : "unknown exercise");
    }
    // Kept and exported as the file gives it, so it may hold only what a name may: no control
    // characters, direction marks or separators.
    if (e.dosage.size() > catalogue::OwnRoutineLimits::max_id_chars) {
      report(at + ".dosage", "too long for a dosage id");
    } else if (std::string why = catalogue::text_problem(e.dosage, catalogue::OwnRoutineLimits::max_id_chars, false);
               !why.empty()) {
      report(at + ".dosage", std::move(why));
    }
    if (e.planned_reps < 0 || e.planned_reps > SessionLimits::max_planned_reps) {
      report(at + ".planned_reps", "must be from 0 to " + std::to_string(SessionLimits::max_planned_reps));
    }
    for (const auto& [counts, name] : {std::pair{&e.reps_done, "reps_done"}, std::pair{&e.holds_done, "holds_done"}}) {
      for (const int n : {counts->together, counts->left, counts->right}) {
        if (n < 0 || n > SessionLimits::max_count) {
          report(at + "." + name, "each count " + kCountWords);
          break;
        }
      }
    }
    if (!within(e.hold_seconds, 0, SessionLimits::max_active_seconds)) {
      report(at + ".hold_seconds", kSecondsWords);
    }
  }
}

void check_sessions(std::span<const StoredSession> sessions, const catalogue::Catalogue& catalogue,
                    const std::string& path, RecordKind kind, std::vector<DataProblem>& problems) {
  std::set<std::string> ids;
  std::int64_t last_start = 0;
  for (std::size_t i = 0; i < sessions.size(); ++i) {
    const StoredSession& s = sessions[i];
    const std::string at = path + "[" + std::to_string(i) + "]";
    if (s.id != session_id(s.record)) problems.push_back({at + ".id", "does not match the session's start and routine"});
    else if (!ids.insert(s.id).second) problems.push_back({at + ".id", "a second session with the id '" + s.id + "'"});
    if (i > 0 && s.record.started_at_ms < last_start) problems.push_back({at, "sessions are not in time order"});
    last_start = s.record.started_at_ms;
    check_session(s.record, catalogue, at + ".record", kind, problems);
  }
}

void check_settings(const Settings& st, std::vector<DataProblem>& problems) {
  if (st.text_size_percent < kMinTextSizePercent || st.text_size_percent > kMaxTextSizePercent) {
    problems.push_back({"settings.text_size_percent", "must be from " + std::to_string(kMinTextSizePercent) + " to " +
                                                          std::to_string(kMaxTextSizePercent)});
  }
  for (const auto& [value, path] : {std::pair{st.breath_in_seconds, "settings.breath_in_seconds"},
                                    std::pair{st.breath_out_seconds, "settings.breath_out_seconds"}}) {
    if (!within(value, kMinBreathSeconds, kMaxBreathSeconds)) problems.push_back({path, "a breath must last from 2 to 10 seconds"});
  }
  if (st.affected_side == session::Side::none) problems.push_back({"settings.affected_side", "must be left or right"});
  if (st.current_routine && !catalogue::routine_id_well_formed(*st.current_routine)) {
    problems.push_back({"settings.current_routine", kIdWords});
  }
  for (const auto& [value, path] : {std::pair{st.last_backup_ms, "settings.last_backup_ms"},
                                    std::pair{st.backup_offer_put_off_ms, "settings.backup_offer_put_off_ms"}}) {
    if (value && (*value < 0 || *value > SessionLimits::max_started_ms)) {
      problems.push_back({path, "must be a time from 1970 to the year 3000"});
    }
  }
}

std::optional<StoredSession> read_session_entry(json::Value entry, const catalogue::Catalogue& catalogue) {
  if (!upgrade_stored_session(entry).empty()) return std::nullopt;
  std::vector<json::Problem> shape;
  json::ReadContext ctx(shape);
  StoredSession s;
  json::read(entry, s, ctx);
  std::vector<DataProblem> wrong;
  if (shape.empty()) check_session(s.record, catalogue, "", RecordKind::finished, wrong);
  if (!shape.empty() || !wrong.empty() || s.id != session_id(s.record)) return std::nullopt;
  return s;
}

void check(const UserData& data, const catalogue::Catalogue& catalogue, std::vector<DataProblem>& problems) {
  check_settings(data.settings, problems);
  std::set<std::string> routine_ids;
  for (std::size_t i = 0; i < data.routines.size(); ++i) {
    const catalogue::Routine& r = data.routines[i];
    const std::string path = "routines[" + std::to_string(i) + "]";
    if (!routine_ids.insert(r.id).second) problems.push_back({path + ".id", "a second routine with the id '" + r.id + "'"});
    std::vector<catalogue::Problem> found;
    catalogue::check_own_routine(catalogue, r, {.file = "", .path = path}, found);
    for (catalogue::Problem& p : found) problems.push_back({std::move(p.path), std::move(p.message)});
  }
  check_sessions(data.sessions, catalogue, "sessions", RecordKind::finished, problems);
  std::set<std::string> progressed;
  for (std::size_t i = 0; i < data.progress.exercises.size(); ++i) {
    const session::ExerciseProgress& p = data.progress.exercises[i];
    const std::string path = "progress.exercises[" + std::to_string(i) + "]";
    if (!catalogue.find_exercise(p.exercise)) problems.push_back({path + ".exercise", "unknown exercise"});
    else if (!progressed.insert(p.exercise).second) problems.push_back({path + ".exercise", "listed twice"});
    if (p.level < 0 || p.level > session::kProgressLevels) problems.push_back({path + ".level", "must be from 0 to " + std::to_string(session::kProgressLevels)});
    if (p.clean_sessions < 0 || p.clean_sessions > SessionLimits::max_count) {
      problems.push_back({path + ".clean_sessions", kCountWords});
    }
  }
  if (data.in_progress) {
    const InProgress& p = *data.in_progress;
    check_session(p.record, catalogue, "in_progress.record", RecordKind::in_progress, problems);
    if (p.next_exercise < 0 || p.next_exercise > static_cast<int>(catalogue::OwnRoutineLimits::max_items)) {
      problems.push_back({"in_progress.next_exercise", "must be from 0 to " + kItemsWords});
    }
  }
}

}  // namespace limber::storage
