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

// The page copies both texts into the heap (never the stack: a backup can be megabytes) and
// passes their byte lengths, so an argument holding a NUL character arrives whole and is
// refused by the command's own checks rather than silently cut.
EMSCRIPTEN_KEEPALIVE const char* limber_command(const char* name, int name_bytes, const char* arg, int arg_bytes) {
  if (!g_automation.command) {
    g_reply = R"({"ok":false,"error":"the app is still starting"})";
    return g_reply.c_str();
  }
  const std::string_view name_text = name && name_bytes > 0 ? std::string_view(name, static_cast<std::size_t>(name_bytes)) : "";
  const std::string_view arg_text = arg && arg_bytes > 0 ? std::string_view(arg, static_cast<std::size_t>(arg_bytes)) : "";
  g_reply = g_automation.command(g_automation.user, name_text, arg_text);
  // Any command may change what is shown: draw the next frames.
  limber::browser::wake_main_loop();
  return g_reply.c_str();
}

}  // extern "C"
