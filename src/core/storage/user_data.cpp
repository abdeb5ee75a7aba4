#include "storage/user_data.h"

#include "catalogue/catalogue_json.h"
#include "catalogue/prescription.h"
#include "storage/data_checks.h"
#include "storage/migrate.h"

namespace limber::storage {

std::string session_id(const session::SessionRecord& record) {
  return std::to_string(record.started_at_ms) + "-" + record.routine;
}

std::string to_json(const UserData& data) { return json::to_json(data); }

DataResult from_json(std::string_view text, const catalogue::Catalogue& catalogue) {
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
  // As stored routines are read (storage/profile.cpp): amounts from before they were exact.
  for (catalogue::Routine& r : data.routines) catalogue::prescribe_exactly(catalogue, r);
  check(data, catalogue, result.problems);
  if (result.problems.empty()) result.data = std::move(data);
  return result;
}

}  // namespace limber::storage
