// ui/controls.h: Limber's large touch controls, and the log of what was drawn where.
//
// Every control records its id, label and rectangle in a ControlLog each frame; the app
// publishes the log through window.limber.state(), so tests (and the accessible HTML
// layer) can find a control the way a person sees it. Every control is at least
// Sizes::touch_target_min tall, and a touch that moves more than Sizes::drag_threshold
// scrolls the page instead of pressing what it started on.
//
// Usage:
//     log.begin_frame();
//     if (limber::ui::big_button(log, {.id = "start", .label = "Start", .icon = LIMBER_ICON_PLAY_ARROW})) app.start();
//     limber::ui::toggle_row(log, {.id = "sounds", .label = "Sounds", .value = &on});
#pragma once

#include <optional>
#include <span>
#include <vector>

#include <imgui.h>

#include "app/layout.h"
#include "app/text_entry.h"

namespace limber::ui {

class ControlLog {
 public:
  ControlLog() { rects_.reserve(64); }
  void begin_frame() {
    rects_.clear();
    fields_.clear();
  }
  void record(const app::ControlRect& rect) { rects_.push_back(rect); }
  void record_field(app::TextFieldShown field) { fields_.push_back(std::move(field)); }
  std::span<const app::ControlRect> controls() const { return rects_; }
  // The text fields drawn this frame, for the page's text boxes (app/text_entry.h).
  const std::vector<app::TextFieldShown>& text_fields() const { return fields_; }

 private:
  std::vector<app::ControlRect> rects_;
  std::vector<app::TextFieldShown> fields_;
};

enum class ButtonKind { primary, secondary, danger };

struct ButtonDesc {
  const char* id = nullptr;     // stable, used by tests and the automation state
  const char* label = nullptr;  // what the person reads
  const char* icon = nullptr;   // optional LIMBER_ICON_* literal
  ButtonKind kind = ButtonKind::primary;
  float width = 0.0f;           // 0: the page column's width
  float height = 0.0f;          // 0: Sizes::button_height
  bool disabled = false;
  const char* spoken = nullptr;  // the name logged when the label is only an icon ("Less: reps")
};

// A rounded button. True on the frame it is pressed.
bool big_button(ControlLog& log, const ButtonDesc& desc);

// A filter chip: a short rounded toggle, as wide as its label. The caller lays chips out.
struct ChipDesc {
  const char* id = nullptr;
  const char* label = nullptr;
  bool selected = false;
};
bool chip(ControlLog& log, const ChipDesc& desc);
float chip_width(const char* label);

// A whole-row switch for a setting, with an optional line of explanation under it.
struct ToggleDesc {
  const char* id = nullptr;
  const char* label = nullptr;
  const char* detail = nullptr;
  bool* value = nullptr;
};
bool toggle_row(ControlLog& log, const ToggleDesc& desc);  // true when flipped

// A labelled value with - and + buttons; returns -1, +1 or 0.
struct StepperDesc {
  const char* id = nullptr;
  const char* label = nullptr;
  const char* value = nullptr;  // the value as shown ("8 reps")
  bool can_decrease = true;
  bool can_increase = true;
};
int stepper(ControlLog& log, const StepperDesc& desc);

// One row of choices, one selected (themes, hold preference). Returns the index pressed.
struct SegmentDesc {
  const char* id = nullptr;
  std::span<const char* const> labels;
  int selected = 0;
};
std::optional<int> segmented(ControlLog& log, const SegmentDesc& desc);

// A card-like row that opens something: icon, title, a line of detail, a chevron.
struct RowDesc {
  const char* id = nullptr;
  const char* title = nullptr;
  const char* detail = nullptr;
  const char* icon = nullptr;
};
bool list_row(ControlLog& log, const RowDesc& desc);

// The 0 to 10 pain scale, with words at the anchors. Returns the score pressed.
std::optional<int> pain_scale(ControlLog& log, const char* id);

// A box for typed text. The page lays a real HTML text box over it (app/text_entry.h): that box
// shows the text, takes the typing and brings up a phone's keyboard; this draws the frame under
// it, logs where it is, and leaves the box out while a question covers the page.
struct TextFieldDesc {
  app::TextField field = app::TextField::routine_name;
  const char* value = "";
  const char* placeholder = "";
  float height = 0.0f;  // 0: one line, at least Sizes::touch_target_min
  bool covered = false;  // a question is drawn over the page: no box on top of it
};
void text_field(ControlLog& log, const TextFieldDesc& desc);

// A box holding a routine link (this page's address, `fragment` after '#') to select and copy
// by hand: a real read-only HTML box laid over it, like text_field's.
struct LinkBoxDesc {
  const char* id = nullptr;
  const char* label = nullptr;
  const char* fragment = "";
  bool covered = false;
};
void link_box(ControlLog& log, const LinkBoxDesc& desc);

// A press somewhere not drawn by a control above (the tab bar, say), logged like them.
bool press_area(ControlLog& log, const char* id, const char* label, ImVec2 size);

}  // namespace limber::ui
