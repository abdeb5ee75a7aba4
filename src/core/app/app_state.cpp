#include "app/app_state.h"

#include "json/json_writer.h"

namespace limber::app {

std::string state_json(const AppSnapshot& s) {
  json::Writer w;
  w.begin_object()
      .key("app").value("limber")
      .key("version").value(LIMBER_VERSION)
      .key("ready").value(s.ready)
      .key("screen").value(screen_id(s.screen))
      .key("canGoBack").value(s.can_go_back)
      .key("frames").value(s.frames_drawn)
      .key("sleeping").value(s.sleeping);
  w.key("viewport").begin_object()
      .key("width").value(static_cast<double>(s.viewport.css_width))
      .key("height").value(static_cast<double>(s.viewport.css_height))
      .key("pixelRatio").value(static_cast<double>(s.viewport.pixel_ratio))
      .key("framebufferWidth").value(s.viewport.framebuffer_width)
      .key("framebufferHeight").value(s.viewport.framebuffer_height)
      .end_object();
  w.key("fontPixelRatio").value(static_cast<double>(s.font_pixel_ratio));
  w.key("catalogue").begin_object()
      .key("exercises").value(s.catalogue_exercises)
      .key("routines").value(s.catalogue_routines)
      .end_object();
  w.key("clips").value(s.clips).key("figures").value(s.figures_drawn).key("theme").value(s.theme);
  w.key("controls").begin_array();
  for (const ControlRect& c : s.controls) {
    w.begin_object()
        .key("id").value(c.id)
        .key("label").value(c.label)
        .key("x").value(static_cast<double>(c.x))
        .key("y").value(static_cast<double>(c.y))
        .key("width").value(static_cast<double>(c.width))
        .key("height").value(static_cast<double>(c.height))
        .end_object();
  }
  w.end_array().end_object();
  return w.str();
}

}  // namespace limber::app
