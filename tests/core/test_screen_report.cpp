#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "app/screen_report.h"
#include "json/json_value.h"

using namespace limber::app;

namespace {

ScreenNode button(std::string id, std::string name) {
  return {.role = NodeRole::button, .id = std::move(id), .name = std::move(name), .x = 10, .y = 20, .width = 100, .height = 48};
}
ScreenNode text(std::string name) { return {.role = NodeRole::text, .name = std::move(name), .width = 100, .height = 20}; }
ScreenNode open(NodeRole role, std::string name = "") { return {.role = role, .name = std::move(name)}; }
ScreenNode close() { return {.role = NodeRole::group_end}; }

// A report of every kind of node, as a screen would make it.
std::vector<ScreenNode> whole_screen() {
  return {
      {.role = NodeRole::heading, .name = "Settings", .level = 1, .width = 300, .height = 40},
      text("How Limber looks."),
      open(NodeRole::radio_group, "Theme"),
      {.role = NodeRole::radio, .id = "theme-0", .name = "Light", .checked = Checked::yes, .width = 90, .height = 52},
      {.role = NodeRole::radio, .id = "theme-1", .name = "Dark", .checked = Checked::no, .width = 90, .height = 52},
      close(),
      {.role = NodeRole::setting_switch, .id = "sounds", .name = "Sounds", .detail = "A soft tone at each change.",
       .checked = Checked::yes, .width = 300, .height = 56},
      open(NodeRole::group, "Reps"),
      {.role = NodeRole::button, .id = "reps-less", .name = "Less: reps", .disabled = true, .width = 52, .height = 52},
      text("8 reps"),
      button("reps-more", "More: reps"),
      close(),
      open(NodeRole::list),
      {.role = NodeRole::list_item, .name = "Lie on your back.", .width = 300, .height = 20},
      close(),
      {.role = NodeRole::image, .name = "Knee rolls, holding, knees to the left", .width = 300, .height = 200},
      {.role = NodeRole::table, .name = "Sessions per week", .columns = 2, .cells = {"Week", "Sessions", "3 Nov", "2"}},
      {.role = NodeRole::textbox, .id = "routine_name", .name = "Routine name", .width = 300, .height = 48},
      open(NodeRole::navigation, "Screens"),
      {.role = NodeRole::tab, .id = "tab-today", .name = "Today", .checked = Checked::yes, .width = 78, .height = 68},
      {.role = NodeRole::tab, .id = "tab-settings", .name = "Settings", .checked = Checked::no, .width = 78, .height = 68},
      close(),
      open(NodeRole::dialog, "Delete this routine?"),
      button("confirm-no", "Keep it"),
      button("confirm-yes", "Delete"),
      close(),
  };
}

}  // namespace

TEST_CASE("screen report: a report of every kind of node is well formed") {
  CHECK(check_screen_report(whole_screen()) == "");
  CHECK(check_screen_report({}) == "");
}

TEST_CASE("screen report: the JSON for the page holds each node's role, name, state and rectangle") {
  const std::string json = screen_report_json(whole_screen());
  const auto parsed = limber::json::parse(json);
  REQUIRE(parsed.ok());
  const auto& nodes = parsed.value.as_array();
  REQUIRE(nodes.size() == whole_screen().size());
  CHECK(nodes[0].find("role")->as_string() == "heading");
  CHECK(nodes[0].find("level")->as_number() == 1);
  CHECK(nodes[3].find("checked")->as_bool() == true);
  CHECK(nodes[4].find("checked")->as_bool() == false);
  CHECK(nodes[6].find("detail")->as_string() == "A soft tone at each change.");
  CHECK(nodes[8].find("disabled")->as_bool() == true);
  CHECK(nodes[10].find("x")->as_number() == 10);
  CHECK(nodes[10].find("h")->as_number() == 48);
  CHECK(nodes[16].find("cells")->as_array().size() == 4);
  CHECK(nodes[16].find("columns")->as_number() == 2);
  // Defaults are left out, and groups carry no rectangle.
  CHECK(nodes[1].find("checked") == nullptr);
  CHECK(nodes[1].find("id") == nullptr);
  CHECK(nodes[2].find("x") == nullptr);
  CHECK(nodes[5].find("name") == nullptr);
}

TEST_CASE("screen report: rectangles are rounded to a tenth, so float noise does not change the report") {
  auto a = whole_screen();
  auto b = whole_screen();
  b[10].x += 0.0001f;
  CHECK(!(a == b));
  CHECK(screen_report_json(a) == screen_report_json(b));
}

// Each way a report can be wrong, on its own.
TEST_CASE("screen report: a control without an id is refused") {
  CHECK(check_screen_report(std::vector{button("", "Start")}) == "node 0 (button): a control needs an id");
}
TEST_CASE("screen report: a control without a name is refused") {
  CHECK(check_screen_report(std::vector{button("start", "")}) == "node 0 (button 'start'): a control needs a name");
}
TEST_CASE("screen report: two controls with one id are refused") {
  CHECK(check_screen_report(std::vector{button("start", "Start"), button("start", "Start again")}) ==
        "node 1 (button 'start'): a second control with this id");
}
TEST_CASE("screen report: a switch without its state is refused") {
  CHECK(check_screen_report(std::vector<ScreenNode>{{.role = NodeRole::setting_switch, .id = "sounds", .name = "Sounds"}}) ==
        "node 0 (setting_switch 'sounds'): needs its checked state");
}
TEST_CASE("screen report: a plain button with a checked state is refused") {
  auto b = button("start", "Start");
  b.checked = Checked::yes;
  CHECK(check_screen_report(std::vector{b}) == "node 0 (button 'start'): has a checked state its role cannot show");
}
TEST_CASE("screen report: text with a checked state is refused") {
  auto t = text("Hello");
  t.checked = Checked::no;
  CHECK(check_screen_report(std::vector{t}) == "node 0 (text): has a checked state its role cannot show");
}
TEST_CASE("screen report: a radio outside a radio group is refused") {
  CHECK(check_screen_report(std::vector<ScreenNode>{{.role = NodeRole::radio, .id = "a", .name = "A", .checked = Checked::no}}) ==
        "node 0 (radio 'a'): a radio outside a radio group");
}
TEST_CASE("screen report: a heading level outside 1 to 3 is refused") {
  CHECK(check_screen_report(std::vector<ScreenNode>{{.role = NodeRole::heading, .name = "Title", .level = 0}}) ==
        "node 0 (heading): heading level 0 is not 1 to 3");
  CHECK(check_screen_report(std::vector<ScreenNode>{{.role = NodeRole::heading, .name = "Title", .level = 4}}) ==
        "node 0 (heading): heading level 4 is not 1 to 3");
}
TEST_CASE("screen report: empty text is refused") {
  CHECK(check_screen_report(std::vector{text("")}) == "node 0 (text): has no text");
}
TEST_CASE("screen report: an image without a text alternative is refused") {
  CHECK(check_screen_report(std::vector<ScreenNode>{{.role = NodeRole::image}}) == "node 0 (image): has no text");
}
TEST_CASE("screen report: a table without a caption is refused") {
  CHECK(check_screen_report(std::vector<ScreenNode>{{.role = NodeRole::table, .columns = 1, .cells = {"a"}}}) ==
        "node 0 (table): a table needs a caption");
}
TEST_CASE("screen report: a table whose cells do not fill its rows is refused") {
  CHECK(check_screen_report(std::vector<ScreenNode>{{.role = NodeRole::table, .name = "T", .columns = 2, .cells = {"a", "b", "c"}}}) ==
        "node 0 (table): its 3 cells do not fill rows of 2");
  CHECK(check_screen_report(std::vector<ScreenNode>{{.role = NodeRole::table, .name = "T", .columns = 0}}) ==
        "node 0 (table): its 0 cells do not fill rows of 0");
}
TEST_CASE("screen report: a negative size is refused") {
  auto b = button("start", "Start");
  b.width = -1;
  CHECK(check_screen_report(std::vector{b}) == "node 0 (button 'start'): its rectangle is not a rectangle");
}
TEST_CASE("screen report: a group left open is refused") {
  CHECK(check_screen_report(std::vector{open(NodeRole::group, "Reps"), text("8")}) == "a group group is never closed");
}
TEST_CASE("screen report: closing a group that is not open is refused") {
  CHECK(check_screen_report(std::vector{text("a"), close()}) == "node 1 (group_end): closes a group that is not open");
}
TEST_CASE("screen report: a dialog, navigation or radio group without a name is refused") {
  for (const NodeRole role : {NodeRole::dialog, NodeRole::navigation, NodeRole::radio_group}) {
    CAPTURE(node_role_id(role));
    CHECK(check_screen_report(std::vector{open(role), close()}) ==
          "node 0 (" + std::string(node_role_id(role)) + "): this group needs a name");
  }
}
TEST_CASE("screen report: a list holding anything but items is refused, and an item outside a list") {
  CHECK(check_screen_report(std::vector{open(NodeRole::list), text("a"), close()}) == "node 1 (text): a list holds only list items");
  CHECK(check_screen_report(std::vector<ScreenNode>{{.role = NodeRole::list_item, .name = "a"}}) ==
        "node 0 (list_item): a list item outside a list");
}
