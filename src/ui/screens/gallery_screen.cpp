// The exercise gallery (#gallery): every exercise at its start and held positions (and the
// middle of a two-phase movement), side by side, so a reviewer can check at a glance that
// each movement reads from the figure alone.
#include <algorithm>

#include "animation/cues.h"
#include "animation/figure.h"
#include "animation/scene.h"
#include "icons.h"
#include "json/enum_names.h"
#include "ui/figure.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"

namespace limber::ui {

namespace {

const char* view_name(const animation::CompiledClip& clip) {
  switch (clip.view) {
    case animation::View::side: return "seen from the side";
    case animation::View::three_quarter: return "seen three-quarter on";
    case animation::View::from_feet:  // along the body: from the feet when lying, the front when sitting
      return clip.surface == animation::Surface::chair ? "seen from the front" : "seen from the feet";
    case animation::View::above: return "seen from above";
  }
  return "";
}

}  // namespace

void draw_gallery_screen(ScreenContext& ctx) {
  const Theme& theme = current_theme();
  begin_page("Gallery", 1800.0f, /*with_tabs=*/false);
  page_title(ctx, "Exercise gallery", true);
  paragraph(FontRole::body, theme.text_muted,
            "Every exercise at its start position and its held position, and both phases of a two-phase movement.");
  ImGui::Dummy(ImVec2(0, Sizes::gap * 0.5f));

  // Cards of two figures each, as many across as fit (one on a phone).
  const float width = ImGui::CalcItemWidth();
  const float gap = 12.0f, card_gap = 28.0f;
  const int across = std::max(1, static_cast<int>((width + card_gap) / (420.0f + card_gap)));
  const float card = (width - card_gap * static_cast<float>(across - 1)) / static_cast<float>(across);
  int i = 0;
  for (const catalogue::Exercise& e : ctx.app.catalogue().exercises) {
    if (i % across != 0) ImGui::SameLine(0, card_gap);
    ++i;
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + card);
    const animation::CompiledClip* clip = ctx.app.clips().find_for_exercise(e.id);
    paragraph(FontRole::heading, theme.text, e.name);
    if (!clip) {
      paragraph(FontRole::small, theme.caution, "No animation for this exercise.");
    } else {
      paragraph(FontRole::small, theme.text_muted, view_name(*clip));
      // The stills as the exercise page and the printed sheet show them, each as tall as its
      // figure needs; figures scrolled out of sight are laid out but not drawn.
      const auto n = static_cast<float>(clip->stills.size());
      const float w = (card - gap * (n - 1)) / n;
      const ImVec2 box(w, std::clamp(w / animation::view_aspect(*clip), 60.0f, w * 1.2f));
      const bool visible = ImGui::IsRectVisible(ImVec2(card, box.y));
      const std::uint32_t area = animation::target_bones(e.target_areas);
      for (std::size_t k = 0; k < clip->stills.size(); ++k) {
        if (k > 0) ImGui::SameLine(0, gap);
        const animation::StillDesc still{.still = k, .area = area};
        figure_box({.clip = visible ? clip : nullptr, .size = box, .still = &still});
        ctx.controls.add_item(app::NodeRole::image, e.name + ": " + clip->stills[k].label);
      }
      ctx.figures_drawn += visible ? static_cast<int>(clip->stills.size()) : 0;
    }
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(card, Sizes::gap * 0.5f));
    ImGui::EndGroup();
  }
  end_page();
}

}  // namespace limber::ui
