// The report for the next appointment (print/appointment_report.h): the period in whole weeks
// ending today in the person's time zone, sessions per week against the routine's frequency,
// pain averages in the table and the chart, each exercise's outcomes, the routine with its
// link, and text escaped.
#include <doctest/doctest.h>

#include <regex>
#include <string>
#include <vector>

#include "animation_fixtures.h"
#include "print/appointment_report.h"

using namespace limber;

namespace {

constexpr std::int64_t kDay = 86'400'000;
// Thursday 3 December 2026, 12:00 UTC.
constexpr std::int64_t kNow = 1796299200000;

storage::StoredSession session_at(std::int64_t ms, std::optional<int> before, std::optional<int> after,
                                  std::vector<std::pair<std::string, session::Outcome>> outcomes) {
  storage::StoredSession s;
  s.record.routine = "gentle_bad_day";
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
  CHECK(utc.find("the routine asks for 7 a week") != std::string::npos);
  const auto weeks = rows(bst, 0);
  REQUIRE(weeks.size() == 3);
  CHECK(weeks[0] == std::vector<std::string>{"1", "13 Nov 2026", "1 of 7", "6.0", "4.0"});
  CHECK(weeks[1] == std::vector<std::string>{"2", "20 Nov 2026", "2 of 7", "4.5", "3.0"});
  CHECK(weeks[2] == std::vector<std::string>{"3", "27 Nov 2026", "1 of 7", "no score", "no score"});
  CHECK(rows(utc, 0)[0] == std::vector<std::string>{"1", "13 Nov 2026", "0 of 7", "no score", "no score"});
  // The chart: two lines through the weeks with scores (week 3 has none).
  CHECK(std::regex_search(bst, std::regex(R"(<polyline fill="none" stroke="#000" stroke-width="2" points="[\d.]+,[\d.]+ [\d.]+,[\d.]+"/>)")));
  CHECK(std::regex_search(bst, std::regex(R"(stroke-dasharray="6 4" points="[\d.]+,[\d.]+ [\d.]+,[\d.]+"/>)")));
  // Exercises done: the routine's in its order, then the others by name; one not reached is not listed.
  const auto exercises = rows(bst, 1);
  REQUIRE(exercises.size() == 3);
  CHECK(exercises[0] == std::vector<std::string>{"Knee rolls", "1", "0", "1"});
  CHECK(exercises[1] == std::vector<std::string>{"Pelvic tilt", "2", "1", "0"});
  CHECK(exercises[2] == std::vector<std::string>{"Cat-cow", "1", "0", "0"});
  // The routine as prescribed, with its link (escaped).
  CHECK(bst.find("<strong>" + routine->name + "</strong>") != std::string::npos);
  CHECK(bst.find("https://limber.example/#routine=1.A&amp;B.C") != std::string::npos);
  CHECK(bst.find("Made by Limber on this device on 3 Dec 2026.") != std::string::npos);
}

TEST_CASE("appointment report: no sessions, no routine, a name with markup") {
  const catalogue::Catalogue& c = test::shipped_catalogue();
  const std::vector<storage::StoredSession> none;
  const std::string empty = print::appointment_report({.catalogue = &c, .sessions = &none, .weeks = 2, .now_ms = kNow});
  CHECK(empty.find("(2 weeks): 0 sessions.") != std::string::npos);
  CHECK(empty.find("No exercises were done in this period.") != std::string::npos);
  CHECK(empty.find("No routine is chosen on Today.") != std::string::npos);
  CHECK(empty.find("asks for") == std::string::npos);
  CHECK(empty.find("<polyline") == std::string::npos);
  catalogue::Routine mine{.id = "own-1", .name = "<i>Mine</i>", .frequency = catalogue::Frequency::when_needed,
                          .items = {{.exercise = "pelvic_tilt"}}};
  const std::string named = print::appointment_report({.catalogue = &c, .sessions = &none, .routine = &mine, .now_ms = kNow});
  CHECK(named.find("<i>") == std::string::npos);
  CHECK(named.find("&lt;i&gt;Mine&lt;/i&gt;") != std::string::npos);
  CHECK(named.find("asks for") == std::string::npos);  // when needed: no weekly target
  CHECK(print::appointment_report({.catalogue = &c}) == "");
}
