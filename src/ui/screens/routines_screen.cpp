// Routines: the built-in routines and the person's own, each with how long it takes;
// start, choose for Today, copy, print a sheet, edit and delete (deleting asks first).
#include "catalogue/summary.h"
#include "icons.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"

namespace limber::ui {

namespace {

void routine_card(ScreenContext& ctx, const catalogue::Routine& r, bool own) {
  const Theme& theme = current_theme();
  const catalogue::Routine* current = ctx.app.current_routine();
  begin_card();
  ImGui::PushID(r.id.c_str());
  paragraph(FontRole::heading, theme.text, r.name);
  const std::string facts = ctx.app.routine_facts(r) + (current == &r ? " Your routine on Today." : "");
  paragraph(FontRole::small, current == &r ? theme.primary : theme.text_muted, facts);
  paragraph(FontRole::body, theme.text_muted, r.purpose);
  const std::string start_id = "start-" + r.id;
  const std::string choose_id = "choose-" + r.id;
  const std::string copy_id = "copy-" + r.id;
  const std::string edit_id = "edit-" + r.id;
  const std::string delete_id = "delete-" + r.id;
  const std::string print_id = "print-" + r.id;
  // Spoken names carry the routine's: a list of "Start, Start, Start" says nothing.
  const std::string start_words = "Start " + r.name, copy_words = "Copy " + r.name, edit_words = "Edit " + r.name,
                    delete_words = "Delete " + r.name, print_words = "Print a sheet of " + r.name,
                    choose_words = current == &r ? r.name + " is on Today" : "Use " + r.name + " on Today";
  // Two to a row, all one width, while every label fits beside another; else one a row.
  const char* choose_label = current == &r ? "On Today" : "Use on Today";
  const ButtonRow pair({{"Start", LIMBER_ICON_PLAY_ARROW}, {choose_label, LIMBER_ICON_TODAY}, {"Copy", LIMBER_ICON_CONTENT_COPY},
                        {"Print", LIMBER_ICON_PRINT}, {"Edit", LIMBER_ICON_EDIT}, {"Delete", LIMBER_ICON_DELETE}}, 10.0f, 2);
  const float half = pair.width();
  const auto beside = [&] { if (pair.shared()) ImGui::SameLine(0, 10.0f); };
  if (big_button(ctx.controls, {.id = start_id.c_str(), .label = "Start", .icon = LIMBER_ICON_PLAY_ARROW, .width = half,
                                .spoken = start_words.c_str()})) {
    act(ctx, "start", r.id);
  }
  beside();
  if (big_button(ctx.controls, {.id = choose_id.c_str(), .label = choose_label,
                                .icon = current == &r ? LIMBER_ICON_CHECK : LIMBER_ICON_TODAY,
                                .kind = ButtonKind::secondary, .width = half, .disabled = current == &r,
                                .spoken = choose_words.c_str()})) {
    act(ctx, "choose_routine", r.id);
  }
  // Copy and Print for every routine; Edit and Delete under them for the person's own.
  if (big_button(ctx.controls, {.id = copy_id.c_str(), .label = "Copy", .icon = LIMBER_ICON_CONTENT_COPY,
                                .kind = ButtonKind::secondary, .width = half, .height = Sizes::touch_target_min,
                                .spoken = copy_words.c_str()})) {
    act(ctx, "copy_routine", r.id);
  }
  beside();
  if (big_button(ctx.controls, {.id = print_id.c_str(), .label = "Print", .icon = LIMBER_ICON_PRINT,
                                .kind = ButtonKind::secondary, .width = half, .height = Sizes::touch_target_min,
                                .spoken = print_words.c_str()})) {
    act(ctx, "print_routine", r.id);
  }
  if (own) {
    if (big_button(ctx.controls, {.id = edit_id.c_str(), .label = "Edit", .icon = LIMBER_ICON_EDIT,
                                  .kind = ButtonKind::secondary, .width = half, .height = Sizes::touch_target_min,
                                  .spoken = edit_words.c_str()})) {
      act(ctx, "edit_routine", r.id);
    }
    beside();
    if (big_button(ctx.controls, {.id = delete_id.c_str(), .label = "Delete", .icon = LIMBER_ICON_DELETE,
                                  .kind = ButtonKind::secondary, .width = half, .height = Sizes::touch_target_min,
                                  .spoken = delete_words.c_str()})) {
      act(ctx, "delete_routine", r.id);
    }
  }
  ImGui::PopID();
  end_card();
}

}  // namespace

void draw_routines_screen(ScreenContext& ctx) {
  const Theme& theme = current_theme();
  begin_page("Routines");
  page_title(ctx, "Routines", false);
  paragraph(FontRole::body, theme.text_muted,
            "Routines from the NHS, the British Heart Foundation and physiotherapists, and any you make yourself.");
  if (big_button(ctx.controls, {.id = "new-routine", .label = "Make your own routine", .icon = LIMBER_ICON_ADD,
                                .kind = ButtonKind::secondary})) {
    act(ctx, "new_routine");
  }
  paragraph(FontRole::small, theme.text_muted,
            "Clinicians: make a routine here, then send it to a patient as a link from the editor.");
  if (!ctx.app.data().routines.empty()) {
    heading("Your routines");
    for (const catalogue::Routine& r : ctx.app.data().routines) routine_card(ctx, r, true);
  }
  heading("Recommended routines");
  for (const catalogue::Routine& r : ctx.app.catalogue().routines) routine_card(ctx, r, false);
  end_page();
}

}  // namespace limber::ui
