// Limber's entry point in the browser: start the shell, hand it to the main loop, return.
#include "main/app_shell.h"
#include "browser/automation.h"
#include "browser/main_loop.h"

namespace {
limber::AppShell g_shell;  // lives as long as the page; the loop keeps ticking after main returns
}

int main() {
  using limber::AppShell;
  // Nothing answers window.limber until the app has really started: a start-up failure is
  // reported by the page, and commands must not reach a half-made app.
  if (!g_shell.start()) return 1;
  limber::browser::set_automation({
      .state = [](void* self) { return static_cast<AppShell*>(self)->state_json(); },
      .command = [](void* self, std::string_view name, std::string_view arg) {
        return static_cast<AppShell*>(self)->command(name, arg);
      },
      .user = &g_shell,
  });
  limber::browser::run_main_loop(
      {.tick = &AppShell::tick_cb, .wake = &AppShell::wake_cb, .gesture = &AppShell::gesture_cb, .user = &g_shell});
  return 0;
}
