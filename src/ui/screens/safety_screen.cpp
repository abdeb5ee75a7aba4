// Safety and about: the pain rule, what to expect, when to see a GP, urgent warning signs,
// every source with what we take from it, and the privacy promise. The words come from
// the catalogue's safety guidance, each with the organisation that gave it.
#include <string>

#include "icons.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"

namespace limber::ui {

namespace {

std::string organisations(const catalogue::Catalogue& c, const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) {
    const catalogue::Source* s = c.find_source(id);
    const std::string name = s ? s->organisation : id;
    if (out.find(name) == std::string::npos) out += (out.empty() ? "" : ", ") + name;
  }
  return out;
}

void topic(ScreenContext& ctx, catalogue::SafetyTopic t, const char* icon, bool caution) {
  const catalogue::Catalogue& c = ctx.app.catalogue();
  const ImVec4 colour = caution ? current_theme().caution : current_theme().primary;
  for (const catalogue::SafetyItem& item : c.safety.items) {
    if (item.topic != t) continue;
    const std::string from = organisations(c, item.sources);
    icon_paragraph(icon, item.text.c_str(), from.c_str(), &colour);
  }
}

}  // namespace

void draw_safety_screen(ScreenContext& ctx) {
  const Theme& theme = current_theme();
  begin_page("Safety and about");
  page_title(ctx, "Safety and about", true);

  heading("While you exercise");
  topic(ctx, catalogue::SafetyTopic::pain_rule, LIMBER_ICON_HEALING, false);
  topic(ctx, catalogue::SafetyTopic::stop_exercise, LIMBER_ICON_PAUSE, false);
  heading("What to expect");
  topic(ctx, catalogue::SafetyTopic::what_to_expect, LIMBER_ICON_CHECK_CIRCLE, false);
  heading("When to see a GP");
  topic(ctx, catalogue::SafetyTopic::see_gp, LIMBER_ICON_LOCAL_HOSPITAL, false);

  gap(6);
  begin_card();
  paragraph(FontRole::heading, theme.caution, LIMBER_ICON_WARNING " Get help now");
  topic(ctx, catalogue::SafetyTopic::red_flag_emergency, LIMBER_ICON_ERROR_OUTLINE, true);
  end_card();
  begin_card();
  paragraph(FontRole::heading, theme.caution, "Get an urgent GP appointment or call NHS 111");
  topic(ctx, catalogue::SafetyTopic::red_flag_urgent, LIMBER_ICON_ERROR_OUTLINE, true);
  end_card();

  heading("Your privacy");
  icon_paragraph(LIMBER_ICON_LOCK,
                 "Limber has no account and no server. Your sessions, pain scores, routines and settings are kept "
                 "in this browser on this device, and nothing you record is ever sent anywhere. A backup file is "
                 "saved only where you choose.");

  heading("Where the exercises come from");
  paragraph(FontRole::body, theme.text_muted,
            "Every exercise, amount, tip and warning is taken from these sources and written in our own words.");
  for (const catalogue::Source& s : ctx.app.catalogue().sources) {
    if (s.id == "limber") continue;
    icon_paragraph(LIMBER_ICON_MENU_BOOK, (s.organisation + ": " + s.title).c_str(), s.summary.c_str());
  }
  gap();
  paragraph(FontRole::small, theme.text_muted,
            "Limber " LIMBER_VERSION ". It does not replace advice from a doctor or physiotherapist.");
  if (big_button(ctx.controls, {.id = "open-gallery", .label = "See every exercise's positions", .kind = ButtonKind::secondary})) {
    act(ctx, "navigate", app::screen_id(app::Screen::gallery));
  }
  end_page();
}

}  // namespace limber::ui
