#include "app/app_model.h"

#include <array>

namespace limber::app {

namespace {
constexpr std::array kScreens = {Screen::home, Screen::before_you_start};
}

std::string_view screen_id(Screen screen) {
  switch (screen) {
    case Screen::home: return "home";
    case Screen::before_you_start: return "before_you_start";
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

void AppModel::navigate(Screen next) {
  if (next != screen()) history_.push_back(next);
}

bool AppModel::back() {
  if (!can_go_back()) return false;
  history_.pop_back();
  return true;
}

}  // namespace limber::app
