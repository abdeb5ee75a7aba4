// A routine from a link: what the clinician sent (name, note, each exercise and how much),
// then add it or not. Nothing is stored until the person says so.
#include <string>

#include "catalogue/dosage.h"
#include "catalogue/summary.h"
#include "icons.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"

namespace limber::ui {

void draw_shared_routine_screen(ScreenContext& ctx) {
  const Theme& theme = current_theme();
  begin_page("Shared routine");
  const links::SharedRoutine* in = ctx.app.incoming();
  page_title(ctx, "A routine for you", true);
  if (!in) {
    paragraph(FontRole::body, theme.text_muted, "There is no routine to add.");
    end_page();
    return;
  }
  const catalogue::Routine& r = in->routine;
  begin_card();
  paragraph(FontRole::heading, theme.text, r.name);
  const std::string facts = std::to_string(r.items.size()) + " exercises, about " +
                            catalogue::format_duration(ctx.app.routine_seconds(r)) + ". " + catalogue::frequency_sentence(r);
  paragraph(FontRole::small, theme.text_muted, facts);
  if (!in->note.empty()) icon_paragraph(LIMBER_ICON_EDIT, in->note.c_str(), "The note that came with it");
  end_card();
  for (std::size_t i = 0; i < r.items.size(); ++i) {
    const catalogue::Exercise* e = ctx.app.catalogue().find_exercise(r.items[i].exercise);
    if (!e) continue;
    const std::string line = std::to_string(i + 1) + ". " + e->name;
    const std::string how = catalogue::describe(catalogue::resolve(*e, r.items[i]));
    icon_paragraph(LIMBER_ICON_SELF_IMPROVEMENT, line.c_str(), how.c_str());
  }
  gap();
  paragraph(FontRole::small, theme.text_muted,
            "Every amount is within what the exercise's source recommends. Links are checked: a changed or "
            "incomplete link is refused.");
  if (big_button(ctx.controls, {.id = "accept-link", .label = "Add to my routines", .icon = LIMBER_ICON_ADD})) {
    act(ctx, "accept_link");
  }
  if (big_button(ctx.controls, {.id = "decline-link", .label = "Not now", .kind = ButtonKind::secondary})) {
    act(ctx, "decline_link");
  }
  end_page();
}

}  // namespace limber::ui
