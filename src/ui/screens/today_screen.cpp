// Today: the routine to do now and one large way into it; on a first visit, the safety
// note first; an interrupted session to carry on; this week at a glance.
#include <cstdio>

#include "catalogue/calendar_day.h"
#include "catalogue/dosage.h"
#include "catalogue/prescription.h"
#include "catalogue/summary.h"
#include "icons.h"
#include "progress/adherence.h"
#include "progress/progress_summary.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"

namespace limber::ui {

namespace {

// The plainest item of a topic: the one named, else the topic's first.
const catalogue::SafetyItem* safety_item(const catalogue::Catalogue& c, catalogue::SafetyTopic topic, std::string_view id) {
  const catalogue::SafetyItem* first = nullptr;
  for (const catalogue::SafetyItem& item : c.safety.items) {
    if (item.id == id) return &item;
    if (item.topic == topic && !first) first = &item;
  }
  return first;
}

std::string source_names(const catalogue::Catalogue& c, const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) {
    const catalogue::Source* s = c.find_source(id);
    const std::string name = s ? s->organisation : id;
    if (out.find(name) != std::string::npos) continue;
    out += (out.empty() ? "" : ", ") + name;
  }
  return out;
}

void first_visit_note(ScreenContext& ctx) {
  const Theme& theme = current_theme();
  const catalogue::Catalogue& c = ctx.app.catalogue();
  begin_card();
  paragraph(FontRole::heading, theme.text, "Before your first session");
  using T = catalogue::SafetyTopic;
  for (const auto& [topic, id] : {std::pair{T::pain_rule, "pain_never_above_five"}, std::pair{T::stop_exercise, "stop_above_five"},
                                  std::pair{T::see_gp, "gp_no_improvement"}}) {
    if (const catalogue::SafetyItem* item = safety_item(c, topic, id)) {
      const std::string from = source_names(c, item->sources);
      icon_paragraph(topic == catalogue::SafetyTopic::pain_rule ? LIMBER_ICON_HEALING : LIMBER_ICON_LOCAL_HOSPITAL,
                     item->text.c_str(), from.c_str());
    }
  }
  ButtonRow row({{"Read more", LIMBER_ICON_INFO}, {"I understand", LIMBER_ICON_CHECK}});
  if (big_button(ctx.controls, {.id = "safety-more", .label = "Read more", .icon = LIMBER_ICON_INFO,
                                .kind = ButtonKind::secondary, .width = row.width()})) {
    act(ctx, "navigate", app::screen_id(app::Screen::safety));
  }
  row.next();
  if (big_button(ctx.controls, {.id = "safety-ok", .label = "I understand", .icon = LIMBER_ICON_CHECK, .width = row.width()})) {
    act(ctx, "acknowledge_safety");
  }
  end_card();
}

void interrupted_card(ScreenContext& ctx, const storage::InProgress& ip) {
  const Theme& theme = current_theme();
  const catalogue::Routine* routine = ctx.app.find_routine(ip.record.routine);
  begin_card();
  paragraph(FontRole::heading, theme.text, "You have an unfinished session");
  char line[256];
  std::snprintf(line, sizeof line, "%s, started %s. %d of %d exercises done.",
                ctx.app.routine_name(ip.record.routine).c_str(),
                format_when(ip.record.started_at_ms, ctx.app.utc_offset_minutes()).c_str(), ip.next_exercise,
                routine ? static_cast<int>(routine->items.size()) : ip.next_exercise);
  paragraph(FontRole::body, theme.text_muted, line);
  ButtonRow row({{"Carry on", LIMBER_ICON_PLAY_ARROW}, {"Keep what I did"}});
  if (big_button(ctx.controls, {.id = "resume", .label = "Carry on", .icon = LIMBER_ICON_PLAY_ARROW, .width = row.width()})) {
    act(ctx, "resume_interrupted");
  }
  row.next();
  if (big_button(ctx.controls, {.id = "record-interrupted", .label = "Keep what I did", .kind = ButtonKind::secondary,
                                .width = row.width()})) {
    act(ctx, "record_interrupted");
  }
  end_card();
}

// An exercise's amount today: an own routine's exactly as prescribed (its build-up where it
// stands), a built-in routine's as its source gives it.
std::string amount_today(ScreenContext& ctx, const catalogue::Routine& r, const catalogue::Exercise& e,
                         const catalogue::RoutineItem& item) {
  if (ctx.app.catalogue().find_routine(r.id)) return catalogue::describe(catalogue::resolve(e, item, ctx.app.settings().hold_preference));
  return catalogue::describe_on(e, item, ctx.app.days_into(r), ctx.app.side_that_hurts(r));
}

// Inside a clinic's page: the clinic's routine, what it holds, the pain rule, and Start.
void draw_widget_home(ScreenContext& ctx) {
  const Theme& theme = current_theme();
  const catalogue::Catalogue& c = ctx.app.catalogue();
  begin_page("Widget");
  const catalogue::Routine* routine = ctx.app.find_routine(ctx.app.embed().routine);
  draw_notice_only(ctx);
  if (!routine) {
    paragraph(FontRole::body, theme.text_muted, "This routine is not available.");
    end_page();
    return;
  }
  title_line(FontRole::heading, theme.text, routine->name);  // the widget's one screen: its title
  const std::string facts = ctx.app.routine_facts(*routine) + " " + catalogue::frequency_sentence(*routine) + ".";
  paragraph(FontRole::small, theme.text_muted, facts);
  if (routine->note) icon_paragraph(LIMBER_ICON_EDIT, routine->note->c_str(), "From your clinician");
  // Each exercise as the patient will do it: exactly as prescribed, or the source's amount.
  for (std::size_t i = 0; i < routine->items.size(); ++i) {
    const catalogue::Exercise* e = c.find_exercise(routine->items[i].exercise);
    const std::string name = std::to_string(i + 1) + ". " + (e ? e->name : routine->items[i].exercise);
    std::string how = e ? amount_today(ctx, *routine, *e, routine->items[i]) : std::string();
    if (routine->items[i].note) how += ". " + *routine->items[i].note;
    icon_paragraph(LIMBER_ICON_SELF_IMPROVEMENT, name.c_str(), how.c_str());
  }
  if (const catalogue::SafetyItem* rule = safety_item(c, catalogue::SafetyTopic::pain_rule, "pain_never_above_five")) {
    const std::string from = source_names(c, rule->sources);
    icon_paragraph(LIMBER_ICON_HEALING, rule->text.c_str(), from.c_str());
  }
  if (big_button(ctx.controls, {.id = "start", .label = "Start", .icon = LIMBER_ICON_PLAY_ARROW})) {
    act(ctx, "start", routine->id);
  }
  paragraph(FontRole::small, theme.text_muted, "Limber: nothing you record leaves this device.");
  end_page();
}

}  // namespace

void draw_today_screen(ScreenContext& ctx) {
  if (ctx.app.embedded()) {
    draw_widget_home(ctx);
    return;
  }
  const Theme& theme = current_theme();
  begin_page("Today");
  ImGui::PushFont(font(FontRole::heading));
  ImGui::PushStyleColor(ImGuiCol_Text, theme.primary);
  ImGui::TextUnformatted(LIMBER_ICON_SELF_IMPROVEMENT " Limber");
  ImGui::PopStyleColor();
  ImGui::PopFont();
  page_title(ctx, "Today", false);

  if (!ctx.app.settings().safety_acknowledged) first_visit_note(ctx);
  if (const storage::InProgress* ip = ctx.app.interrupted()) interrupted_card(ctx, *ip);

  if (const catalogue::Routine* routine = ctx.app.current_routine()) {
    begin_card();
    paragraph(FontRole::small, theme.text_muted, "Your routine");
    paragraph(FontRole::heading, theme.text, routine->name);
    const std::string facts = ctx.app.routine_facts(*routine) + " " + catalogue::frequency_sentence(*routine) + ".";
    paragraph(FontRole::body, theme.text_muted, facts);
    // How far along today (progress/adherence.h), what goes up, and what the clinician said.
    const std::string done = progress::today_line(ctx.app.data().history, *routine, ctx.app.today(), ctx.app.utc_offset_minutes());
    if (!done.empty()) icon_paragraph(LIMBER_ICON_TODAY, (done + ".").c_str());
    for (const std::string& up : ctx.app.amounts_up_today(*routine)) icon_paragraph(LIMBER_ICON_SHOW_CHART, ("Today: " + up).c_str());
    if (const auto review = catalogue::parse_optional_day(routine->review_on)) {
      const std::string words = *review >= ctx.app.today() ? "Review with your clinician on " + catalogue::day_words(*review) + "."
                                                           : "Your review date, " + catalogue::day_words(*review) + ", has passed.";
      icon_paragraph(LIMBER_ICON_EVENT, words.c_str());
    }
    if (routine->note) icon_paragraph(LIMBER_ICON_EDIT, routine->note->c_str(), "From your clinician");
    gap(4);
    if (big_button(ctx.controls, {.id = "start", .label = "Start", .icon = LIMBER_ICON_PLAY_ARROW})) {
      act(ctx, "start", routine->id);
    }
    if (big_button(ctx.controls, {.id = "choose-routine", .label = "Choose another routine", .kind = ButtonKind::secondary})) {
      act(ctx, "navigate", app::screen_id(app::Screen::routines));
    }
    end_card();
  }

  const progress::ProgressSummary summary = ctx.app.progress_summary();
  begin_card();
  paragraph(FontRole::heading, theme.text, "This week");
  char line[160];
  std::snprintf(line, sizeof line, "%d session%s this week. %s", summary.sessions_this_week,
                summary.sessions_this_week == 1 ? "" : "s",
                summary.streak_days > 1 ? (std::to_string(summary.streak_days) + " days in a row.").c_str()
                                        : (summary.streak_days == 1 ? "1 day in a row." : ""));
  icon_paragraph(LIMBER_ICON_EVENT, line);
  if (summary.last_pain_before || summary.last_pain_after) {
    std::string pain = "Last session's pain:";
    if (summary.last_pain_before) pain += " " + std::to_string(*summary.last_pain_before) + " before";
    if (summary.last_pain_after) pain += std::string(summary.last_pain_before ? "," : "") + " " + std::to_string(*summary.last_pain_after) + " after";
    icon_paragraph(LIMBER_ICON_SHOW_CHART, (pain + " (out of 10).").c_str());
  } else {
    icon_paragraph(LIMBER_ICON_SHOW_CHART, "Your pain scores will show here after your first session.");
  }
  if (summary.guidance == progress::Guidance::not_easing_see_gp || summary.guidance == progress::Guidance::worse_see_gp) {
    const ImVec4 caution = theme.caution;
    icon_paragraph(LIMBER_ICON_LOCAL_HOSPITAL, "Your pain is not easing. The NHS advises seeing a GP: see Progress.", nullptr, &caution);
  }
  end_card();
  end_page();
}

}  // namespace limber::ui
