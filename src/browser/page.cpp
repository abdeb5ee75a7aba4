#include "browser/page.h"

#include <emscripten/emscripten.h>
#include <emscripten/heap.h>
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

// location.hash (part 0), location.search (part 1) or origin + pathname (part 2), in memory the caller frees: routine
// links make fragments a few kilobytes long.
EM_JS(char*, limber_js_location_part, (int part), {
  const text = String((part === 0 ? location.hash : part === 1 ? location.search : location.origin + location.pathname) || "");
  const size = lengthBytesUTF8(text) + 1;
  const out = _malloc(size);
  stringToUTF8(text, out, size);
  return out;
});

namespace {
std::string location_part(int part) {
  char* text = limber_js_location_part(part);
  std::string out(text);
  free(text);
  return out;
}
}  // namespace

std::string location_hash() { return location_part(0); }
std::string location_search() { return location_part(1); }
std::string location_address() { return location_part(2); }

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
std::uint64_t heap_bytes() { return emscripten_get_heap_size(); }
void report_fatal(const char* message) { limber_js_report_fatal(message); }

}  // namespace limber::browser
