// Every catalogue text is written in Limber's own words: none shares eight or more words in a
// row with the articles it comes from (their runs' hashes: tests/fixtures/seed_word_runs.txt).
#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "json/json_value.h"
#include "text/word_runs.h"

using namespace limber;

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in, "cannot read " << path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::set<std::uint64_t> seed_runs() {
  std::set<std::uint64_t> runs;
  std::istringstream lines(read_file(std::string(LIMBER_FIXTURES_DIR) + "/seed_word_runs.txt"));
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line[0] == '#') continue;
    runs.insert(std::stoull(line, nullptr, 16));
  }
  return runs;
}

struct Copied {
  std::string path, words;
};

// Every string in the document, with its path, except a cited article's own title (quoting
// a title is how the source is named, not a sentence of ours).
void find_copied(const json::Value& v, const std::string& path, const std::set<std::uint64_t>& runs,
                 std::vector<Copied>& out) {
  if (v.is_string()) {
    if (path.starts_with(".sources[") && path.ends_with("].title")) return;
    const std::vector<std::string> words = text::words_of(v.as_string());
    text::for_each_word_run(v.as_string(), text::kCopiedRunWords, [&](std::uint64_t h, std::size_t first) {
      if (!runs.count(h)) return;
      std::string shown;
      for (std::size_t w = first; w < first + text::kCopiedRunWords; ++w) shown += (shown.empty() ? "" : " ") + words[w];
      out.push_back({path, shown});
    });
  } else if (v.is_array()) {
    for (std::size_t i = 0; i < v.as_array().size(); ++i) find_copied(v.as_array()[i], path + "[" + std::to_string(i) + "]", runs, out);
  } else if (v.is_object()) {
    for (const json::Member& m : v.as_object()) find_copied(m.value, path + "." + m.key, runs, out);
  }
}

std::vector<Copied> copied_in(std::string_view json_text, const std::set<std::uint64_t>& runs) {
  const json::ParseResult parsed = json::parse(json_text);
  REQUIRE(parsed.ok());
  std::vector<Copied> out;
  find_copied(parsed.value, "", runs, out);
  return out;
}

std::set<std::uint64_t> runs_of(std::string_view article) {
  std::set<std::uint64_t> runs;
  text::for_each_word_run(article, text::kCopiedRunWords, [&](std::uint64_t h, std::size_t) { runs.insert(h); });
  return runs;
}

}  // namespace

TEST_CASE("own words: the fingerprint of the source articles is there and plausible") {
  // Five articles of about 4,100 words between them: one run per word, less each article's last seven.
  const auto runs = seed_runs();
  CHECK(runs.size() > 3500);
  CHECK(runs.size() < 4200);
}

TEST_CASE("own words: no catalogue text shares eight words in a row with a source article") {
  const auto runs = seed_runs();
  for (const char* name : {"exercises.json", "routines.json", "safety.json", "sources.json"}) {
    CAPTURE(name);
    for (const Copied& c : copied_in(read_file(std::string(LIMBER_ASSETS_DIR) + "/catalogue/" + name), runs)) {
      FAIL_CHECK(name << ": " << c.path << " repeats a source's words: \"" << c.words << "\"");
    }
  }
}

TEST_CASE("own words: eight copied words are caught, seven are not") {
  const auto runs = runs_of("Lie down on the rug and slowly lift one heel toward the ceiling, then rest.");
  const auto eight = copied_in(R"({"exercises":[{"steps":["First, slowly lift one heel toward the ceiling, then breathe."]}]})", runs);
  REQUIRE(eight.size() == 1);
  CHECK(eight[0].path == ".exercises[0].steps[0]");
  CHECK(eight[0].words == "slowly lift one heel toward the ceiling then");
  CHECK(copied_in(R"({"steps":["Slowly lift one heel toward the ceiling; now breathe."]})", runs).empty());
}

TEST_CASE("own words: case, punctuation and curly apostrophes do not hide a copy") {
  const auto runs = runs_of("Don't arch your back: keep it flat on the bed while you breathe.");
  CHECK(copied_in(R"({"tip":"DON’T arch your back — keep it flat on the bed!"})", runs).size() == 3);
}

TEST_CASE("own words: a cited article's title may be quoted, its summary may not") {
  const auto runs = runs_of("Ten gentle stretches you can do in bed for a stiff back");
  const auto found = copied_in(
      R"({"sources":[{"title":"Ten gentle stretches you can do in bed for a stiff back","summary":"Ten gentle stretches you can do in bed."}]})",
      runs);
  REQUIRE(found.size() == 1);
  CHECK(found[0].path == ".sources[0].summary");
}
