// Index: counting, the pain chart, the report.
#include "print/appointment_report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "catalogue/calendar_day.h"
#include "catalogue/dosage.h"
#include "catalogue/prescription.h"
#include "catalogue/schedule.h"
#include "catalogue/summary.h"
#include "progress/adherence.h"
#include "print/svg.h"
#include "storage/backup.h"
#include "storage/history.h"
#include "text/cat.h"

namespace limber::print {

namespace {

using catalogue::day_words;  // "23 Nov 2026" for a local day

// ---- Counting ----------------------------------------------------------------------------------

struct Week {
  std::int64_t first_day = 0;
  int sessions = 0;  // of every routine
  int before_sum = 0, before_n = 0, after_sum = 0, after_n = 0;
  std::optional<double> before() const { return before_n ? std::optional(double(before_sum) / before_n) : std::nullopt; }
  std::optional<double> after() const { return after_n ? std::optional(double(after_sum) / after_n) : std::nullopt; }
};

struct Outcomes {
  int completed = 0, skipped = 0, hurt = 0;
  std::int64_t last_at_ms = 0;
  session::ExerciseRecord last;  // the latest time it was done, for "last time"
};

using text::count;

// What was done the last time: "10 reps, 10 × 5 s" (holds of 5 seconds on average).
std::string last_time(const session::ExerciseRecord& e) {
  std::string out = count(e.reps_done.total(), "rep", "reps");
  const int holds = e.holds_done.total();
  if (holds > 0) {
    char each[48];
    std::snprintf(each, sizeof each, ", %d \u00d7 %.0f s", holds, e.hold_seconds / holds);
    out += each;
  }
  return out;
}

std::string one_decimal(std::optional<double> v) {
  if (!v) return "no score";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.1f", *v);
  return buf;
}


// ---- The pain chart ------------------------------------------------------------------------------

// Weekly averages, 0 to 10, before (solid, round marks) and after (dashed, square marks).
std::string pain_chart(const std::vector<Week>& weeks) {
  constexpr float kW = 640, kH = 220, kLeft = 40, kRight = 16, kTop = 12, kBottom = 34;
  const float step = weeks.size() > 1 ? (kW - kLeft - kRight) / float(weeks.size() - 1) : 0;
  const auto x = [&](std::size_t i) { return kLeft + step * float(i) + (weeks.size() > 1 ? 0 : (kW - kLeft - kRight) / 2); };
  const auto y = [&](double pain) { return kTop + (kH - kTop - kBottom) * float(1.0 - pain / 10.0); };
  char buf[160];
  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 640 220\" role=\"img\" aria-label=\"Average pain "
                    "before and after sessions, week by week, from 0 to 10. The table below gives the numbers.\">";
  for (int level = 0; level <= 10; level += 5) {
    std::snprintf(buf, sizeof buf, "<line x1=\"%g\" x2=\"%g\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#bbb\"/>"
                  "<text x=\"%g\" y=\"%.1f\" font-size=\"12\" text-anchor=\"end\">%d</text>",
                  double(kLeft), double(kW - kRight), double(y(level)), double(y(level)), double(kLeft - 6),
                  double(y(level) + 4), level);
    out += buf;
  }
  for (std::size_t i = 0; i < weeks.size(); ++i) {
    std::snprintf(buf, sizeof buf, "<text x=\"%.1f\" y=\"%g\" font-size=\"11\" text-anchor=\"middle\">wk %zu</text>",
                  double(x(i)), double(kH - 10), i + 1);
    out += buf;
  }
  for (const bool before : {true, false}) {
    std::string line;
    for (std::size_t i = 0; i < weeks.size(); ++i) {
      const std::optional<double> v = before ? weeks[i].before() : weeks[i].after();
      if (!v) continue;
      std::snprintf(buf, sizeof buf, "%s%.1f,%.1f", line.empty() ? "" : " ", double(x(i)), double(y(*v)));
      line += buf;
      if (before) std::snprintf(buf, sizeof buf, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\"/>", double(x(i)), double(y(*v)));
      else std::snprintf(buf, sizeof buf, "<rect x=\"%.1f\" y=\"%.1f\" width=\"8\" height=\"8\"/>", double(x(i) - 4), double(y(*v) - 4));
      out += buf;
    }
    if (!line.empty()) {
      out += "<polyline fill=\"none\" stroke=\"#000\" stroke-width=\"2\"" +
             std::string(before ? "" : " stroke-dasharray=\"6 4\"") + " points=\"" + line + "\"/>";
    }
  }
  out += "</svg>";
  return out;
}

void cell(std::string& out, const char* tag, std::string_view text) {
  out += '<';
  out += tag;
  if (tag[1] == 'h') out += " scope=\"col\"";
  out += '>';
  out += html_text(text);
  out += "</";
  out += tag;
  out += '>';
}

}  // namespace

// ---- The report ------------------------------------------------------------------------------

std::string appointment_report(const ReportDesc& d) {
  if (!d.catalogue || !d.sessions) return {};
  const catalogue::Catalogue& c = *d.catalogue;
  const int weeks_n = std::clamp(d.weeks, 1, 52);
  const std::int64_t today = storage::local_day(d.now_ms, d.utc_offset_minutes);
  const std::int64_t first = today - 7 * std::int64_t(weeks_n) + 1;
  std::vector<Week> weeks(static_cast<std::size_t>(weeks_n));
  for (int i = 0; i < weeks_n; ++i) weeks[static_cast<std::size_t>(i)].first_day = first + 7 * i;
  const catalogue::Routine* r = d.routine;
  std::map<std::string, Outcomes> by_exercise;
  std::vector<std::int64_t> done_by_day;  // the day of each of the routine's sessions in the period
  int sessions = 0;
  for (const storage::StoredSession& s : *d.sessions) {
    const std::int64_t day = storage::local_day(s.record.started_at_ms, d.utc_offset_minutes);
    if (day < first || day > today) continue;
    ++sessions;
    if (r && s.record.routine == r->id) done_by_day.push_back(day);
    Week& w = weeks[static_cast<std::size_t>((day - first) / 7)];
    ++w.sessions;
    if (s.record.pain_before) { w.before_sum += *s.record.pain_before; ++w.before_n; }
    if (s.record.pain_after) { w.after_sum += *s.record.pain_after; ++w.after_n; }
    for (const session::ExerciseRecord& e : s.record.exercises) {
      if (e.outcome == session::Outcome::not_reached) continue;
      Outcomes& o = by_exercise[std::string(c.current_id(e.exercise))];  // a merged id counts as its exercise
      o.completed += e.outcome == session::Outcome::completed;
      o.skipped += e.outcome == session::Outcome::skipped;
      o.hurt += e.outcome == session::Outcome::stopped_hurt;
      if (s.record.started_at_ms >= o.last_at_ms) {
        o.last_at_ms = s.record.started_at_ms;
        o.last = e;
      }
    }
  }

  std::string out = "<article class=\"sheet report\" aria-labelledby=\"sheet-title\"><section class=\"sheet-cover\">";
  out += "<p class=\"sheet-kicker\">Limber progress report</p>";
  out += "<h1 id=\"sheet-title\">For your next appointment</h1>";
  out += "<p class=\"sheet-when\">" + html_text(day_words(first) + " to " + day_words(today)) + " (" +
         std::to_string(weeks_n) + " weeks): " + std::to_string(sessions) + " session" + (sessions == 1 ? "" : "s") +
         ".</p>";

  // Sessions and pain, week by week: the routine's sessions against what it asks for.
  const bool asks = r && catalogue::schedule_of(*r).has_value();
  std::vector<progress::Tally> tallies(weeks.size());
  progress::Tally all;
  for (std::size_t i = 0; asks && i < weeks.size(); ++i) {
    tallies[i] = progress::count_days(done_by_day, *r, weeks[i].first_day, 7);
    all.asked += tallies[i].asked;
    all.done += tallies[i].done;
    all.extra += tallies[i].extra;
  }
  out += "<h2>Sessions and pain, week by week</h2>";
  if (asks) {
    out += "<p class=\"sheet-adherence\">" +
           html_text("Sessions of " + r->name + " done as prescribed: " + std::to_string(all.done) + " of " +
                     std::to_string(all.asked) +
                     (all.asked ? " (" + std::to_string((100 * all.done + all.asked / 2) / all.asked) + "%)" : std::string()) +
                     (all.extra ? ", and " + std::to_string(all.extra) + " more than prescribed" : std::string()) + ".") +
           "</p>";
  }
  out += "<table class=\"sheet-table\"><caption>";
  out += asks ? html_text("Sessions of " + r->name + " done against prescribed (" + catalogue::schedule_words(*r) + "), other sessions,")
              : std::string("Sessions done");
  out += " and average pain out of 10</caption><thead><tr>";
  for (const char* h : {"Week", "From", asks ? "Done of prescribed" : "Sessions", "Other sessions", "Pain before", "Pain after"}) {
    if (!asks && std::string_view(h) == "Other sessions") continue;
    cell(out, "th", h);
  }
  out += "</tr></thead><tbody>";
  for (std::size_t i = 0; i < weeks.size(); ++i) {
    const Week& w = weeks[i];
    out += "<tr>";
    cell(out, "td", std::to_string(i + 1));
    cell(out, "td", day_words(w.first_day));
    if (asks) {
      const progress::Tally& t = tallies[i];
      cell(out, "td", std::to_string(t.done) + " of " + std::to_string(t.asked) + (t.extra ? " (+" + std::to_string(t.extra) + ")" : ""));
      cell(out, "td", std::to_string(w.sessions - t.done - t.extra));
    } else {
      cell(out, "td", std::to_string(w.sessions));
    }
    cell(out, "td", one_decimal(w.before()));
    cell(out, "td", one_decimal(w.after()));
    out += "</tr>";
  }
  out += "</tbody></table>";
  out += "<figure class=\"sheet-chart\">" + pain_chart(weeks) +
         "<figcaption>Average pain: before sessions (solid line, dots) and after (dashed line, squares)."
         "</figcaption></figure>";

  // Each exercise: the routine's first, in order, then any others by name.
  out += "<h2>Exercises</h2>";
  if (by_exercise.empty()) {
    out += "<p>No exercises were done in this period.</p>";
  } else {
    std::vector<std::string> order;
    if (d.routine) {
      for (const catalogue::RoutineItem& item : d.routine->items) {
        const std::string id(c.current_id(item.exercise));
        if (by_exercise.contains(id) && std::find(order.begin(), order.end(), id) == order.end()) order.push_back(id);
      }
    }
    std::vector<std::string> others;
    for (const auto& [id, counts] : by_exercise) {
      if (std::find(order.begin(), order.end(), id) == order.end()) others.push_back(id);
    }
    const auto name = [&](const std::string& id) {
      const catalogue::Exercise* e = c.find_exercise(id);
      return e ? e->name : id;
    };
    std::sort(others.begin(), others.end(), [&](const auto& a, const auto& b) { return name(a) < name(b); });
    order.insert(order.end(), others.begin(), others.end());
    const bool own_routine = r && !c.find_routine(r->id);
    // The routine's item for an exercise, for what was prescribed.
    const auto item_of = [&](const std::string& id) -> const catalogue::RoutineItem* {
      if (!r) return nullptr;
      for (const catalogue::RoutineItem& item : r->items) {
        if (c.current_id(item.exercise) == id) return &item;
      }
      return nullptr;
    };
    out += "<table class=\"sheet-table\"><caption>Each exercise: as prescribed, and how it went in this period</caption>"
           "<thead><tr>";
    for (const char* h : {"Exercise", "Prescribed", "Completed", "Skipped", "Stopped: it hurt", "Last time (holds)"}) cell(out, "th", h);
    out += "</tr></thead><tbody>";
    for (const std::string& id : order) {
      const Outcomes& o = by_exercise[id];
      const catalogue::RoutineItem* item = item_of(id);
      const catalogue::Exercise* e = c.find_exercise(id);
      std::string prescribed = "not in the routine";
      if (item && e) {
        prescribed = own_routine ? catalogue::describe_prescribed(*e, *item, d.side) : catalogue::describe(catalogue::resolve(*e, *item));
        if (own_routine && item->build_up_days) prescribed += "; now " + catalogue::describe_on(*e, *item, d.days_in, d.side);
      }
      out += "<tr>";
      cell(out, "td", name(id));
      cell(out, "td", prescribed);
      cell(out, "td", std::to_string(o.completed));
      cell(out, "td", std::to_string(o.skipped));
      cell(out, "td", std::to_string(o.hurt));
      cell(out, "td", last_time(o.last));
      out += "</tr>";
    }
    out += "</tbody></table>";
  }

  // The routine as prescribed.
  out += "<h2>The routine</h2>";
  if (!r) {
    out += "<p>No routine is chosen on Today.</p>";
  } else {
    std::string when = catalogue::frequency_sentence(*r) + ".";
    if (const auto review = catalogue::parse_optional_day(r->review_on)) {
      when += " Review on " + day_words(*review) + ".";
    }
    out += "<p><strong>" + html_text(r->name) + "</strong>: " + html_text(when) + "</p>";
    if (r->clinic) {
      out += "<p>" + html_text("From " + r->clinic->name + (r->clinic->phone ? ", telephone " + *r->clinic->phone : std::string()) + ".") + "</p>";
    }
    if (r->note) out += "<p class=\"sheet-note\">" + html_text(*r->note) + "</p>";
    if (!d.link.empty()) out += "<p class=\"sheet-address\">" + html_text(d.link) + "</p>";
  }
  out += "<p class=\"sheet-small\">Made by Limber on this device on " + html_text(day_words(today)) +
         ". Nothing was sent anywhere: the person chose to print or show it.</p></section></article>";
  return out;
}

}  // namespace limber::print
