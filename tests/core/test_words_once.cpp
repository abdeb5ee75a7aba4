// Every sentence a person sees is written once. The core and the canvas UI hold the words;
// the page's accessible layer (web/) receives them from the app's state and writes none of
// its own copies, so the two can never drift apart. This test reads the sources and fails on
// any sentence of src/core or src/ui that also appears in web/, naming it.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <string_view>

namespace {

namespace fs = std::filesystem;

std::string read_all(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// Comments explain code; they are not shown, so they may name what they are about. (By
// hand, not std::regex, whose recursion overflows the stack on a long comment.)
std::string without_comments(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const std::string_view rest = std::string_view(text).substr(i);
    std::size_t end = std::string::npos;
    if (rest.starts_with("/*")) {
      end = text.find("*/", i + 2);
      end = end == std::string::npos ? text.size() : end + 2;
    } else if (rest.starts_with("<!--")) {
      end = text.find("-->", i + 4);
      end = end == std::string::npos ? text.size() : end + 3;
    } else if (rest.starts_with("//") && (i == 0 || text[i - 1] != ':')) {  // not https://
      end = text.find('\n', i);
      if (end == std::string::npos) end = text.size();
    }
    if (end == std::string::npos) {
      out += text[i++];
    } else {
      i = end;
    }
  }
  return out;
}

// The sentences: string literals of three words or more with a real word in them.
std::set<std::string> sentences_in(const fs::path& dir) {
  static const std::regex literal(R"re("((?:[^"\\\n]|\\.)*)")re");
  static const std::regex word("[A-Za-z]{3,}");
  static const std::regex letters("[A-Za-z]");
  std::set<std::string> found;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    const auto ext = entry.path().extension();
    if (!entry.is_regular_file() || (ext != ".h" && ext != ".cpp")) continue;
    const std::string code = without_comments(read_all(entry.path()));
    for (auto it = std::sregex_iterator(code.begin(), code.end(), literal); it != std::sregex_iterator(); ++it) {
      const std::string text = (*it)[1].str();
      std::istringstream tokens(text);
      int words = 0;
      for (std::string token; tokens >> token;) words += std::regex_search(token, letters) ? 1 : 0;
      if (words >= 3 && std::regex_search(text, word)) found.insert(text);
    }
  }
  return found;
}

std::string web_text() {
  std::string all;
  for (const auto& entry : fs::directory_iterator(LIMBER_WEB_SOURCE_DIR)) {
    const auto ext = entry.path().extension();
    if (entry.is_regular_file() && (ext == ".js" || ext == ".html")) all += lower(without_comments(read_all(entry.path())));
  }
  return all;
}

}  // namespace

TEST_CASE("words once: no sentence of the core or the canvas is repeated in web/") {
  std::set<std::string> sentences = sentences_in(LIMBER_CORE_SOURCE_DIR);
  sentences.merge(sentences_in(LIMBER_UI_SOURCE_DIR));
  const std::string web = web_text();
  // The scan itself works: it finds the questions the page used to copy, and reads the page.
  REQUIRE(sentences.contains("End this session now?"));
  REQUIRE(sentences.contains("How is your back right now?"));
  REQUIRE(web.find("limberpage") != std::string::npos);
  int repeated = 0;
  for (const std::string& s : sentences) {
    if (web.find(lower(s)) == std::string::npos) continue;
    ++repeated;
    FAIL_CHECK("web/ repeats \"" << s << "\": take it from the app's state instead");
  }
  CHECK(repeated == 0);
}

TEST_CASE("words once: comments are not sentences, but code after a URL is still read") {
  CHECK(without_comments("a(); // \"End this session now?\"") == "a(); ");
  CHECK(without_comments("/* \"Delete this routine?\" */x") == "x");
  CHECK(without_comments("<!-- \"Skip this question\" -->y") == "y");
  CHECK(without_comments("const u = \"https://x.example\"; b();") == "const u = \"https://x.example\"; b();");
}
