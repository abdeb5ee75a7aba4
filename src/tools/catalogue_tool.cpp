// limber_catalogue: validates the exercise catalogue and prints a summary.
//
//   limber_catalogue [DIR]        DIR holds sources.json, exercises.json, routines.json,
//                                 safety.json (default: assets/catalogue)
//   limber_catalogue --json [DIR] prints the validated catalogue as JSON instead
//
// Exit status: 0 valid, 1 refused (every problem is printed), 2 bad usage or unreadable file.
#include <iostream>
#include <string>

#include "catalogue/catalogue_json.h"
#include "catalogue/load.h"
#include "catalogue/summary.h"
#include "catalogue_files.h"
#include "session/duration.h"

int main(int argc, char** argv) {
  bool as_json = false;
  std::string dir = "assets/catalogue";
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--json") {
      as_json = true;
    } else if (arg == "-h" || arg == "--help") {
      std::cout << "usage: limber_catalogue [--json] [DIR]\n";
      return 0;
    } else if (!arg.empty() && arg[0] == '-') {
      std::cerr << "limber_catalogue: unknown option '" << arg << "' (usage: limber_catalogue [--json] [DIR])\n";
      return 2;
    } else {
      dir = arg;
    }
  }

  limber::tools::CatalogueFiles files;
  if (std::string error; !files.read(dir, error)) {
    std::cerr << "limber_catalogue: " << error << "\n";
    return 2;
  }
  const auto result = limber::catalogue::load(files.text());
  if (!result.catalogue) {
    std::cerr << limber::catalogue::format_report(result.problems);
    return 1;
  }
  if (as_json) {
    const auto& c = *result.catalogue;
    std::cout << "{\"sources\":" << limber::json::to_json(c.sources)
              << ",\"exercises\":" << limber::json::to_json(c.exercises)
              << ",\"routines\":" << limber::json::to_json(c.routines)
              << ",\"safety\":" << limber::json::to_json(c.safety) << "}\n";
  } else {
    std::cout << "Catalogue " << dir << ": valid\n" << limber::catalogue::summary(
        *result.catalogue, [](const limber::catalogue::Catalogue& c, const limber::catalogue::Routine& r) {
          return limber::session::routine_seconds(c, r);
        });
  }
  return 0;
}
