// text/utf8.h: is this text a person could have typed? One check for every place that takes
// text from outside (routine links, the editor's text fields, backups and stored data).
//
// Usage:
//     std::size_t chars = 0;
//     if (limber::text::check_utf8(note, /*allow_newline=*/true, chars) != limber::text::TextCheck::ok) refuse();
//     if (chars > 280) refuse();
//     limber::text::mark_name("Stretch \u202Egnp.exe");  // "the right-to-left override (U+202E)"
//     "The name " + limber::text::mark_problem(name);     // when check_utf8 said direction or separator
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace limber::text {

enum class TextCheck { ok, invalid, control, direction, separator };

// Valid UTF-8 (no overlong forms, surrogates or values past U+10FFFF) without C0 or C1 control
// characters or DEL ('\n' only where allowed), without the invisible marks that change the
// direction of the text around them (U+202A to U+202E, U+2066 to U+2069, and the marks
// U+200E, U+200F and U+061C): with those, a name "Stretch U+202E gnp.exe" shows as
// "Stretch exe.png", and without the line and paragraph separators (U+2028, U+2029), which
// break a line in some places and not in others, so a one-line name could show as two.
// Counts the characters (code points) into `chars`.
TextCheck check_utf8(std::string_view s, bool allow_newline, std::size_t& chars);

// The first direction mark or separator in `s`, named for a message: "the right-to-left mark
// (U+200F)", "the line separator (U+2028)"; "" when there is none.
std::string mark_name(std::string_view s);

// Why `s` is refused for that mark, to follow its subject: "has an invisible mark, the
// right-to-left override (U+202E), that turns the direction of the text around it, which could
// disguise what it says", or "..., the line separator (U+2028), that breaks the line in some
// places and not in others". "" when `s` has no such mark.
std::string mark_problem(std::string_view s);

// The first `max_chars` characters of valid UTF-8 (never half a character).
std::string_view first_chars(std::string_view s, std::size_t max_chars);

}  // namespace limber::text
