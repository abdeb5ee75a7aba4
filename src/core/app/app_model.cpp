#include "app/app_model.h"

#include <array>

namespace limber::app {

namespace {
constexpr std::array kScreens = {Screen::home, Screen::before_you_start, Screen::gallery};
}

std::string_view screen_id(Screen screen) {
  switch (screen) {
    case Screen::home: return "home";
    case Screen::before_you_start: return "before_you_start";
    case Screen::gallery: return "gallery";
  }
  return "unknown";
}

std::optional<Screen> screen_from_id(std::string_view id) {
  for (const Screen s : kScreens) {
    if (screen_id(s) == id) return s;
  }
  return std::nullopt;
}

std::span<const Screen> all_screens() { return kScreens; }

std::string_view theme_id(ThemeChoice theme) { return theme == ThemeChoice::dark ? "dark" : "light"; }

std::optional<ThemeChoice> theme_from_id(std::string_view id) {
  if (id == "light") return ThemeChoice::light;
  if (id == "dark") return ThemeChoice::dark;
  return std::nullopt;
}

void AppModel::navigate(Screen next) {
  if (next != screen()) history_.push_back(next);
}

bool AppModel::back() {
  if (!can_go_back()) return false;
  history_.pop_back();
  return true;
}

}  // namespace limber::app
