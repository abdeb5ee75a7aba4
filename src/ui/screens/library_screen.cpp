// Library: every exercise, filtered by position, in bed or not, and kind; each opens its page.
#include <array>
#include <string>

#include "icons.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"

namespace limber::ui {

namespace {

const char* position_name(catalogue::Position p) {
  switch (p) {
    case catalogue::Position::on_back: return "On your back";
    case catalogue::Position::on_front: return "On your front";
    case catalogue::Position::all_fours: return "On all fours";
    case catalogue::Position::kneeling: return "Kneeling";
    case catalogue::Position::sitting: return "Sitting";
    case catalogue::Position::standing: return "Standing";
  }
  return "";
}

const char* kind_name(catalogue::ExerciseKind k) {
  switch (k) {
    case catalogue::ExerciseKind::stretch: return "Stretch";
    case catalogue::ExerciseKind::mobility: return "Mobility";
    case catalogue::ExerciseKind::strengthening: return "Strengthening";
    case catalogue::ExerciseKind::relaxation: return "Relaxation";
  }
  return "";
}

std::string filter_value(bool in_bed) { return in_bed ? "yes" : "no"; }
template <typename E>
std::string filter_value(E value) { return std::string(json::enum_name(value)); }

// One row of filter chips: "Any" and each value; pressing the selected value clears it.
// `filter` names it for the `filter` command (app/library.h).
template <typename T, std::size_t N>
void filter_row(ScreenContext& ctx, const char* title, const char* id, const char* filter, const std::optional<T>& value,
                const std::array<std::pair<T, const char*>, N>& choices) {
  paragraph(FontRole::small, current_theme().text_muted, title);
  ctx.controls.begin_group(app::NodeRole::group, title);  // "Any" says which filter it is
  Flow flow;
  const std::string any_id = std::string(id) + "-any";
  const std::string any = std::string(filter) + "=any";
  flow.next(chip_width("Any", !value));
  if (chip(ctx.controls, {.id = any_id.c_str(), .label = "Any", .selected = !value})) act(ctx, "filter", any);
  for (const auto& [v, label] : choices) {
    const bool selected = value && *value == v;
    flow.next(chip_width(label, selected));
    const std::string chip_id = std::string(id) + "-" + label;
    if (chip(ctx.controls, {.id = chip_id.c_str(), .label = label, .selected = selected})) {
      act(ctx, "filter", selected ? any : std::string(filter) + "=" + filter_value(v));
    }
  }
  ctx.controls.end_group();
}

}  // namespace

std::string exercise_facts(const catalogue::Exercise& e) {
  return std::string(kind_name(e.kind)) + " · " + position_name(e.position) + (e.in_bed ? " · in bed" : "");
}

void draw_library_screen(ScreenContext& ctx) {
  const Theme& theme = current_theme();
  begin_page("Library");
  page_title(ctx, "Exercise library", false);
  const app::LibraryFilter& f = ctx.app.library_filter();
  using P = catalogue::Position;
  using K = catalogue::ExerciseKind;
  filter_row(ctx, "Where", "bed", "in_bed", f.in_bed, std::array<std::pair<bool, const char*>, 2>{{{true, "In bed"}, {false, "On the floor or a chair"}}});
  filter_row(ctx, "Position", "position", "position", f.position,
             std::array<std::pair<P, const char*>, 5>{{{P::on_back, position_name(P::on_back)},
                                                       {P::on_front, position_name(P::on_front)},
                                                       {P::all_fours, position_name(P::all_fours)},
                                                       {P::kneeling, position_name(P::kneeling)},
                                                       {P::sitting, position_name(P::sitting)}}});
  filter_row(ctx, "Kind", "kind", "kind", f.kind,
             std::array<std::pair<K, const char*>, 4>{{{K::stretch, "Stretch"}, {K::mobility, "Mobility"},
                                                       {K::strengthening, "Strengthening"}, {K::relaxation, "Relaxation"}}});
  gap(6);
  const auto exercises = ctx.app.filtered_exercises();
  paragraph(FontRole::small, theme.text_muted,
            exercises.size() == 1 ? std::string("1 exercise") : std::to_string(exercises.size()) + " exercises");
  for (const catalogue::Exercise* e : exercises) {
    const std::string id = "exercise-" + e->id;
    const std::string detail = exercise_facts(*e);
    if (list_row(ctx.controls, {.id = id.c_str(), .title = e->name.c_str(), .detail = detail.c_str(),
                                .icon = e->in_bed ? LIMBER_ICON_BED : LIMBER_ICON_SELF_IMPROVEMENT})) {
      act(ctx, "exercise", e->id);
    }
  }
  if (exercises.empty()) {
    paragraph(FontRole::body, theme.text_muted, "No exercise matches all of these. Try \"Any\" in one of the rows.");
  }
  end_page();
}

}  // namespace limber::ui
