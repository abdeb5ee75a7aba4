// ui/touch_scroll.h: a page scrolled by touch as a phone's is. A vertical drag anywhere on the
// page moves it with the finger (Dear ImGui scrolls with the wheel only); a flick glides on
// after the finger lifts and stops cleanly at either end (pacing/fling.h); a new touch stops
// the glide. The controls ignore a press that travelled (controls.h).
//
// Usage (inside the page's window, just after ImGui::Begin):
//     limber::ui::touch_scroll_page(Sizes::drag_threshold);
//     ... the page ...
//     limber::ui::note_page_scroll();               // before ImGui::End
//     if (limber::ui::touch_scroll_gliding()) keep drawing frames;
#pragma once

namespace limber::ui {

void touch_scroll_page(float drag_threshold);
bool touch_scroll_gliding();   // the last page drawn is gliding: the next frame is needed
void touch_scroll_stop();      // another screen: no glide carries over

// Where the last page drawn is scrolled and how far it can go (CSS pixels), for the state.
struct PageScroll {
  float y = 0, max = 0;
};
void note_page_scroll();
PageScroll last_page_scroll();

}  // namespace limber::ui
