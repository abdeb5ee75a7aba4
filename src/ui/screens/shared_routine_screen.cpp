// A routine from a link: what the clinician sent (name, how often, the note, each exercise and
// exactly how much), then add it or not; or, for a newer version of a routine the person has,
// what the update changes, then update it or not. Nothing is stored until the person says so.
#include <string>

#include "catalogue/calendar_day.h"
#include "catalogue/prescription.h"
#include "catalogue/summary.h"
#include "icons.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"

namespace limber::ui {

void draw_shared_routine_screen(ScreenContext& ctx) {
  const Theme& theme = current_theme();
  begin_page("Shared routine");
  const links::SharedRoutine* in = ctx.app.incoming();
  const catalogue::Routine* updates = ctx.app.incoming_updates();
  page_title(ctx, updates ? "An update to your routine" : "A routine for you", true);
  if (!in) {
    paragraph(FontRole::body, theme.text_muted, "There is no routine to add.");
    end_page();
    return;
  }
  const catalogue::Routine& r = in->routine;
  begin_card();
  paragraph(FontRole::heading, theme.text, r.name);
  std::string facts = ctx.app.routine_facts(r) + " " + catalogue::frequency_sentence(r) + ".";
  if (const auto review = catalogue::parse_optional_day(r.review_on)) {
    facts += " Until your review on " + catalogue::day_words(*review) + ".";
  }
  paragraph(FontRole::small, theme.text_muted, facts);
  if (r.note) icon_paragraph(LIMBER_ICON_EDIT, r.note->c_str(), "From your clinician");
  if (r.clinic) {
    const std::string clinic = r.clinic->name + (r.clinic->phone ? ", " + *r.clinic->phone : std::string());
    icon_paragraph(LIMBER_ICON_LOCAL_HOSPITAL, clinic.c_str());
  }
  end_card();
  if (updates) {
    heading("What changes");
    if (ctx.app.incoming_changes().empty()) paragraph(FontRole::body, theme.text, "Nothing you would notice: the same routine, sent again.");
    begin_list();
    for (const std::string& change : ctx.app.incoming_changes()) list_item(change);
    end_list();
    paragraph(FontRole::small, theme.text_muted, "Your history stays with the routine.");
    heading("The routine, updated");
  }
  const auto side = ctx.app.side_that_hurts(r);
  for (std::size_t i = 0; i < r.items.size(); ++i) {
    const catalogue::Exercise* e = ctx.app.catalogue().find_exercise(r.items[i].exercise);
    if (!e) continue;
    const std::string line = std::to_string(i + 1) + ". " + e->name;
    std::string how = catalogue::describe_prescribed(*e, r.items[i], side);
    if (r.items[i].note) how += ". " + *r.items[i].note;
    icon_paragraph(LIMBER_ICON_SELF_IMPROVEMENT, line.c_str(), how.c_str());
  }
  gap();
  paragraph(FontRole::small, theme.text_muted,
            "These are the amounts your clinician set. Links are checked: a changed or incomplete link is refused.");
  if (big_button(ctx.controls, {.id = "accept-link", .label = updates ? "Update my routine" : "Add to my routines",
                                .icon = updates ? LIMBER_ICON_CHECK : LIMBER_ICON_ADD})) {
    act(ctx, "accept_link");
  }
  if (big_button(ctx.controls, {.id = "decline-link", .label = "Not now", .kind = ButtonKind::secondary})) {
    act(ctx, "decline_link");
  }
  end_page();
}

}  // namespace limber::ui
