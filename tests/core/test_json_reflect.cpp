#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "json/json_reflect.h"

namespace {

enum class Colour { red, green };

struct Inner {
  std::string id;
  int count = 0;
  bool operator==(const Inner&) const = default;
};

struct Outer {
  std::string name;
  double weight = 0;
  bool flag = false;
  Colour colour = Colour::red;
  std::optional<std::string> note;
  std::vector<Inner> items;
  bool operator==(const Outer&) const = default;
};

}  // namespace

template <>
struct limber::json::EnumNames<Colour> {
  static constexpr std::array<std::pair<Colour, std::string_view>, 2> values{{{Colour::red, "red"}, {Colour::green, "green"}}};
};

namespace {

std::vector<limber::json::Problem> read_text(const char* text, Outer& out) {
  std::vector<limber::json::Problem> problems;
  const auto parsed = limber::json::parse(text);
  REQUIRE(parsed.ok());
  limber::json::ReadContext ctx(problems);
  limber::json::read(parsed.value, out, ctx);
  return problems;
}

std::string only_problem(const char* text) {
  Outer out;
  const auto problems = read_text(text, out);
  REQUIRE(problems.size() == 1);
  return problems[0].path + ": " + problems[0].message;
}

}  // namespace

TEST_CASE("json reflect: a struct reads field by field, optional and vector fields may be absent") {
  Outer out;
  const auto problems =
      read_text(R"({"name":"n","weight":2.5,"flag":true,"colour":"green","items":[{"id":"a","count":3}]})", out);
  CHECK(problems.empty());
  CHECK(out == Outer{.name = "n", .weight = 2.5, .flag = true, .colour = Colour::green, .note = std::nullopt,
                     .items = {{.id = "a", .count = 3}}});
}

TEST_CASE("json reflect: a round trip through JSON gives the same struct") {
  const Outer original{.name = "quote \" and é", .weight = 0.1, .flag = false, .colour = Colour::green,
                       .note = "n", .items = {{.id = "x", .count = -4}, {.id = "y", .count = 0}}};
  const std::string text = limber::json::to_json(original);
  Outer back;
  std::vector<limber::json::Problem> problems;
  limber::json::ReadContext ctx(problems);
  limber::json::read(limber::json::parse(text).value, back, ctx);
  CHECK(problems.empty());
  CHECK(back == original);
}

TEST_CASE("json reflect: unknown field, named with the fields that exist") {
  CHECK(only_problem(R"({"name":"n","weight":1,"flag":true,"colour":"red","wieght":2})") ==
        "wieght: unknown field (fields here: name, weight, flag, colour, note, items)");
}

TEST_CASE("json reflect: missing field") {
  CHECK(only_problem(R"({"name":"n","flag":true,"colour":"red"})") == "weight: missing field");
}

TEST_CASE("json reflect: wrong type") {
  CHECK(only_problem(R"({"name":3,"weight":1,"flag":true,"colour":"red"})") == "name: expected a string, got a number");
  CHECK(only_problem(R"({"name":"n","weight":"1","flag":true,"colour":"red"})") ==
        "weight: expected a number, got a string");
  CHECK(only_problem(R"({"name":"n","weight":1,"flag":1,"colour":"red"})") ==
        "flag: expected true or false, got a number");
  CHECK(only_problem(R"({"name":"n","weight":1,"flag":true,"colour":"red","items":{}})") ==
        "items: expected an array, got an object");
  CHECK(only_problem(R"({"name":"n","weight":1,"flag":true,"colour":"red","items":[7]})") ==
        "items[0]: expected an object, got a number");
}

TEST_CASE("json reflect: empty text") {
  CHECK(only_problem(R"({"name":"","weight":1,"flag":true,"colour":"red"})") == "name: empty text");
}

TEST_CASE("json reflect: an unknown enum value lists the known ones") {
  CHECK(only_problem(R"({"name":"n","weight":1,"flag":true,"colour":"blue"})") ==
        "colour: unknown value 'blue' (expected one of: red, green)");
}

TEST_CASE("json reflect: integers must be whole and in range") {
  CHECK(only_problem(R"({"name":"n","weight":1,"flag":true,"colour":"red","items":[{"id":"a","count":1.5}]})") ==
        "items[a].count: expected a whole number, got 1.5");
  CHECK(only_problem(R"({"name":"n","weight":1,"flag":true,"colour":"red","items":[{"id":"a","count":1e12}]})") ==
        "items[a].count: number out of range");
}

TEST_CASE("json reflect: array items are named by their id when they have one, else by index") {
  Outer out;
  const auto problems = read_text(
      R"({"name":"n","weight":1,"flag":true,"colour":"red","items":[{"id":"good","count":"x"},{"count":"y"}]})", out);
  REQUIRE(problems.size() == 3);
  CHECK(problems[0].path == "items[good].count");
  CHECK(problems[1].path == "items[1].id");
  CHECK(problems[1].message == "missing field");
  CHECK(problems[2].path == "items[1].count");
}

TEST_CASE("json reflect: every problem is reported, with the line and column of the value") {
  Outer out;
  const auto problems = read_text("{\"name\":\"\",\n\"weight\":\"heavy\",\"flag\":true,\"colour\":\"red\",\"x\":1}", out);
  REQUIRE(problems.size() == 3);
  CHECK(problems[0].path == "x");  // unknown fields are listed first
  CHECK(problems[1].path == "name");
  CHECK(problems[1].line == 1);
  CHECK(problems[2].path == "weight");
  CHECK(problems[2].line == 2);
  CHECK(problems[2].column == 10);
}

namespace {
struct Times {
  std::int64_t at = 0;
  std::uint64_t count = 0;
};
}  // namespace

TEST_CASE("json reflect: 64-bit integers are checked against their exact range") {
  const auto read_times = [](const char* text) {
    std::vector<limber::json::Problem> problems;
    limber::json::ReadContext ctx(problems);
    Times t;
    limber::json::read(limber::json::parse(text).value, t, ctx);
    return std::pair{t, problems};
  };
  auto [ok, none] = read_times(R"({"at":-1700000000000,"count":18014398509481984})");
  CHECK(none.empty());
  CHECK(ok.at == -1700000000000);
  CHECK(ok.count == 18014398509481984ull);
  // 2^63 does not fit an int64, and a negative count does not fit a uint64.
  auto [big, too_big] = read_times(R"({"at":9223372036854775808,"count":1})");
  REQUIRE(too_big.size() == 1);
  CHECK(too_big[0].message == "number out of range");
  auto [neg, negative] = read_times(R"({"at":1,"count":-1})");
  REQUIRE(negative.size() == 1);
  CHECK(negative[0].path == "count");
  // Unsigned values are written as unsigned.
  CHECK(limber::json::to_json(Times{.at = 1, .count = 18446744073709551615ull}) ==
        R"({"at":1,"count":18446744073709551615})");
}

TEST_CASE("json reflect: an empty key is named as \"\" in the path") {
  Outer out;
  const auto problems = read_text(R"({"name":"n","weight":1,"flag":true,"colour":"red","":1})", out);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].path == "\"\"");
}
