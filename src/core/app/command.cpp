#include "app/command.h"

#include "json/json_writer.h"

namespace limber::app {

namespace {

CommandResult refuse(std::string message) { return {.ok = false, .error = std::move(message)}; }

std::string screen_list() {
  std::string list;
  for (const Screen s : all_screens()) {
    if (!list.empty()) list += ", ";
    list += screen_id(s);
  }
  return list;
}

CommandResult no_argument(std::string_view name, std::string_view arg) {
  if (arg.empty()) return {.ok = true, .error = {}};
  return refuse("command '" + std::string(name) + "' takes no argument, got '" + std::string(arg) + "'");
}

}  // namespace

CommandResult run_command(AppModel& model, std::string_view name, std::string_view arg) {
  if (name == "ping" || name == "redraw") return no_argument(name, arg);
  if (name == "navigate") {
    const auto target = screen_from_id(arg);
    if (!target) {
      return refuse("navigate: unknown screen '" + std::string(arg) + "' (screens: " + screen_list() + ")");
    }
    model.navigate(*target);
    return {.ok = true, .error = {}};
  }
  if (name == "theme") {
    const auto theme = theme_from_id(arg);
    if (!theme) return refuse("theme: unknown theme '" + std::string(arg) + "' (themes: light, dark)");
    model.set_theme(*theme);
    return {.ok = true, .error = {}};
  }
  if (name == "back") {
    if (auto checked = no_argument(name, arg); !checked.ok) return checked;
    if (!model.back()) return refuse("back: already on the first screen");
    return {.ok = true, .error = {}};
  }
  return refuse("unknown command '" + std::string(name) + "' (commands: ping, redraw, navigate, back, theme)");
}

std::string command_result_json(const CommandResult& result) {
  json::Writer w;
  w.begin_object().key("ok").value(result.ok);
  if (!result.ok) w.key("error").value(result.error);
  w.end_object();
  return w.str();
}

}  // namespace limber::app
