// The portable core must build with plain g++ and no platform headers. The build keeps
// their include paths away from limber_core; this test also reads every core source so
// that a stray include fails here with the file named, not later in the web build.
#include <doctest/doctest.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

TEST_CASE("core boundary: no core source includes Emscripten, SDL, ImGui or GL headers") {
  const std::regex forbidden(R"(^\s*#\s*include\s*[<"](emscripten|SDL|imgui|GLES|GL/|webgl))",
                             std::regex::icase);
  int files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(LIMBER_CORE_SOURCE_DIR)) {
    if (!entry.is_regular_file()) continue;
    const auto ext = entry.path().extension();
    if (ext != ".h" && ext != ".cpp") continue;
    ++files;
    std::ifstream in(entry.path());
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
      ++number;
      INFO(entry.path().string() << ":" << number << ": " << line);
      CHECK_FALSE(std::regex_search(line, forbidden));
    }
  }
  CHECK(files > 0);
}

TEST_CASE("test names: none holds a semicolon, which CTest reads as a list and then cannot run the test") {
  const std::regex named(R"re(TEST_CASE\("([^"]*)")re");
  int cases = 0;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(LIMBER_FIXTURES_DIR) + "/../core")) {
    if (entry.path().extension() != ".cpp") continue;
    std::ifstream in(entry.path());
    std::string line;
    while (std::getline(in, line)) {
      std::smatch m;
      if (!std::regex_search(line, m, named)) continue;
      ++cases;
      INFO(entry.path().filename().string() << ": " << m[1].str());
      CHECK(m[1].str().find(';') == std::string::npos);
    }
  }
  CHECK(cases > 100);
}
