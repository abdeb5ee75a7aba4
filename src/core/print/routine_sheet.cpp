// Index: words and sources, figures, the cover page, staying safe, one exercise, the sheet.
#include "print/routine_sheet.h"

#include <algorithm>
#include <cstdio>

#include "animation/cues.h"
#include "animation/scene.h"
#include "animation/still.h"
#include "catalogue/calendar_day.h"
#include "catalogue/prescription.h"
#include "catalogue/schedule.h"
#include "catalogue/summary.h"
#include "links/qr_code.h"
#include "print/svg.h"

namespace limber::print {

namespace {

using catalogue::Catalogue;

// ---- Words and sources ----------------------------------------------------------------------

std::string organisation(const Catalogue& c, const std::string& source_id) {
  if (source_id == "limber") return "Limber";
  const catalogue::Source* s = c.find_source(source_id);
  return s ? s->organisation : source_id;
}

std::string organisations(const Catalogue& c, const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) {
    const std::string name = organisation(c, id);
    if (out.find(name) != std::string::npos) continue;
    out += (out.empty() ? "" : ", ") + name;
  }
  return out;
}

void element(std::string& out, const char* tag, std::string_view text, const char* cls = nullptr) {
  out += '<';
  out += tag;
  if (cls) {
    out += " class=\"";
    out += cls;
    out += '"';
  }
  out += '>';
  out += html_text(text);
  out += "</";
  out += tag;
  out += '>';
}

// A fact and who gave it: "Keep your feet flat. (NHS)"
void sourced_item(std::string& out, std::string_view text, std::string_view from) {
  out += "<li>" + html_text(text);
  if (!from.empty()) out += " <span class=\"sheet-from\">\u2014 " + html_text(from) + "</span>";
  out += "</li>";
}

// ---- Figures --------------------------------------------------------------------------------

// A figure's box: the sheet's figure column (web/limber.css: more than half the A4 page), as
// tall as the clip's drawing needs (between a wide lying figure and a tall seated one).
constexpr float kFigureWidth = 400.0f;

void figure(std::string& out, const animation::CompiledClip& clip, const animation::StillDesc& still,
            std::string_view caption, std::string_view label) {
  const float height = std::clamp(kFigureWidth / animation::view_aspect(clip), kFigureWidth * 0.4f, kFigureWidth * 0.8f);
  const animation::Framing framing = animation::frame_clip(clip, kFigureWidth, height);
  animation::Scene scene, zoomed;
  animation::still_scene(clip, still, framing, scene);
  const auto callout = animation::callout_for(clip, framing, kFigureWidth, height);
  if (callout) {
    const animation::StillFigure f = animation::still_figure(clip, still);
    animation::callout_scene(clip, f.world, *callout, f.cue, zoomed);
  }
  out += "<figure>";
  out += scene_svg(scene, {.width = kFigureWidth, .height = height, .label = label,
                           .callout = callout ? &*callout : nullptr, .callout_scene = callout ? &zoomed : nullptr});
  element(out, "figcaption", caption);
  out += "</figure>";
}

void figures(std::string& out, const SheetDesc& d, const catalogue::Exercise& e, const catalogue::Dosage& dosage) {
  const animation::CompiledClip* clip = d.clips ? d.clips->find_for_exercise(e.id) : nullptr;
  if (!clip) return;
  const bool held = dosage.hold.has_value();
  const bool sided = dosage.sides != catalogue::Sides::together;
  out += "<div class=\"sheet-figures\">";
  const std::uint32_t area = animation::target_bones(e.target_areas);
  for (std::size_t k = 0; k < clip->stills.size(); ++k) {
    const animation::Still& still = clip->stills[k];
    const bool first = k == 0, last = k + 1 == clip->stills.size();
    std::string caption = std::to_string(k + 1) + ". ";
    if (first) caption += "Start";
    else if (last && !held) caption += "Move to here, then back";
    else if (last && still.label == "the position held") caption += "Hold";
    else caption += still.label;  // a named phase: "the cat: the back rounded, the chin down"
    if (last && held && still.label != "the position held") caption += " (hold here)";
    figure(out, *clip, {.still = k, .area = area}, caption,
           e.name + ", " + (first ? "start position" : last && still.label == "the position held"
                                                          ? (held ? "the position you hold" : "the end of the movement")
                                                          : still.label));
  }
  if (sided) element(out, "p", "The pictures show the left side. Do the same on the right, as a mirror image.", "sheet-small");
  out += "</div>";
}

// A built-in routine's amounts are its sources' ranges, built up over sessions; a person's own are
// exactly as prescribed (catalogue/prescription.h).
bool own(const SheetDesc& d) { return d.catalogue->find_routine(d.routine->id) == nullptr; }

std::string amount_words(const SheetDesc& d, const catalogue::Exercise& e, const catalogue::RoutineItem& item) {
  if (!own(d)) return catalogue::describe(catalogue::resolve(e, item, d.preference));
  return catalogue::describe_prescribed(e, item, d.side);
}

// ---- The cover page ------------------------------------------------------------------------

void cover(std::string& out, const SheetDesc& d) {
  const Catalogue& c = *d.catalogue;
  const catalogue::Routine& r = *d.routine;
  out += "<section class=\"sheet-cover\">";
  element(out, "p", "Limber exercise sheet", "sheet-kicker");
  out += "<h1 id=\"sheet-title\">" + html_text(r.name) + "</h1>";
  std::string when = catalogue::frequency_sentence(r) + ".";
  if (const auto review = catalogue::parse_optional_day(r.review_on)) {
    when += " Until your review on " + catalogue::day_words(*review) + ".";
  }
  if (d.seconds > 0) when += " About " + catalogue::format_duration(d.seconds) + " each time.";
  element(out, "p", when, "sheet-when");
  if (r.note) {
    element(out, "h2", "From your clinician");
    element(out, "p", *r.note, "sheet-note");
  } else if (!r.purpose.empty()) {
    element(out, "p", r.purpose);
  }
  if (r.clinic) {
    element(out, "p", r.clinic->name + (r.clinic->phone ? ", telephone " + *r.clinic->phone : std::string()) + ".", "sheet-clinic");
  }
  if (r.side_that_hurts) element(out, "p", "The side that hurts: " + catalogue::side_words(r.side_that_hurts) + ".");
  element(out, "h2", "The exercises");
  out += "<ol class=\"sheet-list\">";
  for (const catalogue::RoutineItem& item : r.items) {
    const catalogue::Exercise* e = c.find_exercise(item.exercise);
    if (!e) continue;
    out += "<li><strong>" + html_text(e->name) + "</strong>: " + html_text(amount_words(d, *e, item));
    if (item.note) out += ". <em>" + html_text(*item.note) + "</em>";
    out += "</li>";
  }
  out += "</ol>";
  element(out, "h2", "Open it on your phone");
  if (d.link.empty()) {
    element(out, "p", "This routine has no link: " + d.link_problem + ".");
  } else {
    const links::QrResult qr = links::make_qr_code(d.link);
    out += "<div class=\"sheet-link\">";
    if (qr.ok()) out += qr_svg(*qr.code, "QR code of this routine's link", qr_print_mm(qr.code->size));
    out += "<div>";
    element(out, "p", qr.ok() ? "Point your phone's camera at the code and tap the link it finds. Limber opens with this "
                                "routine, ready to add. Or type this address:"
                              : "Type this address on your phone. Limber opens with this routine, ready to add:");
    element(out, "p", d.link, "sheet-address");
    out += "</div></div>";
  }
  element(out, "p",
          "Limber keeps what you do on your own device. Nothing is sent to your clinician or anyone else.",
          "sheet-small");
  out += "</section>";
}

// ---- Staying safe ---------------------------------------------------------------------------

void safety_list(std::string& out, const Catalogue& c, catalogue::SafetyTopic topic) {
  out += "<ul>";
  for (const catalogue::SafetyItem& item : c.safety.items) {
    if (item.topic == topic) sourced_item(out, item.text, organisations(c, item.sources));
  }
  out += "</ul>";
}

void staying_safe(std::string& out, const Catalogue& c) {
  using catalogue::SafetyTopic;
  out += "<section class=\"sheet-page sheet-safety\">";
  element(out, "h2", "Staying safe");
  element(out, "h3", "While you exercise");
  safety_list(out, c, SafetyTopic::pain_rule);
  safety_list(out, c, SafetyTopic::stop_exercise);
  element(out, "h3", "When to see a GP");
  safety_list(out, c, SafetyTopic::see_gp);
  element(out, "h3", "Get help now");
  safety_list(out, c, SafetyTopic::red_flag_emergency);
  element(out, "h3", "Get an urgent GP appointment or call NHS 111");
  safety_list(out, c, SafetyTopic::red_flag_urgent);
  out += "</section>";
}

// ---- One exercise ---------------------------------------------------------------------------

void exercise_page(std::string& out, const SheetDesc& d, std::size_t number, const catalogue::RoutineItem& item) {
  const Catalogue& c = *d.catalogue;
  const catalogue::Exercise* e = c.find_exercise(item.exercise);
  if (!e) return;
  const catalogue::Dosage dosage = catalogue::resolve(*e, item, d.preference);
  const catalogue::DosageOption* option = catalogue::option_for(*e, item, d.preference);
  out += "<section class=\"sheet-page sheet-exercise\">";
  element(out, "h2", std::to_string(number) + ". " + e->name);
  element(out, "p", amount_words(d, *e, item) + ". " + catalogue::schedule_words(*d.routine) + ".", "sheet-dose");
  const std::string beyond = own(d) ? catalogue::beyond_source(*e, item) : std::string();
  if (option && !beyond.empty()) {
    element(out, "p", "This amount is your clinician's: " + organisations(c, option->sources) + " suggests " + beyond + ".",
            "sheet-small");
  } else if (option && !option->sources.empty()) {
    element(out, "p", "How much, from: " + organisations(c, option->sources) + ".", "sheet-small");
  }
  if (item.note) {
    element(out, "h3", "From your clinician");
    element(out, "p", *item.note, "sheet-note");
  }
  figures(out, d, *e, dosage);
  element(out, "h3", "Start position");
  element(out, "p", e->start_position);
  element(out, "h3", "Steps");
  out += "<ol>";
  for (const std::string& step : e->steps) element(out, "li", step);
  out += "</ol>";
  if (!e->tips.empty()) {
    element(out, "h3", "Tips");
    out += "<ul>";
    for (const catalogue::Note& tip : e->tips) sourced_item(out, tip.text, organisation(c, tip.source));
    out += "</ul>";
  }
  if (!e->cautions.empty()) {
    element(out, "h3", "Take care");
    out += "<ul class=\"sheet-cautions\">";
    for (const catalogue::Note& caution : e->cautions) sourced_item(out, caution.text, organisation(c, caution.source));
    out += "</ul>";
  }
  // The sources in one small paragraph: each fact above already names who gave it.
  std::string sources;
  for (const std::string& id : e->sources) {
    if (const catalogue::Source* s = c.find_source(id)) sources += (sources.empty() ? "" : "; ") + s->organisation + ": " + s->title;
  }
  out += "<p class=\"sheet-sources sheet-small\"><strong>Sources:</strong> " + html_text(sources) + ".</p></section>";
}

}  // namespace

double qr_print_mm(int modules) {
  const double mm = (modules + 2 * links::kQrQuietZone) * kQrModuleMm;
  return std::clamp(mm, kQrLeastMm, kQrMostMm);
}

// ---- The sheet ------------------------------------------------------------------------------

std::string routine_sheet(const SheetDesc& d) {
  if (!d.catalogue || !d.routine) return {};
  std::string out = "<article class=\"sheet\" aria-labelledby=\"sheet-title\">";
  cover(out, d);
  staying_safe(out, *d.catalogue);
  for (std::size_t i = 0; i < d.routine->items.size(); ++i) exercise_page(out, d, i + 1, d.routine->items[i]);
  out += "</article>";
  return out;
}

}  // namespace limber::print
