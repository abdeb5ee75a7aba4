// text/word_runs.h: runs of consecutive words, hashed, to find text copied from elsewhere.
//
// Limber writes every sentence in its own words: no catalogue text may share eight or more
// words in a row with the articles it comes from. The articles are not ours to ship, so the
// repository keeps only the hashes of their eight-word runs (tests/fixtures/
// seed_word_runs.txt, written by `limber_catalogue --word-runs`), and the test hashes the
// catalogue's runs the same way.
//
// Words are the letters and digits between anything else, lower-cased; an apostrophe
// inside a word (' or U+2019) is dropped, so "don't" and "don’t" are the same word "dont".
//
// Usage:
//     limber::text::for_each_word_run(text, 8, [&](std::uint64_t hash, std::size_t first_word) { ... });
//     std::vector<std::string> words = limber::text::words_of(text);
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace limber::text {

inline constexpr int kCopiedRunWords = 8;

std::vector<std::string> words_of(std::string_view text);

// FNV-1a (64 bit) of the words joined by single spaces.
std::uint64_t hash_words(const std::vector<std::string>& words, std::size_t first, std::size_t count);

// Calls `visit(hash, first_word)` for every run of `length` consecutive words (none when the
// text is shorter).
void for_each_word_run(std::string_view text, int length,
                       const std::function<void(std::uint64_t hash, std::size_t first_word)>& visit);

}  // namespace limber::text
