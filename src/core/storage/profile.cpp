#include "storage/profile.h"

#include <algorithm>

#include "catalogue/catalogue_json.h"
#include "catalogue/own_routine.h"
#include "catalogue/prescription.h"
#include "storage/data_checks.h"
#include "storage/record_upgrade.h"

namespace limber::storage {

namespace {
// Parts were first stored at layout 2; upgrade_parts_2_to_3 brings each to layout 3.
constexpr int kFirstPartsLayout = 2;

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

namespace {
// One part's JSON into its place in `profile`; problems name the part ("settings.theme").
void read_part(const json::Value& value, Part part, Profile& profile, std::vector<json::Problem>& problems) {
  json::ReadContext ctx(problems);
  json::ReadContext::Scope scope(ctx, std::string(json::enum_name(part)));
  switch (part) {
    case Part::schema: break;
    case Part::settings: json::read(value, profile.settings, ctx); break;
    case Part::routines: json::read(value, profile.routines, ctx); break;
    case Part::progress: json::read(value, profile.progress, ctx); break;
    case Part::in_progress:
      if (!value.is_null()) json::read(value, profile.in_progress.emplace(), ctx);
      break;
    case Part::history: json::read(value, profile.history, ctx); break;
  }
}

// The checks of stored data on one part alone (the others as new).
std::vector<DataProblem> check_part(const Profile& profile, Part part, const catalogue::Catalogue& catalogue) {
  std::vector<DataProblem> problems;
  UserData view;
  switch (part) {
    case Part::schema: return problems;
    case Part::settings: check_settings(profile.settings, problems); return problems;
    case Part::routines: view.routines = profile.routines; break;
    case Part::progress: view.progress = profile.progress; break;
    case Part::in_progress: view.in_progress = profile.in_progress; break;
    case Part::history: {
      Profile alone;
      alone.history = profile.history;
      check(alone, catalogue, problems);
      return problems;
    }
  }
  check(view, catalogue, problems);
  return problems;
}

// A part as it was in place of the damaged one, for the page to keep aside.
std::string aside_text(Part part, const json::Value* stored) {
  json::Writer w;
  w.begin_object().key("part").value(json::enum_name(part)).key("stored");
  if (stored && stored->is_string()) w.value(stored->as_string());
  else w.value(std::string("(not text: ") + std::string(stored ? json::type_name(*stored) : "missing") + ")");
  w.end_object();
  return w.str();
}

// The layout the schema part names: its number, 0 when missing or unreadable.
int layout_of(const json::Value* schema) {
  if (!schema || !schema->is_string()) return 0;
  const json::ParseResult n = json::parse(schema->as_string());
  return n.ok() && n.value.is_number() ? static_cast<int>(n.value.as_number()) : 0;
}
}  // namespace

ProfileResult read_profile(std::string_view text, const catalogue::Catalogue& catalogue) {
  ProfileResult result;
  json::ParseResult parsed = json::parse(text);
  if (!parsed.ok() || !parsed.value.is_object()) {
    result.problems.push_back({"", parsed.ok() ? "the parts are not one object of texts"
                                               : "not valid JSON at line " + std::to_string(parsed.error.line) + ", column " +
                                                     std::to_string(parsed.error.column) + ": " + parsed.error.message});
    return result;
  }
  const json::Value& stored = parsed.value;
  const json::Value* schema = stored.find("schema");
  const int layout = layout_of(schema);
  if (layout > kProfileSchema) {
    // Never read (and later overwritten) by a build that does not know it.
    result.problems.push_back({"schema", "the data was saved by a newer version of Limber (layout " + std::to_string(layout) + ")"});
    return result;
  }
  if (layout < kFirstPartsLayout) {
    // Missing or damaged: the other parts are read as the current layout, which they most likely are.
    result.damaged.push_back({Part::schema, {"schema", schema ? "not a layout Limber knows" : "missing"}});
    if (schema) result.set_aside.push_back(aside_text(Part::schema, schema));
  }
  result.layout = layout < kFirstPartsLayout ? kProfileSchema : layout;
  Profile profile;
  const auto damage = [&](Part part, DataProblem problem, const json::Value* as_stored) {
    result.damaged.push_back({part, std::move(problem)});
    result.set_aside.push_back(aside_text(part, as_stored));
  };
  for (const auto& [part, name] : json::EnumNames<Part>::values) {
    const json::Value* value = stored.find(name);
    if (part == Part::schema || !value || value->is_null()) continue;  // never written: as new
    if (!value->is_string()) {
      damage(part, {std::string(name), "not stored as text"}, value);
      continue;
    }
    json::ParseResult inner = json::parse(value->as_string());
    if (!inner.ok()) {
      damage(part, {std::string(name), "not valid JSON at line " + std::to_string(inner.error.line) + ", column " +
                                           std::to_string(inner.error.column) + ": " + inner.error.message},
             value);
      continue;
    }
    if (result.layout < kProfileSchema) {
      // Upgraded on its own, so one part an older build left damaged keeps the others.
      json::Value alone;
      alone.data = json::Value::Object{{.key = std::string(name), .value = std::move(inner.value)}};
      if (std::string why = upgrade_parts_2_to_3(alone); !why.empty()) {
        damage(part, {std::string(name), why}, value);
        continue;
      }
      inner.value = std::move(std::get<json::Value::Object>(alone.data).front().value);
    }
    std::vector<json::Problem> shape;
    Profile read;
    read_part(inner.value, part, read, shape);
    if (!shape.empty()) {
      damage(part, {std::move(shape.front().path), std::move(shape.front().message)}, value);
      continue;
    }
    // Own routines stored before amounts were exact hold the sources' ranges: each becomes the
    // value it was used at (catalogue/prescription.h), so it is done as set and never raised.
    if (part == Part::routines) {
      for (catalogue::Routine& r : read.routines) catalogue::prescribe_exactly(catalogue, r);
    }
    take_out_failing(read, catalogue, result);
    if (std::vector<DataProblem> wrong = check_part(read, part, catalogue); !wrong.empty()) {
      damage(part, std::move(wrong.front()), value);
      continue;
    }
    switch (part) {
      case Part::schema: break;
      case Part::settings: profile.settings = std::move(read.settings); break;
      case Part::routines: profile.routines = std::move(read.routines); break;
      case Part::progress: profile.progress = std::move(read.progress); break;
      case Part::in_progress: profile.in_progress = std::move(read.in_progress); break;
      case Part::history: profile.history = std::move(read.history); break;
    }
  }
  result.profile = std::move(profile);
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
