// The core's modules depend on each other in one direction: json, text and pacing at the
// bottom, then catalogue, then session, animation, storage, progress and links, then print,
// then app on top. This test reads every core source's includes and fails on any edge not listed here,
// naming the file and the line, so a new dependency is a decision made in this list.
#include <doctest/doctest.h>

#include <filesystem>
#include <functional>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>

namespace {

// Each module and the modules it may include. An edge goes only downwards, or sideways
// between the middle layer's modules where listed.
const std::map<std::string, std::set<std::string>>& allowed() {
  static const std::map<std::string, std::set<std::string>> edges{
      {"json", {}},
      {"text", {}},
      {"pacing", {}},
      {"catalogue", {"json", "text"}},
      {"session", {"catalogue", "json"}},
      {"animation", {"catalogue", "json", "session"}},  // the animator follows a session/snapshot.h
      {"storage", {"catalogue", "json", "session", "text"}},
      {"progress", {"catalogue", "json", "storage", "text"}},
      {"links", {"catalogue", "text"}},
      {"print", {"animation", "catalogue", "links", "progress", "session", "storage", "text"}},
      {"app", {"animation", "catalogue", "json", "links", "print", "progress", "session", "storage", "text"}},
  };
  return edges;
}

}  // namespace

TEST_CASE("core layers: every include between core modules is an allowed edge") {
  const std::regex include(R"(^\s*#\s*include\s*"([a-z_]+)/)");
  const std::filesystem::path root(LIMBER_CORE_SOURCE_DIR);
  int edges_seen = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    const auto ext = entry.path().extension();
    if (ext != ".h" && ext != ".cpp") continue;
    const std::string module = entry.path().lexically_relative(root).begin()->string();
    INFO("module " << module);
    REQUIRE_MESSAGE(allowed().contains(module), "a new core module: add it to the list in this test");
    std::ifstream in(entry.path());
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
      ++number;
      std::smatch m;
      if (!std::regex_search(line, m, include)) continue;
      const std::string to = m[1].str();
      if (to == module || !allowed().contains(to)) continue;  // its own headers, or not a core module
      ++edges_seen;
      INFO(entry.path().string() << ":" << number << ": " << line);
      CHECK_MESSAGE(allowed().at(module).contains(to), module << " may not include " << to);
    }
  }
  CHECK(edges_seen > 0);
}

TEST_CASE("core layers: the list itself has no cycle") {
  // Depth-first: a module reached again while still on the path is a cycle.
  std::map<std::string, int> state;  // 0 unseen, 1 on the path, 2 done
  std::function<bool(const std::string&)> acyclic = [&](const std::string& m) {
    if (state[m] == 1) return false;
    if (state[m] == 2) return true;
    state[m] = 1;
    for (const std::string& to : allowed().at(m)) {
      if (!acyclic(to)) return false;
    }
    state[m] = 2;
    return true;
  };
  for (const auto& [m, _] : allowed()) CHECK_MESSAGE(acyclic(m), "a cycle through " << m);
}

TEST_CASE("core layers: the animator follows the session's snapshot, not its engine") {
  // animation -> session is allowed for one header only: the figure reads where the session
  // is (session/snapshot.h) and never drives the engine.
  const std::regex include(R"re(^\s*#\s*include\s*"(session/[a-z_]+\.h)")re");
  int seen = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(std::filesystem::path(LIMBER_CORE_SOURCE_DIR) / "animation")) {
    std::ifstream in(entry.path());
    std::string line;
    while (std::getline(in, line)) {
      std::smatch m;
      if (!std::regex_search(line, m, include)) continue;
      ++seen;
      INFO(entry.path().string() << ": " << line);
      CHECK(m[1].str() == "session/snapshot.h");
    }
  }
  CHECK(seen > 0);
}
