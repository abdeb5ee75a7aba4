// The routine editor's second half: the clinician's note and clinic, then the ways to hand the
// routine over, all carrying the same link: copied, as a QR code to scan, on a printed sheet,
// in a calendar file and in a clinic website's widget. Index: shared parts, note and clinic,
// handing over.
#include <string>

#include "catalogue/calendar_day.h"
#include "catalogue/schedule.h"
#include "icons.h"
#include "text/cat.h"
#include "ui/screens/routine_editor_parts.h"
#include "ui/theme.h"

namespace limber::ui::editor {

namespace {

// The last QR code made, and for what address: made again only when the link changes.
struct {
  std::string address;
  links::QrResult qr;
} g_qr;

}  // namespace

// ---- Shared parts -----------------------------------------------------------------------

void chip_row(ScreenContext& ctx, const char* group, const char* id_stem, const char* command, std::span<const ChipChoice> choices,
              int selected, std::string_view item) {
  paragraph(FontRole::small, current_theme().text_muted, group);  // the group's name, seen as well as heard
  ctx.controls.begin_group(app::NodeRole::group, group);
  Flow flow;
  const std::string suffix = item.empty() ? std::string() : text::cat({"-", item});
  for (std::size_t i = 0; i < choices.size(); ++i) {
    const ChipChoice& c = choices[i];
    const bool on = static_cast<int>(i) == selected;
    const std::string id = text::cat({id_stem, "-", std::to_string(i), suffix});
    flow.next(chip_width(c.label, on));
    if (chip(ctx.controls, {.id = id.c_str(), .label = c.label, .selected = on}) && !on) {
      act(ctx, command, item.empty() ? std::string(c.value) : text::cat({item, "=", c.value}));
    }
  }
  ctx.controls.end_group();
}

void problem_line(const std::string& problem) {
  if (problem.empty()) return;
  const ImVec4 caution = current_theme().caution;
  icon_paragraph(LIMBER_ICON_WARNING, problem.c_str(), nullptr, &caution);
}

void text_entry(ScreenContext& ctx, const app::TextTarget& target, const char* label, const char* placeholder, float height,
                bool show_count) {
  const std::string value = ctx.app.draft().text(target);
  text_field(ctx.controls, {.target = target, .label = label, .value = value.c_str(), .placeholder = placeholder,
                            .height = height, .covered = ctx.app.confirm() != app::Confirm::none});
  const std::string& problem = ctx.app.draft().text_problem(target);
  problem_line(problem);
  if (show_count && problem.empty()) {
    const std::size_t most = app::text_field_spec(target.field).max_chars, used = ctx.app.draft().text_chars(target);
    const std::size_t left = used > most ? 0 : most - used;
    paragraph(FontRole::small, current_theme().text_muted,
              std::to_string(left) + (left == 1 ? " character left" : " characters left") + " of " + std::to_string(most) + ".");
  }
}

// ---- Note and clinic -------------------------------------------------------------------

void note_and_clinic(ScreenContext& ctx, const catalogue::Routine& draft) {
  const Theme& theme = current_theme();
  heading("Note for the patient");
  paragraph(FontRole::small, theme.text_muted,
            "Shown on their Today screen, on the printed sheet, in the website's widget and in their report.");
  text_entry(ctx, {.field = app::TextField::link_note}, "Note for the patient", "For example: stop and call us if the pain spreads down your leg",
             110.0f, true);
  heading("Clinic");
  paragraph(FontRole::small, theme.text_muted, "Optional: printed on the sheet and the report, so the patient knows who to call.");
  text_entry(ctx, {.field = app::TextField::clinic_name}, "Clinic's name", "Clinic's name", 0.0f, false);
  text_entry(ctx, {.field = app::TextField::clinic_phone}, "Clinic's phone number", "Phone number", 0.0f, false);
  (void)draft;
}

// ---- Handing over -----------------------------------------------------------------------

namespace {

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

// Reminders in the person's own calendar app, at the routine's times: nothing to type.
void reminder_section(ScreenContext& ctx) {
  heading("Add reminders to a calendar");
  const catalogue::Routine& r = *ctx.app.draft().routine();
  const std::optional<catalogue::Schedule> s = catalogue::schedule_of(r);
  std::string when = s ? "Reminders " + catalogue::clock_times(catalogue::reminder_times(*s)) + ", " +
                             (s->days_a_week >= 7 ? std::string("every day") : std::to_string(s->days_a_week) + " days a week")
                       : std::string("A daily reminder at 18:00, to do it when needed");
  if (const auto review = catalogue::parse_optional_day(r.review_on)) {
    when += ", until the review on " + catalogue::day_words(*review);
  }
  paragraph(FontRole::small, current_theme().text_muted,
            when + ". Saves a file that any calendar app opens, with the routine's link in each reminder.");
  if (big_button(ctx.controls, {.id = "add-to-calendar", .label = "Add to calendar", .icon = LIMBER_ICON_EVENT,
                                .kind = ButtonKind::secondary})) {
    act(ctx, "add_to_calendar");
  }
}

// On paper: the sheet with the pictures, the note and the code, or a PDF from the print dialog.
void print_section(ScreenContext& ctx) {
  heading("Print a sheet");
  paragraph(FontRole::small, current_theme().text_muted,
            "A sheet to hand over: each exercise with pictures, steps and its amount, your note, the safety advice "
            "and the QR code. Print it, or save it as a PDF from the print dialog.");
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

}  // namespace

void handover(ScreenContext& ctx) {
  const Theme& theme = current_theme();
  heading("Send it as a link");
  paragraph(FontRole::small, theme.text_muted,
            "Copy a link to send. The routine travels inside the link itself, with your note; no server ever sees "
            "it. Send a new link after a change, and the patient's Limber offers to update their routine.");
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

}  // namespace limber::ui::editor
