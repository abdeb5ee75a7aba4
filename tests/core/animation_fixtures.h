// Test helpers: the shipped clips and catalogue, loaded once.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include <doctest/doctest.h>

#include "animation/clip.h"
#include "catalogue/load.h"

namespace limber::test {

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::string read_asset(const std::string& relative) { return read_file(std::string(LIMBER_ASSETS_DIR) + "/" + relative); }

inline const animation::ClipLibrary& shipped_clips() {
  static const animation::ClipLoadResult loaded = animation::load_clips(read_asset("animation/clips.json"));
  if (!loaded.library) FAIL(catalogue::format_report(loaded.problems));
  return *loaded.library;
}

inline const catalogue::Catalogue& shipped_catalogue() {
  static const std::string s = read_asset("catalogue/sources.json"), e = read_asset("catalogue/exercises.json"),
                           r = read_asset("catalogue/routines.json"), f = read_asset("catalogue/safety.json");
  static const catalogue::LoadResult loaded = catalogue::load({.sources = s, .exercises = e, .routines = r, .safety = f});
  if (!loaded.catalogue) FAIL(catalogue::format_report(loaded.problems));
  return *loaded.catalogue;
}

}  // namespace limber::test
