// One exercise: the figure doing it on a loop, then the start position, steps, tips,
// cautions, dosage and sources, each tip and caution with who gave it.
#include <algorithm>
#include <string>

#include "animation/animator.h"
#include "animation/cues.h"
#include "animation/figure.h"
#include "animation/scene.h"
#include "catalogue/summary.h"
#include "icons.h"
#include "ui/figure.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"

namespace limber::ui {

namespace {

std::string organisation(const catalogue::Catalogue& c, const std::string& source_id) {
  const catalogue::Source* s = c.find_source(source_id);
  return s ? s->organisation : source_id;
}

void looping_figure(ScreenContext& ctx, const catalogue::Exercise& e) {
  const animation::CompiledClip* clip = ctx.app.clips().find_for_exercise(e.id);
  if (!clip) return;
  const bool sided = !e.dosages.empty() && e.dosages.front().dosage.sides != catalogue::Sides::together;
  const float width = ImGui::CalcItemWidth();
  const ImVec2 size(width, std::clamp(width / animation::view_aspect(*clip), 140.0f, 340.0f));
  animation::LocalPose local;
  animation::WorldPose world;
  const bool reduced = ctx.app.settings().reduced_motion;
  if (reduced || ctx.app.demo_paused()) {
    // Still: the start and held positions (and a two-phase movement's middle), each with the
    // position before it ghosted and an arrow for the movement; one under another on a phone.
    const auto n = static_cast<float>(clip->stills.size());
    const bool stacked = width < 560.0f;
    const float w = stacked ? width : (width - 10.0f * (n - 1)) / n;
    const ImVec2 part(w, std::clamp(w / animation::view_aspect(*clip), 110.0f, 320.0f));
    const std::uint32_t area = animation::target_bones(e.target_areas);
    for (std::size_t k = 0; k < clip->stills.size(); ++k) {
      if (k > 0 && !stacked) ImGui::SameLine(0, 10.0f);
      const animation::StillDesc still{.still = k, .area = area};
      figure_box({.clip = clip, .size = part, .still = &still});
      ctx.controls.add_item(app::NodeRole::image, e.name + ": " + clip->stills[k].label);
    }
    ctx.figures_drawn += static_cast<int>(clip->stills.size());
  } else if (!ImGui::IsRectVisible(size)) {
    // Scrolled out of view: nothing drawn that nobody sees, and no frames asked for it. The
    // movement's clock is the screen's, so it comes back where it would have been.
    ImGui::Dummy(size);
    ctx.controls.add_item(app::NodeRole::image, e.name + ": the whole movement, repeating" + (sided ? ", on the left side then the right" : ""));
  } else {
    const animation::ClipTime time = animation::demo_time(ctx.time, sided);
    animation::local_pose(*clip, time, local);
    animation::place(*clip, local, time.right_side, world);
    figure_box({.clip = clip, .pose = &world, .size = size,
                .cue = animation::figure_cue(*clip, time, world, animation::target_bones(e.target_areas))});
    ctx.controls.add_item(app::NodeRole::image,
                          e.name + ": the whole movement, repeating" + (sided ? ", on the left side then the right" : ""));
    ctx.figures_drawn += 1;
    ctx.animating = true;
  }
  // Reduced motion keeps it still; otherwise the person can stop and start it.
  if (!reduced) {
    const bool paused = ctx.app.demo_paused();
    if (big_button(ctx.controls, {.id = "demo-motion", .label = paused ? "Show the movement" : "Stop the movement",
                                  .icon = paused ? LIMBER_ICON_PLAY_ARROW : LIMBER_ICON_PAUSE,
                                  .kind = ButtonKind::secondary, .height = Sizes::touch_target_min})) {
      act(ctx, "demo", paused ? "play" : "pause");
    }
  }
}

}  // namespace

void draw_exercise_screen(ScreenContext& ctx) {
  const Theme& theme = current_theme();
  const catalogue::Catalogue& c = ctx.app.catalogue();
  const catalogue::Exercise* e = ctx.app.selected_exercise();
  begin_page("Exercise");
  page_title(ctx, e ? e->name.c_str() : "Exercise", true);
  if (!e) {
    end_page();
    return;
  }
  paragraph(FontRole::small, theme.text_muted, exercise_facts(*e));
  looping_figure(ctx, *e);

  heading("Start position");
  paragraph(FontRole::body, theme.text, e->start_position);
  heading("Steps");
  begin_list();
  for (std::size_t i = 0; i < e->steps.size(); ++i) list_item(std::to_string(i + 1) + ". " + e->steps[i]);
  end_list();
  if (!e->tips.empty()) {
    heading("Tips");
    for (const catalogue::Note& tip : e->tips) {
      const std::string from = organisation(c, tip.source);
      icon_paragraph(LIMBER_ICON_CHECK_CIRCLE, tip.text.c_str(), from.c_str());
    }
  }
  if (!e->cautions.empty()) {
    heading("Take care");
    for (const catalogue::Note& caution : e->cautions) {
      const std::string from = organisation(c, caution.source);
      const ImVec4 colour = theme.caution;
      icon_paragraph(LIMBER_ICON_WARNING, caution.text.c_str(), from.c_str(), &colour);
    }
  }
  heading("How much");
  for (const catalogue::DosageOption& o : e->dosages) {
    std::string from;
    for (const std::string& s : o.sources) from += (from.empty() ? "" : ", ") + organisation(c, s);
    const std::string text = o.label + ": " + catalogue::describe(o.dosage) + ".";
    icon_paragraph(LIMBER_ICON_TIMER, text.c_str(), from.c_str());
  }
  heading("Sources");
  for (const std::string& id : e->sources) {
    if (const catalogue::Source* s = c.find_source(id)) {
      icon_paragraph(LIMBER_ICON_MENU_BOOK, (s->organisation + ": " + s->title).c_str());
    }
  }
  end_page();
}

}  // namespace limber::ui
