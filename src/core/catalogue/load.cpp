#include "catalogue/load.h"

#include "catalogue/catalogue_json.h"
#include "catalogue/validate.h"

namespace limber::catalogue {

namespace {

// Parses and reads one file into its document struct; false if anything was wrong.
template <class Document>
bool read_file(const char* file, std::string_view text, Document& out, std::vector<Problem>& problems) {
  const json::ParseResult parsed = json::parse(text);
  if (!parsed.ok()) {
    problems.push_back({.file = file, .path = {}, .message = parsed.error.message,
                        .line = parsed.error.line, .column = parsed.error.column});
    return false;
  }
  std::vector<json::Problem> shape;
  json::ReadContext ctx(shape);
  json::read(parsed.value, out, ctx);
  for (json::Problem& p : shape) {
    problems.push_back({.file = file, .path = std::move(p.path), .message = std::move(p.message),
                        .line = p.line, .column = p.column});
  }
  if (shape.empty() && out.schema != kSchemaVersion) {
    problems.push_back({.file = file, .path = "schema",
                        .message = "unsupported schema " + std::to_string(out.schema) + " (this version reads " +
                                   std::to_string(kSchemaVersion) + ")"});
    return false;
  }
  return shape.empty();
}

}  // namespace

LoadResult load(const CatalogueText& text) {
  LoadResult result;
  SourcesFile sources;
  ExercisesFile exercises;
  RoutinesFile routines;
  SafetyFile safety;
  // Read all four even after a failure, so one report lists every file's problems.
  bool ok = read_file("sources.json", text.sources, sources, result.problems);
  ok = read_file("exercises.json", text.exercises, exercises, result.problems) && ok;
  ok = read_file("routines.json", text.routines, routines, result.problems) && ok;
  ok = read_file("safety.json", text.safety, safety, result.problems) && ok;
  if (!ok) return result;

  Catalogue catalogue{.sources = std::move(sources.sources),
                      .exercises = std::move(exercises.exercises),
                      .routines = std::move(routines.routines),
                      .safety = std::move(safety.safety),
                      .merged = std::move(exercises.merged)};
  validate(catalogue, result.problems);
  if (result.problems.empty()) result.catalogue = std::move(catalogue);
  return result;
}

}  // namespace limber::catalogue
