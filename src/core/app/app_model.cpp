#include "app/app_model.h"

#include <array>

namespace limber::app {

namespace {
// Every screen, in the order its names are listed (json::EnumNames<Screen>).
constexpr auto kScreens = [] {
  constexpr auto& names = json::EnumNames<Screen>::values;
  std::array<Screen, names.size()> out{};
  for (std::size_t i = 0; i < names.size(); ++i) out[i] = names[i].first;
  return out;
}();
constexpr std::array kTabs = {Screen::today, Screen::routines, Screen::library, Screen::progress, Screen::settings};
}  // namespace

std::string_view screen_id(Screen screen) { return json::enum_name(screen); }

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

std::optional<Screen> screen_from_id(std::string_view id) { return json::enum_from_name<Screen>(id); }

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
