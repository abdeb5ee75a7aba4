#include <doctest/doctest.h>

#include <string>

#include "json/json_value.h"

using limber::json::parse;

TEST_CASE("json parse: every kind of value, with positions") {
  const auto r = parse("{\n  \"a\": [1, -2.5e1, true, false, null],\n  \"b\": \"x\"\n}");
  REQUIRE(r.ok());
  const auto& root = r.value;
  REQUIRE(root.is_object());
  const auto* a = root.find("a");
  REQUIRE(a);
  CHECK(a->line == 2);
  CHECK(a->column == 8);
  REQUIRE(a->as_array().size() == 5);
  CHECK(a->as_array()[0].as_number() == 1);
  CHECK(a->as_array()[0].integral);
  CHECK(a->as_array()[1].as_number() == -25);
  CHECK_FALSE(a->as_array()[1].integral);
  CHECK(a->as_array()[2].as_bool());
  CHECK(a->as_array()[4].is_null());
  CHECK(root.find("b")->as_string() == "x");
  CHECK(root.find("missing") == nullptr);
}

TEST_CASE("json parse: string escapes and UTF-8") {
  const auto r = parse(R"(["a\"b\\c\/\n\t\u00e9\u2013\ud83d\ude00", "5 – 10 °"])");
  REQUIRE(r.ok());
  CHECK(r.value.as_array()[0].as_string() == "a\"b\\c/\n\té–😀");
  CHECK(r.value.as_array()[1].as_string() == "5 – 10 °");
}

// One case per kind of malformed text, each naming its error and where it is.
struct BadCase {
  const char* text;
  const char* message;
  unsigned line, column;
};

TEST_CASE("json parse: every malformed input is refused with its line and column") {
  const BadCase cases[] = {
      {"", "unexpected end of text; expected a value", 1, 1},
      {"{", "expected a field name in double quotes", 1, 2},
      {"{\"a\" 1}", "expected ':' after the field name", 1, 6},
      {"{\"a\":1,}", "trailing comma before '}'", 1, 8},
      {"[1,]", "trailing comma before ']'", 1, 4},
      {"[1 2]", "expected ',' or ']' after an array item", 1, 4},
      {"{\"a\":1 \"b\":2}", "expected ',' or '}' after a field", 1, 8},
      {"{\"a\":1,\n \"a\":2}", "duplicate field \"a\"", 2, 2},
      {"[tru]", "unknown word; expected a JSON value", 1, 2},
      {"[01]", "a number cannot have leading zeros", 1, 3},
      {"[1.]", "a number needs digits after '.'", 1, 4},
      {"[1e]", "a number needs digits in its exponent", 1, 4},
      {"[-]", "a number needs digits after '-'", 1, 3},
      {"[1e999]", "number too large", 1, 7},
      {"\"abc", "unterminated string", 1, 5},
      {"\"a\nb\"", "control character in a string (write it as \\n, \\t, ...)", 1, 3},
      {"\"\\x\"", "unknown escape in a string", 1, 3},
      {"\"\\u12\"", "\\u needs four hex digits", 1, 6},
      {"\"\\ud800\"", "unpaired surrogate in \\u escape", 1, 8},
      {"\"\\udc00\"", "unpaired surrogate in \\u escape", 1, 8},
      {"\"\xff\"", "invalid UTF-8 in a string", 1, 2},
      {"\"\xc3\"", "invalid UTF-8 in a string", 1, 2},
      {"\"\xe0\x80\x80\"", "invalid UTF-8 in a string", 1, 2},
      {"\"\xed\xa0\x80\"", "invalid UTF-8 in a string", 1, 2},
      {"{} {}", "unexpected text after the JSON value", 1, 4},
      {"// note\n{}", "unexpected character '/'; expected a value", 1, 1},
      {"@", "unexpected character '@'; expected a value", 1, 1},
  };
  for (const BadCase& c : cases) {
    CAPTURE(c.text);
    const auto r = parse(c.text);
    CHECK_FALSE(r.ok());
    CHECK(r.error.message == c.message);
    CHECK(r.error.line == c.line);
    CHECK(r.error.column == c.column);
  }
}

TEST_CASE("json parse: nesting is limited so hostile input cannot exhaust the stack") {
  CHECK(parse(std::string(64, '[') + std::string(64, ']')).ok());
  const auto one_more = parse(std::string(65, '[') + std::string(65, ']'));
  CHECK_FALSE(one_more.ok());
  CHECK(one_more.error.message == "nested deeper than 64 levels");
  const auto deep = parse(std::string(100000, '['));
  CHECK_FALSE(deep.ok());
  CHECK(deep.error.message == "nested deeper than 64 levels");
}

namespace {

// An object of `keys` members, one a line after the "{" line: "  \"k0\": 0,", ... The last
// key is `last_key` (its value `keys - 1`), so a test can make it a duplicate.
std::string wide_object(int keys, const std::string& last_key) {
  std::string text = "{\n";
  for (int i = 0; i + 1 < keys; ++i) text += "  \"k" + std::to_string(i) + "\": " + std::to_string(i) + ",\n";
  return text + "  \"" + last_key + "\": " + std::to_string(keys - 1) + "\n}";
}

}  // namespace

// Before the keys were indexed, this object took 28 s; a test run would time out on it.
TEST_CASE("json parse: an object of 100,000 keys parses, and its last key is found") {
  const auto r = parse(wide_object(100'000, "k99999"));
  REQUIRE(r.ok());
  REQUIRE(r.value.as_object().size() == 100'000);
  const auto* last = r.value.find("k99999");
  REQUIRE(last);
  CHECK(last->as_number() == 99'999);
  CHECK(last->line == 100'001);
  CHECK(r.value.find("k0")->as_number() == 0);
  CHECK(r.value.find("k100000") == nullptr);
}

TEST_CASE("json parse: a duplicate as the 100,000th key is refused at its line and column") {
  const auto r = parse(wide_object(100'000, "k12345"));
  CHECK_FALSE(r.ok());
  CHECK(r.error.message == "duplicate field \"k12345\"");
  CHECK(r.error.line == 100'001);
  CHECK(r.error.column == 3);
}

// Small objects are scanned and larger ones looked up by hash: a duplicate of any earlier key
// is the error either way, at the first duplicate.
TEST_CASE("json parse: a duplicate of each earlier key is refused, in objects small and large") {
  for (const int keys : {2, 15, 16, 17, 18, 40}) {
    for (int earlier = 0; earlier + 1 < keys; ++earlier) {
      CAPTURE(keys);
      CAPTURE(earlier);
      const auto r = parse(wide_object(keys, "k" + std::to_string(earlier)));
      CHECK_FALSE(r.ok());
      CHECK(r.error.message == "duplicate field \"k" + std::to_string(earlier) + "\"");
      CHECK(r.error.line == static_cast<unsigned>(keys) + 1);
      CHECK(r.error.column == 3);
    }
  }
}

TEST_CASE("json parse: the first of two duplicates is the one reported") {
  const auto r = parse("{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6,\"g\":7,\"h\":8,\"i\":9,\"j\":10,\"k\":11,\"l\":12,"
                       "\"m\":13,\"n\":14,\"o\":15,\"p\":16,\"q\":17,\"b\":18,\"a\":19}");
  CHECK(r.error.message == "duplicate field \"b\"");
  CHECK(r.error.column == 112);
}
