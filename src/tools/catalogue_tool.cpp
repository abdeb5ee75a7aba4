// limber_catalogue: validates the exercise catalogue and prints a summary.
//
//   limber_catalogue [DIR]        DIR holds sources.json, exercises.json, routines.json,
//                                 safety.json (default: assets/catalogue)
//   limber_catalogue --json [DIR] prints the validated catalogue as JSON instead
//   limber_catalogue --word-runs SEEDS
//                                 prints the hashes of every eight-word run in the source
//                                 articles (SEEDS/*.txt), one per line, sorted: the
//                                 fingerprint tests/fixtures/seed_word_runs.txt that the
//                                 copied-words test checks the catalogue against
//
// Exit status: 0 valid, 1 refused (every problem is printed), 2 bad usage or unreadable file.
#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "catalogue/catalogue_json.h"
#include "catalogue/load.h"
#include "catalogue/summary.h"
#include "catalogue_files.h"
#include "session/duration.h"
#include "text/word_runs.h"

namespace {

int print_word_runs(const std::string& dir) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  }
  if (ec || files.empty()) {
    std::cerr << "limber_catalogue: no .txt articles in " << dir << "\n";
    return 2;
  }
  std::sort(files.begin(), files.end());
  std::vector<std::uint64_t> hashes;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    limber::text::for_each_word_run(text.str(), limber::text::kCopiedRunWords,
                                    [&](std::uint64_t h, std::size_t) { hashes.push_back(h); });
  }
  std::sort(hashes.begin(), hashes.end());
  hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
  std::cout << "# FNV-1a hashes of every " << limber::text::kCopiedRunWords << "-word run in " << files.size()
            << " source articles (text/word_runs.h); written by limber_catalogue --word-runs\n";
  for (const std::uint64_t h : hashes) {
    char line[20];
    std::snprintf(line, sizeof line, "%016" PRIx64, h);
    std::cout << line << "\n";
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  bool as_json = false;
  std::string dir = "assets/catalogue";
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--word-runs") {
      if (i + 1 >= argc) {
        std::cerr << "limber_catalogue: --word-runs needs the folder of source articles\n";
        return 2;
      }
      return print_word_runs(argv[i + 1]);
    }
    if (arg == "--json") {
      as_json = true;
    } else if (arg == "-h" || arg == "--help") {
      std::cout << "usage: limber_catalogue [--json] [DIR] | --word-runs SEEDS\n";
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
