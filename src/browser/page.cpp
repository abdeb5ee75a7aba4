#include "browser/page.h"

#include <emscripten/emscripten.h>
#include <emscripten/html5.h>

#include <cmath>
#include <cstdlib>

namespace limber::browser {

namespace {
// SDL2's Emscripten backend binds to this selector, so the page's canvas carries this id.
constexpr const char* kCanvas = "#canvas";
}  // namespace

EM_JS(void, limber_js_report_ready, (), {
  if (Module.onLimberReady) Module.onLimberReady();
});

EM_JS(void, limber_js_report_fatal, (const char* message), {
  const text = UTF8ToString(message);
  if (Module.onLimberFatal) Module.onLimberFatal(text); else console.error(text);
});

EM_JS(void, limber_js_location_hash, (char* out, int size), {
  stringToUTF8(String(location.hash || ""), out, size);
});

EM_JS(char*, limber_js_location_search, (), {
  const text = String(location.search || "");
  const size = lengthBytesUTF8(text) + 1;
  const out = _malloc(size);
  stringToUTF8(text, out, size);
  return out;
});

std::string location_search() {
  char* text = limber_js_location_search();
  std::string out(text);
  free(text);
  return out;
}

std::string location_hash() {
  char buffer[128] = {};
  limber_js_location_hash(buffer, static_cast<int>(sizeof buffer));
  return buffer;
}

app::Viewport sync_canvas() {
  double css_w = 0, css_h = 0;
  emscripten_get_element_css_size(kCanvas, &css_w, &css_h);
  const double ratio = emscripten_get_device_pixel_ratio();
  const int want_w = static_cast<int>(std::lround(css_w * ratio));
  const int want_h = static_cast<int>(std::lround(css_h * ratio));
  int have_w = 0, have_h = 0;
  emscripten_get_canvas_element_size(kCanvas, &have_w, &have_h);
  if (want_w > 0 && want_h > 0 && (want_w != have_w || want_h != have_h)) {
    emscripten_set_canvas_element_size(kCanvas, want_w, want_h);
  }
  return {.css_width = static_cast<float>(css_w), .css_height = static_cast<float>(css_h),
          .pixel_ratio = static_cast<float>(ratio), .framebuffer_width = want_w, .framebuffer_height = want_h};
}

void report_ready() { limber_js_report_ready(); }
void report_fatal(const char* message) { limber_js_report_fatal(message); }

}  // namespace limber::browser
