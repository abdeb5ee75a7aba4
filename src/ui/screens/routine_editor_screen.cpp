// The routine editor: exercises in order, each with its dosage option and steppers that
// stay within the source's range (app/routine_editor.h decides the bounds), then save; and
// for clinicians the ways to hand it over: a link with a note, a QR code, a printed sheet, a
// calendar reminder and a website's widget. Index: sharing, item cards, the screen.
#include <string>

#include "app/reminder.h"
#include "app/routine_editor.h"
#include "catalogue/summary.h"
#include "icons.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"

namespace limber::ui {

namespace {

bool g_adding = false;       // the list of exercises to add is open
// The last QR code made, and for what address: made again only when the link changes.
struct {
  std::string address;
  links::QrResult qr;
} g_qr;

void problem_line(const std::string& problem) {
  if (problem.empty()) return;
  const ImVec4 caution = current_theme().caution;
  icon_paragraph(LIMBER_ICON_WARNING, problem.c_str(), nullptr, &caution);
}

// In the clinic: the link as a QR code for the patient's phone camera.
void qr_section(ScreenContext& ctx, const std::string& link) {
  heading("Scan it with a phone");
  paragraph(FontRole::small, current_theme().text_muted,
            "In the clinic, the patient points their phone's camera at this code, and the routine opens in Limber.");
  const std::string address = ctx.app.link_address(link);
  if (address != g_qr.address) g_qr = {.address = address, .qr = links::make_qr_code(address)};
  if (!g_qr.qr.ok()) {
    problem_line("No QR code: " + g_qr.qr.error + ".");
    return;
  }
  const std::string name = ctx.app.draft().routine() ? ctx.app.draft().routine()->name : std::string("this routine");
  qr_code_box(ctx.controls, *g_qr.qr.code, std::min(ImGui::CalcItemWidth(), 360.0f),
              "QR code: a link that opens " + name + " in Limber");
}

// A reminder in the person's own calendar app, at a time they pick: nothing to type.
void reminder_section(ScreenContext& ctx) {
  heading("Add a reminder to a calendar");
  paragraph(FontRole::small, current_theme().text_muted,
            "Saves a file that any calendar app opens: a repeating reminder at the routine's frequency, with its link.");
  const std::string at = app::clock_time(ctx.app.reminder_minutes());
  const int step = stepper(ctx.controls, {.id = "reminder-time", .label = "Reminder time", .value = at.c_str(),
                                          .can_decrease = ctx.app.reminder_minutes() > app::kReminderEarliest,
                                          .can_increase = ctx.app.reminder_minutes() < app::kReminderLatest});
  if (step != 0) act(ctx, "reminder_time", step > 0 ? "+" : "-");
  if (big_button(ctx.controls, {.id = "add-to-calendar", .label = "Add to calendar", .icon = LIMBER_ICON_EVENT,
                                .kind = ButtonKind::secondary})) {
    act(ctx, "add_to_calendar");
  }
}

// On paper: the sheet with the pictures, the note and the code, or a PDF from the print dialog.
void print_section(ScreenContext& ctx) {
  heading("Print a sheet");
  paragraph(FontRole::small, current_theme().text_muted,
            "A sheet to hand over: each exercise with pictures and steps, your note, the safety advice and the QR "
            "code. Print it, or save it as a PDF from the print dialog.");
  if (big_button(ctx.controls, {.id = "print-draft", .label = "Print", .icon = LIMBER_ICON_PRINT,
                                .kind = ButtonKind::secondary, .spoken = "Print a sheet of this routine"})) {
    act(ctx, "print_draft");
  }
}

// The clinic's website: the widget playing this routine, as a tag to paste into a page.
void website_section(ScreenContext& ctx, const std::string& link) {
  heading("Put it on a website");
  paragraph(FontRole::small, current_theme().text_muted,
            "For a clinic's website: paste this tag into a page, and the routine plays there, in Limber's widget.");
  link_box(ctx.controls, {.id = "embed_out", .label = "Tag for a website, playing this routine", .fragment = link.c_str(),
                          .covered = ctx.app.confirm() != app::Confirm::none, .snippet = true});
}

// For clinicians: a short note, then a link that carries the routine in its fragment; then
// the same link as a QR code, a calendar reminder and a website's widget.
void share_section(ScreenContext& ctx) {
  const Theme& theme = current_theme();
  heading("Send it as a link");
  paragraph(FontRole::small, theme.text_muted,
            "For clinicians: add a short note if you like, then copy a link to send. The routine travels inside "
            "the link itself; no server ever sees it.");
  const std::string note = ctx.app.draft().text(app::TextField::link_note);
  text_field(ctx.controls, {.field = app::TextField::link_note, .value = note.c_str(),
                            .placeholder = "For example: twice a day for two weeks", .height = 110.0f,
                            .covered = ctx.app.confirm() != app::Confirm::none});
  problem_line(ctx.app.draft().text_problem(app::TextField::link_note));
  gap(4);
  if (big_button(ctx.controls, {.id = "share-link", .label = "Copy link", .icon = LIMBER_ICON_CONTENT_COPY,
                                .kind = ButtonKind::secondary})) {
    act(ctx, "share_link", {}, Refusal::shown_in_place);
  }
  if (!ctx.app.draft().share_problem().empty()) {
    problem_line(ctx.app.draft().share_problem());
  } else if (ctx.app.draft().link_copy() == app::LinkCopy::copied) {
    icon_paragraph(LIMBER_ICON_CHECK_CIRCLE, "Link copied. Paste it into a message or an email to send it.");
  } else if (ctx.app.draft().link_copy() == app::LinkCopy::refused) {
    // No clipboard, and perhaps no address bar (an installed app): the link in a box to copy from.
    problem_line("This browser did not let Limber copy the link. Select it below and copy it from there.");
    link_box(ctx.controls, {.id = "link_out", .label = "Link to send", .fragment = ctx.app.draft().last_link().c_str(),
                            .covered = ctx.app.confirm() != app::Confirm::none});
  }
  // Once the routine can be sent, the other ways to hand it over: all carry the same link.
  const std::string link = ctx.app.draft().link_now(ctx.app.catalogue());
  if (link.empty()) return;
  qr_section(ctx, link);
  print_section(ctx);
  reminder_section(ctx);
  website_section(ctx, link);
}

// Each edit is a command on the item's number (from 1), as the page and tests send it.
void item_card(ScreenContext& ctx, const catalogue::Routine& draft, std::size_t index) {
  const std::string number = std::to_string(index + 1);
  const Theme& theme = current_theme();
  const catalogue::Catalogue& c = ctx.app.catalogue();
  const catalogue::RoutineItem& item = draft.items[index];
  const catalogue::Exercise* e = c.find_exercise(item.exercise);
  const auto view = app::item_dosage(draft, index, c);
  begin_card();
  ImGui::PushID(static_cast<int>(index));
  const std::string name = e ? e->name : item.exercise;
  paragraph(FontRole::heading, theme.text, std::to_string(index + 1) + ". " + name);
  // Every card has the same buttons: their spoken names and groups say which exercise.
  ctx.controls.begin_group(app::NodeRole::group, number + ". " + name);
  if (e && view) {
    if (e->dosages.size() > 1) {
      std::vector<const char*> labels;
      int selected = 0;
      for (std::size_t i = 0; i < e->dosages.size(); ++i) {
        labels.push_back(e->dosages[i].label.c_str());
        if (e->dosages[i].id == view->option_id) selected = static_cast<int>(i);
      }
      Flow flow;
      for (std::size_t i = 0; i < labels.size(); ++i) {
        flow.next(chip_width(labels[i]) + 26.0f);
        const std::string id = "option-" + std::to_string(index) + "-" + std::to_string(i);
        if (chip(ctx.controls, {.id = id.c_str(), .label = labels[i], .selected = static_cast<int>(i) == selected})) {
          act(ctx, "dosage", number + "=" + e->dosages[i].id);
        }
      }
    } else {
      paragraph(FontRole::small, theme.text_muted, view->option_label);
    }
    const auto step = [&](const char* id, const char* label, const std::string& value, const catalogue::Range& r,
                          const char* field) {
      const std::string full_id = std::string(id) + "-" + std::to_string(index);
      const int d = stepper(ctx.controls, {.id = full_id.c_str(), .label = label, .value = value.c_str(),
                                           .can_decrease = r.start > r.min, .can_increase = r.start < r.max,
                                           .subject = name.c_str()});
      if (d != 0) act(ctx, "step_dosage", number + "=" + field + (d > 0 ? "+" : "-"));
    };
    const bool sided = view->sides == catalogue::Sides::each_side || view->sides == catalogue::Sides::one_side;
    if (view->reps.min != view->reps.max) {
      step("reps", sided ? "Repetitions on each side" : "Repetitions", std::to_string(view->reps.start), view->reps,
           "reps");
    }
    if (view->hold && view->hold->min != view->hold->max) {
      const bool breaths = view->hold_unit == catalogue::HoldUnit::breaths;
      step("hold", breaths ? "Hold, in deep breaths" : "Hold, in seconds", std::to_string(view->hold->start), *view->hold,
           "hold");
    }
    if (view->sets.min != view->sets.max) step("sets", "Sets", std::to_string(view->sets.start), view->sets, "sets");
  }
  const float third = split_width(3, 8.0f);
  const std::string up = "up-" + std::to_string(index), down = "down-" + std::to_string(index),
                    remove = "remove-" + std::to_string(index);
  const std::string up_words = "Move " + name + " up", down_words = "Move " + name + " down",
                    remove_words = "Remove " + name;
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

}  // namespace

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
  const std::string facts = std::to_string(draft->items.size()) + " exercises, about " +
                            catalogue::format_duration(ctx.app.routine_seconds(*draft)) + ".";
  paragraph(FontRole::body, theme.text_muted, facts);
  // The name can be changed (a clinician names what they send); a patient need not type.
  paragraph(FontRole::small, theme.text_muted, "Name");
  text_field(ctx.controls, {.field = app::TextField::routine_name, .value = draft->name.c_str(),
                            .covered = ctx.app.confirm() != app::Confirm::none});
  problem_line(ctx.app.draft().text_problem(app::TextField::routine_name));
  paragraph(FontRole::small, theme.text_muted,
            "Amounts can only be changed within what the exercise's source recommends.");
  for (std::size_t i = 0; i < draft->items.size(); ++i) item_card(ctx, *draft, i);

  if (big_button(ctx.controls, {.id = "add-exercise", .label = g_adding ? "Close the list" : "Add an exercise",
                                .icon = g_adding ? LIMBER_ICON_CLOSE : LIMBER_ICON_ADD, .kind = ButtonKind::secondary})) {
    g_adding = !g_adding;
  }
  if (g_adding) {
    for (const catalogue::Exercise& e : ctx.app.catalogue().exercises) {
      const std::string id = "add-" + e.id;
      if (list_row(ctx.controls, {.id = id.c_str(), .title = e.name.c_str(), .icon = LIMBER_ICON_ADD})) {
        act(ctx, "add_exercise", e.id);
        g_adding = false;
      }
    }
  }
  gap(8);
  if (!ctx.app.draft().save_problem().empty()) {
    const ImVec4 caution = theme.caution;
    icon_paragraph(LIMBER_ICON_WARNING, ctx.app.draft().save_problem().c_str(), nullptr, &caution);
  }
  if (!draft->items.empty()) share_section(ctx);
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
