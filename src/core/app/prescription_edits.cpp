#include "app/prescription_edits.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>

#include "catalogue/calendar_day.h"
#include "catalogue/dosage.h"
#include "catalogue/prescription.h"
#include "catalogue/schedule.h"
#include "json/enum_names.h"
#include "text/cat.h"
#include "text/digits.h"

namespace limber::app {

namespace {

using catalogue::Routine;
using catalogue::RoutineItem;

constexpr std::array<std::string_view, 7> kEdits{"hold_unit", "sides", "favour", "build_up", "how_often", "review",
                                                 "side_that_hurts"};
constexpr int kBuildUpDays = 14;

std::string expected(std::string_view what, std::string_view got) { return text::cat({"expected ", what, ", got '", got, "'"}); }

// 1 to 4 digits: every number these edits take.
std::optional<int> whole(std::string_view text) { return text::digits(text, 4); }

// "HH:MM" in minutes after midnight.
std::optional<int> clock(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  const auto h = whole(text.substr(0, 2)), m = whole(text.substr(3, 2));
  if (!h || !m || *h < 0 || *h > 23 || *m < 0 || *m > 59) return std::nullopt;
  return *h * 60 + *m;
}

// "<n>=<rest>": the item (from 1) and what follows, or why not.
struct ItemEdit {
  RoutineItem* item = nullptr;
  const catalogue::Exercise* exercise = nullptr;
  const catalogue::DosageOption* option = nullptr;
  std::string_view value;
  std::string error;
};

ItemEdit item_edit(Routine& r, const catalogue::Catalogue& c, std::string_view arg) {
  ItemEdit out;
  const std::size_t eq = arg.find('=');
  const std::optional<int> n = eq == std::string_view::npos ? std::nullopt : whole(arg.substr(0, eq));
  if (!n) {
    out.error = "expected <exercise number from 1>=<value>";
    return out;
  }
  if (*n < 1 || static_cast<std::size_t>(*n) > r.items.size()) {
    out.error = text::cat({"the routine has no exercise ", std::to_string(*n), " (it has ", std::to_string(r.items.size()), ")"});
    return out;
  }
  out.item = &r.items[static_cast<std::size_t>(*n - 1)];
  out.exercise = c.find_exercise(out.item->exercise);
  out.option = out.exercise ? catalogue::option_for(*out.exercise, *out.item) : nullptr;
  if (!out.option) out.error = "this exercise is not one Limber has";
  out.value = arg.substr(eq + 1);
  return out;
}

std::string hold_unit(ItemEdit e) {
  const auto unit = json::enum_from_name<catalogue::HoldUnit>(e.value);
  if (!unit) return expected("seconds or breaths", e.value);
  const catalogue::Dosage now = catalogue::resolve(*e.exercise, *e.item);
  if (!now.hold) return text::cat({e.exercise->name, " is not held"});
  if (now.hold->unit == *unit) return {};
  // The same hold, near enough, in the other unit: a breath in and out takes about 8 seconds.
  const int seconds_per_breath = 8;
  const auto convert = [&](int v) {
    const int to = *unit == catalogue::HoldUnit::breaths ? (v + seconds_per_breath / 2) / seconds_per_breath : v * seconds_per_breath;
    return std::clamp(to, 1, catalogue::amount_limit(catalogue::Amount::hold, *unit));
  };
  catalogue::Range h = now.hold->amount;
  h.start = h.min = convert(h.start);
  h.max = std::max(h.start, convert(h.max));
  e.item->hold = h;
  e.item->hold_unit = *unit == e.option->dosage.hold->unit ? std::nullopt : std::optional(*unit);
  return {};
}

std::string sides(ItemEdit e) {
  const auto sides = json::enum_from_name<catalogue::Sides>(e.value);
  if (!sides || *sides == catalogue::Sides::together) return expected("each_side, alternating or one_side", e.value);
  if (e.option->dosage.sides == catalogue::Sides::together) return text::cat({e.exercise->name, " is done with both sides together"});
  e.item->sides = *sides == e.option->dosage.sides ? std::nullopt : std::optional(*sides);
  if (*sides == catalogue::Sides::one_side || (*sides == catalogue::Sides::alternating && e.item->favour == catalogue::Favour::more)) {
    e.item->favour.reset();  // only that side, or alternating: no more on it
  }
  return {};
}

std::string favour(ItemEdit e) {
  const catalogue::Sides now = catalogue::resolve(*e.exercise, *e.item).sides;
  if (e.value == "none") {
    e.item->favour.reset();
    return {};
  }
  const auto f = json::enum_from_name<catalogue::Favour>(e.value);
  if (!f) return expected("none, first or more", e.value);
  if (now == catalogue::Sides::together || now == catalogue::Sides::one_side) {
    return text::cat({e.exercise->name, now == catalogue::Sides::together ? " is done with both sides together" : " is done on one side only"});
  }
  if (*f == catalogue::Favour::more && now != catalogue::Sides::each_side) return "more on one side needs each side done in turn";
  e.item->favour = *f;
  return {};
}

std::string build_up(ItemEdit e) {
  if (e.value != "on" && e.value != "off") return expected("on or off", e.value);
  const catalogue::Dosage now = catalogue::resolve(*e.exercise, *e.item);
  if (e.value == "off") {
    e.item->build_up_days.reset();
    e.item->reps = catalogue::Range{.min = now.reps.start, .max = now.reps.start, .start = now.reps.start};
    if (now.hold) e.item->hold = catalogue::Range{.min = now.hold->amount.start, .max = now.hold->amount.start, .start = now.hold->amount.start};
    return {};
  }
  if (e.item->build_up_days) return {};
  // Up to the source's most, or two more where the routine already asks for that much.
  const int source_most = e.option->dosage.reps.max;
  const int to = std::min(catalogue::PrescriptionLimits::max_reps, source_most > now.reps.start ? source_most : now.reps.start + 2);
  if (to <= now.reps.start) return "already the most reps a routine can ask for";
  e.item->build_up_days = kBuildUpDays;
  e.item->reps = catalogue::Range{.min = now.reps.start, .max = to, .start = now.reps.start};
  return {};
}

std::string how_often(Routine& r, std::string_view arg) {
  catalogue::Schedule s = catalogue::schedule_of(r).value_or(catalogue::Schedule{});
  const std::size_t eq = arg.find('=');
  const std::string_view name = arg.substr(0, eq), value = eq == std::string_view::npos ? std::string_view() : arg.substr(eq + 1);
  if (name == "when_needed") {
    r.schedule.reset();
    r.frequency = catalogue::Frequency::when_needed;
    return {};
  }
  if (name == "times_a_day" || name == "days_a_week") {
    const std::optional<int> n = whole(value);
    const int most = name == "times_a_day" ? catalogue::ScheduleLimits::max_times_a_day : 7;
    if (!n || *n < 1 || *n > most) return text::cat({"expected ", name, "=1 to ", std::to_string(most)});
    if (name == "days_a_week") s.days_a_week = *n;
    else if (*n != s.times_a_day) {
      s.times_a_day = *n;
      if (!s.times.empty()) s.times = catalogue::reminder_times({.times_a_day = *n, .days_a_week = 7, .times = {}});
    }
  } else if (name == "set_times") {
    if (value != "on" && value != "off") return "expected set_times=on or off";
    s.times = value == "on" ? catalogue::reminder_times({.times_a_day = s.times_a_day, .days_a_week = 7, .times = {}})
                            : std::vector<int>{};
  } else if (name.starts_with("time")) {
    const std::optional<int> k = whole(name.substr(4));
    const std::optional<int> at = clock(value);
    if (!k || !at) return expected("time<k>=HH:MM", arg);
    if (*at % catalogue::ScheduleLimits::time_step_minutes != 0) return text::cat({catalogue::clock_time(*at), " is not on a quarter hour"});
    if (s.times.empty()) s.times = catalogue::reminder_times(s);
    if (*k < 1 || *k > static_cast<int>(s.times.size())) return text::cat({"there is no time ", std::to_string(*k), " of day"});
    s.times.erase(s.times.begin() + (*k - 1));
    // Kept rising (there are four at most): in at its place, never twice.
    std::size_t at_place = 0;
    while (at_place < s.times.size() && s.times[at_place] < *at) ++at_place;
    if (at_place < s.times.size() && s.times[at_place] == *at) return text::cat({catalogue::clock_time(*at), " is already one of the times"});
    s.times.insert(s.times.begin() + static_cast<std::ptrdiff_t>(at_place), *at);
  } else {
    return expected("times_a_day, days_a_week, when_needed, set_times or time<k>", name);
  }
  r.schedule = std::move(s);
  r.frequency = catalogue::Frequency::every_day;
  return {};
}

std::string review(Routine& r, std::string_view arg, std::int64_t today) {
  if (arg == "none") {
    r.review_on.reset();
    return {};
  }
  if (const std::optional<int> weeks = whole(arg)) {
    if (*weeks < 1 || *weeks > 26) return "a review is 1 to 26 weeks away";
    r.review_on = catalogue::iso_day(today + 7 * static_cast<std::int64_t>(*weeks));
    return {};
  }
  const std::optional<std::int64_t> day = catalogue::parse_day(arg);
  if (!day) return expected("none, a number of weeks or a date as YYYY-MM-DD", arg.substr(0, 20));
  if (*day <= today) return "a review date is after today";
  r.review_on = std::string(arg);
  return {};
}

}  // namespace

bool is_prescription_edit(std::string_view name) { return std::find(kEdits.begin(), kEdits.end(), name) != kEdits.end(); }

std::string edit_prescription(Routine& r, const catalogue::Catalogue& c, std::string_view name, std::string_view arg,
                              std::int64_t today) {
  if (name == "how_often") return how_often(r, arg);
  if (name == "review") return review(r, arg, today);
  if (name == "side_that_hurts") {
    if (arg == "ask") r.side_that_hurts.reset();
    else if (const auto side = json::enum_from_name<catalogue::FirstSide>(arg)) r.side_that_hurts = *side;
    else return expected("ask, left or right", arg);
    return {};
  }
  if (!is_prescription_edit(name)) return text::cat({"no such edit '", name, "'"});
  // Every other edit is an exercise's: a copy of it changes, then replaces it once it is whole.
  ItemEdit e = item_edit(r, c, arg);
  if (!e.error.empty()) return e.error;
  RoutineItem& item = *e.item;
  RoutineItem copy = item;
  e.item = &copy;
  std::string why = name == "hold_unit" ? hold_unit(e) : name == "sides" ? sides(e) : name == "favour" ? favour(e) : build_up(e);
  if (why.empty()) item = std::move(copy);
  return why;
}

}  // namespace limber::app
