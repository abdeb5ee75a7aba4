// Progress: sessions per week, the streak, pain before and after over time, guidance from
// the record (progress/progress_summary.h decides it), and the history itself.
#include <algorithm>
#include <array>
#include <iterator>
#include <cstdio>
#include <string>

#include "icons.h"
#include "print/appointment_report.h"
#include "progress/progress_summary.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"

namespace limber::ui {

namespace {

void stat(ControlLog& report, const char* value, const char* label, float width) {
  const Theme& theme = current_theme();
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);  // large text wraps within its third
  ImGui::PushFont(font(FontRole::title));
  ImGui::TextUnformatted(value);
  ImGui::PopFont();
  ImGui::PushFont(font(FontRole::small));
  ImGui::PushStyleColor(ImGuiCol_Text, theme.text_muted);
  ImGui::TextWrapped("%s", label);
  ImGui::PopStyleColor();
  ImGui::PopFont();
  ImGui::PopTextWrapPos();
  ImGui::Dummy(ImVec2(width, 0));
  ImGui::EndGroup();
  report.add_item(app::NodeRole::text, std::string(value) + " " + label);
}

// A chart's data, as a table in the place the chart (the last item) took.
void report_table(ControlLog& report, app::ScreenNode table) {
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  table.x = min.x;
  table.y = min.y;
  table.width = max.x - min.x;
  table.height = max.y - min.y;
  report.add(std::move(table));
}

// The short date a chart shows under a week or a session: "17 Nov".
std::string short_day(std::int64_t ms, int utc_offset) {
  const std::string when = format_when(ms, utc_offset);
  return when.substr(0, when.find(' ', when.find(' ') + 1));
}

void week_bars(ControlLog& report, const progress::ProgressSummary& s, int utc_offset) {
  const Theme& theme = current_theme();
  const float width = ImGui::CalcItemWidth();
  const float height = 120.0f;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  int most = 1;
  for (const auto& w : s.weeks) most = std::max(most, w.sessions);
  const float slot = width / static_cast<float>(std::max<std::size_t>(1, s.weeks.size()));
  ImGui::PushFont(font(FontRole::small));
  for (std::size_t i = 0; i < s.weeks.size(); ++i) {
    const auto& w = s.weeks[i];
    const float h = (height - 24.0f) * static_cast<float>(w.sessions) / static_cast<float>(most);
    const float x0 = at.x + slot * static_cast<float>(i) + slot * 0.2f;
    const float x1 = at.x + slot * static_cast<float>(i + 1) - slot * 0.2f;
    const float base = at.y + height - 24.0f;
    draw->AddRectFilled(ImVec2(x0, base - std::max(h, 2.0f)), ImVec2(x1, base),
                        ImGui::GetColorU32(i + 1 == s.weeks.size() ? theme.primary : theme.primary_hover), 4.0f);
    char n[8];
    std::snprintf(n, sizeof n, "%d", w.sessions);
    const ImVec2 ns = ImGui::CalcTextSize(n);
    if (w.sessions > 0) draw->AddText(ImVec2((x0 + x1 - ns.x) * 0.5f, base - h - ns.y - 2.0f), ImGui::GetColorU32(theme.text), n);
    // The week's Monday, "17 Nov".
    const std::string day = short_day(w.week_start_ms, utc_offset);
    const ImVec2 ds = ImGui::CalcTextSize(day.c_str());
    if (slot > ds.x + 2.0f || i % 2 == 1) {
      draw->AddText(ImVec2((x0 + x1 - ds.x) * 0.5f, base + 4.0f), ImGui::GetColorU32(theme.text_muted), day.c_str());
    }
  }
  ImGui::PopFont();
  ImGui::Dummy(ImVec2(width, height));
  // The chart's data as a table, for those who cannot see the bars.
  app::ScreenNode table{.role = app::NodeRole::table, .name = "Sessions per week", .columns = 2, .cells = {"Week starting", "Sessions"}};
  for (const auto& w : s.weeks) {
    const std::string when = format_when(w.week_start_ms, utc_offset);
    table.cells.push_back(when.substr(0, when.find(',')));
    table.cells.push_back(std::to_string(w.sessions));
  }
  if (!s.weeks.empty()) report_table(report, std::move(table));
}

void pain_chart(ControlLog& report, const progress::ProgressSummary& s, int utc_offset) {
  const Theme& theme = current_theme();
  const float width = ImGui::CalcItemWidth();
  const float height = 170.0f;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float left = 26.0f;
  const float plot_w = width - left - 8.0f, plot_h = height - 16.0f;
  ImGui::PushFont(font(FontRole::small));
  for (int level : {0, 5, 10}) {
    const float y = at.y + 8.0f + plot_h * (1.0f - static_cast<float>(level) / 10.0f);
    draw->AddLine(ImVec2(at.x + left, y), ImVec2(at.x + left + plot_w, y),
                  ImGui::GetColorU32(level == 5 ? theme.caution : theme.border), level == 5 ? 1.5f : 1.0f);
    char t[4];
    std::snprintf(t, sizeof t, "%d", level);
    draw->AddText(ImVec2(at.x, y - 9.0f), ImGui::GetColorU32(theme.text_muted), t);
  }
  ImGui::PopFont();
  // The most recent 20 sessions with a score, evenly spaced.
  const std::size_t first = s.pain.size() > 20 ? s.pain.size() - 20 : 0;
  const std::size_t n = s.pain.size() - first;
  const auto x_of = [&](std::size_t i) {
    return at.x + left + (n <= 1 ? plot_w * 0.5f : plot_w * static_cast<float>(i) / static_cast<float>(n - 1));
  };
  const auto y_of = [&](int v) { return at.y + 8.0f + plot_h * (1.0f - static_cast<float>(v) / 10.0f); };
  for (const bool before : {true, false}) {
    const ImU32 colour = ImGui::GetColorU32(before ? theme.caution : theme.primary);
    ImVec2 last;
    bool has_last = false;
    for (std::size_t i = 0; i < n; ++i) {
      const auto& p = s.pain[first + i];
      const std::optional<int> v = before ? p.before : p.after;
      if (!v) continue;
      const ImVec2 point(x_of(i), y_of(*v));
      if (has_last) draw->AddLine(last, point, colour, 2.5f);
      if (before) {
        draw->AddCircleFilled(point, 5.0f, colour);
      } else {
        draw->AddRectFilled(ImVec2(point.x - 4.5f, point.y - 4.5f), ImVec2(point.x + 4.5f, point.y + 4.5f), colour);
      }
      last = point;
      has_last = true;
    }
  }
  ImGui::Dummy(ImVec2(width, height));
  app::ScreenNode table{.role = app::NodeRole::table, .name = "Pain before and after, out of 10, the most recent sessions",
                        .columns = 3, .cells = {"Session", "Before", "After"}};
  for (std::size_t i = 0; i < n; ++i) {
    const auto& p = s.pain[first + i];
    table.cells.push_back(format_when(p.at_ms, utc_offset));
    table.cells.push_back(p.before ? std::to_string(*p.before) : "not given");
    table.cells.push_back(p.after ? std::to_string(*p.after) : "not given");
  }
  report_table(report, std::move(table));
  const ImVec4 caution = theme.caution, primary = theme.primary;
  ImGui::PushFont(font(FontRole::small));
  ImGui::TextColored(caution, "● Before");
  ImGui::SameLine(0, 20.0f);
  ImGui::TextColored(primary, "■ After");
  ImGui::SameLine(0, 20.0f);
  ImGui::TextColored(theme.text_muted, "Line at 5: the pain limit while exercising");
  ImGui::PopFont();
}

void guidance(const progress::ProgressSummary& s, const catalogue::Catalogue& c) {
  const Theme& theme = current_theme();
  const ImVec4 caution = theme.caution;
  char weeks[160];
  std::snprintf(weeks, sizeof weeks,
                "The NHS says back pain usually starts to ease within about %d weeks of regular exercise.",
                c.safety.pain_eases_within_weeks);
  switch (s.guidance) {
    case progress::Guidance::none:
      icon_paragraph(LIMBER_ICON_INFO, "Rate your pain before and after each session, and Limber will show how it changes.");
      break;
    case progress::Guidance::too_early:
      icon_paragraph(LIMBER_ICON_INFO, (std::string(weeks) + " Keep going regularly, and Limber will tell you how it is going.").c_str());
      break;
    case progress::Guidance::easing:
      icon_paragraph(LIMBER_ICON_CHECK_CIRCLE, "Your pain before sessions is easing. Keep going, and keep moving gently.");
      break;
    case progress::Guidance::not_easing_see_gp:
      icon_paragraph(LIMBER_ICON_LOCAL_HOSPITAL,
                     (std::string("Your pain has not started to ease after regular sessions. ") + weeks +
                      " The NHS advises seeing a GP if it has not improved; show them your history (Settings, Export history).")
                         .c_str(),
                     nullptr, &caution);
      break;
    case progress::Guidance::worse_see_gp:
      icon_paragraph(LIMBER_ICON_LOCAL_HOSPITAL,
                     "Your pain is getting worse. The NHS advises seeing a GP if exercise makes your back pain worse. "
                     "Until then, do only what feels comfortable.",
                     nullptr, &caution);
      break;
  }
}

}  // namespace

void draw_progress_screen(ScreenContext& ctx) {
  const Theme& theme = current_theme();
  begin_page("Progress");
  page_title(ctx, "Progress", false);
  const progress::ProgressSummary s = ctx.app.progress_summary();
  begin_card();
  guidance(s, ctx.app.catalogue());
  end_card();

  const float quarter = split_width(3, 10.0f);
  const std::string total = std::to_string(s.sessions_total), week = std::to_string(s.sessions_this_week),
                    streak = std::to_string(s.streak_days);
  stat(ctx.controls, week.c_str(), "this week", quarter);
  ImGui::SameLine(0, 10.0f);
  stat(ctx.controls, streak.c_str(), s.streak_days == 1 ? "day in a row" : "days in a row", quarter);
  ImGui::SameLine(0, 10.0f);
  stat(ctx.controls, total.c_str(), s.sessions_total == 1 ? "session in all" : "sessions in all", quarter);

  heading("Sessions per week");
  week_bars(ctx.controls, s, ctx.app.utc_offset_minutes());
  heading("Pain before and after");
  if (s.pain.empty()) {
    paragraph(FontRole::body, theme.text_muted, "No pain scores yet.");
  } else {
    pain_chart(ctx.controls, s, ctx.app.utc_offset_minutes());
  }

  heading("History");
  const auto& sessions = ctx.app.data().history.recent;  // the newest, in full
  if (sessions.empty()) paragraph(FontRole::body, theme.text_muted, "Your sessions will be listed here.");
  int shown = 0;
  for (auto it = sessions.rbegin(); it != sessions.rend() && shown < 30; ++it, ++shown) {
    const session::SessionRecord& r = it->record;
    const int done = session::count_outcomes(r).completed;
    std::string line = format_when(r.started_at_ms, ctx.app.utc_offset_minutes()) + ": " +
                       ctx.app.routine_name(r.routine) + ". " + std::to_string(done) + " of " +
                       std::to_string(r.exercises.size()) + " exercises" + (r.ended_early ? ", ended early" : "");
    if (r.pain_before || r.pain_after) {
      line += ". Pain " + (r.pain_before ? std::to_string(*r.pain_before) : std::string("–")) + " → " +
              (r.pain_after ? std::to_string(*r.pain_after) : std::string("–"));
    }
    icon_paragraph(r.completed ? LIMBER_ICON_CHECK_CIRCLE : LIMBER_ICON_HISTORY, (line + ".").c_str());
  }
  gap();
  if (big_button(ctx.controls, {.id = "export-csv", .label = "Export history for a clinician", .icon = LIMBER_ICON_FILE_DOWNLOAD,
                                .kind = ButtonKind::secondary})) {
    act(ctx, "export", "csv");
  }

  // For the next appointment: a page to print or show, over a period the person picks.
  heading("Report for your next appointment");
  paragraph(FontRole::small, theme.text_muted,
            "One page: sessions each week, pain before and after, each exercise and your routine. Print it, save "
            "it as a PDF, or show it on screen. Nothing is sent.");
  static constexpr std::array<const char*, 4> kPeriods = {"2 weeks", "4 weeks", "8 weeks", "12 weeks"};
  static_assert(std::size(print::kReportWeeks) == kPeriods.size());
  int period = 0;
  for (std::size_t i = 0; i < kPeriods.size(); ++i) {
    if (print::kReportWeeks[i] == ctx.app.report_weeks()) period = static_cast<int>(i);
  }
  if (const auto chosen = segmented(ctx.controls, {.id = "report-weeks", .label = "Report period", .labels = kPeriods,
                                                   .selected = period})) {
    act(ctx, "report_weeks", std::to_string(print::kReportWeeks[static_cast<std::size_t>(*chosen)]));
  }
  if (big_button(ctx.controls, {.id = "print-report", .label = "Print a report", .icon = LIMBER_ICON_PRINT,
                                .kind = ButtonKind::secondary})) {
    act(ctx, "print_report");
  }
  end_page();
}

}  // namespace limber::ui
