#include "app/app_model.h"

#include <array>

namespace limber::app {

namespace {
constexpr std::array kScreens = {Screen::today,  Screen::routines, Screen::routine_editor, Screen::library,
                                 Screen::exercise, Screen::player, Screen::progress,       Screen::settings,
                                 Screen::safety, Screen::gallery, Screen::shared_routine};
constexpr std::array kTabs = {Screen::today, Screen::routines, Screen::library, Screen::progress, Screen::settings};
}  // namespace

std::string_view screen_id(Screen screen) {
  switch (screen) {
    case Screen::today: return "today";
    case Screen::routines: return "routines";
    case Screen::routine_editor: return "routine_editor";
    case Screen::library: return "library";
    case Screen::exercise: return "exercise";
    case Screen::player: return "player";
    case Screen::progress: return "progress";
    case Screen::settings: return "settings";
    case Screen::safety: return "safety";
    case Screen::gallery: return "gallery";
    case Screen::shared_routine: return "shared_routine";
  }
  return "unknown";
}

std::string_view screen_title(Screen screen) {
  switch (screen) {
    case Screen::today: return "Today";
    case Screen::routines: return "Routines";
    case Screen::routine_editor: return "Edit routine";
    case Screen::library: return "Exercise library";
    case Screen::exercise: return "Exercise";
    case Screen::player: return "Session";
    case Screen::progress: return "Progress";
    case Screen::settings: return "Settings";
    case Screen::safety: return "Safety and about";
    case Screen::gallery: return "Exercise gallery";
    case Screen::shared_routine: return "A routine for you";
  }
  return "";
}

std::optional<Screen> screen_from_id(std::string_view id) {
  for (const Screen s : kScreens) {
    if (screen_id(s) == id) return s;
  }
  return std::nullopt;
}

std::span<const Screen> all_screens() { return kScreens; }
std::span<const Screen> tabs() { return kTabs; }

bool is_tab(Screen screen) {
  for (const Screen t : kTabs) {
    if (t == screen) return true;
  }
  return false;
}

void AppModel::navigate(Screen next) {
  if (next == screen()) return;
  if (is_tab(next)) {
    history_.assign(1, Screen::today);
    if (next != Screen::today) history_.push_back(next);
    return;
  }
  history_.push_back(next);
}

bool AppModel::back() {
  if (!can_go_back()) return false;
  history_.pop_back();
  return true;
}

Screen AppModel::tab() const {
  for (auto it = history_.rbegin(); it != history_.rend(); ++it) {
    if (is_tab(*it)) return *it;
  }
  return Screen::today;
}

}  // namespace limber::app
