#include "text/word_runs.h"

namespace limber::text {

namespace {

bool is_word_char(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
char lower(unsigned char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c); }

// An apostrophe joins two parts of one word: ASCII ' or U+2019 (E2 80 99 in UTF-8).
std::size_t apostrophe_at(std::string_view t, std::size_t i) {
  if (t[i] == '\'') return 1;
  if (t.substr(i, 3) == "\xE2\x80\x99") return 3;
  return 0;
}

}  // namespace

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (is_word_char(c)) {
      word += lower(c);
      ++i;
      continue;
    }
    if (const std::size_t n = apostrophe_at(text, i);
        n && !word.empty() && i + n < text.size() && is_word_char(static_cast<unsigned char>(text[i + n]))) {
      i += n;
      continue;
    }
    if (!word.empty()) words.push_back(std::move(word));
    word.clear();
    ++i;
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

std::uint64_t hash_words(const std::vector<std::string>& words, std::size_t first, std::size_t count) {
  std::uint64_t h = 14695981039346656037ull;
  const auto add = [&](unsigned char c) {
    h ^= c;
    h *= 1099511628211ull;
  };
  for (std::size_t w = first; w < first + count && w < words.size(); ++w) {
    if (w != first) add(' ');
    for (const char c : words[w]) add(static_cast<unsigned char>(c));
  }
  return h;
}

void for_each_word_run(std::string_view text, int length,
                       const std::function<void(std::uint64_t hash, std::size_t first_word)>& visit) {
  const std::vector<std::string> words = words_of(text);
  const auto n = static_cast<std::size_t>(length);
  if (length <= 0 || words.size() < n) return;
  for (std::size_t i = 0; i + n <= words.size(); ++i) visit(hash_words(words, i, n), i);
}

}  // namespace limber::text
