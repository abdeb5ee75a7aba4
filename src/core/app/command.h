// app/command.h: the commands the automation interface accepts, checked before they act.
//
// window.limber.command(name, arg) in the page ends here. A command is parsed into a
// plain value first; anything malformed is refused with a message naming what was wrong,
// and refusing changes nothing.
//
// Commands:
//     ping                 answers ok; proves the app is alive
//     redraw               draws a few frames (the pacer wakes for every accepted command)
//     navigate <screen>    shows a screen by id (see app_model.h)
//     back                 goes back one screen; refused on the first screen
//     theme <light|dark>   switches the colour theme
//
// Usage:
//     const auto result = limber::app::run_command(model, "navigate", "before_you_start");
//     if (!result.ok) log(result.error);
#pragma once

#include <string>
#include <string_view>

#include "app/app_model.h"

namespace limber::app {

struct CommandResult {
  bool ok = false;
  std::string error;  // empty when ok
};

CommandResult run_command(AppModel& model, std::string_view name, std::string_view arg);

// {"ok":true} or {"ok":false,"error":"..."}, the text window.limber.command() returns.
std::string command_result_json(const CommandResult& result);

}  // namespace limber::app
