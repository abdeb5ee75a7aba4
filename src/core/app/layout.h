// app/layout.h: where the UI drew things, in CSS pixels, as the shell reports them.
//
// The canvas's size and density. What was drawn where is the screen report
// (app/screen_report.h). Plain data, so the browser glue and the UI need nothing else of the
// app to report them.
#pragma once

#include <string>

namespace limber::app {

struct Viewport {
  float css_width = 0, css_height = 0;
  float pixel_ratio = 1;
  int framebuffer_width = 0, framebuffer_height = 0;
};

}  // namespace limber::app
