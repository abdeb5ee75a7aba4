#include "browser/main_loop.h"

#include <emscripten/emscripten.h>

namespace limber::browser {

namespace {
MainLoopDesc g_loop;
bool g_sleeping = false;
}  // namespace

// Capture-phase listeners on window see every event before SDL's handlers on the canvas
// and document, and cost nothing while the loop is awake (wake is a flag check).
EM_JS(void, limber_js_install_wake_listeners, (), {
  const wake = () => Module._limber_wake();
  const events = ['pointerdown', 'pointerup', 'pointermove', 'pointercancel', 'pointerout', 'touchstart',
                  'touchmove', 'touchend', 'touchcancel', 'wheel', 'keydown', 'keypress', 'keyup', 'resize', 'focus',
                  'blur', 'compositionend'];
  for (const type of events) window.addEventListener(type, wake, {capture: true, passive: true});
  // Bubbling to window, after SDL's handlers have queued the event: run the app within the
  // gesture (see MainLoopDesc::gesture). Keys typed into the page's own text boxes are theirs.
  const gesture = (event) => {
    if (event.target && event.target.classList && event.target.classList.contains('text-field')) return;
    Module._limber_gesture();  // the shell ticks only with queued input, never inside a tick
  };
  for (const type of ['mouseup', 'touchend', 'keydown']) window.addEventListener(type, gesture, {passive: true});
  document.addEventListener('visibilitychange', wake, {capture: true, passive: true});
  if (window.matchMedia) {
    // A change of devicePixelRatio (zoom, another monitor) fires no resize on some browsers.
    const watchRatio = () => {
      const query = window.matchMedia('(resolution: ' + window.devicePixelRatio + 'dppx)');
      query.addEventListener('change', () => { wake(); watchRatio(); }, {once: true});
    };
    watchRatio();
  }
});

void run_main_loop(const MainLoopDesc& desc) {
  g_loop = desc;
  limber_js_install_wake_listeners();
  emscripten_set_main_loop_arg(g_loop.tick, g_loop.user, 0, false);
}

void sleep_main_loop() {
  if (g_sleeping) return;
  g_sleeping = true;
  emscripten_pause_main_loop();
}

void wake_main_loop() {
  if (g_loop.wake) g_loop.wake(g_loop.user);
  if (!g_sleeping) return;
  g_sleeping = false;
  emscripten_resume_main_loop();
}

bool main_loop_sleeping() { return g_sleeping; }

EM_JS(void, limber_js_wake_after, (double ms), { setTimeout(() => Module._limber_wake(), ms); });
void wake_main_loop_after(double milliseconds) { limber_js_wake_after(milliseconds); }

}  // namespace limber::browser

extern "C" EMSCRIPTEN_KEEPALIVE void limber_wake() { limber::browser::wake_main_loop(); }

extern "C" EMSCRIPTEN_KEEPALIVE void limber_gesture() {
  using limber::browser::g_loop;
  if (g_loop.gesture) g_loop.gesture(g_loop.user);
}
