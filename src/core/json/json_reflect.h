// json/json_reflect.h: plain structs to and from JSON through Boost.PFR, with no code per field.
//
// A struct is read field by field using the names PFR finds in it. Every problem is
// collected, not just the first, each with its path ("exercises[knee_rolls].steps[2]"):
// array items that carry an "id" are named by it rather than by their index.
//
// Rules, the same for every struct:
//   - every field must be present, except std::optional (absent: empty) and std::vector
//     (absent: no items); unknown fields are refused, naming the fields that exist;
//   - strings must not be empty; integers must be whole numbers in range;
//   - enums are written as names, listed by specialising EnumNames (json/enum_names.h);
//   - a type with its own JSON form specialises Codec<T> (see Codec below).
//
// Usage:
//     struct Point { int x; int y; std::optional<std::string> label; };
//     std::vector<limber::json::Problem> problems;
//     limber::json::ReadContext ctx(problems);
//     Point p{};
//     limber::json::read(parsed.value, p, ctx);     // problems empty: p is complete
//     limber::json::Writer w;
//     limber::json::write(w, p);                    // {"x":1,"y":2}
#pragma once

#include <boost/pfr.hpp>
#include <boost/pfr/core_name.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "json/enum_names.h"
#include "json/json_value.h"
#include "json/json_writer.h"

namespace limber::json {

struct Problem {
  std::string path;     // where in the document, e.g. "exercises[knee_rolls].dosages[0].reps"
  std::string message;  // what is wrong there
  std::uint32_t line = 0, column = 0;  // of the offending value, 0 when it is missing
};

class ReadContext {
 public:
  explicit ReadContext(std::vector<Problem>& problems) : problems_(problems) {}

  void problem(std::string message, const Value* at = nullptr) {
    problems_.push_back({.path = path(), .message = std::move(message),
                         .line = at ? at->line : 0, .column = at ? at->column : 0});
  }
  std::string path() const {
    std::string p;
    for (const std::string& s : segments_) {
      if (!p.empty() && (s.empty() || s.front() != '[')) p += '.';
      p += s.empty() ? std::string("\"\"") : s;  // an empty key still shows where it is
    }
    return p;
  }

  // Adds one step to the path for as long as it lives.
  class Scope {
   public:
    Scope(ReadContext& ctx, std::string segment) : ctx_(ctx) { ctx_.segments_.push_back(std::move(segment)); }
    ~Scope() { ctx_.segments_.pop_back(); }
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

   private:
    ReadContext& ctx_;
  };

 private:
  std::vector<Problem>& problems_;
  std::vector<std::string> segments_;
};

// Specialise for a type with its own JSON form: set custom = true and provide
//     static void read(const Value&, T&, ReadContext&);  static void write(Writer&, const T&);
template <class T>
struct Codec {
  static constexpr bool custom = false;
};

namespace detail {
template <class T> struct is_vector : std::false_type {};
template <class T> struct is_vector<std::vector<T>> : std::true_type {};
template <class T> struct is_optional : std::false_type {};
template <class T> struct is_optional<std::optional<T>> : std::true_type {};

template <class E>
std::string enum_choices() {
  std::string list;
  for (const auto& [value, name] : EnumNames<E>::values) {
    if (!list.empty()) list += ", ";
    list += name;
  }
  return list;
}

inline std::string number_text(double d) {
  Writer w;
  w.value(d);
  return w.str();
}

inline std::string item_label(const Value& item, std::size_t index) {
  if (const Value* id = item.find("id"); id && id->is_string() && !id->as_string().empty()) {
    return "[" + id->as_string() + "]";
  }
  return "[" + std::to_string(index) + "]";
}
}  // namespace detail

template <class T> void read(const Value& v, T& out, ReadContext& ctx);
template <class T> void write(Writer& w, const T& value);

// The struct path of read()/write(), for Codecs that extend it.
template <class T>
void read_fields(const Value& v, T& out, ReadContext& ctx) {
  if (!v.is_object()) {
    ctx.problem("expected an object, got " + std::string(type_name(v)), &v);
    return;
  }
  constexpr auto names = boost::pfr::names_as_array<T>();
  for (const Member& m : v.as_object()) {
    if (std::find(names.begin(), names.end(), m.key) == names.end()) {
      std::string known;
      for (const std::string_view n : names) known += (known.empty() ? "" : ", ") + std::string(n);
      ReadContext::Scope scope(ctx, m.key);
      ctx.problem("unknown field (fields here: " + known + ")", &m.value);
    }
  }
  boost::pfr::for_each_field_with_name(out, [&](std::string_view name, auto& field) {
    using F = std::remove_cvref_t<decltype(field)>;
    ReadContext::Scope scope(ctx, std::string(name));
    const Value* fv = v.find(name);
    if (!fv) {
      if constexpr (!detail::is_optional<F>::value && !detail::is_vector<F>::value) ctx.problem("missing field");
      return;
    }
    read(*fv, field, ctx);
  });
}

template <class T>
void write_fields(Writer& w, const T& value) {
  w.begin_object();
  boost::pfr::for_each_field_with_name(value, [&](std::string_view name, const auto& field) {
    using F = std::remove_cvref_t<decltype(field)>;
    if constexpr (detail::is_optional<F>::value) {
      if (!field.has_value()) return;
    }
    w.key(name);
    write(w, field);
  });
  w.end_object();
}

template <class T>
void read(const Value& v, T& out, ReadContext& ctx) {
  if constexpr (Codec<T>::custom) {
    Codec<T>::read(v, out, ctx);
  } else if constexpr (std::is_same_v<T, bool>) {
    if (!v.is_bool()) return ctx.problem("expected true or false, got " + std::string(type_name(v)), &v);
    out = v.as_bool();
  } else if constexpr (std::is_same_v<T, std::string>) {
    if (!v.is_string()) return ctx.problem("expected a string, got " + std::string(type_name(v)), &v);
    if (v.as_string().empty()) return ctx.problem("empty text", &v);
    out = v.as_string();
  } else if constexpr (std::is_integral_v<T>) {
    if (!v.is_number()) return ctx.problem("expected a whole number, got " + std::string(type_name(v)), &v);
    const double d = v.as_number();
    if (!v.integral && d != std::floor(d)) return ctx.problem("expected a whole number, got " + detail::number_text(d), &v);
    // Exact bounds: 2^digits is the first value past the type's range (and, unlike
    // (double)INT64_MAX, is representable, so the comparison is exact).
    const double past_max = std::ldexp(1.0, std::numeric_limits<T>::digits);
    const double lowest = std::is_signed_v<T> ? -past_max : 0.0;
    if (d < lowest || d >= past_max) return ctx.problem("number out of range", &v);
    out = static_cast<T>(d);
  } else if constexpr (std::is_floating_point_v<T>) {
    if (!v.is_number()) return ctx.problem("expected a number, got " + std::string(type_name(v)), &v);
    out = static_cast<T>(v.as_number());
  } else if constexpr (std::is_enum_v<T>) {
    if (!v.is_string()) {
      return ctx.problem("expected one of " + detail::enum_choices<T>() + ", got " + std::string(type_name(v)), &v);
    }
    for (const auto& [value, name] : EnumNames<T>::values) {
      if (name == v.as_string()) {
        out = value;
        return;
      }
    }
    ctx.problem("unknown value '" + v.as_string() + "' (expected one of: " + detail::enum_choices<T>() + ")", &v);
  } else if constexpr (detail::is_vector<T>::value) {
    if (!v.is_array()) return ctx.problem("expected an array, got " + std::string(type_name(v)), &v);
    const auto& items = v.as_array();
    out.clear();
    out.resize(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
      ReadContext::Scope scope(ctx, detail::item_label(items[i], i));
      read(items[i], out[i], ctx);
    }
  } else if constexpr (detail::is_optional<T>::value) {
    out.emplace();
    read(v, *out, ctx);
  } else {
    static_assert(std::is_aggregate_v<T>, "json::read: a struct must be an aggregate (or specialise Codec)");
    read_fields(v, out, ctx);
  }
}

template <class T>
void write(Writer& w, const T& value) {
  if constexpr (Codec<T>::custom) {
    Codec<T>::write(w, value);
  } else if constexpr (std::is_same_v<T, bool> || std::is_same_v<T, std::string>) {
    w.value(value);
  } else if constexpr (std::is_integral_v<T> && std::is_unsigned_v<T>) {
    w.value(static_cast<std::uint64_t>(value));
  } else if constexpr (std::is_integral_v<T>) {
    w.value(static_cast<std::int64_t>(value));
  } else if constexpr (std::is_floating_point_v<T>) {
    w.value(static_cast<double>(value));
  } else if constexpr (std::is_enum_v<T>) {
    w.value(enum_name(value));
  } else if constexpr (detail::is_vector<T>::value) {
    w.begin_array();
    for (const auto& item : value) write(w, item);
    w.end_array();
  } else if constexpr (detail::is_optional<T>::value) {
    if (value) write(w, *value); else w.null();
  } else {
    write_fields(w, value);
  }
}

// A whole document: the struct as JSON text.
template <class T>
std::string to_json(const T& value) {
  Writer w;
  write(w, value);
  return w.str();
}

}  // namespace limber::json
