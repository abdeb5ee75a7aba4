// storage/migrate.h: brings stored documents from older schemas up to the current one.
//
// Each step is a small job on the parsed JSON, from version N to N + 1, so a person who
// skipped several updates is carried through every step in order. A step that cannot
// carry something reports it and the load is refused: data is never dropped silently.
// A document from a newer Limber is refused too, rather than misread.
//
// Steps so far: 1 -> 2, one outcome per exercise and the frequency's note in place of a
// second frequency sentence (storage/record_upgrade.h). Each step has a test that loads a
// document saved by a build of the version before.
//
// Usage:
//     json::Value doc = json::parse(text).value;
//     const auto r = limber::storage::migrate(doc);   // doc is now at kUserDataSchema
#pragma once

#include <span>
#include <string>

#include "json/json_value.h"

namespace limber::storage {

struct MigrationStep {
  int from = 0;  // upgrades a document at this version to from + 1
  // Edits the document; returns "" or why it could not.
  std::string (*run)(json::Value& doc) = nullptr;
};

struct MigrationResult {
  int from = 0;  // the schema the document had
  std::string error;
  bool ok() const { return error.empty(); }
};

// Upgrades `doc` in place to `target` with `steps` (the real table by default).
MigrationResult migrate(json::Value& doc);
MigrationResult migrate(json::Value& doc, int target, std::span<const MigrationStep> steps);

}  // namespace limber::storage
