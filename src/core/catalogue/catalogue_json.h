// catalogue/catalogue_json.h: the catalogue's JSON forms, on top of json_reflect.h.
//
// Everything maps through Boost.PFR; the one type with its own form is Range, which may be
// written as a bare number when a source gives one value ("reps": 5).
//
// Usage:
//     const std::string text = limber::json::to_json(exercise);
#pragma once

#include "catalogue/model.h"
#include "json/json_reflect.h"

namespace limber::json {

template <>
struct Codec<catalogue::Range> {
  static constexpr bool custom = true;
  static void read(const Value& v, catalogue::Range& out, ReadContext& ctx) {
    if (v.is_number()) {
      int n = 0;
      json::read(v, n, ctx);
      out = {.min = n, .max = n, .start = n};
      return;
    }
    read_fields(v, out, ctx);
  }
  static void write(Writer& w, const catalogue::Range& r) {
    if (r.min == r.max && r.start == r.min) {
      w.value(r.min);
    } else {
      write_fields(w, r);
    }
  }
};

}  // namespace limber::json
