// app/text_entry.h: what anyone types in Limber: a routine's name, the clinician's note, the
// clinic's name and phone, and a short note on one exercise (clinicians type; a patient never
// has to).
//
// A canvas cannot bring up a phone's on-screen keyboard, so the page lays a real HTML text box
// over each field the UI draws (web/page.js): the UI says where (TextFieldShown), the page sends
// what was typed back as the `text` command, and the app decides what is kept (normalise_text).
// A real text box also brings paste, autocorrect, input methods and screen readers with it.
//
// Usage:
//     std::string kept;
//     if (std::string why = limber::app::normalise_text(TextField::link_note, typed, kept); !why.empty()) show(why);
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace limber::app {

enum class TextField : std::uint8_t { routine_name, link_note, clinic_name, clinic_phone, item_note };
inline constexpr int kTextFields = 5;

struct TextFieldSpec {
  std::string_view id;     // "routine_name": the command's, the page's and the tests' name for it
  std::string_view label;  // what a screen reader says for the box
  std::size_t max_chars;   // Unicode code points; a link carries no more (links/routine_link.h)
  bool multiline;
  bool phone = false;      // digits, spaces and + ( ) - . / only (and letters, for "ext")
};
const TextFieldSpec& text_field_spec(TextField field);

// A field and, for a note on one exercise, which (from 0): ids "routine_name", ..., "item_note-3"
// (the third exercise's, numbered from 1 as the page and the commands number them).
struct TextTarget {
  TextField field = TextField::routine_name;
  std::size_t item = 0;
  bool operator==(const TextTarget&) const = default;
};
std::optional<TextTarget> text_target_from_id(std::string_view id);
std::string text_target_id(const TextTarget& target);

// What is kept of what was typed or pasted: tabs become spaces, "\r\n" and "\r" line breaks,
// and a one-line field turns line breaks into spaces (as pasting into it would). Then "" with
// `out` set, or why it is refused in plain words naming the field (not valid text, a control
// character, too long), with `out` untouched. `was_chars`: the length of the text there
// before; text longer than the field allows may still shrink (a name from an older version or
// a backup can be shortened one key at a time), never grow.
std::string normalise_text(TextField field, std::string_view typed, std::string& out, std::size_t was_chars = 0);

// Spaces and line breaks at either end dropped: a name of spaces alone is no name.
std::string_view trim_text(std::string_view text);

// Where the UI drew a field this frame, in CSS pixels, for the page to lay its box over.
struct TextFieldShown {
  std::string id, label, value, placeholder;
  float x = 0, y = 0, width = 0, height = 0;
  float clip_top = 0, clip_bottom = 0;  // the visible band of the page: outside it the box is cut
  float font_px = 16;
  std::string ink, accent;  // the theme's text and focus colours, "#rrggbb"
  std::size_t max_chars = 0;
  bool multiline = false;
  // A box to select and copy from, not to type in: the page shows its own address with
  // `value` as the fragment (a routine link where no clipboard or address bar can be used).
  bool link = false;
  // With `link`: the page shows the widget's tag for a website instead (web/embed.js with the
  // link's value as data-routine), ready to paste.
  bool snippet = false;
  bool operator==(const TextFieldShown&) const = default;
};
// [{"id":..., "label":..., "value":..., "x":..., ...}, ...] for web/page.js.
std::string text_fields_json(std::span<const TextFieldShown> fields);

}  // namespace limber::app
