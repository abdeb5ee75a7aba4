#include "app/address.h"

#include "app/command.h"

namespace limber::app {

namespace {
constexpr std::string_view kExercise = "exercise=";
}  // namespace

std::string screen_address(const App& app) {
  const Screen screen = app.nav().screen();
  if (screen == Screen::exercise) {
    // The exercise's id as it is now: an address made with a merged id names the one it became.
    if (const catalogue::Exercise* e = app.selected_exercise()) return std::string(kExercise) + e->id;
  }
  return std::string(screen_id(screen));
}

std::string open_address(App& app, std::string_view address) {
  if (!address.empty() && address.front() == '#') address.remove_prefix(1);
  if (address.starts_with(kExercise)) return app.open_exercise(address.substr(kExercise.size()));
  const CommandResult opened = run_command(app, "navigate", address);
  return opened.ok ? std::string() : opened.error;
}

}  // namespace limber::app
