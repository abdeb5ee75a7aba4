// The routine editor: the routine's name and how often it is done, then each exercise exactly
// as prescribed (amounts stepped by steps that fit them, sides, the side that hurts, a build-up,
// a note), exercises added from a list with their pictures, then the note, the clinic and the
// ways to hand it over (routine_handover.cpp), and save. The core decides every bound
// (app/routine_editor.h, app/prescription_edits.h). Index: how often, one exercise, adding, the screen.
#include <string>

#include "animation/figure.h"
#include "app/routine_editor.h"
#include "catalogue/calendar_day.h"
#include "catalogue/schedule.h"
#include "catalogue/summary.h"
#include "icons.h"
#include "ui/figure.h"
#include "ui/screens/routine_editor_parts.h"
#include "ui/theme.h"

namespace limber::ui {

namespace {

using editor::ChipChoice;
using editor::chip_row;

bool g_adding = false;  // the list of exercises to add is open
int g_time_open = -1;   // the set time being chosen (from 0), or -1
int g_hour = -1;        // its hour, once chosen

// ---- How often ----------------------------------------------------------------------------

// A set time chosen in three presses: the time, its hour, its minutes.
void time_picker(ScreenContext& ctx, const catalogue::Schedule& s) {
  Flow flow;
  for (std::size_t k = 0; k < s.times.size(); ++k) {
    const std::string id = "time-" + std::to_string(k + 1), label = catalogue::clock_time(s.times[k]);
    const bool is_open = g_time_open == static_cast<int>(k);
    flow.next(chip_width(label.c_str(), is_open));
    if (chip(ctx.controls, {.id = id.c_str(), .label = label.c_str(), .selected = is_open})) {
      g_time_open = g_time_open == static_cast<int>(k) ? -1 : static_cast<int>(k);
      g_hour = -1;
    }
  }
  if (g_time_open < 0 || g_time_open >= static_cast<int>(s.times.size())) return;
  const std::string which = "time " + std::to_string(g_time_open + 1);
  if (g_hour < 0) {
    paragraph(FontRole::small, current_theme().text_muted, "The hour for " + which + ":");
    ctx.controls.begin_group(app::NodeRole::group, "Hour");
    Flow hours_flow;
    for (int h = 5; h <= 22; ++h) {
      const std::string hh = (h < 10 ? "0" : "") + std::to_string(h), id = "hour-" + hh;
      hours_flow.next(chip_width(hh.c_str(), false));
      if (chip(ctx.controls, {.id = id.c_str(), .label = hh.c_str(), .selected = false})) g_hour = h;
    }
    ctx.controls.end_group();
    return;
  }
  paragraph(FontRole::small, current_theme().text_muted, "The minutes for " + which + ", at " + std::to_string(g_hour) + ":");
  ctx.controls.begin_group(app::NodeRole::group, "Minutes");
  Flow minutes_flow;
  for (const int m : {0, 15, 30, 45}) {
    const std::string label = catalogue::clock_time(g_hour * 60 + m), id = "minute-" + std::to_string(m);
    minutes_flow.next(chip_width(label.c_str(), false));
    if (chip(ctx.controls, {.id = id.c_str(), .label = label.c_str(), .selected = false})) {
      act(ctx, "how_often", "time" + std::to_string(g_time_open + 1) + "=" + label);
      g_time_open = g_hour = -1;
    }
  }
  ctx.controls.end_group();
}

void how_often_section(ScreenContext& ctx, const catalogue::Routine& r) {
  const Theme& theme = current_theme();
  heading("How often");
  const std::optional<catalogue::Schedule> s = catalogue::schedule_of(r);
  paragraph(FontRole::body, theme.text_muted, catalogue::frequency_sentence(r) + ".");
  // "times-0" when needed, "times-1" to "times-4"; "days-0" to "days-6" for 1 to 7 days; "when-0" any
  // time, "when-1" set times.
  static constexpr ChipChoice kTimes[] = {{"When needed", "when_needed"}, {"Once a day", "times_a_day=1"}, {"Twice a day", "times_a_day=2"},
                                          {"3 times a day", "times_a_day=3"}, {"4 times a day", "times_a_day=4"}};
  static constexpr ChipChoice kDays[] = {{"1 day a week", "days_a_week=1"}, {"2 days a week", "days_a_week=2"},
                                         {"3 days a week", "days_a_week=3"}, {"4 days a week", "days_a_week=4"},
                                         {"5 days a week", "days_a_week=5"}, {"6 days a week", "days_a_week=6"},
                                         {"Every day", "days_a_week=7"}};
  static constexpr ChipChoice kWhen[] = {{"At any time", "set_times=off"}, {"At set times", "set_times=on"}};
  chip_row(ctx, "How many times a day", "times", "how_often", kTimes, s ? s->times_a_day : 0);
  if (s) {
    chip_row(ctx, "How many days a week", "days", "how_often", kDays, s->days_a_week - 1);
    chip_row(ctx, "When in the day", "when", "how_often", kWhen, s->times.empty() ? 0 : 1);
    if (!s->times.empty()) time_picker(ctx, *s);
  }
  heading("Review");
  const std::optional<std::int64_t> review = catalogue::parse_optional_day(r.review_on);
  paragraph(FontRole::small, theme.text_muted,
            review ? "Review on " + catalogue::day_words(*review) + ": reminders end then, and the sheet says so."
                   : "No review date.");
  // "review-0" none, then in 2, 3, 4, 6, 8 and 12 weeks.
  static constexpr ChipChoice kReviews[] = {{"None", "none"}, {"In 2 weeks", "2"}, {"In 3 weeks", "3"}, {"In 4 weeks", "4"},
                                            {"In 6 weeks", "6"}, {"In 8 weeks", "8"}, {"In 12 weeks", "12"}};
  static constexpr int kWeeks[] = {0, 2, 3, 4, 6, 8, 12};
  int chosen = review ? -1 : 0;
  for (int i = 1; i < 7; ++i) chosen = review && *review == ctx.app.today() + 7 * kWeeks[i] ? i : chosen;
  chip_row(ctx, "Review date", "review", "review", kReviews, chosen);
  heading("The side that hurts");
  static constexpr ChipChoice kSides[] = {{"Ask the patient", "ask"}, {"Left", "left"}, {"Right", "right"}};
  chip_row(ctx, "The side that hurts", "side", "side_that_hurts", kSides,
           !r.side_that_hurts ? 0 : *r.side_that_hurts == catalogue::FirstSide::left ? 1 : 2);
}

// ---- One exercise -------------------------------------------------------------------------

std::string amount_text(app::DosageField field, int value, catalogue::HoldUnit unit) {
  switch (field) {
    case app::DosageField::hold:
    case app::DosageField::hold_to:
      return unit == catalogue::HoldUnit::seconds ? std::to_string(value) + " s" : std::to_string(value) + (value == 1 ? " breath" : " breaths");
    case app::DosageField::set_rest: return std::to_string(value) + " s";
    case app::DosageField::build_up_days:
      return value % 7 == 0 ? std::to_string(value / 7) + (value == 7 ? " week" : " weeks") : std::to_string(value) + " days";
    default: return std::to_string(value);
  }
}

void item_card(ScreenContext& ctx, const catalogue::Routine& draft, std::size_t index) {
  const std::string number = std::to_string(index + 1), n = std::to_string(index);
  const Theme& theme = current_theme();
  const catalogue::Catalogue& c = ctx.app.catalogue();
  const catalogue::RoutineItem& item = draft.items[index];
  const catalogue::Exercise* e = c.find_exercise(item.exercise);
  const auto view = app::item_dosage(draft, index, c);
  begin_card();
  ImGui::PushID(static_cast<int>(index));
  const std::string name = e ? e->name : item.exercise;
  paragraph(FontRole::heading, theme.text, number + ". " + name);
  // Every card has the same buttons: their spoken names and groups say which exercise.
  ctx.controls.begin_group(app::NodeRole::group, number + ". " + name);
  if (e && view) {
    if (e->dosages.size() > 1) {
      std::vector<ChipChoice> options;
      int chosen = -1;
      for (const catalogue::DosageOption& o : e->dosages) {
        if (o.id == view->option_id) chosen = static_cast<int>(options.size());
        options.push_back({o.label.c_str(), o.id.c_str()});
      }
      chip_row(ctx, "Dosage", "option", "dosage", options, chosen, number);
    } else {
      paragraph(FontRole::small, theme.text_muted, view->option_label);
    }
    const auto step = [&](app::DosageField field, const char* label, const app::AmountView& a) {
      const std::string id = std::string(app::dosage_field_id(field)) + "-" + n, value = amount_text(field, a.value, view->hold_unit);
      const int d = stepper(ctx.controls, {.id = id.c_str(), .label = label, .value = value.c_str(), .can_decrease = a.can_decrease,
                                           .can_increase = a.can_increase, .subject = name.c_str()});
      if (d != 0) act(ctx, "step_dosage", number + "=" + std::string(app::dosage_field_id(field)) + (d > 0 ? "+" : "-"));
    };
    const bool sided = view->sides == catalogue::Sides::each_side || view->sides == catalogue::Sides::one_side;
    step(app::DosageField::reps, sided ? "Repetitions on each side" : "Repetitions", view->reps);
    if (view->hold) {
      step(app::DosageField::hold, view->hold_unit == catalogue::HoldUnit::breaths ? "Hold, in deep breaths" : "Hold, in seconds",
           *view->hold);
      static constexpr ChipChoice kUnits[] = {{"Seconds", "seconds"}, {"Breaths", "breaths"}};
      chip_row(ctx, "Count the hold in", "unit", "hold_unit", kUnits, view->hold_unit == catalogue::HoldUnit::seconds ? 0 : 1, number);
    }
    step(app::DosageField::sets, "Sets", view->sets);
    if (view->sets.value > 1) step(app::DosageField::set_rest, "Rest between sets", view->set_rest);
    if (view->source_sides != catalogue::Sides::together) {
      // "sides-0" each side, "sides-1" alternating, "sides-2" only the side that hurts.
      static constexpr ChipChoice kSidesOf[] = {{"Each side", "each_side"}, {"Alternating", "alternating"},
                                                {"Only the side that hurts", "one_side"}};
      chip_row(ctx, "Sides", "sides", "sides", kSidesOf,
               view->sides == catalogue::Sides::each_side ? 0 : view->sides == catalogue::Sides::alternating ? 1 : 2, number);
      if (view->sides != catalogue::Sides::one_side) {
        // More on the side that hurts only where each side is done in turn.
        static constexpr ChipChoice kFavour[] = {{"Both sides alike", "none"}, {"The side that hurts first", "first"},
                                                 {"More on the side that hurts", "more"}};
        const std::size_t shown = view->sides == catalogue::Sides::each_side ? 3 : 2;
        chip_row(ctx, "Favour the side that hurts", "favour", "favour", std::span(kFavour, shown),
                 !view->favour ? 0 : *view->favour == catalogue::Favour::first ? 1 : 2, number);
      }
    }
    static constexpr ChipChoice kBuild[] = {{"Same amount each day", "off"}, {"Build up over time", "on"}};
    chip_row(ctx, "Build up", "build", "build_up", kBuild, view->build_up_days ? 1 : 0, number);
    if (view->build_up_days) {
      if (view->reps_to) step(app::DosageField::reps_to, "Build up to, repetitions", *view->reps_to);
      if (view->hold_to) step(app::DosageField::hold_to, "Build up to, hold", *view->hold_to);
      step(app::DosageField::build_up_days, "Over", *view->build_up_days);
    }
    if (!view->beyond_source.empty()) {
      const ImVec4 muted = theme.text_muted;
      icon_paragraph(LIMBER_ICON_INFO, ("Beyond what its source suggests (" + view->beyond_source +
                                        "): the sheet will say this amount is yours.").c_str(), nullptr, &muted);
    }
  }
  const std::string note_label = "Note on " + name;
  editor::text_entry(ctx, {.field = app::TextField::item_note, .item = index}, note_label.c_str(), "A note on this exercise (optional)",
                     0.0f, false);
  const float third = split_width(3, 8.0f);
  const std::string up = "up-" + n, down = "down-" + n, remove = "remove-" + n;
  const std::string up_words = "Move " + name + " up", down_words = "Move " + name + " down", remove_words = "Remove " + name;
  if (big_button(ctx.controls, {.id = up.c_str(), .label = "Up", .icon = LIMBER_ICON_ARROW_UPWARD, .kind = ButtonKind::secondary,
                                .width = third, .height = Sizes::touch_target_min, .disabled = index == 0,
                                .spoken = up_words.c_str()})) {
    act(ctx, "move_exercise", number + "=up");
  }
  ImGui::SameLine(0, 8.0f);
  if (big_button(ctx.controls, {.id = down.c_str(), .label = "Down", .icon = LIMBER_ICON_ARROW_DOWNWARD, .kind = ButtonKind::secondary,
                                .width = third, .height = Sizes::touch_target_min, .disabled = index + 1 == draft.items.size(),
                                .spoken = down_words.c_str()})) {
    act(ctx, "move_exercise", number + "=down");
  }
  ImGui::SameLine(0, 8.0f);
  if (big_button(ctx.controls, {.id = remove.c_str(), .label = "Remove", .icon = LIMBER_ICON_DELETE,
                                .kind = ButtonKind::secondary, .width = third, .height = Sizes::touch_target_min,
                                .spoken = remove_words.c_str()})) {
    act(ctx, "remove_exercise", number);
  }
  ctx.controls.end_group();
  ImGui::PopID();
  end_card();
}

// ---- Adding -------------------------------------------------------------------------------

// Every exercise with its picture; a press adds it and the list stays open for the next.
void exercise_picker(ScreenContext& ctx, const catalogue::Routine& draft) {
  constexpr float kPicture = 104.0f, kHeight = 76.0f;
  animation::LocalPose local;
  animation::WorldPose pose;
  for (const catalogue::Exercise& e : ctx.app.catalogue().exercises) {
    int times = 0;
    for (const catalogue::RoutineItem& item : draft.items) times += item.exercise == e.id ? 1 : 0;
    const std::string id = "add-" + e.id, facts = exercise_facts(e) + (times ? ". In the routine" + std::string(times > 1 ? " " + std::to_string(times) + " times" : "") : "");
    const bool pressed = list_row(ctx.controls, {.id = id.c_str(), .title = e.name.c_str(), .detail = facts.c_str(),
                                                 .leading = kPicture + 8.0f, .min_height = kHeight + 12.0f, .trailing = LIMBER_ICON_ADD});
    const ImVec2 min = ImGui::GetItemRectMin();
    const animation::CompiledClip* clip = ctx.app.clips().find_for_exercise(e.id);
    if (clip && !clip->stills.empty() && ImGui::IsItemVisible()) {
      animation::still_pose(*clip, clip->stills.back(), local);
      animation::place(*clip, local, false, pose);
      const ImVec2 size(kPicture, ImGui::GetItemRectSize().y - 12.0f);
      const animation::Framing framing = animation::frame_clip(*clip, size.x, size.y);
      animation::Scene scene;
      animation::build_scene(*clip, pose, framing, scene);
      draw_figure(ImGui::GetWindowDrawList(), ImVec2(min.x + 6.0f, min.y + 6.0f), size, scene);
      ++ctx.figures_drawn;
    }
    if (pressed) act(ctx, "add_exercise", e.id);
  }
}

}  // namespace

// ---- The screen ---------------------------------------------------------------------------

void draw_routine_editor_screen(ScreenContext& ctx) {
  const Theme& theme = current_theme();
  begin_page("Edit routine");
  const catalogue::Routine* draft = ctx.app.draft().routine();
  page_title(ctx, draft && !draft->name.empty() ? draft->name.c_str() : "Edit routine", true);
  if (!draft) {
    paragraph(FontRole::body, theme.text_muted, "No routine is being edited.");
    end_page();
    return;
  }
  const std::string facts = ctx.app.routine_facts(*draft);
  paragraph(FontRole::body, theme.text_muted, facts);
  // The name can be changed (a clinician names what they send); a patient need not type.
  editor::text_entry(ctx, {.field = app::TextField::routine_name}, "Routine name", "", 0.0f, false);
  how_often_section(ctx, *draft);
  heading("The exercises");
  paragraph(FontRole::small, theme.text_muted,
            "Each amount is exactly what the patient will be asked to do. Building up happens only where you turn it on.");
  for (std::size_t i = 0; i < draft->items.size(); ++i) item_card(ctx, *draft, i);

  if (big_button(ctx.controls, {.id = "add-exercise", .label = g_adding ? "Done adding" : "Add exercises",
                                .icon = g_adding ? LIMBER_ICON_CHECK : LIMBER_ICON_ADD, .kind = ButtonKind::secondary})) {
    g_adding = !g_adding;
  }
  if (g_adding) {
    exercise_picker(ctx, *draft);
    if (big_button(ctx.controls, {.id = "done-adding", .label = "Done adding", .icon = LIMBER_ICON_CHECK, .kind = ButtonKind::secondary})) {
      g_adding = false;
    }
  }
  gap(8);
  editor::note_and_clinic(ctx, *draft);
  if (!ctx.app.draft().save_problem().empty()) editor::problem_line(ctx.app.draft().save_problem());
  if (!draft->items.empty()) editor::handover(ctx);
  gap(8);
  if (big_button(ctx.controls, {.id = "save-routine", .label = "Save routine", .icon = LIMBER_ICON_CHECK})) {
    act(ctx, "save_routine", {}, Refusal::shown_in_place);
    g_adding = false;
  }
  if (big_button(ctx.controls, {.id = "cancel-routine", .label = "Cancel", .kind = ButtonKind::secondary})) {
    g_adding = false;
    act(ctx, "back");
  }
  end_page();
}

}  // namespace limber::ui
