// app/screen_report.h: what one frame showed, in reading order, for people who cannot see it.
//
// The UI reports everything it draws that carries meaning: headings, paragraphs, list items,
// each control with its role, accessible name, state and rectangle (CSS pixels from the
// canvas's top left corner), images with a text alternative, and charts with their data as a
// table. Groups (a list, the tab bar's navigation, a question's dialog, a radio group, a
// stepper) open with a node of their role and close with `group_end`.
//
// One report serves three readers: the page's accessible mirror (web/page.js turns it into
// real elements, only when it changes), window.limber.state().controls (its controls) and
// the tests. check_screen_report() says what a report must be before anyone reads it.
//
// Usage:
//     std::vector<ScreenNode> nodes;
//     nodes.push_back({.role = NodeRole::heading, .name = "Today", .level = 1, .width = 300, .height = 40});
//     nodes.push_back({.role = NodeRole::button, .id = "start", .name = "Start", ...});
//     if (std::string why = check_screen_report(nodes); !why.empty()) complain(why);
//     page.mirror(screen_report_json(nodes));
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace limber::app {

enum class NodeRole : std::uint8_t {
  // Content
  heading,    // `level` 1 (the screen's title) to 3
  text,       // a paragraph
  list_item,  // inside a `list` group
  image,      // `name` is its text alternative
  table,      // `name` is its caption; `cells` row by row, the first row the column headings
  // Controls: each has an `id`, unique on the screen, and a `name`
  button,
  toggle,          // a button that stays pressed (a filter chip): `checked` is pressed or not
  setting_switch,  // on or off (a setting): `checked`
  radio,           // one of a `radio_group`: `checked` is the one chosen
  tab,             // a screen in the tab bar: `checked` is the screen shown
  textbox,         // a text box the page lays over the canvas (app/text_entry.h): `id` is the field's
  // Groups: opened by one of these, closed by `group_end`
  list,
  navigation,   // the tab bar
  dialog,       // a question that must be answered before anything else: modal
  radio_group,  // `name` says what is chosen
  group,        // controls that belong together (a stepper: less, its value, more)
  group_end,
};

enum class Checked : std::uint8_t { none, no, yes };

struct ScreenNode {
  NodeRole role = NodeRole::text;
  std::string id;      // controls: stable, what tests and the page's `press` and `focus` name
  std::string name;    // the text, or the control's accessible name
  std::string detail;  // a control's description: a row's second line, a setting's explanation
  int level = 0;       // headings
  Checked checked = Checked::none;
  bool disabled = false;
  bool focused = false;  // the canvas's keyboard focus is on it (Dear ImGui's arrow-key navigation)
  bool hovered = false;  // drawn highlighted under the mouse (a lifted finger leaves nothing hovered)
  float x = 0, y = 0, width = 0, height = 0;
  int columns = 0;                 // tables
  std::vector<std::string> cells;  // tables: row-major, `columns` per row
  bool operator==(const ScreenNode&) const = default;
};

bool is_control(NodeRole role);
bool opens_group(NodeRole role);
std::string_view node_role_id(NodeRole role);  // "setting_switch", "group_end", ...

// "" or the first thing wrong with a report, with the node's index: a control without an id
// or a name, two controls with one id, a heading level outside 1 to 3, a table whose cells do
// not fill its rows, a group left open or closed twice, a list holding anything but items.
std::string check_screen_report(std::span<const ScreenNode> nodes);

// [{"role":"button","id":"start","name":"Start","x":20,"y":600,"w":350,"h":60}, ...]: fields
// at their defaults are left out. For the page's mirror.
std::string screen_report_json(std::span<const ScreenNode> nodes);

}  // namespace limber::app
