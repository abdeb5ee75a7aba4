#include "browser/automation.h"

#include <emscripten/emscripten.h>

#include "browser/main_loop.h"

namespace limber::browser {

namespace {
AutomationDesc g_automation;
std::string g_reply;  // ccall copies the returned text before the next call replaces it
}  // namespace

void set_automation(const AutomationDesc& desc) { g_automation = desc; }

}  // namespace limber::browser

using limber::browser::g_automation;
using limber::browser::g_reply;

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* limber_state() {
  g_reply = g_automation.state ? g_automation.state(g_automation.user) : R"({"app":"limber","ready":false})";
  return g_reply.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* limber_command(const char* name, const char* arg) {
  if (!g_automation.command) {
    g_reply = R"({"ok":false,"error":"the app is still starting"})";
    return g_reply.c_str();
  }
  g_reply = g_automation.command(g_automation.user, name ? name : "", arg ? arg : "");
  // Any command may change what is shown: draw the next frames.
  limber::browser::wake_main_loop();
  return g_reply.c_str();
}

}  // extern "C"
