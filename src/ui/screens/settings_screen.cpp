// Settings: how sessions run, sounds and voice, how the app looks, and the person's data
// (backup, history for a clinician, import, delete everything).
#include <algorithm>
#include <array>
#include <cstdio>
#include <string>

#include "icons.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"

namespace limber::ui {

namespace {

// A switch row; its id is the setting's name, and a flip is the `setting` command.
void setting_toggle(ScreenContext& ctx, const char* id, const char* label, const char* detail, bool storage::Settings::*field) {
  bool value = ctx.app.settings().*field;
  if (toggle_row(ctx.controls, {.id = id, .label = label, .detail = detail, .value = &value})) {
    act(ctx, "setting", std::string(id) + (value ? "=on" : "=off"));
  }
}

void set(ScreenContext& ctx, std::string_view name, const std::string& value) {
  act(ctx, "setting", std::string(name) + "=" + value);
}

void storage_status(ScreenContext& ctx) {
  const Theme& theme = current_theme();
  const storage::StoreSync& sync = ctx.app.sync();
  switch (sync.status()) {
    case storage::StoreStatus::loading: icon_paragraph(LIMBER_ICON_HISTORY, "Reading your saved progress…"); break;
    case storage::StoreStatus::saved: icon_paragraph(LIMBER_ICON_CHECK_CIRCLE, "Everything is saved."); break;
    case storage::StoreStatus::pending: icon_paragraph(LIMBER_ICON_HISTORY, "Saving…"); break;
    case storage::StoreStatus::failed: {
      const ImVec4 caution = theme.caution;
      const std::string text = "Not saved yet: " + sync.error() + ". Limber keeps trying; a backup file keeps it safe meanwhile.";
      icon_paragraph(LIMBER_ICON_WARNING, text.c_str(), nullptr, &caution);
      break;
    }
  }
}

// Where the data lives, whether the browser promised to keep it, and the last backup
// (app/data_safety.h decides every word).
void data_safety(ScreenContext& ctx) {
  const Theme& theme = current_theme();
  const app::DataSafetyText t = app::data_safety_text(ctx.app.data_safety());
  icon_paragraph(LIMBER_ICON_LOCK, t.where.c_str());
  const app::StorageFacts* facts = ctx.app.storage_facts();
  const bool kept = facts && facts->persisted == true;
  icon_paragraph(kept ? LIMBER_ICON_CHECK_CIRCLE : LIMBER_ICON_INFO, t.kept.c_str());
  if (!t.size.empty()) paragraph(FontRole::small, theme.text_muted, t.size);
  icon_paragraph(LIMBER_ICON_HISTORY, t.last_backup.c_str());
  if (!t.home_screen_steps.empty()) {
    paragraph(FontRole::body, theme.text, "On an iPhone or iPad, Safari keeps Limber's data for good once it is on your Home Screen:");
    begin_list();
    for (const std::string& step : t.home_screen_steps) list_item(step);
    end_list();
    paragraph(FontRole::small, theme.text_muted, t.home_screen_note);
  }
  if (t.offer_keep && big_button(ctx.controls, {.id = "keep-storage", .label = "Ask this browser to keep it",
                                                .icon = LIMBER_ICON_LOCK, .kind = ButtonKind::secondary})) {
    act(ctx, "keep_storage");
  }
}

}  // namespace

void draw_settings_screen(ScreenContext& ctx) {
  const Theme& theme = current_theme();
  begin_page("Settings");
  page_title(ctx, "Settings", false);
  const storage::Settings& s = ctx.app.settings();

  heading("Sessions");
  paragraph(FontRole::small, theme.text_muted, "Where the sources recommend different holds, use:");
  static constexpr std::array<const char*, 3> kHolds = {"Default", "Shorter", "Longer"};
  // The labels follow the enum's order: source_default, shorter, longer.
  const int hold = static_cast<int>(s.hold_preference);
  if (const auto chosen = segmented(ctx.controls, {.id = "hold", .label = "Hold length", .labels = kHolds, .selected = hold})) {
    set(ctx, "hold_preference", std::string(json::enum_name(static_cast<catalogue::HoldPreference>(*chosen))));
  }
  paragraph(FontRole::small, theme.text_muted, "For exercises done on one side only, the side of your back that hurts:");
  static constexpr std::array<const char*, 2> kSides = {"Left", "Right"};
  const int side = !s.affected_side ? -1 : *s.affected_side == session::Side::left ? 0 : 1;
  if (const auto chosen = segmented(ctx.controls, {.id = "affected-side", .label = "The side that hurts", .labels = kSides,
                                                   .selected = side})) {
    set(ctx, "affected_side", *chosen == 0 ? "left" : "right");
  }
  char pace[48];
  std::snprintf(pace, sizeof pace, "%d s in, %d s out", static_cast<int>(s.breath_in_seconds), static_cast<int>(s.breath_out_seconds));
  // In and out step together, within the range stored settings allow.
  const double shortest = std::min(s.breath_in_seconds, s.breath_out_seconds);
  const double longest = std::max(s.breath_in_seconds, s.breath_out_seconds);
  const int step = stepper(ctx.controls, {.id = "breath", .label = "Breathing pace", .value = pace,
                                          .can_decrease = shortest - 1 >= storage::kMinBreathSeconds,
                                          .can_increase = longest + 1 <= storage::kMaxBreathSeconds});
  if (step != 0) {
    set(ctx, "breath_in", std::to_string(static_cast<int>(s.breath_in_seconds) + step));
    set(ctx, "breath_out", std::to_string(static_cast<int>(s.breath_out_seconds) + step));
  }
  setting_toggle(ctx, "progression", "Build up gradually",
                 "After two sessions without pain, add a little within the source's range.", &storage::Settings::progression);
  setting_toggle(ctx, "pause_when_hidden", "Pause when I leave the page", nullptr, &storage::Settings::pause_when_hidden);
  setting_toggle(ctx, "keep_screen_awake", "Keep the screen on during a session", nullptr, &storage::Settings::keep_screen_awake);

  heading("Sounds and voice");
  setting_toggle(ctx, "sounds", "Sounds", "A soft tone as each phase starts.", &storage::Settings::sounds);
  const std::string speech = ctx.app.spoken_cues_detail();
  setting_toggle(ctx, "spoken_cues", "Spoken instructions", speech.c_str(), &storage::Settings::spoken_cues);

  heading("Display");
  static constexpr std::array<const char*, 3> kThemes = {"Light", "Dark", "High contrast"};
  // The labels follow the enum's order: light, dark, high_contrast.
  const int theme_index = static_cast<int>(s.theme);
  if (const auto chosen = segmented(ctx.controls, {.id = "theme", .label = "Theme", .labels = kThemes, .selected = theme_index})) {
    set(ctx, "theme", std::string(json::enum_name(static_cast<storage::Theme>(*chosen))));
  }
  char size[16];
  std::snprintf(size, sizeof size, "%d%%", s.text_size_percent);
  const int text_step = stepper(ctx.controls, {.id = "text-size", .label = "Text size", .value = size,
                                               .can_decrease = s.text_size_percent > storage::kMinTextSizePercent,
                                               .can_increase = s.text_size_percent < storage::kMaxTextSizePercent});
  if (text_step != 0) set(ctx, "text_size", std::to_string(s.text_size_percent + 20 * text_step));
  setting_toggle(ctx, "reduced_motion", "Reduce motion", "Show still pictures in the library instead of moving ones.",
                 &storage::Settings::reduced_motion);

  heading("Your data");
  storage_status(ctx);
  data_safety(ctx);
  if (big_button(ctx.controls, {.id = "export-backup", .label = "Save a backup file", .icon = LIMBER_ICON_FILE_DOWNLOAD,
                                .kind = ButtonKind::secondary})) {
    act(ctx, "export", "backup");
  }
  if (big_button(ctx.controls, {.id = "import-backup", .label = "Restore from a backup file", .icon = LIMBER_ICON_FILE_UPLOAD,
                                .kind = ButtonKind::secondary})) {
    act(ctx, "choose_file");
  }
  if (big_button(ctx.controls, {.id = "export-history", .label = "Export history (CSV) for a clinician",
                                .icon = LIMBER_ICON_FILE_DOWNLOAD, .kind = ButtonKind::secondary})) {
    act(ctx, "export", "csv");
  }
  if (big_button(ctx.controls, {.id = "delete-all", .label = "Delete all my data", .icon = LIMBER_ICON_DELETE_FOREVER,
                                .kind = ButtonKind::danger})) {
    act(ctx, "delete_all");
  }
  gap();
  if (list_row(ctx.controls, {.id = "open-safety", .title = "Safety and about",
                              .detail = "When to see a GP, urgent warning signs, sources, privacy", .icon = LIMBER_ICON_HEALING})) {
    act(ctx, "navigate", app::screen_id(app::Screen::safety));
  }
  end_page();
}

}  // namespace limber::ui
