// text/utf8.h: is this text a person could have typed? One check for every place that takes
// text from outside (routine links, the editor's text fields).
//
// Usage:
//     std::size_t chars = 0;
//     if (limber::text::check_utf8(note, /*allow_newline=*/true, chars) != limber::text::TextCheck::ok) refuse();
//     if (chars > 280) refuse();
#pragma once

#include <cstddef>
#include <string_view>

namespace limber::text {

enum class TextCheck { ok, invalid, control, direction };

// Valid UTF-8 (no overlong forms, surrogates or values past U+10FFFF) without C0 or C1 control
// characters or DEL ('\n' only where allowed), and without the invisible marks that change the
// direction of the text around them (U+202A to U+202E, U+2066 to U+2069): with those, a name
// "Stretch U+202E gnp.exe" shows as "Stretch exe.png". Counts the characters (code points)
// into `chars`.
TextCheck check_utf8(std::string_view s, bool allow_newline, std::size_t& chars);

// The first `max_chars` characters of valid UTF-8 (never half a character).
std::string_view first_chars(std::string_view s, std::size_t max_chars);

}  // namespace limber::text
