// browser/page.h: what the app tells and asks the web page (web/index.html, web/boot.js).
//
// Usage:
//     const limber::app::Viewport v = limber::browser::sync_canvas();  // each tick
//     limber::browser::report_ready();                 // first frame drawn: hide the loader
//     limber::browser::report_fatal("WebGL2 context could not be created");
#pragma once

#include <cstdint>
#include <string>

#include "app/layout.h"

namespace limber::browser {

// Reads the canvas's CSS size and the device pixel ratio, and resizes the canvas's backing
// store to CSS size x ratio when they differ, so every CSS pixel maps to real pixels.
app::Viewport sync_canvas();

void report_ready();
// The WebAssembly memory's size in bytes.
std::uint64_t heap_bytes();
// The page address's fragment, "#gallery" or "" (read once at start-up).
std::string location_hash();
// The page address's query, "?embed=1&routine=in_bed" or "".
std::string location_search();
// location.origin + location.pathname: this page's address, which a routine link is added to.
std::string location_address();
// Shows the page's error panel in place of the app, with this explanation.
void report_fatal(const char* message);

}  // namespace limber::browser
