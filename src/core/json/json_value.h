// json/json_value.h: a parsed JSON document, every value knowing where it came from.
//
// Parsing is strict (RFC 8259): no comments, no trailing commas, no duplicate keys in an
// object, valid UTF-8, nesting at most 64 deep. The first error stops the parse and is
// reported with its line and column, so a person editing an asset can find it.
//
// Usage:
//     const limber::json::ParseResult r = limber::json::parse(text);
//     if (!r.ok()) log(r.error.line, r.error.column, r.error.message);
//     const limber::json::Value& root = r.value;
//     if (const auto* name = root.find("name"); name && name->is_string()) use(name->as_string());
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace limber::json {

struct Member;

struct Value {
  using Array = std::vector<Value>;
  using Object = std::vector<Member>;  // in document order
  std::variant<std::nullptr_t, bool, double, std::string, Array, Object> data = nullptr;
  std::uint32_t line = 0, column = 0;  // where the value starts, from 1
  bool integral = false;               // a number written without fraction or exponent

  bool is_null() const { return std::holds_alternative<std::nullptr_t>(data); }
  bool is_bool() const { return std::holds_alternative<bool>(data); }
  bool is_number() const { return std::holds_alternative<double>(data); }
  bool is_string() const { return std::holds_alternative<std::string>(data); }
  bool is_array() const { return std::holds_alternative<Array>(data); }
  bool is_object() const { return std::holds_alternative<Object>(data); }

  bool as_bool() const { return std::get<bool>(data); }
  double as_number() const { return std::get<double>(data); }
  const std::string& as_string() const { return std::get<std::string>(data); }
  const Array& as_array() const { return std::get<Array>(data); }
  const Object& as_object() const { return std::get<Object>(data); }

  // The member called `key`, or nullptr (also when this is not an object).
  const Value* find(std::string_view key) const;
  Value* find(std::string_view key) { return const_cast<Value*>(std::as_const(*this).find(key)); }
};

struct Member {
  std::string key;
  Value value;
};

// "a string", "a number", ... for error messages.
std::string_view type_name(const Value& value);

struct ParseError {
  std::uint32_t line = 0, column = 0;
  std::string message;  // empty when the parse succeeded
};

struct ParseResult {
  Value value;
  ParseError error;
  bool ok() const { return error.message.empty(); }
};

ParseResult parse(std::string_view text);

}  // namespace limber::json
