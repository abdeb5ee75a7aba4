#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <limits>

#include "json/json_writer.h"

using limber::json::Writer;

TEST_CASE("json writer: objects and arrays get commas only between members") {
  Writer w;
  w.begin_object()
      .key("a").value(1)
      .key("b").begin_array().value(true).value(false).null().end_array()
      .key("c").begin_object().end_object()
      .key("d").begin_array().end_array()
      .end_object();
  CHECK(w.complete());
  CHECK(w.str() == R"({"a":1,"b":[true,false,null],"c":{},"d":[]})");
}

TEST_CASE("json writer: strings escape quotes, backslashes and control characters") {
  CHECK(limber::json::quote("say \"hi\"") == R"("say \"hi\"")");
  CHECK(limber::json::quote("a\\b") == R"("a\\b")");
  CHECK(limber::json::quote("line\nnext\ttab\r\b\f") == R"("line\nnext\ttab\r\b\f")");
  CHECK(limber::json::quote(std::string_view("\x01\x1f", 2)) == R"("\u0001\u001f")");
  CHECK(limber::json::quote(std::string_view("nul\0byte", 8)) == R"("nul\u0000byte")");
}

TEST_CASE("json writer: UTF-8 text passes through unchanged") {
  CHECK(limber::json::quote("5 – 10 seconds · “hold”") == "\"5 – 10 seconds · “hold”\"");
}

TEST_CASE("json writer: numbers") {
  Writer w;
  w.begin_array()
      .value(std::int64_t{-42})
      .value(std::numeric_limits<std::uint64_t>::max())
      .value(0.5)
      .value(0.1)
      .value(2.0)
      .value(1e21)
      .value(std::nan(""))
      .value(std::numeric_limits<double>::infinity())
      .end_array();
  CHECK(w.complete());
  CHECK(w.str() == "[-42,18446744073709551615,0.5,0.1,2,1e+21,null,null]");
}

TEST_CASE("json writer: a value where a key is due is refused") {
  Writer w;
  w.begin_object().value(1);
  CHECK_FALSE(w.ok());
  CHECK(w.error() == "number where an object key was expected");
}

TEST_CASE("json writer: a key outside an object is refused") {
  Writer w;
  w.begin_array().key("x");
  CHECK_FALSE(w.ok());
  CHECK(w.error().find("key \"x\"") != std::string::npos);
}

TEST_CASE("json writer: closing the wrong container is refused") {
  Writer a;
  a.begin_object().end_array();
  CHECK(a.error() == "end_array without an open array");
  Writer b;
  b.begin_array().end_object();
  CHECK(b.error() == "end_object without an open object");
}

TEST_CASE("json writer: a key left without a value is refused") {
  Writer w;
  w.begin_object().key("k").end_object();
  CHECK(w.error() == "end_object after a key with no value");
}

TEST_CASE("json writer: a second root value is refused") {
  Writer w;
  w.value(1).value(2);
  CHECK(w.error() == "number after the root value was complete");
}

TEST_CASE("json writer: unclosed containers are not complete") {
  Writer w;
  w.begin_object().key("a").begin_array();
  CHECK(w.ok());
  CHECK_FALSE(w.complete());
}

TEST_CASE("json writer: the first error is kept and later calls change nothing") {
  Writer w;
  w.begin_object().value("oops").key("later").value(1).end_object();
  CHECK(w.error() == "string where an object key was expected");
  CHECK(w.str() == "{");
}
