// browser/automation.h: the C exports behind window.limber.state() and .command().
//
// web/boot.js calls limber_state() and limber_command(name, bytes, arg, bytes) with texts it
// copied into the heap; the app registers what answers them. Both return JSON text (see app/app_state.h, app/command.h).
//
// Usage:
//     limber::browser::set_automation({.state = &state_json, .command = &run, .user = &app});
#pragma once

#include <string>
#include <string_view>

namespace limber::browser {

struct AutomationDesc {
  std::string (*state)(void* user) = nullptr;
  std::string (*command)(void* user, std::string_view name, std::string_view arg) = nullptr;
  void* user = nullptr;
};

void set_automation(const AutomationDesc& desc);

}  // namespace limber::browser
