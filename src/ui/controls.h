// ui/controls.h: Limber's large touch controls, and the report of what was drawn where.
//
// Every control, heading and paragraph adds itself to the frame's screen report
// (app/screen_report.h) with its role, name, state and rectangle: the page turns it into real
// elements for screen readers and keyboards, and window.limber.state() lists its controls so
// tests find a control the way a person sees it. Every control is at least
// Sizes::touch_target_min tall, and a touch that moves more than Sizes::drag_threshold
// scrolls the page instead of pressing what it started on. A control the page has focus on
// gets the focus ring; a press made on its element presses it here, as a tap would.
//
// Usage:
//     log.begin_frame({.focus = app.focused_control(), .press = app.take_press()});
//     if (limber::ui::big_button(log, {.id = "start", .label = "Start", .icon = LIMBER_ICON_PLAY_ARROW})) app.start();
//     limber::ui::toggle_row(log, {.id = "sounds", .label = "Sounds", .value = &on});
#pragma once

#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "app/layout.h"
#include "app/row_fit.h"
#include "icons.h"
#include "app/screen_report.h"
#include "app/text_entry.h"
#include "links/qr_code.h"

namespace limber::ui {

// What the page asks of this frame's controls.
struct FrameInput {
  std::string focus;  // the control whose element has the page's focus ("" none)
  std::string press;  // a control pressed on the page (keyboard, screen reader): pressed now
};

class ControlLog {
 public:
  ControlLog() { nodes_.reserve(128); }
  void begin_frame(FrameInput input = {});
  void add(app::ScreenNode node) { nodes_.push_back(std::move(node)); }
  // The last ImGui item (a wrapped text, a figure) as a node of `role`.
  void add_item(app::NodeRole role, std::string name, int level = 0);
  void begin_group(app::NodeRole role, std::string name = {}) { nodes_.push_back({.role = role, .name = std::move(name)}); }
  void end_group() { nodes_.push_back({.role = app::NodeRole::group_end}); }
  void record_field(app::TextFieldShown field) { fields_.push_back(std::move(field)); }

  std::span<const app::ScreenNode> report() const { return nodes_; }
  // The text fields drawn this frame, for the page's text boxes (app/text_entry.h).
  const std::vector<app::TextFieldShown>& text_fields() const { return fields_; }

  const std::string& focus() const { return input_.focus; }
  bool focus_is_new() const { return focus_new_; }  // the first frame with this focus
  bool take_press(std::string_view id);             // true once, for the control pressed on the page
  // This frame's press came from the page (a key, a screen reader), each one meant: no tap guard.
  bool pressed_on_page() const { return pressed_on_page_; }
  // A control scrolled itself into view: the next frame shows where it landed.
  void want_frame() { want_frame_ = true; }
  bool wants_frame() const { return want_frame_; }

 private:
  std::vector<app::ScreenNode> nodes_;
  std::vector<app::TextFieldShown> fields_;
  FrameInput input_;
  std::string last_focus_;
  bool focus_new_ = false;
  bool want_frame_ = false;
  bool pressed_on_page_ = false;
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

// A rounded button. True on the frame it is pressed. Its words are never cut or made smaller:
// when they do not fit on one line they wrap and the button grows taller.
bool big_button(ControlLog& log, const ButtonDesc& desc);
// The least width a button needs to show `label` (and `icon`) on one line in a row of narrow
// buttons, for app::fit_row.
float button_need(const char* label, const char* icon = nullptr);

// Buttons that share a row while all their words fit side by side, else stand one above the
// other (app/row_fit.h): at the largest text on a phone nothing is cut.
//     ButtonRow row({{"Read more", LIMBER_ICON_INFO}, {"I understand", LIMBER_ICON_CHECK}});
//     big_button(log, {..., .width = row.width()});
//     row.next();
//     big_button(log, {..., .width = row.width()});
struct ButtonWords {
  const char* label = "";
  const char* icon = nullptr;
};
class ButtonRow {
 public:
  // `most`: at most this many to a row (0: all of them), for pairs of buttons the same width.
  explicit ButtonRow(std::initializer_list<ButtonWords> buttons, float spacing = 10.0f, int most = 0);
  float width() const { return fit_.width; }
  bool shared() const { return fit_.columns > 1; }
  void next();  // before each button after the first

 private:
  app::RowFit fit_;
  float spacing_ = 10.0f;
  int placed_ = 1;
};

// A filter chip: a short rounded toggle, as wide as its label (and its check when selected); a
// label wider than the column wraps. The caller lays chips out, measuring each by chip_width.
struct ChipDesc {
  const char* id = nullptr;
  const char* label = nullptr;
  bool selected = false;
};
bool chip(ControlLog& log, const ChipDesc& desc);
float chip_width(const char* label, bool selected);

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
  const char* subject = nullptr;  // what the value belongs to, where several share a screen ("Knee rolls")
};
int stepper(ControlLog& log, const StepperDesc& desc);

// One row of choices, one selected (themes, hold preference). Returns the index pressed.
struct SegmentDesc {
  const char* id = nullptr;
  const char* label = nullptr;  // what is chosen ("Theme"): the radio group's name
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
  float leading = 0.0f;     // room kept at the left for the caller to draw in (a picture), in px
  float min_height = 0.0f;  // at least this tall
  const char* trailing = LIMBER_ICON_CHEVRON_RIGHT;  // the icon at the right
};
bool list_row(ControlLog& log, const RowDesc& desc);

// The 0 to 10 pain scale, with words at the anchors. Returns the score pressed.
std::optional<int> pain_scale(ControlLog& log, const char* id, const char* group_name);

// A box for typed text. The page lays a real HTML text box over it (app/text_entry.h): that box
// shows the text, takes the typing and brings up a phone's keyboard; this draws the frame under
// it, logs where it is, and leaves the box out while a question covers the page.
struct TextFieldDesc {
  app::TextTarget target;
  const char* label = nullptr;  // what a screen reader says for it; null: the field's own label
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
  bool snippet = false;  // the clinic widget's tag for a website, holding the link's routine
};
void link_box(ControlLog& log, const LinkBoxDesc& desc);

// A QR code, dark on white whatever the theme (a camera needs the contrast), with its quiet
// zone, at most `side` CSS px square and a whole number of pixels per module; reported as an
// image named `alt`.
void qr_code_box(ControlLog& log, const links::QrCode& code, float side, const std::string& alt);

// A press somewhere not drawn by a control above (the tab bar's tabs), reported like them.
struct AreaDesc {
  const char* id = nullptr;
  const char* label = nullptr;
  ImVec2 size;
  app::NodeRole role = app::NodeRole::button;
  app::Checked checked = app::Checked::none;
};
bool press_area(ControlLog& log, const AreaDesc& desc);

}  // namespace limber::ui
