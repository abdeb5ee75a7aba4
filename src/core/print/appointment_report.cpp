// Index: dates, counting, the pain chart, the report.
#include "print/appointment_report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "catalogue/dosage.h"
#include "catalogue/summary.h"
#include "print/svg.h"
#include "storage/backup.h"
#include "storage/history.h"

namespace limber::print {

namespace {

constexpr std::int64_t kDayMs = 86'400'000;

// ---- Dates ------------------------------------------------------------------------------------

// "23 Nov 2026" for a local day.
std::string day_words(std::int64_t day) { return storage::format_local_date(day * kDayMs, 0); }

// ---- Counting ----------------------------------------------------------------------------------

struct Week {
  std::int64_t first_day = 0;
  int sessions = 0;
  int before_sum = 0, before_n = 0, after_sum = 0, after_n = 0;
  std::optional<double> before() const { return before_n ? std::optional(double(before_sum) / before_n) : std::nullopt; }
  std::optional<double> after() const { return after_n ? std::optional(double(after_sum) / after_n) : std::nullopt; }
};

struct Outcomes {
  int completed = 0, skipped = 0, hurt = 0;
};

std::string one_decimal(std::optional<double> v) {
  if (!v) return "no score";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.1f", *v);
  return buf;
}

int weekly_target(catalogue::Frequency f) {
  switch (f) {
    case catalogue::Frequency::every_day: return 7;
    case catalogue::Frequency::twice_a_day_while_in_pain: return 14;
    case catalogue::Frequency::when_needed: return 0;
  }
  return 0;
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
  std::map<std::string, Outcomes> by_exercise;
  int sessions = 0;
  for (const storage::StoredSession& s : *d.sessions) {
    const std::int64_t day = storage::local_day(s.record.started_at_ms, d.utc_offset_minutes);
    if (day < first || day > today) continue;
    ++sessions;
    Week& w = weeks[static_cast<std::size_t>((day - first) / 7)];
    ++w.sessions;
    if (s.record.pain_before) { w.before_sum += *s.record.pain_before; ++w.before_n; }
    if (s.record.pain_after) { w.after_sum += *s.record.pain_after; ++w.after_n; }
    for (const session::ExerciseRecord& e : s.record.exercises) {
      if (e.outcome == session::Outcome::not_reached) continue;
      Outcomes& o = by_exercise[e.exercise];
      o.completed += e.outcome == session::Outcome::completed;
      o.skipped += e.outcome == session::Outcome::skipped;
      o.hurt += e.outcome == session::Outcome::stopped_hurt;
    }
  }

  std::string out = "<article class=\"sheet report\" aria-labelledby=\"sheet-title\"><section class=\"sheet-cover\">";
  out += "<p class=\"sheet-kicker\">Limber progress report</p>";
  out += "<h1 id=\"sheet-title\">For your next appointment</h1>";
  out += "<p class=\"sheet-when\">" + html_text(day_words(first) + " to " + day_words(today)) + " (" +
         std::to_string(weeks_n) + " weeks): " + std::to_string(sessions) + " session" + (sessions == 1 ? "" : "s") +
         ".</p>";

  // Sessions and pain, week by week.
  const int target = d.routine ? weekly_target(d.routine->frequency) : 0;
  out += "<h2>Sessions and pain, week by week</h2>";
  out += "<table class=\"sheet-table\"><caption>Sessions done";
  if (target) out += " (the routine asks for " + std::to_string(target) + " a week)";
  out += " and average pain out of 10</caption><thead><tr>";
  for (const char* h : {"Week", "From", "Sessions", "Pain before", "Pain after"}) cell(out, "th", h);
  out += "</tr></thead><tbody>";
  for (std::size_t i = 0; i < weeks.size(); ++i) {
    const Week& w = weeks[i];
    out += "<tr>";
    cell(out, "td", std::to_string(i + 1));
    cell(out, "td", day_words(w.first_day));
    cell(out, "td", std::to_string(w.sessions) + (target ? " of " + std::to_string(target) : ""));
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
        if (by_exercise.contains(item.exercise) && std::find(order.begin(), order.end(), item.exercise) == order.end()) {
          order.push_back(item.exercise);
        }
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
    out += "<table class=\"sheet-table\"><caption>How each exercise ended, in this period</caption><thead><tr>";
    for (const char* h : {"Exercise", "Completed", "Skipped", "Stopped: it hurt"}) cell(out, "th", h);
    out += "</tr></thead><tbody>";
    for (const std::string& id : order) {
      const Outcomes& o = by_exercise[id];
      out += "<tr>";
      cell(out, "td", name(id));
      cell(out, "td", std::to_string(o.completed));
      cell(out, "td", std::to_string(o.skipped));
      cell(out, "td", std::to_string(o.hurt));
      out += "</tr>";
    }
    out += "</tbody></table>";
  }

  // The routine as prescribed.
  out += "<h2>The routine</h2>";
  if (!d.routine) {
    out += "<p>No routine is chosen on Today.</p>";
  } else {
    out += "<p><strong>" + html_text(d.routine->name) + "</strong>: " + html_text(catalogue::frequency_sentence(*d.routine)) + ".</p><ol>";
    for (const catalogue::RoutineItem& item : d.routine->items) {
      const catalogue::Exercise* e = c.find_exercise(item.exercise);
      if (!e) continue;
      out += "<li>" + html_text(e->name + ": " + catalogue::describe(catalogue::resolve(*e, item))) + "</li>";
    }
    out += "</ol>";
    if (!d.link.empty()) out += "<p class=\"sheet-address\">" + html_text(d.link) + "</p>";
  }
  out += "<p class=\"sheet-small\">Made by Limber on this device on " + html_text(day_words(today)) +
         ". Nothing was sent anywhere: the person chose to print or show it.</p></section></article>";
  return out;
}

}  // namespace limber::print
