// The report for the next appointment (print/appointment_report.h): the period in whole weeks
// ending today in the person's time zone, sessions per week against the routine's frequency,
// pain averages in the table and the chart, each exercise's outcomes, the routine with its
// link, and text escaped.
#include <doctest/doctest.h>

#include <regex>
#include <string>
#include <vector>

#include "animation_fixtures.h"
#include "catalogue/dosage.h"
#include "catalogue/prescription.h"
#include "catalogue/summary.h"
#include "print/appointment_report.h"

using namespace limber;

namespace {

constexpr std::int64_t kDay = 86'400'000;
// Thursday 3 December 2026, 12:00 UTC.
constexpr std::int64_t kNow = 1796299200000;

storage::StoredSession session_at(std::int64_t ms, std::optional<int> before, std::optional<int> after,
                                  std::vector<std::pair<std::string, session::Outcome>> outcomes,
                                  std::string routine = "nhs_daily") {
  storage::StoredSession s;
  s.record.routine = std::move(routine);
  s.record.started_at_ms = ms;
  s.record.ended_at_ms = ms + 600'000;
  s.record.pain_before = before;
  s.record.pain_after = after;
  for (auto& [id, outcome] : outcomes) s.record.exercises.push_back({.exercise = id, .outcome = outcome});
  s.id = std::to_string(ms);
  return s;
}

// The table rows of the first table: each row's cells' text.
std::vector<std::vector<std::string>> rows(const std::string& html, int table) {
  std::size_t at = 0;
  for (int i = 0; i <= table; ++i) at = html.find("<tbody>", at + 1);
  const std::string body = html.substr(at, html.find("</tbody>", at) - at);
  std::vector<std::vector<std::string>> out;
  const std::regex row("<tr>(.*?)</tr>"), cell("<td>(.*?)</td>");
  for (auto r = std::sregex_iterator(body.begin(), body.end(), row); r != std::sregex_iterator(); ++r) {
    const std::string text = (*r)[1].str();
    std::vector<std::string> cells;
    for (auto c = std::sregex_iterator(text.begin(), text.end(), cell); c != std::sregex_iterator(); ++c) cells.push_back((*c)[1].str());
    out.push_back(cells);
  }
  return out;
}

}  // namespace

TEST_CASE("appointment report: weeks ending today in local time, sessions against the frequency, pain averages") {
  using session::Outcome;
  const catalogue::Catalogue& c = test::shipped_catalogue();
  const catalogue::Routine* routine = c.find_routine("nhs_daily");
  REQUIRE(routine->frequency == catalogue::Frequency::every_day);
  const std::vector<storage::StoredSession> sessions = {
      session_at(kNow - 30 * kDay, 9, 9, {{"knee_rolls", Outcome::completed}}),  // before the period
      // 12 Nov 23:30 UTC is 13 Nov 00:30 at UTC+1: the first day of week 1 there, outside the period in UTC.
      session_at(kNow - 21 * kDay + 11 * 3'600'000 + 30 * 60'000, 6, 4,
                 {{"knee_rolls", Outcome::completed}, {"pelvic_tilt", Outcome::skipped}}),
      session_at(kNow - 10 * kDay, 5, 3, {{"knee_rolls", Outcome::stopped_hurt}, {"pelvic_tilt", Outcome::completed}}),
      session_at(kNow - 9 * kDay, 4, std::nullopt, {{"pelvic_tilt", Outcome::completed}, {"relaxation", Outcome::not_reached}}),
      session_at(kNow - 1 * kDay, std::nullopt, std::nullopt, {{"cat_cow", Outcome::completed}}),
  };
  const auto report = [&](int offset) {
    return print::appointment_report({.catalogue = &c, .sessions = &sessions, .routine = routine,
                                      .link = "https://limber.example/#routine=1.A&B.C", .weeks = 3, .now_ms = kNow,
                                      .utc_offset_minutes = offset});
  };
  const std::string utc = report(0), bst = report(60);
  // 3 weeks ending Thursday 3 Dec: 13 Nov to 3 Dec.
  CHECK(utc.find("13 Nov 2026 to 3 Dec 2026 (3 weeks): 3 sessions.") != std::string::npos);
  CHECK(bst.find("13 Nov 2026 to 3 Dec 2026 (3 weeks): 4 sessions.") != std::string::npos);
  CHECK(utc.find("Sessions of NHS daily exercises done as prescribed: 3 of 21 (14%).") != std::string::npos);
  CHECK(utc.find("against prescribed (Every day)") != std::string::npos);
  const auto weeks = rows(bst, 0);
  REQUIRE(weeks.size() == 3);
  CHECK(weeks[0] == std::vector<std::string>{"1", "13 Nov 2026", "1 of 7", "0", "6.0", "4.0"});
  CHECK(weeks[1] == std::vector<std::string>{"2", "20 Nov 2026", "2 of 7", "0", "4.5", "3.0"});
  CHECK(weeks[2] == std::vector<std::string>{"3", "27 Nov 2026", "1 of 7", "0", "no score", "no score"});
  CHECK(rows(utc, 0)[0] == std::vector<std::string>{"1", "13 Nov 2026", "0 of 7", "0", "no score", "no score"});
  // The chart: two lines through the weeks with scores (week 3 has none).
  CHECK(std::regex_search(bst, std::regex(R"(<polyline fill="none" stroke="#000" stroke-width="2" points="[\d.]+,[\d.]+ [\d.]+,[\d.]+"/>)")));
  CHECK(std::regex_search(bst, std::regex(R"(stroke-dasharray="6 4" points="[\d.]+,[\d.]+ [\d.]+,[\d.]+"/>)")));
  // Exercises done: the routine's in its order, then the others by name; one not reached is not listed.
  const auto exercises = rows(bst, 1);
  REQUIRE(exercises.size() == 3);
  const auto source = [&](const char* id) {
    const catalogue::Exercise& e = *c.find_exercise(id);
    for (const catalogue::RoutineItem& item : routine->items) {
      if (item.exercise == id) return catalogue::describe(catalogue::resolve(e, item));
    }
    return std::string("not in the routine");
  };
  CHECK(exercises[0] == std::vector<std::string>{"Knee rolls", source("knee_rolls"), "1", "0", "1", "0 reps"});
  CHECK(exercises[1] == std::vector<std::string>{"Pelvic tilt", source("pelvic_tilt"), "2", "1", "0", "0 reps"});
  CHECK(exercises[2] == std::vector<std::string>{"Cat-cow", "not in the routine", "1", "0", "0", "0 reps"});
  // The routine as prescribed, with its link (escaped).
  CHECK(bst.find("<strong>" + routine->name + "</strong>") != std::string::npos);
  CHECK(bst.find("https://limber.example/#routine=1.A&amp;B.C") != std::string::npos);
  // Other routines' sessions are beside the routine's, never counted as its.
  std::vector<storage::StoredSession> mixed = sessions;
  mixed.push_back(session_at(kNow - 2 * kDay, 3, 2, {{"relaxation", Outcome::completed}}, "gentle_bad_day"));
  CHECK(rows(print::appointment_report({.catalogue = &c, .sessions = &mixed, .routine = routine, .weeks = 3, .now_ms = kNow,
                                        .utc_offset_minutes = 60}), 0)[2] ==
        std::vector<std::string>{"3", "27 Nov 2026", "1 of 7", "1", "3.0", "2.0"});
  CHECK(bst.find("Made by Limber on this device on 3 Dec 2026.") != std::string::npos);
}

TEST_CASE("appointment report: no sessions, no routine, a name with markup") {
  const catalogue::Catalogue& c = test::shipped_catalogue();
  const std::vector<storage::StoredSession> none;
  const std::string empty = print::appointment_report({.catalogue = &c, .sessions = &none, .weeks = 2, .now_ms = kNow});
  CHECK(empty.find("(2 weeks): 0 sessions.") != std::string::npos);
  CHECK(empty.find("No exercises were done in this period.") != std::string::npos);
  CHECK(empty.find("No routine is chosen on Today.") != std::string::npos);
  CHECK(empty.find("prescribed") == std::string::npos);
  CHECK(empty.find("<polyline") == std::string::npos);
  catalogue::Routine mine{.id = "own-1", .name = "<i>Mine</i>", .frequency = catalogue::Frequency::when_needed,
                          .items = {{.exercise = "pelvic_tilt"}}};
  const std::string named = print::appointment_report({.catalogue = &c, .sessions = &none, .routine = &mine, .now_ms = kNow});
  CHECK(named.find("<i>") == std::string::npos);
  CHECK(named.find("&lt;i&gt;Mine&lt;/i&gt;") != std::string::npos);
  CHECK(named.find("done as prescribed") == std::string::npos);  // when needed: no target
  CHECK(print::appointment_report({.catalogue = &c}) == "");
}

TEST_CASE("appointment report: a clinician's twice a day counts sessions done against prescribed, from its start to its review") {
  using session::Outcome;
  const catalogue::Catalogue& c = test::shipped_catalogue();
  catalogue::Routine mine{.id = "my-1", .name = "Right side", .purpose = "From the clinic.",
                          .items = {{.exercise = "pelvic_tilt", .dosage = "hold_a_few_seconds"}}};
  catalogue::prescribe_exactly(c, mine);
  mine.items[0].reps = catalogue::Range{.min = 5, .max = 10, .start = 5};
  mine.items[0].build_up_days = 10;
  mine.schedule = catalogue::Schedule{.times_a_day = 2, .days_a_week = 7, .times = {}};
  mine.started_on = "2026-11-26";  // a Thursday: week 2 of 2 is its first full week
  mine.review_on = "2026-12-02";   // the day before today: nothing is asked after it
  mine.note = "Stop if it spreads down your leg.";
  mine.clinic = catalogue::Clinic{.name = "Riverside Physiotherapy", .phone = "020 7946 0958"};
  std::vector<storage::StoredSession> sessions;
  const std::int64_t nov26 = kNow - 7 * kDay - 3'600'000;  // 26 Nov, 11:00 UTC
  for (int day = 0; day < 7; ++day) {
    const int times = day == 2 ? 3 : day == 4 ? 1 : 2;  // one day three times, one day once
    for (int k = 0; k < times; ++k) {
      storage::StoredSession s = session_at(nov26 + day * kDay + k * 3'600'000, 4, 3, {{"pelvic_tilt", Outcome::completed}}, "my-1");
      s.record.exercises[0].reps_done.together = 8;
      s.record.exercises[0].holds_done.together = 8;
      s.record.exercises[0].hold_seconds = 40;
      sessions.push_back(s);
    }
  }
  sessions.push_back(session_at(kNow - 3'600'000, 2, 1, {{"pelvic_tilt", Outcome::completed}}, "my-1"));  // after the review
  const std::string html = print::appointment_report({.catalogue = &c, .sessions = &sessions, .routine = &mine, .days_in = 7,
                                                      .weeks = 2, .now_ms = kNow});
  // Asked: 2 a day from 26 Nov to 2 Dec (7 days); done up to what each day asked: 13 of 14, 1 more on the busy day.
  CHECK(html.find("Sessions of Right side done as prescribed: 13 of 14 (93%), and 2 more than prescribed.") != std::string::npos);
  const auto weeks = rows(html, 0);
  REQUIRE(weeks.size() == 2);
  CHECK(weeks[0] == std::vector<std::string>{"1", "20 Nov 2026", "2 of 2", "0", "4.0", "3.0"});       // 26 Nov only
  CHECK(weeks[1] == std::vector<std::string>{"2", "27 Nov 2026", "11 of 12 (+2)", "0", "3.8", "2.8"});
  // Prescribed against done: the amount set, where its build-up stands today, and the last time.
  const auto exercises = rows(html, 1);
  REQUIRE(exercises.size() == 1);
  CHECK(exercises[0][1] == "5 reps, hold 3 seconds; building up to 10 reps over 10 days; now 8 reps, hold 3 seconds");
  CHECK(exercises[0][2] == "15");
  CHECK(exercises[0][5] == "0 reps");  // the last one, after the review, did none
  CHECK(html.find("Twice a day, every day. Review on 2 Dec 2026.") != std::string::npos);
  CHECK(html.find("From Riverside Physiotherapy, telephone 020 7946 0958.") != std::string::npos);
  CHECK(html.find("Stop if it spreads down your leg.") != std::string::npos);
}
