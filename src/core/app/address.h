// app/address.h: each screen's own address (what follows '#'), and opening one.
//
// A screen's address is its id ("library", "progress"); an exercise page's names the exercise
// ("exercise=knee_rolls"), so a reload, Back and Forward, or an address passed on open that
// exercise again rather than Today. A routine link ("routine=...") is links/routine_link.h's.
//
// Usage:
//     page.replace_address("#" + limber::app::screen_address(app));
//     if (std::string why = limber::app::open_address(app, location_hash); !why.empty()) ignore it;
#pragma once

#include <string>
#include <string_view>

#include "app/app.h"

namespace limber::app {

std::string screen_address(const App& app);
// Opens the screen an address names ('#' first or not): "" or why not (an unknown screen or
// exercise, a screen that needs something first). Nothing changes when it cannot be opened.
std::string open_address(App& app, std::string_view address);

}  // namespace limber::app
