#include "storage/migrate.h"

#include <cmath>

#include "storage/record_upgrade.h"
#include "storage/user_data.h"

namespace limber::storage {

namespace {
// The real steps, in order.
constexpr MigrationStep kStepList[] = {
    {.from = 1, .run = upgrade_document_1_to_2},  // one outcome per exercise; the frequency's note
};
constexpr std::span<const MigrationStep> kSteps{kStepList};

json::Value* schema_field(json::Value& doc) { return doc.find("schema"); }
}  // namespace

MigrationResult migrate(json::Value& doc) { return migrate(doc, kUserDataSchema, kSteps); }

MigrationResult migrate(json::Value& doc, int target, std::span<const MigrationStep> steps) {
  MigrationResult result;
  json::Value* schema = schema_field(doc);
  if (!schema || !schema->is_number() || !schema->integral || schema->as_number() < 1 ||
      schema->as_number() > 1e6) {
    result.error = "the data has no valid schema version";
    return result;
  }
  int version = static_cast<int>(schema->as_number());
  result.from = version;
  if (version > target) {
    result.error = "the data was saved by a newer version of Limber (schema " + std::to_string(version) +
                   "; this version reads up to " + std::to_string(target) + ")";
    return result;
  }
  while (version < target) {
    const MigrationStep* step = nullptr;
    for (const MigrationStep& s : steps) {
      if (s.from == version) step = &s;
    }
    if (!step || !step->run) {
      result.error = "no way to upgrade data from schema " + std::to_string(version);
      return result;
    }
    if (std::string error = step->run(doc); !error.empty()) {
      result.error = "upgrading from schema " + std::to_string(version) + ": " + error;
      return result;
    }
    ++version;
    schema = schema_field(doc);
    if (schema) {
      schema->data = static_cast<double>(version);
      schema->integral = true;
    }
  }
  return result;
}

}  // namespace limber::storage
