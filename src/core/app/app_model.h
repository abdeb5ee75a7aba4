// app/app_model.h: which screen the app shows, and the way back.
//
// The UI draws the screen this model names; buttons, the automation interface and (later)
// the browser's back button all change screens through navigate() and back(), so there is
// one history, not one per input path.
//
// Usage:
//     limber::app::AppModel model;          // starts on Screen::home
//     model.navigate(limber::app::Screen::before_you_start);
//     model.back();                          // true: home again
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace limber::app {

enum class Screen : std::uint8_t { home, before_you_start, gallery };
enum class ThemeChoice : std::uint8_t { light, dark };

// Stable ids, used in the automation state and in commands.
std::string_view screen_id(Screen screen);
std::optional<Screen> screen_from_id(std::string_view id);
std::span<const Screen> all_screens();
std::string_view theme_id(ThemeChoice theme);
std::optional<ThemeChoice> theme_from_id(std::string_view id);

class AppModel {
 public:
  Screen screen() const { return history_.back(); }
  // Going to the screen already shown does not add a history entry.
  void navigate(Screen next);
  // Returns false on the first screen, where there is nowhere to go back to.
  bool back();
  bool can_go_back() const { return history_.size() > 1; }

  ThemeChoice theme() const { return theme_; }
  void set_theme(ThemeChoice theme) { theme_ = theme; }

 private:
  std::vector<Screen> history_{Screen::home};
  ThemeChoice theme_ = ThemeChoice::light;
};

}  // namespace limber::app
