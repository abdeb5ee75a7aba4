// browser/main_loop.h: the browser's frame loop, which sleeps while nothing changes.
//
// The loop ticks on requestAnimationFrame. When the app has nothing to draw it calls
// sleep(); listeners on the page (pointer, touch, wheel, keys, resize, focus, visibility)
// and every automation command wake it again, before the event reaches SDL's queue is read.
//
// Usage:
//     limber::browser::run_main_loop({.tick = &tick, .wake = &on_wake, .user = &app});
//     // inside tick: if (nothing_to_draw) limber::browser::sleep_main_loop();
#pragma once

namespace limber::browser {

struct MainLoopDesc {
  void (*tick)(void* user) = nullptr;
  void (*wake)(void* user) = nullptr;  // called when the page wakes a sleeping loop
  // Called inside the end of a person's gesture (a tap or click ending, a key): what a press
  // asks for that a browser allows only in a gesture (copying a link, opening the file
  // picker) happens there, not a frame later. Safari refuses both from an animation frame.
  void (*gesture)(void* user) = nullptr;
  void* user = nullptr;
};

// Starts ticking and returns; the loop outlives main().
void run_main_loop(const MainLoopDesc& desc);
void sleep_main_loop();
// Wakes the loop from C++ (the page's listeners call this through limber_wake()).
void wake_main_loop();
bool main_loop_sleeping();
// Wakes the loop after a delay, for work due later with no input to wake it (a storage retry).
void wake_main_loop_after(double milliseconds);

}  // namespace limber::browser
