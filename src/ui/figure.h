// ui/figure.h: draws the animated figure's scene (animation/scene.h) with Dear ImGui.
//
// The core decides every shape, its place and its depth; this only fills them, with an
// outline so limbs read apart at phone size, clipped to the figure's box.
//
// Usage:
//     limber::ui::draw_figure(ImGui::GetWindowDrawList(), top_left, size, scene);
#pragma once

#include <imgui.h>

#include "animation/scene.h"
#include "animation/still.h"

namespace limber::ui {

void draw_figure(ImDrawList* draw, ImVec2 top_left, ImVec2 size, const animation::Scene& scene);

// A clip drawn at one moment, in a box of the given size at the cursor (advances the cursor).
struct FigureBox {
  const animation::CompiledClip* clip = nullptr;
  const animation::WorldPose* pose = nullptr;
  ImVec2 size;
  animation::FigureCue cue;  // the arrow and highlight the core decided (animation/cues.h)
  const animation::StillDesc* still = nullptr;  // instead of a pose: a still (animation/still.h)
};
void figure_box(const FigureBox& box);

}  // namespace limber::ui
