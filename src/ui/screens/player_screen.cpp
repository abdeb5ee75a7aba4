// The session player: pain before, then the figure large and central with what to do now,
// a ring for the hold or breath, the counters and what comes next, and the controls; then
// pain after and a summary. The player (app/player.h) decides all of it.
#include <cmath>
#include <cstdio>
#include <string>

#include "animation/scene.h"
#include "icons.h"
#include "ui/figure.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"

namespace limber::ui {

namespace {

const catalogue::SafetyItem* pain_rule(const catalogue::Catalogue& c) {
  for (const catalogue::SafetyItem& item : c.safety.items) {
    if (item.topic == catalogue::SafetyTopic::pain_rule) return &item;
  }
  return nullptr;
}

void pain_question(ScreenContext& ctx, bool before) {
  const Theme& theme = current_theme();
  paragraph(FontRole::small, theme.text_muted, ctx.app.player().routine_name());
  const app::PainQuestionWords words = app::pain_question_words(before);
  const std::string question(words.question), scale(words.scale), skip(words.skip);
  paragraph(FontRole::title, theme.text, question.c_str());
  paragraph(FontRole::body, theme.text_muted, scale.c_str());
  gap(6);
  if (const auto score = pain_scale(ctx.controls, before ? "pain-before" : "pain-after", question.c_str())) {
    act(ctx, "pain", std::to_string(*score));
  }
  // The anchors' words are in each score's name already: drawn, not reported twice.
  ImGui::PushFont(font(FontRole::small));
  ImGui::PushStyleColor(ImGuiCol_Text, theme.text_muted);
  // The two ends on one line when they fit beside each other, else the far end on its own line
  // (still at the right, under the 10): never drawn over each other.
  const char* low = "0  No pain";
  const char* high = "Worst imaginable  10";
  const float column = ImGui::CalcItemWidth();
  const float x0 = ImGui::GetCursorPosX();
  ImGui::TextUnformatted(low);
  if (ImGui::CalcTextSize(low).x + 16.0f + ImGui::CalcTextSize(high).x <= column) ImGui::SameLine();
  ImGui::SetCursorPosX(x0 + std::max(0.0f, column - ImGui::CalcTextSize(high).x));
  ImGui::TextUnformatted(high);
  ImGui::PopStyleColor();
  ImGui::PopFont();
  gap();
  ButtonRow row({{skip.c_str()}, {"Not now"}});
  if (big_button(ctx.controls, {.id = "pain-skip", .label = skip.c_str(), .kind = ButtonKind::secondary,
                                .width = before ? row.width() : 0.0f})) {
    act(ctx, "pain", "skip");
  }
  if (before) {
    row.next();
    if (big_button(ctx.controls, {.id = "pain-cancel", .label = "Not now", .kind = ButtonKind::secondary, .width = row.width()})) {
      act(ctx, "close_session");
    }
  }
  gap();
  if (const catalogue::SafetyItem* rule = pain_rule(ctx.app.catalogue())) {
    icon_paragraph(LIMBER_ICON_HEALING, rule->text.c_str());
  }
}

// The height of the session screen below its figure, the frame before: what the figure leaves room for.
float below_figure = 0;

void timer_ring(const session::Snapshot& s, float diameter, bool paused) {
  const Theme& theme = current_theme();
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const ImVec2 centre(at.x + diameter * 0.5f, at.y + diameter * 0.5f);
  const float radius = diameter * 0.5f - 6.0f;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  if (s.breaths > 0) {
    // Each breath shown, not only said: a disc inside the ring fills as the lungs do.
    const float lungs = static_cast<float>(s.lungs);
    draw->AddCircleFilled(centre, radius * (0.42f + 0.46f * lungs), ImGui::GetColorU32(theme.secondary_active), 48);
  }
  draw->AddCircle(centre, radius, ImGui::GetColorU32(theme.secondary_active), 48, 9.0f);
  const double fraction = s.phase_duration > 0 ? std::clamp(s.phase_elapsed / s.phase_duration, 0.0, 1.0) : 0.0;
  if (fraction > 0.001) {
    constexpr float kTop = -1.5707964f;
    draw->PathArcTo(centre, radius, kTop, kTop + static_cast<float>(fraction) * 6.2831855f, 48);
    draw->PathStroke(ImGui::GetColorU32(paused ? theme.text_muted : theme.primary), 0, 9.0f);
  }
  char text[16];
  std::snprintf(text, sizeof text, "%d", static_cast<int>(std::ceil(std::max(0.0, s.phase_remaining))));
  ImGui::PushFont(font(FontRole::title));
  const ImVec2 ts = ImGui::CalcTextSize(text);
  draw->AddText(ImVec2(centre.x - ts.x * 0.5f, centre.y - ts.y * 0.55f), ImGui::GetColorU32(theme.text), text);
  ImGui::PopFont();
  ImGui::Dummy(ImVec2(diameter, diameter));
}

// What the figure shows now, for those who cannot see it: "Knee rolls, hold, left side".
std::string figure_words(const session::Snapshot& s, bool paused) {
  std::string out = s.exercise_name;
  if (!s.text.empty()) {
    std::string doing = s.text;
    if (doing[0] >= 'A' && doing[0] <= 'Z') doing[0] = static_cast<char>(doing[0] - 'A' + 'a');
    out += ", " + doing;
  }
  if (s.side == session::Side::left) out += ", left side";
  if (s.side == session::Side::right) out += ", right side";
  if (paused) out += ", paused";
  return out;
}

std::string counters(const session::Snapshot& s) {
  std::string out;
  const auto line = [&](const std::string& text) { out += (out.empty() ? "" : "\n") + text; };
  if (s.reps > 0) line("Rep " + std::to_string(std::max(1, s.rep)) + " of " + std::to_string(s.reps));
  if (s.side == session::Side::left) line("Left side");
  if (s.side == session::Side::right) line("Right side");
  if (s.sets > 1) line("Set " + std::to_string(std::max(1, s.set)) + " of " + std::to_string(s.sets));
  if (s.breaths > 0) line("Breath " + std::to_string(std::max(1, s.breath)) + " of " + std::to_string(s.breaths));
  return out;
}

void running(ScreenContext& ctx) {
  const Theme& theme = current_theme();
  const app::Player& player = ctx.app.player();
  const session::Snapshot& s = player.engine().snapshot();
  const bool paused = s.status == session::Status::paused;
  const int exercise = player.next_exercise() - player.finished_exercises() + s.exercise + 1;
  char where[200];
  std::snprintf(where, sizeof where, "Exercise %d of %d: %s", std::min(exercise, player.routine_exercises()),
                player.routine_exercises(), s.exercise_name.c_str());
  title_line(FontRole::small, theme.text_muted, where);

  // The figure takes the room the screen has once everything below it is in view (as tall
  // as it was the frame before), up to its own shape across the whole width.
  const float width = ImGui::CalcItemWidth();
  const animation::CompiledClip* shown = player.animator().clip();
  const float natural = shown ? width / animation::view_aspect(*shown) : width * 0.5f;
  const float room = ImGui::GetContentRegionAvail().y - below_figure;
  const ImVec2 size(width, std::clamp(std::min(natural, room), 120.0f, std::max(120.0f, width * 1.1f)));
  const float figure_top = ImGui::GetCursorPosY();
  if (const animation::CompiledClip* clip = shown) {
    figure_box({.clip = clip, .pose = &player.animator().world(), .size = size, .cue = player.figure_cue()});
    ctx.controls.add_item(app::NodeRole::image, figure_words(s, paused));
    ctx.figures_drawn += 1;
  } else {
    ImGui::Dummy(size);
  }
  const float figure_bottom = figure_top + size.y;

  paragraph(FontRole::heading, theme.text, paused ? std::string("Paused") : s.text);
  const float ring = 104.0f;
  timer_ring(s, ring, paused);
  ImGui::SameLine(0, 20.0f);
  ImGui::BeginGroup();
  paragraph(FontRole::body, theme.text, counters(s));
  if (!s.next_text.empty()) paragraph(FontRole::small, theme.text_muted, s.next_text);
  ImGui::EndGroup();
  if (!s.detail.empty()) paragraph(FontRole::small, theme.text_muted, s.detail);
  // The clinician's note on this exercise, where the person is doing it.
  const catalogue::Routine* routine = ctx.app.find_routine(player.routine_id());
  const auto item = static_cast<std::size_t>(std::max(0, exercise - 1));
  if (routine && item < routine->items.size() && routine->items[item].note) {
    paragraph(FontRole::small, theme.text, "From your clinician: " + *routine->items[item].note);
  }
  const std::optional<int> pain_before = player.engine().record().pain_before;
  if (pain_before && player.pain_above_rule(*pain_before)) {
    // The sources' pain rule, said where it matters: before moving, not only afterwards.
    const ImVec4 caution = theme.caution;
    icon_paragraph(LIMBER_ICON_WARNING,
                   "Your pain is above 5 out of 10 today. Go gently: move less far, do fewer, and stop if it gets worse.",
                   "NHS", &caution);
  }
  gap(6);

  ctx.animating = !paused;
  below_figure = ImGui::GetCursorPosY() - figure_bottom;
}

// The session's controls: a bar along the bottom of the screen, the same in every phase (get
// ready, move, hold, rest), so they never move under a finger and never scroll out of reach;
// the figure above gives way first. Its height the frame before is what the page leaves it.
float controls_bar_height = 0;

void session_controls(ScreenContext& ctx) {
  const Theme& theme = current_theme();
  const bool paused = ctx.app.player().engine().snapshot().status == session::Status::paused;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x, viewport->WorkPos.y + viewport->WorkSize.y), ImGuiCond_Always, ImVec2(0, 1));
  ImGui::SetNextWindowSize(ImVec2(viewport->WorkSize.x, 0));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, theme.surface);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(Sizes::page_padding, 10.0f));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
  ImGui::Begin("Session controls", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                                ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoScrollWithMouse);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 top = ImGui::GetWindowPos();
  draw->AddLine(top, ImVec2(top.x + viewport->WorkSize.x, top.y), ImGui::GetColorU32(theme.border), 1.0f);
  // The page's column, centred as the page above is.
  const float avail = viewport->WorkSize.x - 2 * Sizes::page_padding;
  const float column = std::min(avail, Sizes::column_max_width);
  if (avail > column) ImGui::Indent((avail - column) * 0.5f);
  ImGui::PushItemWidth(column);
  // The media keys stay three across: where their words do not fit beside each other (the
  // largest text on a phone) they show their icons alone, named in full for screen readers.
  const float third = split_width(3, 8.0f);
  const bool words = button_need("Resume", LIMBER_ICON_PLAY_ARROW) <= third;  // the widest of the three
  const char* pause_words = paused ? "Resume" : "Pause";
  if (big_button(ctx.controls, {.id = "previous", .label = words ? "Back" : "", .icon = LIMBER_ICON_SKIP_PREVIOUS,
                                .kind = ButtonKind::secondary, .width = third, .spoken = "Previous exercise"})) {
    act(ctx, "previous");
  }
  ImGui::SameLine(0, 8.0f);
  if (big_button(ctx.controls, {.id = "pause", .label = words ? pause_words : "",
                                .icon = paused ? LIMBER_ICON_PLAY_ARROW : LIMBER_ICON_PAUSE, .width = third,
                                .spoken = pause_words})) {
    act(ctx, "pause");
  }
  ImGui::SameLine(0, 8.0f);
  if (big_button(ctx.controls, {.id = "skip", .label = words ? "Skip" : "", .icon = LIMBER_ICON_SKIP_NEXT,
                                .kind = ButtonKind::secondary, .width = third, .spoken = "Skip exercise"})) {
    act(ctx, "skip");
  }
  // This hurts keeps its words; End shows its icon alone where both cannot fit side by side.
  const float half = split_width(2);
  const bool end_words = button_need("This hurts", LIMBER_ICON_SENTIMENT_DISSATISFIED) <= half;
  const float end_width = end_words ? half : std::max(Sizes::touch_target_min + 16.0f, button_need("", LIMBER_ICON_STOP));
  if (big_button(ctx.controls, {.id = "hurts", .label = "This hurts", .icon = LIMBER_ICON_SENTIMENT_DISSATISFIED,
                                .kind = ButtonKind::danger, .width = column - 10.0f - end_width})) {
    act(ctx, "hurts");
  }
  ImGui::SameLine(0, 10.0f);
  if (big_button(ctx.controls, {.id = "end", .label = end_words ? "End" : "", .icon = LIMBER_ICON_STOP, .kind = ButtonKind::secondary,
                                .width = end_width, .spoken = "End session"})) {
    act(ctx, "end");
  }
  ImGui::PopItemWidth();
  controls_bar_height = ImGui::GetWindowSize().y;
  ImGui::End();
  ImGui::PopStyleVar(2);
  ImGui::PopStyleColor();
}

void summary(ScreenContext& ctx) {
  const Theme& theme = current_theme();
  const session::SessionRecord record = ctx.app.player().record();
  paragraph(FontRole::title, theme.text, record.completed ? "Well done" : "Session ended");
  const auto [done, skipped, hurt] = session::count_outcomes(record);
  char line[200];
  std::snprintf(line, sizeof line, "%d exercise%s done in %d min.", done, done == 1 ? "" : "s",
                static_cast<int>(std::lround(record.active_seconds / 60.0)));
  icon_paragraph(LIMBER_ICON_CHECK_CIRCLE, line);
  if (skipped > 0) icon_paragraph(LIMBER_ICON_SKIP_NEXT, (std::to_string(skipped) + " skipped.").c_str());
  const catalogue::Routine* routine = ctx.app.find_routine(ctx.app.player().routine_id());
  const bool own = routine && !ctx.app.catalogue().find_routine(routine->id);
  if (hurt > 0) {
    // A built-in routine eases off by itself (session/progression.h); a clinician's amounts never change.
    icon_paragraph(LIMBER_ICON_SENTIMENT_DISSATISFIED,
                   (std::to_string(hurt) + (own ? " stopped because it hurt. If it keeps hurting, tell your clinician."
                                                : " stopped because it hurt. Next time it starts gentler.")).c_str());
  }
  if (own && routine) {
    for (const std::string& up : ctx.app.amounts_up_tomorrow(*routine)) icon_paragraph(LIMBER_ICON_SHOW_CHART, ("Tomorrow: " + up).c_str());
  }
  if (record.pain_before || record.pain_after) {
    std::string pain = "Pain";
    if (record.pain_before) pain += " before: " + std::to_string(*record.pain_before);
    if (record.pain_after) pain += std::string(record.pain_before ? ", after: " : " after: ") + std::to_string(*record.pain_after);
    icon_paragraph(LIMBER_ICON_SHOW_CHART, (pain + " (out of 10).").c_str());
  }
  const int worst = std::max(record.pain_before.value_or(0), record.pain_after.value_or(0));
  if (ctx.app.player().pain_above_rule(worst)) {
    gap(6);
    begin_card();
    const ImVec4 caution = theme.caution;
    icon_paragraph(LIMBER_ICON_WARNING,
                   "Your pain was above 5 out of 10. Ease off: move less far, do fewer repetitions, or rest today. "
                   "The NHS advises that pain should stay at 5 or below while you exercise; if an exercise causes "
                   "severe pain or makes your back worse, stop and see a GP.",
                   nullptr, &caution);
    end_card();
  }
  gap();
  if (big_button(ctx.controls, {.id = "done", .label = "Done", .icon = LIMBER_ICON_CHECK})) act(ctx, "close_session");
  if (ctx.app.backup_offered()) {  // app/data_safety.h: when this browser may clear the data, weekly
    gap();
    begin_card();
    paragraph(FontRole::heading, theme.text, "Keep your progress safe");
    paragraph(FontRole::body, theme.text, app::backup_offer_words(ctx.app.data_safety()));
    if (big_button(ctx.controls, {.id = "offer-backup", .label = "Save a backup file", .icon = LIMBER_ICON_FILE_DOWNLOAD,
                                  .kind = ButtonKind::secondary})) {
      act(ctx, "export", "backup");
    }
    if (big_button(ctx.controls, {.id = "offer-backup-later", .label = "Not now", .kind = ButtonKind::secondary,
                                  .spoken = "Not now, ask again in a week"})) {
      act(ctx, "backup_later");
    }
    end_card();
  }
}

}  // namespace

void draw_player_screen(ScreenContext& ctx) {
  const bool running_now = ctx.app.player().stage() == app::PlayerStage::running;
  begin_page("Session", 0, /*with_tabs=*/false, running_now ? controls_bar_height : 0.0f);
  switch (ctx.app.player().stage()) {
    case app::PlayerStage::closed:
      paragraph(FontRole::body, current_theme().text_muted, "No session is open.");
      if (big_button(ctx.controls, {.id = "back", .label = "Back", .icon = LIMBER_ICON_ARROW_BACK, .kind = ButtonKind::secondary})) {
        act(ctx, "back");
      }
      break;
    case app::PlayerStage::pain_before: pain_question(ctx, true); break;
    case app::PlayerStage::running: running(ctx); break;
    case app::PlayerStage::pain_after: pain_question(ctx, false); break;
    case app::PlayerStage::summary: summary(ctx); break;
  }
  end_page();
  if (running_now) session_controls(ctx);
}

}  // namespace limber::ui
