#include "json/json_value.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <bit>
#include <cstdint>
#include <vector>

namespace limber::json {

const Value* Value::find(std::string_view key) const {
  if (!is_object()) return nullptr;
  for (const Member& m : as_object()) {
    if (m.key == key) return &m.value;
  }
  return nullptr;
}

std::string_view type_name(const Value& value) {
  switch (value.data.index()) {
    case 0: return "null";
    case 1: return "true or false";
    case 2: return "a number";
    case 3: return "a string";
    case 4: return "an array";
    case 5: return "an object";
  }
  return "a value";
}

namespace {

constexpr int kMaxDepth = 64;

// The keys an object has so far, for the duplicate check. Scanning every earlier key made an
// object of n keys cost n²/2 comparisons (100,000 keys: 28 s); past a few keys they are looked
// up in a small open-addressing table of member indices (a standard hash map costs kilobytes
// of download). Indices, not views: a key's characters move when the members grow.
class KeyIndex {
 public:
  bool contains(const Value::Object& members, std::string_view key) {
    if (members.size() < kScanMembers) {
      return std::any_of(members.begin(), members.end(), [&](const Member& m) { return m.key == key; });
    }
    if (slots_.size() < 2 * members.size() + 2) {  // at most half full: short probes
      slots_.assign(std::bit_ceil(4 * members.size()), 0);
      indexed_ = 0;
    }
    const std::size_t mask = slots_.size() - 1;
    for (; indexed_ < members.size(); ++indexed_) {
      std::size_t i = hash(members[indexed_].key) & mask;
      while (slots_[i] != 0) i = (i + 1) & mask;
      slots_[i] = static_cast<std::uint32_t>(indexed_ + 1);
    }
    for (std::size_t i = hash(key) & mask; slots_[i] != 0; i = (i + 1) & mask) {
      if (members[slots_[i] - 1].key == key) return true;
    }
    return false;
  }

 private:
  static constexpr std::size_t kScanMembers = 16;
  static std::size_t hash(std::string_view s) {  // FNV-1a
    std::uint32_t h = 2166136261u;
    for (const char c : s) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    return h;
  }
  std::vector<std::uint32_t> slots_;  // member index + 1; 0 is empty
  std::size_t indexed_ = 0;
};

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  ParseResult run() {
    ParseResult result;
    skip_space();
    if (!parse_value(result.value, 0)) {
      result.error = error_;
      return result;
    }
    skip_space();
    if (pos_ != text_.size()) {
      fail("unexpected text after the JSON value");
      result.error = error_;
    }
    return result;
  }

 private:
  bool fail(std::string message) {
    if (error_.message.empty()) error_ = {.line = line_, .column = column(), .message = std::move(message)};
    return false;
  }
  std::uint32_t column() const { return static_cast<std::uint32_t>(pos_ - line_start_ + 1); }
  bool at_end() const { return pos_ >= text_.size(); }
  char peek() const { return at_end() ? '\0' : text_[pos_]; }

  void skip_space() {
    while (!at_end()) {
      const char c = text_[pos_];
      if (c == '\n') {
        ++pos_;
        ++line_;
        line_start_ = pos_;
      } else if (c == ' ' || c == '\t' || c == '\r') {
        ++pos_;
      } else {
        break;
      }
    }
  }

  bool literal(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return fail("unknown word; expected a JSON value");
    pos_ += word.size();
    return true;
  }

  bool parse_value(Value& out, int depth) {
    if (depth >= kMaxDepth) return fail("nested deeper than 64 levels");
    out.line = line_;
    out.column = column();
    switch (peek()) {
      case '{': return parse_object(out, depth);
      case '[': return parse_array(out, depth);
      case '"': {
        std::string s;
        if (!parse_string(s)) return false;
        out.data = std::move(s);
        return true;
      }
      case 't': out.data = true; return literal("true");
      case 'f': out.data = false; return literal("false");
      case 'n': out.data = nullptr; return literal("null");
      case '\0':
        if (at_end()) return fail("unexpected end of text; expected a value");
        return fail("unexpected character; expected a value");
      default:
        if (peek() == '-' || (peek() >= '0' && peek() <= '9')) return parse_number(out);
        return fail(std::string("unexpected character '") + peek() + "'; expected a value");
    }
  }

  bool parse_object(Value& out, int depth) {
    ++pos_;  // {
    Value::Object members;
    KeyIndex keys;
    skip_space();
    if (peek() == '}') {
      ++pos_;
      out.data = std::move(members);
      return true;
    }
    for (;;) {
      skip_space();
      if (peek() != '"') return fail("expected a field name in double quotes");
      const std::uint32_t key_line = line_, key_column = column();
      std::string key;
      if (!parse_string(key)) return false;
      if (keys.contains(members, key)) {
        error_ = {.line = key_line, .column = key_column, .message = "duplicate field \"" + key + "\""};
        return false;
      }
      skip_space();
      if (peek() != ':') return fail("expected ':' after the field name");
      ++pos_;
      skip_space();
      Member member{.key = std::move(key), .value = {}};
      if (!parse_value(member.value, depth + 1)) return false;
      members.push_back(std::move(member));
      skip_space();
      if (peek() == ',') {
        ++pos_;
        skip_space();
        if (peek() == '}') return fail("trailing comma before '}'");
        continue;
      }
      if (peek() == '}') {
        ++pos_;
        out.data = std::move(members);
        return true;
      }
      return fail("expected ',' or '}' after a field");
    }
  }

  bool parse_array(Value& out, int depth) {
    ++pos_;  // [
    Value::Array items;
    skip_space();
    if (peek() == ']') {
      ++pos_;
      out.data = std::move(items);
      return true;
    }
    for (;;) {
      skip_space();
      Value item;
      if (!parse_value(item, depth + 1)) return false;
      items.push_back(std::move(item));
      skip_space();
      if (peek() == ',') {
        ++pos_;
        skip_space();
        if (peek() == ']') return fail("trailing comma before ']'");
        continue;
      }
      if (peek() == ']') {
        ++pos_;
        out.data = std::move(items);
        return true;
      }
      return fail("expected ',' or ']' after an array item");
    }
  }

  bool parse_number(Value& out) {
    const std::size_t start = pos_;
    bool integral = true;
    if (peek() == '-') ++pos_;
    if (peek() == '0') {
      ++pos_;
    } else if (peek() >= '1' && peek() <= '9') {
      while (peek() >= '0' && peek() <= '9') ++pos_;
    } else {
      return fail("a number needs digits after '-'");
    }
    if (peek() == '.') {
      integral = false;
      ++pos_;
      if (!(peek() >= '0' && peek() <= '9')) return fail("a number needs digits after '.'");
      while (peek() >= '0' && peek() <= '9') ++pos_;
    }
    if (peek() == 'e' || peek() == 'E') {
      integral = false;
      ++pos_;
      if (peek() == '+' || peek() == '-') ++pos_;
      if (!(peek() >= '0' && peek() <= '9')) return fail("a number needs digits in its exponent");
      while (peek() >= '0' && peek() <= '9') ++pos_;
    }
    if (peek() >= '0' && peek() <= '9') return fail("a number cannot have leading zeros");
    const std::string digits(text_.substr(start, pos_ - start));
    const double value = std::strtod(digits.c_str(), nullptr);
    if (!std::isfinite(value)) return fail("number too large");
    out.data = value;
    out.integral = integral;
    return true;
  }

  static void append_utf8(std::string& s, std::uint32_t cp) {
    if (cp < 0x80) {
      s += static_cast<char>(cp);
    } else if (cp < 0x800) {
      s += static_cast<char>(0xC0 | (cp >> 6));
      s += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      s += static_cast<char>(0xE0 | (cp >> 12));
      s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      s += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      s += static_cast<char>(0xF0 | (cp >> 18));
      s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      s += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  bool hex4(std::uint32_t& out) {
    out = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = peek();
      out <<= 4;
      if (c >= '0' && c <= '9') out |= static_cast<std::uint32_t>(c - '0');
      else if (c >= 'a' && c <= 'f') out |= static_cast<std::uint32_t>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') out |= static_cast<std::uint32_t>(c - 'A' + 10);
      else return fail("\\u needs four hex digits");
      ++pos_;
    }
    return true;
  }

  // Copies one UTF-8 sequence, refusing malformed, overlong and surrogate encodings.
  bool copy_utf8(std::string& s) {
    const auto lead = static_cast<unsigned char>(text_[pos_]);
    int extra = 0;
    std::uint32_t cp = 0;
    if (lead >= 0xC2 && lead <= 0xDF) { extra = 1; cp = lead & 0x1Fu; }
    else if (lead >= 0xE0 && lead <= 0xEF) { extra = 2; cp = lead & 0x0Fu; }
    else if (lead >= 0xF0 && lead <= 0xF4) { extra = 3; cp = lead & 0x07u; }
    else return fail("invalid UTF-8 in a string");
    if (pos_ + static_cast<std::size_t>(extra) >= text_.size()) return fail("invalid UTF-8 in a string");
    for (int i = 1; i <= extra; ++i) {
      const auto c = static_cast<unsigned char>(text_[pos_ + static_cast<std::size_t>(i)]);
      if ((c & 0xC0) != 0x80) return fail("invalid UTF-8 in a string");
      cp = (cp << 6) | (c & 0x3Fu);
    }
    if ((extra == 2 && cp < 0x800) || (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
      return fail("invalid UTF-8 in a string");
    }
    s.append(text_.substr(pos_, static_cast<std::size_t>(extra) + 1));
    pos_ += static_cast<std::size_t>(extra) + 1;
    return true;
  }

  bool parse_string(std::string& out) {
    ++pos_;  // opening quote
    for (;;) {
      if (at_end()) return fail("unterminated string");
      const char c = text_[pos_];
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (static_cast<unsigned char>(c) < 0x20) return fail("control character in a string (write it as \\n, \\t, ...)");
      if (static_cast<unsigned char>(c) >= 0x80) {
        if (!copy_utf8(out)) return false;
        continue;
      }
      if (c != '\\') {
        out += c;
        ++pos_;
        continue;
      }
      ++pos_;
      const char e = peek();
      ++pos_;
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          std::uint32_t cp = 0;
          if (!hex4(cp)) return false;
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            std::uint32_t low = 0;
            if (peek() != '\\' || text_.substr(pos_, 2) != "\\u") return fail("unpaired surrogate in \\u escape");
            pos_ += 2;
            if (!hex4(low)) return false;
            if (low < 0xDC00 || low > 0xDFFF) return fail("unpaired surrogate in \\u escape");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return fail("unpaired surrogate in \\u escape");
          }
          append_utf8(out, cp);
          break;
        }
        default:
          --pos_;
          return fail("unknown escape in a string");
      }
    }
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t line_start_ = 0;
  std::uint32_t line_ = 1;
  ParseError error_;
};

}  // namespace

ParseResult parse(std::string_view text) { return Parser(text).run(); }

}  // namespace limber::json
