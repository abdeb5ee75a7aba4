#include "app/text_entry.h"

#include <algorithm>
#include <array>

#include "json/json_writer.h"
#include "catalogue/own_routine.h"
#include "catalogue/prescription.h"
#include "text/digits.h"
#include "text/utf8.h"

namespace limber::app {

namespace {

const std::array<TextFieldSpec, kTextFields> kFields{{
    {.id = "routine_name", .label = "Routine name", .max_chars = catalogue::OwnRoutineLimits::max_name_chars, .multiline = false},
    {.id = "link_note", .label = "Note for the patient", .max_chars = catalogue::OwnRoutineLimits::max_note_chars,
     .multiline = true},
    {.id = "clinic_name", .label = "Clinic's name", .max_chars = catalogue::OwnRoutineLimits::max_name_chars, .multiline = false},
    {.id = "clinic_phone", .label = "Clinic's phone number", .max_chars = catalogue::OwnRoutineLimits::max_phone_chars,
     .multiline = false, .phone = true},
    {.id = "item_note", .label = "Note on this exercise", .max_chars = catalogue::PrescriptionLimits::max_item_note_chars,
     .multiline = false},
}};

// How an error message starts.
std::string_view subject(TextField field) {
  static constexpr std::string_view kSubjects[] = {"The routine's name", "The note", "The clinic's name",
                                                   "The phone number", "The note on this exercise"};
  return kSubjects[static_cast<std::size_t>(field)];
}

}  // namespace

const TextFieldSpec& text_field_spec(TextField field) { return kFields[static_cast<std::size_t>(field)]; }

std::optional<TextTarget> text_target_from_id(std::string_view id) {
  constexpr std::string_view kItemNote = "item_note-";
  if (id.starts_with(kItemNote)) {
    const std::string_view number = id.substr(kItemNote.size());
    const std::optional<int> n = number.starts_with('0') ? std::nullopt : text::digits(number, 2);
    if (!n) return std::nullopt;
    return TextTarget{.field = TextField::item_note, .item = static_cast<std::size_t>(*n - 1)};
  }
  for (std::size_t i = 0; i < kFields.size(); ++i) {
    if (kFields[i].id == id && static_cast<TextField>(i) != TextField::item_note) return TextTarget{.field = static_cast<TextField>(i)};
  }
  return std::nullopt;
}

std::string text_target_id(const TextTarget& target) {
  if (target.field == TextField::item_note) return "item_note-" + std::to_string(target.item + 1);
  return std::string(text_field_spec(target.field).id);
}

std::string normalise_text(TextField field, std::string_view typed, std::string& out, std::size_t was_chars) {
  const TextFieldSpec& spec = text_field_spec(field);
  std::string kept;
  kept.reserve(typed.size());
  for (std::size_t i = 0; i < typed.size(); ++i) {
    const char c = typed[i];
    if (c == '\t') {
      kept += ' ';
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < typed.size() && typed[i + 1] == '\n') ++i;
      kept += spec.multiline ? '\n' : ' ';
    } else {
      kept += c;
    }
  }
  std::size_t chars = 0;
  switch (text::check_utf8(kept, spec.multiline, chars)) {
    case text::TextCheck::invalid: return std::string(subject(field)) + " is not valid text (UTF-8).";
    case text::TextCheck::control:
      return std::string(subject(field)) + " has a control character in it, which Limber does not keep.";
    case text::TextCheck::direction:
    case text::TextCheck::separator:
      return std::string(subject(field)) + " " + text::mark_problem(kept) + "; Limber does not keep it.";
    case text::TextCheck::ok: break;
  }
  if (spec.phone && !catalogue::phone_characters(kept)) {
    return std::string(subject(field)) + " can have digits, spaces and + ( ) - . / only.";
  }
  if (chars > spec.max_chars && chars > was_chars) {
    return std::string(subject(field)) + " can be at most " + std::to_string(spec.max_chars) + " characters; this has " +
           std::to_string(chars) + ".";
  }
  out = std::move(kept);
  return {};
}

std::string_view trim_text(std::string_view text) {
  constexpr std::string_view blank = " \n";
  const auto first = text.find_first_not_of(blank);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(blank) - first + 1);
}

std::string text_fields_json(std::span<const TextFieldShown> fields) {
  json::Writer w;
  w.begin_array();
  for (const TextFieldShown& f : fields) {
    w.begin_object();
    w.key("id").value(f.id).key("label").value(f.label).key("value").value(f.value);
    w.key("placeholder").value(f.placeholder);
    w.key("x").value(static_cast<double>(f.x)).key("y").value(static_cast<double>(f.y));
    w.key("width").value(static_cast<double>(f.width)).key("height").value(static_cast<double>(f.height));
    w.key("clipTop").value(static_cast<double>(f.clip_top)).key("clipBottom").value(static_cast<double>(f.clip_bottom));
    w.key("fontPx").value(static_cast<double>(f.font_px));
    w.key("ink").value(f.ink).key("accent").value(f.accent);
    w.key("maxChars").value(static_cast<std::uint64_t>(f.max_chars)).key("multiline").value(f.multiline);
    w.key("link").value(f.link);
    w.key("snippet").value(f.snippet);
    w.end_object();
  }
  w.end_array();
  return w.str();
}

}  // namespace limber::app
