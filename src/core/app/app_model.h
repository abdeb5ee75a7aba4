// app/app_model.h: which screen the app shows, and the way back.
//
// The UI draws the screen this model names; buttons, the automation interface and the
// browser's back button all change screens through navigate() and back(), so there is one
// history, not one per input path. The five tabs (today, routines, library, progress,
// settings) are places, not steps: going to a tab starts the history again from Today, so
// Back from any tab leads to Today and Back from Today leaves the app.
//
// Usage:
//     limber::app::AppModel model;          // starts on Screen::today
//     model.navigate(limber::app::Screen::library);
//     model.navigate(limber::app::Screen::exercise);
//     model.back();                          // true: the library again
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "json/enum_names.h"

namespace limber::app {

enum class Screen : std::uint8_t {
  today, routines, routine_editor, library, exercise, player, progress, settings, safety, gallery, shared_routine
};

// Stable ids, used in the automation state, commands and the page address (#library).
std::string_view screen_id(Screen screen);
std::optional<Screen> screen_from_id(std::string_view id);
std::span<const Screen> all_screens();
// What a screen reader announces and the page's title shows.
std::string_view screen_title(Screen screen);
bool is_tab(Screen screen);
std::span<const Screen> tabs();

class AppModel {
 public:
  Screen screen() const { return history_.back(); }
  // Going to the screen already shown does not add a history entry.
  void navigate(Screen next);
  // Returns false on the first screen, where there is nowhere to go back to.
  bool back();
  bool can_go_back() const { return history_.size() > 1; }
  std::size_t depth() const { return history_.size(); }
  // The tab the current screen belongs to (the exercise page belongs to the library, say).
  Screen tab() const;

 private:
  std::vector<Screen> history_{Screen::today};
};

}  // namespace limber::app

template <>
struct limber::json::EnumNames<limber::app::Screen> {
  using E = limber::app::Screen;
  static constexpr std::array<std::pair<E, std::string_view>, 11> values{{
      {E::today, "today"},
      {E::routines, "routines"},
      {E::routine_editor, "routine_editor"},
      {E::library, "library"},
      {E::exercise, "exercise"},
      {E::player, "player"},
      {E::progress, "progress"},
      {E::settings, "settings"},
      {E::safety, "safety"},
      {E::gallery, "gallery"},
      {E::shared_routine, "shared_routine"}}};
};
