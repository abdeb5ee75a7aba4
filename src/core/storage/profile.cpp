#include "storage/profile.h"

#include <algorithm>

#include "catalogue/catalogue_json.h"
#include "catalogue/own_routine.h"
#include "catalogue/prescription.h"
#include "storage/data_checks.h"
#include "storage/migrate.h"
#include "storage/record_upgrade.h"

namespace limber::storage {

namespace {
// Parts were first stored at layout 2; each step upgrades the parts object by one layout.
constexpr int kFirstPartsLayout = 2;
constexpr MigrationStep kPartsStepList[] = {{.from = 2, .run = upgrade_parts_2_to_3}};
constexpr std::span<const MigrationStep> kPartsSteps{kPartsStepList};

// An own routine or a recent session that fails its own checks is taken out, whole, to be kept
// aside; the rest of the profile stays usable.
void take_out_failing(Profile& profile, const catalogue::Catalogue& catalogue, ProfileResult& result) {
  std::vector<catalogue::Routine> routines;
  for (std::size_t i = 0; i < profile.routines.size(); ++i) {
    std::vector<catalogue::Problem> found;
    catalogue::check_own_routine(catalogue, profile.routines[i], {.file = "", .path = "routines[" + std::to_string(i) + "]"}, found);
    if (found.empty()) {
      routines.push_back(std::move(profile.routines[i]));
      continue;
    }
    result.set_aside.push_back(json::to_json(profile.routines[i]));
    result.taken_out.push_back({std::move(found.front().path), std::move(found.front().message)});
  }
  profile.routines = std::move(routines);
  std::vector<StoredSession> recent;
  for (std::size_t i = 0; i < profile.history.recent.size(); ++i) {
    std::vector<DataProblem> found;
    check_session(profile.history.recent[i].record, catalogue, "history.recent[" + std::to_string(i) + "].record",
                  RecordKind::digest, found);
    if (found.empty()) {
      recent.push_back(std::move(profile.history.recent[i]));
      continue;
    }
    result.set_aside.push_back(json::to_json(profile.history.recent[i]));
    result.taken_out.push_back(std::move(found.front()));
    result.recount_history = true;
  }
  profile.history.recent = std::move(recent);
}

}  // namespace

ProfileResult read_profile(std::string_view text, const catalogue::Catalogue& catalogue) {
  ProfileResult result;
  json::ParseResult parsed = json::parse(text);
  if (!parsed.ok()) {
    result.problems.push_back({"", "not valid JSON at line " + std::to_string(parsed.error.line) + ", column " +
                                       std::to_string(parsed.error.column) + ": " + parsed.error.message});
    return result;
  }
  const json::Value* schema = parsed.value.find("schema");
  if (!schema || !schema->is_number() || schema->as_number() < kFirstPartsLayout || schema->as_number() > kProfileSchema) {
    const std::string found = schema && schema->is_number() ? std::to_string(static_cast<long long>(schema->as_number())) : "none";
    result.problems.push_back({"schema", schema && schema->is_number() && schema->as_number() > kProfileSchema
                                             ? "the data was saved by a newer version of Limber (layout " + found + ")"
                                             : "an unknown storage layout (" + found + ")"});
    return result;
  }
  result.layout = static_cast<int>(schema->as_number());
  if (const MigrationResult m = migrate(parsed.value, kProfileSchema, kPartsSteps); !m.ok()) {
    result.problems.push_back({"schema", m.error});
    return result;
  }
  // A part never written yet (a layout from before it existed) reads as its default.
  const Profile defaults;
  for (const auto& [part, name] : json::EnumNames<Part>::values) {
    if (parsed.value.find(name)) continue;
    json::ParseResult fill = json::parse(part_json(defaults, part));
    if (part == Part::in_progress) continue;  // absent is none
    std::get<json::Value::Object>(parsed.value.data).push_back({.key = std::string(name), .value = std::move(fill.value)});
  }
  // No session in progress is stored as null.
  auto& members = std::get<json::Value::Object>(parsed.value.data);
  std::erase_if(members, [](const json::Member& m) { return m.key == "in_progress" && m.value.is_null(); });
  Profile profile;
  std::vector<json::Problem> shape;
  json::ReadContext ctx(shape);
  json::read(parsed.value, profile, ctx);
  for (json::Problem& p : shape) result.problems.push_back({std::move(p.path), std::move(p.message)});
  if (!result.problems.empty()) return result;
  // Own routines stored before amounts were exact hold the sources' ranges: each becomes the
  // value it was used at (catalogue/prescription.h), so it is done as set and never raised.
  for (catalogue::Routine& r : profile.routines) catalogue::prescribe_exactly(catalogue, r);
  take_out_failing(profile, catalogue, result);
  check(profile, catalogue, result.problems);
  if (result.problems.empty()) result.profile = std::move(profile);
  return result;
}

void check(const Profile& profile, const catalogue::Catalogue& catalogue, std::vector<DataProblem>& problems) {
  // The document's checks; the recent sessions on their own, as older ones keep no exercises.
  UserData view{.settings = profile.settings, .routines = profile.routines, .progress = profile.progress,
                .in_progress = profile.in_progress};
  check(view, catalogue, problems);
  check_sessions(profile.history.recent, catalogue, "history.recent", RecordKind::digest, problems);
  const FoldedHistory& f = profile.history.folded;
  if (f.sessions < 0 || f.scored < 0 || f.scored > f.sessions || f.distinct_days < 0 || f.pain_points < 0 ||
      f.first_scored.size() > 3 || f.last_scored.size() > 3 || f.pain.size() > static_cast<std::size_t>(kPainPointsKept)) {
    problems.push_back({"history.folded", "the counts of older sessions do not add up"});
  }
}

std::string part_json(const Profile& profile, Part part) {
  switch (part) {
    case Part::schema: return json::to_json(profile.schema);
    case Part::settings: return json::to_json(profile.settings);
    case Part::routines: return json::to_json(profile.routines);
    case Part::progress: return json::to_json(profile.progress);
    case Part::in_progress: return profile.in_progress ? json::to_json(*profile.in_progress) : "null";
    case Part::history: return json::to_json(profile.history);
  }
  return "null";
}

Profile profile_from_user_data(UserData data, int utc_offset_minutes) {
  Profile p;
  p.settings = std::move(data.settings);
  p.routines = std::move(data.routines);
  p.progress = std::move(data.progress);
  p.in_progress = std::move(data.in_progress);
  p.history = digest_history(std::move(data.sessions), utc_offset_minutes);
  return p;
}

UserData user_data_of(const Profile& profile, std::vector<StoredSession> sessions) {
  std::stable_sort(sessions.begin(), sessions.end(),
                   [](const StoredSession& a, const StoredSession& b) { return a.record.started_at_ms < b.record.started_at_ms; });
  return {.settings = profile.settings, .sessions = std::move(sessions), .routines = profile.routines,
          .progress = profile.progress, .in_progress = profile.in_progress};
}

}  // namespace limber::storage
