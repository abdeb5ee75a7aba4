// bench/shipped_catalogue.h: the shipped catalogue, loaded once, for the benchmarks.
//
// Usage:
//     const limber::catalogue::Catalogue& c = limber::bench::shipped_catalogue();
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

#include "catalogue_files.h"

namespace limber::bench {

inline const catalogue::Catalogue& shipped_catalogue() {
  static tools::CatalogueFiles files;
  static const catalogue::LoadResult loaded = [] {
    std::string error;
    if (!files.read(std::string(LIMBER_ASSETS_DIR) + "/catalogue", error)) {
      std::fprintf(stderr, "%s\n", error.c_str());
      std::exit(2);
    }
    return catalogue::load(files.text());
  }();
  if (!loaded.catalogue) {
    std::fprintf(stderr, "%s", catalogue::format_report(loaded.problems).c_str());
    std::exit(2);
  }
  return *loaded.catalogue;
}

}  // namespace limber::bench
