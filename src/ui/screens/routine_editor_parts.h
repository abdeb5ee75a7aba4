// ui/screens/routine_editor_parts.h: the routine editor's parts, shared by its two files:
// routine_editor_screen.cpp (the page, how often, each exercise as prescribed, adding
// exercises with their pictures) and routine_handover.cpp (the clinician's note and clinic,
// and the ways to hand the routine over: link, QR code, sheet, calendar, website).
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "ui/screens/screens.h"

namespace limber::ui::editor {

// A row of chips, one per choice, wrapping: pressing one runs `command` with its value. `group`:
// what the choice is, for a screen reader ("How many times a day"). Each chip's id is `id`, "-"
// and its place from 0 ("times-1"); for one exercise's choices, `item` is its number ("2"), and
// each id ends in "-<item>" and each value starts with "<item>=".
struct ChipChoice {
  const char* label;  // "Twice a day"
  const char* value;  // "times_a_day=2"
};
// `selected`: the place of the choice that holds now (-1: none).
void chip_row(ScreenContext& ctx, const char* group, const char* id, const char* command, std::span<const ChipChoice> choices,
              int selected, std::string_view item = {});
void problem_line(const std::string& problem);
// A text field with what was refused under it and, for notes, how many characters are left.
void text_entry(ScreenContext& ctx, const app::TextTarget& target, const char* label, const char* placeholder,
                float height, bool show_count);

void note_and_clinic(ScreenContext& ctx, const catalogue::Routine& draft);
void handover(ScreenContext& ctx);  // once the routine can be sent

}  // namespace limber::ui::editor
