#include "ui/touch_scroll.h"

#include <imgui.h>

#include <algorithm>

#include "pacing/fling.h"

namespace limber::ui {

namespace {
pacing::Fling g_fling;
bool g_dragged = false;  // this press scrolled the page: its release may start a glide
bool g_gliding = false;
PageScroll g_scroll;
}  // namespace

void touch_scroll_page(float drag_threshold) {
  const ImGuiIO& io = ImGui::GetIO();
  const double now = ImGui::GetTime();
  const bool on_page = ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem | ImGuiHoveredFlags_ChildWindows);
  if (ImGui::IsMouseClicked(0)) {
    g_fling.stop();  // a finger on the glass holds the page
    g_dragged = false;
  }
  if (ImGui::IsMouseDown(0) && on_page) {
    g_fling.track(now, io.MousePos.y);
    if (io.MouseDragMaxDistanceSqr[0] > drag_threshold * drag_threshold) {
      ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
      g_dragged = true;
    }
  }
  if (ImGui::IsMouseReleased(0)) {
    if (g_dragged) g_fling.release(now);
    else g_fling.stop();
    g_dragged = false;
  }
  g_gliding = false;
  if (g_fling.moving()) {
    const float want = ImGui::GetScrollY() + g_fling.step(static_cast<double>(io.DeltaTime));
    const float y = std::clamp(want, 0.0f, ImGui::GetScrollMaxY());
    ImGui::SetScrollY(y);
    if (y != want) g_fling.stop();  // the end of the page: a clean stop
    g_gliding = true;
  }
}

bool touch_scroll_gliding() { return g_gliding; }

void touch_scroll_stop() {
  g_fling.stop();
  g_dragged = false;
  g_gliding = false;
}

void note_page_scroll() { g_scroll = {.y = ImGui::GetScrollY(), .max = ImGui::GetScrollMaxY()}; }
PageScroll last_page_scroll() { return g_scroll; }

}  // namespace limber::ui
