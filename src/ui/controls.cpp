#include "ui/controls.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>

#include "app/app.h"
#include "app/row_fit.h"
#include "icons.h"
#include "ui/fonts.h"
#include "ui/theme.h"

namespace limber::ui {

namespace {

// A touch that travelled is a scroll: the press it started is not a press.
bool travelled() {
  const ImGuiIO& io = ImGui::GetIO();
  return io.MouseDragMaxDistanceSqr[0] > Sizes::drag_threshold * Sizes::drag_threshold;
}

struct Press {
  bool pressed = false;
  bool hovered = false;
  bool held = false;
  ImVec2 min, max;
};

struct PressDesc {
  const char* id = nullptr;
  const char* label = nullptr;
  ImVec2 size;
  bool disabled = false;
  app::NodeRole role = app::NodeRole::button;
  app::Checked checked = app::Checked::none;
  const char* detail = nullptr;
};

Press press(ControlLog& log, const PressDesc& d) {
  Press p;
  p.min = ImGui::GetCursorScreenPos();
  p.max = ImVec2(p.min.x + d.size.x, p.min.y + d.size.y);
  ImGui::PushID(d.id);
  if (d.disabled) ImGui::BeginDisabled();
  p.pressed = ImGui::InvisibleButton("##press", d.size) && !travelled();
  if (d.disabled) ImGui::EndDisabled();
  // A press on the page's element for this control (Enter, Space, a screen reader's tap).
  if (log.take_press(d.id) && !d.disabled) p.pressed = true;
  p.hovered = ImGui::IsItemHovered();
  p.held = ImGui::IsItemActive() && !travelled();
  const bool canvas_focus = ImGui::IsItemFocused() && ImGui::GetIO().NavVisible;
  const bool page_focus = log.focus() == d.id;
  if (canvas_focus || page_focus) {
    // Outside the control, even where that is outside its window (a tab at the bar's edge).
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->PushClipRectFullScreen();
    draw->AddRect(ImVec2(p.min.x - 3, p.min.y - 3), ImVec2(p.max.x + 3, p.max.y + 3),
                  ImGui::GetColorU32(current_theme().primary), Sizes::corner_radius + 3, 0, 3.0f);
    draw->PopClipRect();
  }
  // Focus moved here from the page: bring the control into the page's visible band.
  if (page_focus && log.focus_is_new()) {
    const ImVec2 window_min = ImGui::GetWindowPos();
    const float window_bottom = window_min.y + ImGui::GetWindowSize().y;
    if (p.min.y < window_min.y || p.max.y > window_bottom) {
      ImGui::SetScrollHereY(0.5f);
      log.want_frame();
    }
  }
  ImGui::PopID();
  log.add({.role = d.role,
           .id = d.id,
           .name = d.label,
           .detail = d.detail ? d.detail : "",
           .checked = d.checked,
           .disabled = d.disabled,
           .focused = canvas_focus,
           .hovered = p.hovered,
           .x = p.min.x,
           .y = p.min.y,
           .width = d.size.x,
           .height = d.size.y});
  return p;
}

app::Checked checked(bool on) { return on ? app::Checked::yes : app::Checked::no; }

ImU32 u32(const ImVec4& c) { return ImGui::GetColorU32(c); }

void centred_text(ImDrawList* draw, ImVec2 min, ImVec2 max, const char* icon, const char* label, ImU32 ink) {
  const float gap = 10.0f;
  const ImVec2 label_size = ImGui::CalcTextSize(label);
  const ImVec2 icon_size = icon ? ImGui::CalcTextSize(icon) : ImVec2(0, 0);
  const float content = label_size.x + (icon ? icon_size.x + (*label ? gap : 0.0f) : 0.0f);
  float x = min.x + std::max(8.0f, (max.x - min.x - content) * 0.5f);
  const float y = min.y + (max.y - min.y - label_size.y) * 0.5f;
  if (icon) {
    draw->AddText(ImVec2(x, y), ink, icon);
    x += icon_size.x + gap;
  }
  draw->AddText(ImVec2(x, y), ink, label);
}

// A title over an optional line of detail, wrapped to a width: rows measure it to size
// themselves, then draw it centred in the height they took.
struct TitleAndDetail {
  FontRole title_role;
  const char* title;
  const char* detail;
  float width;
  float title_h = 0, detail_h = 0;

  TitleAndDetail(FontRole role, const char* t, const char* d, float w) : title_role(role), title(t), detail(d), width(w) {
    ImGui::PushFont(font(title_role));
    title_h = ImGui::CalcTextSize(title, nullptr, false, width).y;
    ImGui::PopFont();
    ImGui::PushFont(font(FontRole::small));
    detail_h = detail ? ImGui::CalcTextSize(detail, nullptr, false, width).y + 4.0f : 0.0f;
    ImGui::PopFont();
  }
  float height() const { return title_h + detail_h; }
  void draw(ImDrawList* list, float x, float top, const Theme& theme) const {
    ImGui::PushFont(font(title_role));
    list->AddText(nullptr, 0.0f, ImVec2(x, top), u32(theme.text), title, nullptr, width);
    ImGui::PopFont();
    if (detail) {
      ImGui::PushFont(font(FontRole::small));
      list->AddText(nullptr, 0.0f, ImVec2(x, top + title_h + 4.0f), u32(theme.text_muted), detail, nullptr, width);
      ImGui::PopFont();
    }
  }
};

}  // namespace

void ControlLog::begin_frame(FrameInput input) {
  nodes_.clear();
  fields_.clear();
  want_frame_ = false;
  focus_new_ = input.focus != last_focus_;
  last_focus_ = input.focus;
  input_ = std::move(input);
  pressed_on_page_ = false;
}

bool ControlLog::take_press(std::string_view id) {
  if (input_.press.empty() || input_.press != id) return false;
  input_.press.clear();
  pressed_on_page_ = true;
  return true;
}

void ControlLog::add_item(app::NodeRole role, std::string name, int level) {
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  nodes_.push_back({.role = role, .name = std::move(name), .level = level, .x = min.x, .y = min.y,
                    .width = max.x - min.x, .height = max.y - min.y});
}

void qr_code_box(ControlLog& log, const links::QrCode& code, float side, const std::string& alt) {
  const int across = code.size + 2 * links::kQrQuietZone;
  // Whole device pixels per module: crisp edges for the camera.
  const float ratio = ImGui::GetIO().DisplayFramebufferScale.x > 0 ? ImGui::GetIO().DisplayFramebufferScale.x : 1.0f;
  const float module = std::max(2.0f, std::floor(side * ratio / static_cast<float>(across))) / ratio;
  const float box = module * static_cast<float>(across);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const ImVec2 origin(std::round(at.x * ratio) / ratio, std::round(at.y * ratio) / ratio);
  ImGui::Dummy(ImVec2(box, box));
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(origin, ImVec2(origin.x + box, origin.y + box), IM_COL32(255, 255, 255, 255));
  const float inset = module * static_cast<float>(links::kQrQuietZone);
  for (int y = 0; y < code.size; ++y) {
    for (int x = 0; x < code.size;) {
      if (!code.dark(x, y)) {
        ++x;
        continue;
      }
      int run = x;  // a row's dark run as one rectangle
      while (run < code.size && code.dark(run, y)) ++run;
      const ImVec2 min(origin.x + inset + module * static_cast<float>(x), origin.y + inset + module * static_cast<float>(y));
      draw->AddRectFilled(min, ImVec2(min.x + module * static_cast<float>(run - x), min.y + module), IM_COL32(0, 0, 0, 255));
      x = run;
    }
  }
  log.add_item(app::NodeRole::image, alt);
}

bool press_area(ControlLog& log, const AreaDesc& desc) {
  return press(log, {.id = desc.id, .label = desc.label, .size = desc.size, .role = desc.role, .checked = desc.checked}).pressed;
}

namespace {
std::string css_colour(const ImVec4& c) {
  const auto byte = [](float v) { return static_cast<unsigned>(std::clamp(v, 0.0f, 1.0f) * 255.0f + 0.5f); };
  char hex[8];
  std::snprintf(hex, sizeof hex, "#%02x%02x%02x", byte(c.x), byte(c.y), byte(c.z));
  return hex;
}

// The frame both boxes draw under the page's HTML box; the box's description, placed.
app::TextFieldShown box_frame(ControlLog& log, const char* id, const char* label, float height) {
  const Theme& theme = current_theme();
  ImGui::PushFont(font(FontRole::body));
  const float font_px = ImGui::GetFontSize();
  ImGui::PopFont();
  const float one_line = std::max(Sizes::touch_target_min, font_px * 1.5f + 20.0f);
  const ImVec2 size(ImGui::CalcItemWidth(), std::max(height, one_line));
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const ImVec2 max(min.x + size.x, min.y + size.y);
  ImGui::Dummy(size);
  // The page's box for it took the focus (Tab): bring the field into the visible band.
  if (log.focus() == id && log.focus_is_new()) {
    const float top = ImGui::GetWindowPos().y, bottom = top + ImGui::GetWindowSize().y;
    if (min.y < top || max.y > bottom) {
      ImGui::SetScrollHereY(0.5f);
      log.want_frame();
    }
  }
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(min, max, u32(theme.surface), 10.0f);
  draw->AddRect(min, max, u32(theme.border), 10.0f, 0, 2.0f);
  log.add({.role = app::NodeRole::textbox, .id = id, .name = label, .x = min.x, .y = min.y, .width = size.x, .height = size.y});
  const float top = ImGui::GetWindowPos().y;
  return {.id = id,
          .label = label,
          .x = min.x,
          .y = min.y,
          .width = size.x,
          .height = size.y,
          .clip_top = top,
          .clip_bottom = top + ImGui::GetWindowSize().y,
          .font_px = font_px,
          .ink = css_colour(theme.text),
          .accent = css_colour(theme.primary)};
}
}  // namespace

void text_field(ControlLog& log, const TextFieldDesc& desc) {
  const app::TextFieldSpec& spec = app::text_field_spec(desc.target.field);
  const std::string id = app::text_target_id(desc.target), label = desc.label ? desc.label : std::string(spec.label);
  app::TextFieldShown shown = box_frame(log, id.c_str(), label.c_str(), desc.height);
  if (desc.covered) return;
  shown.value = desc.value ? desc.value : "";
  shown.placeholder = desc.placeholder ? desc.placeholder : "";
  shown.max_chars = spec.max_chars;
  shown.multiline = spec.multiline;
  log.record_field(std::move(shown));
}

void link_box(ControlLog& log, const LinkBoxDesc& desc) {
  app::TextFieldShown shown = box_frame(log, desc.id, desc.label, 0.0f);
  if (desc.covered) return;
  shown.value = desc.fragment ? desc.fragment : "";
  shown.link = true;
  shown.snippet = desc.snippet;
  log.record_field(std::move(shown));
}

namespace {
// Buttons sharing a row on a phone are all narrow: they all take body text, so a row reads as
// one size; a wide button takes the heading's.
constexpr float kNarrowButton = 300.0f;
constexpr float kButtonPadding = 20.0f;
constexpr float kIconGap = 10.0f;

float words_width(const char* label, const char* icon) {
  return ImGui::CalcTextSize(label).x + (icon ? ImGui::CalcTextSize(icon).x + (*label ? kIconGap : 0.0f) : 0.0f);
}

// Words that do not fit on one line, centred line by line, wrapped at word boundaries.
void wrapped_centred_text(ImDrawList* draw, ImVec2 min, ImVec2 max, const char* label, float room, ImU32 ink) {
  ImFont* f = ImGui::GetFont();
  const float size = ImGui::GetFontSize(), line = ImGui::GetTextLineHeight();
  const char* end = label + std::strlen(label);
  int lines = 0;
  for (const char* s = label; s < end; ++lines) {
    const char* cut = f->CalcWordWrapPositionA(size / f->FontSize, s, end, room);
    if (cut == s) ++cut;  // a word wider than the room still moves on
    s = cut;
    while (s < end && *s == ' ') ++s;
  }
  float y = min.y + (max.y - min.y - line * static_cast<float>(lines)) * 0.5f;
  for (const char* s = label; s < end; y += line) {
    const char* cut = f->CalcWordWrapPositionA(size / f->FontSize, s, end, room);
    if (cut == s) ++cut;
    const char* shown_end = cut;
    while (shown_end > s && shown_end[-1] == ' ') --shown_end;
    const float w = ImGui::CalcTextSize(s, shown_end).x;
    draw->AddText(ImVec2(min.x + (max.x - min.x - w) * 0.5f, y), ink, s, shown_end);
    s = cut;
    while (s < end && *s == ' ') ++s;
  }
}
}  // namespace

float button_need(const char* label, const char* icon) {
  ImGui::PushFont(font(FontRole::body));
  const float need = words_width(label, icon) + kButtonPadding;
  ImGui::PopFont();
  return need;
}

ButtonRow::ButtonRow(std::initializer_list<ButtonWords> buttons, float spacing, int most) : spacing_(spacing) {
  std::array<float, 8> needs{};
  std::size_t n = 0;
  for (const ButtonWords& b : buttons) {
    if (n < needs.size()) needs[n++] = button_need(b.label, b.icon);
  }
  fit_ = app::fit_row({.width = ImGui::CalcItemWidth(), .spacing = spacing, .needs = std::span<const float>(needs.data(), n),
                      .most = most});
}

void ButtonRow::next() {
  if (placed_++ % fit_.columns != 0) ImGui::SameLine(0, spacing_);
}

bool big_button(ControlLog& log, const ButtonDesc& desc) {
  const Theme& theme = current_theme();
  const float width = desc.width > 0.0f ? desc.width : ImGui::CalcItemWidth();
  const float room = width - kButtonPadding;
  // The heading's size where it fits, else body text; words that still do not fit on one line
  // wrap onto more and the button grows taller: a label is never cut or made smaller.
  ImGui::PushFont(font(width < kNarrowButton || words_width(desc.label, desc.icon) > room ? FontRole::body : FontRole::heading));
  const char* icon = desc.icon && (!*desc.label || words_width(desc.label, desc.icon) <= room) ? desc.icon : nullptr;
  const bool wraps = words_width(desc.label, icon) > room;
  const float lines_height = wraps ? ImGui::CalcTextSize(desc.label, nullptr, false, room).y : 0.0f;
  const float base = desc.height > 0.0f ? desc.height : Sizes::button_height;
  const ImVec2 size(width, std::max(base, lines_height + kButtonPadding));
  const Press p = press(log, {.id = desc.id, .label = desc.spoken ? desc.spoken : desc.label, .size = size, .disabled = desc.disabled});

  ImVec4 fill, ink;
  switch (desc.kind) {
    case ButtonKind::primary:
      fill = p.held ? theme.primary_active : p.hovered ? theme.primary_hover : theme.primary;
      ink = theme.on_primary;
      break;
    case ButtonKind::secondary:
      fill = p.held ? theme.secondary_active : p.hovered ? theme.secondary_hover : theme.secondary;
      ink = theme.text;
      break;
    case ButtonKind::danger:
      fill = theme.caution;
      ink = theme.on_primary;
      break;
  }
  if (desc.disabled) fill.w *= 0.4f, ink.w *= 0.6f;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(p.min, p.max, u32(fill), Sizes::corner_radius);
  if (desc.kind == ButtonKind::secondary) draw->AddRect(p.min, p.max, u32(theme.border), Sizes::corner_radius);
  if (wraps) {
    wrapped_centred_text(draw, p.min, p.max, desc.label, room, u32(ink));
  } else {
    centred_text(draw, p.min, p.max, icon, desc.label, u32(ink));
  }
  ImGui::PopFont();
  return p.pressed;
}

namespace {
constexpr float kChipPadding = 18.0f;  // each side of a chip's label
constexpr float kChipIconGap = 10.0f;  // between the check and the label, as centred_text
bool fits(FontRole role, const char* text, float width) {
  ImGui::PushFont(font(role));
  const bool fit = ImGui::CalcTextSize(text).x <= width;
  ImGui::PopFont();
  return fit;
}
float chip_check_width(bool selected) { return selected ? ImGui::CalcTextSize(LIMBER_ICON_CHECK).x + kChipIconGap : 0.0f; }
}  // namespace

float chip_width(const char* label, bool selected) {
  ImGui::PushFont(font(FontRole::body));
  const float w = ImGui::CalcTextSize(label).x + 2 * kChipPadding + chip_check_width(selected);
  ImGui::PopFont();
  return w;
}

bool chip(ControlLog& log, const ChipDesc& desc) {
  const Theme& theme = current_theme();
  // Never wider than the column: a label too long for it at a large text size wraps, and the
  // chip grows taller (smaller type would be harder to read for those who chose large text).
  const float column = ImGui::CalcItemWidth();
  const float wanted = chip_width(desc.label, desc.selected);
  ImGui::PushFont(font(FontRole::body));
  const float check = chip_check_width(desc.selected);
  const float wrap = wanted > column ? std::max(1.0f, column - 2 * kChipPadding - check) : -1.0f;
  const ImVec2 text = ImGui::CalcTextSize(desc.label, nullptr, false, wrap);
  const ImVec2 size(std::min(wanted, column), std::max(Sizes::touch_target_min, text.y + 16.0f));
  const Press p = press(log, {.id = desc.id, .label = desc.label, .size = size, .role = app::NodeRole::toggle,
                              .checked = checked(desc.selected)});
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec4 fill = desc.selected ? theme.primary : (p.hovered ? theme.secondary_hover : theme.surface);
  const float rounding = Sizes::touch_target_min * 0.5f;
  draw->AddRectFilled(p.min, p.max, u32(fill), rounding);
  draw->AddRect(p.min, p.max, u32(desc.selected ? theme.primary : theme.border), rounding, 0, 1.5f);
  const ImU32 ink = u32(desc.selected ? theme.on_primary : theme.text);
  ImGui::PushClipRect(p.min, p.max, true);
  if (wrap < 0.0f) {
    centred_text(draw, p.min, p.max, desc.selected ? LIMBER_ICON_CHECK : nullptr, desc.label, ink);
  } else {
    const ImVec2 at(p.min.x + kChipPadding, p.min.y + (size.y - text.y) * 0.5f);
    if (desc.selected) draw->AddText(at, ink, LIMBER_ICON_CHECK);
    draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(at.x + check, at.y), ink, desc.label, nullptr, wrap);
  }
  ImGui::PopClipRect();
  ImGui::PopFont();
  return p.pressed;
}

bool toggle_row(ControlLog& log, const ToggleDesc& desc) {
  const Theme& theme = current_theme();
  const float width = ImGui::CalcItemWidth();
  const float track_w = 56.0f, track_h = 32.0f;
  const TitleAndDetail text(FontRole::body, desc.label, desc.detail, width - track_w - 16.0f);
  const ImVec2 size(width, std::max(Sizes::touch_target_min + 8.0f, text.height() + 20.0f));
  const Press p = press(log, {.id = desc.id, .label = desc.label, .size = size, .role = app::NodeRole::setting_switch,
                              .checked = checked(*desc.value), .detail = desc.detail});
  if (p.pressed) *desc.value = !*desc.value;
  const bool on = *desc.value;

  ImDrawList* draw = ImGui::GetWindowDrawList();
  if (p.hovered) draw->AddRectFilled(p.min, p.max, u32(theme.secondary), Sizes::corner_radius);
  text.draw(draw, p.min.x + 8.0f, p.min.y + (size.y - text.height()) * 0.5f, theme);
  const ImVec2 t0(p.max.x - track_w - 8.0f, p.min.y + (size.y - track_h) * 0.5f);
  const ImVec2 t1(t0.x + track_w, t0.y + track_h);
  draw->AddRectFilled(t0, t1, u32(on ? theme.primary : theme.secondary_active), track_h * 0.5f);
  draw->AddRect(t0, t1, u32(on ? theme.primary : theme.border), track_h * 0.5f, 0, 1.5f);
  const float knob_x = on ? t1.x - track_h * 0.5f : t0.x + track_h * 0.5f;
  draw->AddCircleFilled(ImVec2(knob_x, t0.y + track_h * 0.5f), track_h * 0.5f - 4.0f, u32(theme.surface));
  draw->AddCircle(ImVec2(knob_x, t0.y + track_h * 0.5f), track_h * 0.5f - 4.0f, u32(theme.border));
  return p.pressed;
}

int stepper(ControlLog& log, const StepperDesc& desc) {
  const Theme& theme = current_theme();
  const float width = ImGui::CalcItemWidth();
  const float button = Sizes::touch_target_min + 4.0f;
  log.begin_group(app::NodeRole::group, desc.label);
  ImGui::PushFont(font(FontRole::small));
  ImGui::PushStyleColor(ImGuiCol_Text, theme.text_muted);
  ImGui::TextUnformatted(desc.label);
  ImGui::PopStyleColor();
  ImGui::PopFont();
  int result = 0;
  const std::string minus_id = std::string(desc.id) + "-less";
  const std::string plus_id = std::string(desc.id) + "-more";
  const std::string about = desc.subject ? std::string(desc.label) + ", " + desc.subject : std::string(desc.label);
  const std::string minus_label = "Less: " + about;
  const std::string plus_label = "More: " + about;
  if (big_button(log, {.id = minus_id.c_str(), .label = "", .icon = LIMBER_ICON_REMOVE, .kind = ButtonKind::secondary,
                       .width = button, .height = button, .disabled = !desc.can_decrease, .spoken = minus_label.c_str()})) {
    result = -1;
  }
  ImGui::SameLine(0, 8.0f);
  const ImVec2 mid = ImGui::GetCursorScreenPos();
  const float mid_w = std::max(60.0f, width - 2 * button - 16.0f);
  // The value in heading type, or smaller when that does not fit between the buttons ("1 breath"
  // at the largest text size).
  const FontRole value_role = fits(FontRole::heading, desc.value, mid_w) ? FontRole::heading
                              : fits(FontRole::body, desc.value, mid_w)  ? FontRole::body
                                                                         : FontRole::small;
  ImGui::PushFont(font(value_role));
  const ImVec2 ts = ImGui::CalcTextSize(desc.value);
  ImGui::GetWindowDrawList()->AddText(ImVec2(mid.x + (mid_w - ts.x) * 0.5f, mid.y + (button - ts.y) * 0.5f),
                                      u32(theme.text), desc.value);
  ImGui::PopFont();
  ImGui::Dummy(ImVec2(mid_w, button));
  log.add_item(app::NodeRole::text, desc.value);
  ImGui::SameLine(0, 8.0f);
  if (big_button(log, {.id = plus_id.c_str(), .label = "", .icon = LIMBER_ICON_ADD, .kind = ButtonKind::secondary,
                       .width = button, .height = button, .disabled = !desc.can_increase, .spoken = plus_label.c_str()})) {
    result = 1;
  }
  log.end_group();
  return result;
}

std::optional<int> segmented(ControlLog& log, const SegmentDesc& desc) {
  const Theme& theme = current_theme();
  const float width = ImGui::CalcItemWidth();
  const int n = static_cast<int>(desc.labels.size());
  const float gap = 6.0f;
  const float each = (width - gap * static_cast<float>(n - 1)) / static_cast<float>(n);
  std::optional<int> chosen;
  log.begin_group(app::NodeRole::radio_group, desc.label ? desc.label : desc.id);
  for (int i = 0; i < n; ++i) {
    if (i > 0) ImGui::SameLine(0, gap);
    const std::string id = std::string(desc.id) + "-" + std::to_string(i);
    const bool selected = i == desc.selected;
    const Press p = press(log, {.id = id.c_str(), .label = desc.labels[static_cast<std::size_t>(i)],
                                .size = ImVec2(each, Sizes::touch_target_min + 4.0f), .role = app::NodeRole::radio,
                                .checked = checked(selected)});
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(p.min, p.max, u32(selected ? theme.primary : p.hovered ? theme.secondary_hover : theme.secondary),
                        Sizes::corner_radius * 0.7f);
    if (!selected) draw->AddRect(p.min, p.max, u32(theme.border), Sizes::corner_radius * 0.7f);
    ImGui::PushFont(font(FontRole::body));
    ImGui::PushClipRect(p.min, p.max, true);
    centred_text(draw, p.min, p.max, nullptr, desc.labels[static_cast<std::size_t>(i)],
                 u32(selected ? theme.on_primary : theme.text));
    ImGui::PopClipRect();
    ImGui::PopFont();
    if (p.pressed) chosen = i;
  }
  log.end_group();
  return chosen;
}

bool list_row(ControlLog& log, const RowDesc& desc) {
  const Theme& theme = current_theme();
  const float width = ImGui::CalcItemWidth();
  const float icon_w = desc.leading > 0.0f ? desc.leading : desc.icon ? 40.0f : 0.0f;
  const TitleAndDetail text(FontRole::heading, desc.title, desc.detail, width - icon_w - 56.0f);
  const ImVec2 size(width, std::max({Sizes::touch_target_min + 16.0f, text.height() + 28.0f, desc.min_height}));
  const Press p = press(log, {.id = desc.id, .label = desc.title, .size = size, .detail = desc.detail});
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(p.min, p.max, u32(p.held ? theme.secondary_active : p.hovered ? theme.secondary : theme.surface),
                      Sizes::corner_radius);
  draw->AddRect(p.min, p.max, u32(theme.border), Sizes::corner_radius);
  if (desc.icon) {
    ImGui::PushFont(font(FontRole::heading));
    draw->AddText(ImVec2(p.min.x + 14.0f, p.min.y + (size.y - ImGui::GetFontSize()) * 0.5f), u32(theme.primary), desc.icon);
    ImGui::PopFont();
  }
  text.draw(draw, p.min.x + 16.0f + icon_w, p.min.y + (size.y - text.height()) * 0.5f, theme);
  if (desc.trailing) {
    ImGui::PushFont(font(FontRole::heading));
    draw->AddText(ImVec2(p.max.x - 40.0f, p.min.y + (size.y - ImGui::GetFontSize()) * 0.5f), u32(theme.text_muted), desc.trailing);
    ImGui::PopFont();
  }
  return p.pressed;
}

std::optional<int> pain_scale(ControlLog& log, const char* id, const char* group_name) {
  const Theme& theme = current_theme();
  const float width = ImGui::CalcItemWidth();
  // As many across as show "10" whole at the text size chosen, in even rows: eleven on a
  // desktop, six and five on a phone, three rows at the largest text.
  const float gap = 8.0f;
  ImGui::PushFont(font(FontRole::heading));
  const float need = std::max(ImGui::CalcTextSize("10").x + 12.0f, Sizes::touch_target_min);
  ImGui::PopFont();
  const std::array<float, 11> needs = [&] { std::array<float, 11> n{}; n.fill(need); return n; }();
  const app::RowFit fit = app::fit_row({.width = width, .spacing = gap, .needs = needs, .even = true});
  const int across = fit.columns;
  const float each = fit.width;
  std::optional<int> chosen;
  log.begin_group(app::NodeRole::group, group_name);
  for (int score = 0; score <= 10; ++score) {
    if (score % across != 0) ImGui::SameLine(0, gap);
    char sid[32], label[48];
    std::snprintf(sid, sizeof sid, "%s-%d", id, score);
    std::snprintf(label, sizeof label, "%d: %s", score, std::string(app::pain_words(score)).c_str());
    const Press p = press(log, {.id = sid, .label = label, .size = ImVec2(each, Sizes::touch_target_min + 12.0f)});
    // Calm to warm as the score rises, so the scale reads without the numbers.
    const float t = static_cast<float>(score) / 10.0f;
    const ImVec4 fill(theme.secondary.x + (theme.caution.x - theme.secondary.x) * t * 0.55f,
                      theme.secondary.y + (theme.caution.y - theme.secondary.y) * t * 0.55f,
                      theme.secondary.z + (theme.caution.z - theme.secondary.z) * t * 0.55f, 1.0f);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(p.min, p.max, u32(p.held ? theme.primary : fill), 10.0f);
    draw->AddRect(p.min, p.max, u32(p.hovered ? theme.primary : theme.border), 10.0f, 0, p.hovered ? 2.5f : 1.0f);
    char number[4];
    std::snprintf(number, sizeof number, "%d", score);
    ImGui::PushFont(font(FontRole::heading));
    centred_text(draw, p.min, p.max, nullptr, number, u32(p.held ? theme.on_primary : theme.text));
    ImGui::PopFont();
    if (p.pressed) chosen = score;
  }
  log.end_group();
  return chosen;
}

}  // namespace limber::ui
