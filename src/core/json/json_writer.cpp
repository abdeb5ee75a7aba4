#include "json/json_writer.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace limber::json {

void Writer::fail(std::string message) {
  if (error_.empty()) error_ = std::move(message);
}

// Commas and the object key/value alternation live here, so each value writer stays one line.
bool Writer::before_value(const char* what) {
  if (!ok()) return false;
  if (stack_.empty()) {
    if (wrote_root_) {
      fail(std::string(what) + " after the root value was complete");
      return false;
    }
    wrote_root_ = true;
    return true;
  }
  switch (stack_.back()) {
    case Frame::object_expect_key:
      fail(std::string(what) + " where an object key was expected");
      return false;
    case Frame::object_expect_value:
      stack_.back() = Frame::object_expect_key;
      return true;
    case Frame::array:
      if (!first_.back()) out_ += ',';
      first_.back() = false;
      return true;
  }
  return false;
}

Writer& Writer::begin_object() {
  if (before_value("object")) {
    out_ += '{';
    stack_.push_back(Frame::object_expect_key);
    first_.push_back(true);
  }
  return *this;
}

Writer& Writer::end_object() {
  if (!ok()) return *this;
  if (stack_.empty() || stack_.back() == Frame::array) {
    fail("end_object without an open object");
  } else if (stack_.back() == Frame::object_expect_value) {
    fail("end_object after a key with no value");
  } else {
    out_ += '}';
    stack_.pop_back();
    first_.pop_back();
  }
  return *this;
}

Writer& Writer::begin_array() {
  if (before_value("array")) {
    out_ += '[';
    stack_.push_back(Frame::array);
    first_.push_back(true);
  }
  return *this;
}

Writer& Writer::end_array() {
  if (!ok()) return *this;
  if (stack_.empty() || stack_.back() != Frame::array) {
    fail("end_array without an open array");
  } else {
    out_ += ']';
    stack_.pop_back();
    first_.pop_back();
  }
  return *this;
}

Writer& Writer::key(std::string_view name) {
  if (!ok()) return *this;
  if (stack_.empty() || stack_.back() != Frame::object_expect_key) {
    fail("key \"" + std::string(name) + "\" outside an object or where a value was expected");
    return *this;
  }
  if (!first_.back()) out_ += ',';
  first_.back() = false;
  write_string(name);
  out_ += ':';
  stack_.back() = Frame::object_expect_value;
  return *this;
}

Writer& Writer::value(std::string_view text) {
  if (before_value("string")) write_string(text);
  return *this;
}

Writer& Writer::value(bool flag) {
  if (before_value("bool")) out_ += flag ? "true" : "false";
  return *this;
}

Writer& Writer::value(std::int64_t number) {
  if (before_value("number")) out_ += std::to_string(number);
  return *this;
}

Writer& Writer::value(std::uint64_t number) {
  if (before_value("number")) out_ += std::to_string(number);
  return *this;
}

Writer& Writer::value(double number) {
  if (!before_value("number")) return *this;
  if (!std::isfinite(number)) {
    out_ += "null";
    return *this;
  }
  // Emscripten's libc++ has no floating-point to_chars: print the fewest digits (15, else
  // 17) that read back as the same double.
  char buffer[32];
  int length = std::snprintf(buffer, sizeof buffer, "%.15g", number);
  if (std::strtod(buffer, nullptr) != number) length = std::snprintf(buffer, sizeof buffer, "%.17g", number);
  if (length <= 0 || static_cast<std::size_t>(length) >= sizeof buffer) {
    fail("number could not be formatted");
    return *this;
  }
  out_.append(buffer, static_cast<std::size_t>(length));
  return *this;
}

Writer& Writer::null() {
  if (before_value("null")) out_ += "null";
  return *this;
}

Writer& Writer::raw(std::string_view json_value) {
  if (before_value("raw value")) out_ += json_value;
  return *this;
}

void Writer::write_string(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out_ += '"';
  for (const char c : text) {
    switch (c) {
      case '"': out_ += "\\\""; break;
      case '\\': out_ += "\\\\"; break;
      case '\n': out_ += "\\n"; break;
      case '\r': out_ += "\\r"; break;
      case '\t': out_ += "\\t"; break;
      case '\b': out_ += "\\b"; break;
      case '\f': out_ += "\\f"; break;
      default: {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20) {
          out_ += "\\u00";
          out_ += kHex[byte >> 4];
          out_ += kHex[byte & 0xF];
        } else {
          out_ += c;  // UTF-8 passes through unchanged
        }
      }
    }
  }
  out_ += '"';
}

std::string quote(std::string_view text) {
  Writer w;
  w.value(text);
  return w.str();
}

}  // namespace limber::json
