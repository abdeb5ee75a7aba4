// app/layout.h: where the UI drew things, in CSS pixels, as the shell reports them.
//
// The canvas's size and density (Viewport), and each clickable control's rectangle
// (ControlRect), which window.limber.state() lists so a test or the accessible layer can
// find a control where a person would. Plain data, so the browser glue and the UI need
// nothing else of the app to report them.
#pragma once

#include <string>

namespace limber::app {

// One clickable thing the UI drew, in CSS pixels from the canvas's top left corner. It owns
// its text: state() is read after the frame, when a label built for it is long gone.
struct ControlRect {
  std::string id;
  std::string label;
  float x = 0, y = 0, width = 0, height = 0;
};

struct Viewport {
  float css_width = 0, css_height = 0;
  float pixel_ratio = 1;
  int framebuffer_width = 0, framebuffer_height = 0;
};

}  // namespace limber::app
