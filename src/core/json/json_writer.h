// json/json_writer.h: builds compact JSON text, with correct string escaping.
//
// Used for everything the app hands to JavaScript as text (the automation state, later
// backups and messages to an embedding page). Misuse (a value where a key is due, closing
// the wrong container) does not crash: the writer remembers the first error and ok()
// turns false, so a caller can refuse to publish half-written text.
//
// Usage:
//     limber::json::Writer w;
//     w.begin_object().key("screen").value("home").key("frames").value(42).end_object();
//     if (w.ok()) publish(w.str());      // {"screen":"home","frames":42}
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace limber::json {

class Writer {
 public:
  Writer& begin_object();
  Writer& end_object();
  Writer& begin_array();
  Writer& end_array();
  Writer& key(std::string_view name);

  Writer& value(std::string_view text);
  Writer& value(const char* text) { return value(std::string_view(text)); }
  Writer& value(bool flag);
  Writer& value(int number) { return value(static_cast<std::int64_t>(number)); }
  Writer& value(std::int64_t number);
  Writer& value(std::uint64_t number);
  Writer& value(double number);  // NaN and infinities have no JSON form: written as null
  Writer& null();

  // Paste text the caller already holds as one JSON value (it is not re-checked).
  Writer& raw(std::string_view json_value);

  // True while every call so far was well formed; complete() also needs every container closed.
  bool ok() const { return error_.empty(); }
  bool complete() const { return ok() && stack_.empty() && wrote_root_; }
  const std::string& error() const { return error_; }
  const std::string& str() const { return out_; }

 private:
  enum class Frame : std::uint8_t { object_expect_key, object_expect_value, array };
  bool before_value(const char* what);
  void fail(std::string message);
  void write_string(std::string_view text);

  std::string out_;
  std::vector<Frame> stack_;
  std::vector<bool> first_;  // per open container: nothing written in it yet
  bool wrote_root_ = false;
  std::string error_;
};

// The JSON string literal for `text`, quotes included.
std::string quote(std::string_view text);

}  // namespace limber::json
