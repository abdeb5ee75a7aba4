#include "app/screen_report.h"

#include <array>
#include <cmath>
#include <set>
#include <utility>

#include "json/json_writer.h"

namespace limber::app {

namespace {

constexpr std::array<std::pair<NodeRole, std::string_view>, 17> kRoles{{
    {NodeRole::heading, "heading"},
    {NodeRole::text, "text"},
    {NodeRole::list_item, "list_item"},
    {NodeRole::image, "image"},
    {NodeRole::table, "table"},
    {NodeRole::button, "button"},
    {NodeRole::toggle, "toggle"},
    {NodeRole::setting_switch, "setting_switch"},
    {NodeRole::radio, "radio"},
    {NodeRole::tab, "tab"},
    {NodeRole::textbox, "textbox"},
    {NodeRole::list, "list"},
    {NodeRole::navigation, "navigation"},
    {NodeRole::dialog, "dialog"},
    {NodeRole::radio_group, "radio_group"},
    {NodeRole::group, "group"},
    {NodeRole::group_end, "group_end"},
}};

// Rounded to a tenth of a CSS pixel: the report changes when the layout does, not with float noise.
double tenth(float v) { return std::round(static_cast<double>(v) * 10.0) / 10.0; }

std::string at(std::size_t index, const ScreenNode& node) {
  return "node " + std::to_string(index) + " (" + std::string(node_role_id(node.role)) +
         (node.id.empty() ? "" : " '" + node.id + "'") + ")";
}

}  // namespace

bool is_control(NodeRole role) { return role >= NodeRole::button && role <= NodeRole::textbox; }
bool opens_group(NodeRole role) { return role >= NodeRole::list && role <= NodeRole::group; }

std::string_view node_role_id(NodeRole role) {
  for (const auto& [r, id] : kRoles) {
    if (r == role) return id;
  }
  return "unknown";
}

std::string check_screen_report(std::span<const ScreenNode> nodes) {
  std::set<std::string_view> ids;
  std::vector<NodeRole> open;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const ScreenNode& n = nodes[i];
    const bool in_list = !open.empty() && open.back() == NodeRole::list;
    if (in_list && n.role != NodeRole::list_item && n.role != NodeRole::group_end) {
      return at(i, n) + ": a list holds only list items";
    }
    if (n.role == NodeRole::list_item && !in_list) return at(i, n) + ": a list item outside a list";
    if (is_control(n.role)) {
      if (n.id.empty()) return at(i, n) + ": a control needs an id";
      if (n.name.empty()) return at(i, n) + ": a control needs a name";
      if (!ids.insert(n.id).second) return at(i, n) + ": a second control with this id";
      const bool has_state = n.role == NodeRole::toggle || n.role == NodeRole::setting_switch ||
                             n.role == NodeRole::radio || n.role == NodeRole::tab;
      if (has_state != (n.checked != Checked::none)) {
        return at(i, n) + (has_state ? ": needs its checked state" : ": has a checked state its role cannot show");
      }
      if (n.role == NodeRole::radio && (open.empty() || open.back() != NodeRole::radio_group)) {
        return at(i, n) + ": a radio outside a radio group";
      }
    } else if (n.checked != Checked::none) {
      return at(i, n) + ": has a checked state its role cannot show";
    }
    if (n.role == NodeRole::heading && (n.level < 1 || n.level > 3)) {
      return at(i, n) + ": heading level " + std::to_string(n.level) + " is not 1 to 3";
    }
    if ((n.role == NodeRole::text || n.role == NodeRole::heading || n.role == NodeRole::list_item ||
         n.role == NodeRole::image) && n.name.empty()) {
      return at(i, n) + ": has no text";
    }
    if (n.role == NodeRole::table) {
      if (n.name.empty()) return at(i, n) + ": a table needs a caption";
      if (n.columns < 1 || n.cells.size() < static_cast<std::size_t>(n.columns) ||
          n.cells.size() % static_cast<std::size_t>(n.columns) != 0) {
        return at(i, n) + ": its " + std::to_string(n.cells.size()) + " cells do not fill rows of " +
               std::to_string(n.columns);
      }
    }
    if (!(n.width >= 0 && n.height >= 0) || !std::isfinite(n.x) || !std::isfinite(n.y)) {
      return at(i, n) + ": its rectangle is not a rectangle";
    }
    if ((n.role == NodeRole::dialog || n.role == NodeRole::radio_group || n.role == NodeRole::navigation) &&
        n.name.empty()) {
      return at(i, n) + ": this group needs a name";
    }
    if (opens_group(n.role)) open.push_back(n.role);
    if (n.role == NodeRole::group_end) {
      if (open.empty()) return at(i, n) + ": closes a group that is not open";
      open.pop_back();
    }
  }
  if (!open.empty()) return "a " + std::string(node_role_id(open.back())) + " group is never closed";
  return "";
}

std::string screen_report_json(std::span<const ScreenNode> nodes) {
  json::Writer w;
  w.begin_array();
  for (const ScreenNode& n : nodes) {
    w.begin_object().key("role").value(node_role_id(n.role));
    if (!n.id.empty()) w.key("id").value(n.id);
    if (!n.name.empty()) w.key("name").value(n.name);
    if (!n.detail.empty()) w.key("detail").value(n.detail);
    if (n.level > 0) w.key("level").value(n.level);
    if (n.checked != Checked::none) w.key("checked").value(n.checked == Checked::yes);
    if (n.disabled) w.key("disabled").value(true);
    if (n.focused) w.key("focused").value(true);
    if (n.role != NodeRole::group_end && !opens_group(n.role)) {
      w.key("x").value(tenth(n.x)).key("y").value(tenth(n.y)).key("w").value(tenth(n.width)).key("h").value(tenth(n.height));
    }
    if (n.role == NodeRole::table) {
      w.key("columns").value(n.columns).key("cells").begin_array();
      for (const std::string& cell : n.cells) w.value(cell);
      w.end_array();
    }
    w.end_object();
  }
  w.end_array();
  return w.str();
}

}  // namespace limber::app
