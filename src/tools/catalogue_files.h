// tools/catalogue_files.h: reads the four catalogue files from a folder, for native tools.
//
// Usage:
//     limber::tools::CatalogueFiles files;
//     if (!files.read("assets/catalogue", error)) { std::cerr << error; return 2; }
//     const auto result = limber::catalogue::load(files.text());
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include "catalogue/load.h"

namespace limber::tools {

struct CatalogueFiles {
  std::string sources, exercises, routines, safety;

  bool read(const std::string& dir, std::string& error) {
    for (auto [name, text] : {std::pair{"sources.json", &sources}, std::pair{"exercises.json", &exercises},
                              std::pair{"routines.json", &routines}, std::pair{"safety.json", &safety}}) {
      const std::string path = dir + "/" + name;
      std::ifstream in(path, std::ios::binary);
      if (!in) {
        error = "cannot read " + path;
        return false;
      }
      std::ostringstream buffer;
      buffer << in.rdbuf();
      *text = buffer.str();
    }
    return true;
  }

  catalogue::CatalogueText text() const {
    return {.sources = sources, .exercises = exercises, .routines = routines, .safety = safety};
  }
};

}  // namespace limber::tools
