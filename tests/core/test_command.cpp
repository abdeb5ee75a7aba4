// The automation commands: each is checked before it acts, and a refusal changes nothing.
#include <doctest/doctest.h>

#include <stdexcept>

#include "app_fixtures.h"
#include "catalogue/calendar_day.h"

using limber::app::Screen;
using limber::test::AppRig;

TEST_CASE("command: ping and redraw are accepted and change nothing") {
  AppRig r;
  CHECK(r.run("ping").ok);
  CHECK(r.run("redraw").ok);
  CHECK(r.app.nav().screen() == Screen::today);
  CHECK(r.app.sync().revision() == 0);
}

TEST_CASE("command: navigate shows the named screen and back returns") {
  AppRig r;
  CHECK(r.run("navigate", "safety").ok);
  CHECK(r.app.nav().screen() == Screen::safety);
  CHECK(r.run("back").ok);
  CHECK(r.app.nav().screen() == Screen::today);
}

TEST_CASE("command: an unknown command is refused by name, with the list") {
  AppRig r;
  const auto result = r.run("launch");
  CHECK_FALSE(result.ok);
  CHECK(result.error.rfind("unknown command 'launch' (commands: ping, redraw, navigate, back, theme,", 0) == 0);
}

TEST_CASE("command: navigate to an unknown screen is refused and the screen stays") {
  AppRig r;
  r.run("navigate", "library");
  const auto result = r.run("navigate", "home");
  CHECK(result.error.rfind("navigate: unknown screen 'home' (screens: today, routines,", 0) == 0);
  CHECK(r.app.nav().screen() == Screen::library);
}

TEST_CASE("command: screens that need something chosen first are refused without it") {
  AppRig r;
  CHECK(r.run("navigate", "player").error == "navigate: no session is open (use start <routine>)");
  CHECK(r.run("navigate", "routine_editor").error == "navigate: no routine is being edited");
  CHECK(r.run("navigate", "exercise").error == "navigate: no exercise is chosen (use exercise <id>)");
  CHECK(r.app.nav().screen() == Screen::today);
}

TEST_CASE("command: a command that needs an argument is refused without one") {
  AppRig r;
  CHECK(r.run("navigate").error == "command 'navigate' needs an argument");
}

TEST_CASE("command: back on the first screen is refused") {
  AppRig r;
  CHECK(r.run("back").error == "back: already on the first screen");
}

TEST_CASE("command: an argument to a command that takes none is refused") {
  AppRig r;
  r.run("navigate", "safety");
  CHECK(r.run("back", "today").error == "command 'back' takes no argument, got 'today'");
  CHECK(r.app.nav().screen() == Screen::safety);
}

TEST_CASE("command: results as JSON") {
  CHECK(limber::app::command_result_json({.ok = true, .error = {}}) == R"({"ok":true})");
  CHECK(limber::app::command_result_json({.ok = false, .error = "no \"x\""}) == R"({"ok":false,"error":"no \"x\""})");
}

TEST_CASE("command: theme switches light, dark and high contrast, and refuses others") {
  AppRig r;
  CHECK(r.run("theme", "dark").ok);
  CHECK(r.app.settings().theme == limber::storage::Theme::dark);
  CHECK(r.run("theme", "high_contrast").ok);
  const auto result = r.run("theme", "neon");
  CHECK(result.error == "theme: theme: expected light, dark or high_contrast, got 'neon'");
  CHECK(r.app.settings().theme == limber::storage::Theme::high_contrast);
}

TEST_CASE("command: settings are set by name and checked like stored settings") {
  AppRig r;
  CHECK(r.run("setting", "sounds=off").ok);
  CHECK_FALSE(r.app.settings().sounds);
  CHECK(r.run("setting", "text_size=140").ok);
  CHECK(r.app.settings().text_size_percent == 140);
  CHECK(r.run("setting", "breath_in=5").ok);
  CHECK(r.app.settings().breath_in_seconds == 5);
  CHECK(r.run("setting", "hold_preference=longer").ok);
  CHECK(r.app.settings().hold_preference == limber::catalogue::HoldPreference::longer);
  CHECK(r.run("setting", "hold_preference=longest").error ==
        "setting: hold_preference: expected default, shorter or longer, got 'longest'");
  const auto revision = r.app.sync().revision();
  CHECK(r.run("setting", "text_size=300").error == "setting: settings.text_size_percent: must be from 100 to 200");
  CHECK(r.run("setting", "breath_in=1").error == "setting: settings.breath_in_seconds: a breath must last from 2 to 10 seconds");
  CHECK(r.run("setting", "sounds=maybe").error == "setting: sounds: expected on or off, got 'maybe'");
  CHECK(r.run("setting", "text_size=big").error == "setting: text_size: expected a whole number, got 'big'");
  CHECK(r.run("setting", "volume=11").error.rfind("setting: unknown setting 'volume'", 0) == 0);
  CHECK(r.run("setting", "sounds").error == "setting: expected name=value, got 'sounds'");
  CHECK(r.app.settings().text_size_percent == 140);
  CHECK(r.app.sync().revision() == revision);  // refusals store nothing
}

TEST_CASE("command: pain is refused out of range, and when nobody asked") {
  AppRig r;
  CHECK(r.run("pain", "4").error == "pain: the player is not asking about pain");
  REQUIRE(r.run("start", "gentle_bad_day").ok);
  CHECK(r.run("pain", "11").error == "pain: expected a score from 0 to 10 or 'skip', got '11'");
  CHECK(r.run("pain", "-1").ok == false);
  CHECK(r.run("pain", "4x").ok == false);
  CHECK(r.app.player().stage() == limber::app::PlayerStage::pain_before);
  CHECK(r.run("pain", "skip").ok);
  CHECK(r.app.player().stage() == limber::app::PlayerStage::running);
}

TEST_CASE("command: start refuses an unknown routine") {
  AppRig r;
  CHECK(r.run("start", "marathon").error == "start: unknown routine 'marathon'");
  CHECK_FALSE(r.app.session_open());
}

TEST_CASE("command: yes and no are refused when nothing is asked") {
  AppRig r;
  CHECK(r.run("yes").error == "yes: nothing is being asked");
  CHECK(r.run("no").error == "no: nothing is being asked");
}

TEST_CASE("command: exercise opens an exercise's page, and refuses unknown ones") {
  AppRig r;
  CHECK(r.run("exercise", "knee_rolls").ok);
  CHECK(r.app.nav().screen() == Screen::exercise);
  CHECK(r.app.selected_exercise()->id == "knee_rolls");
  CHECK(r.run("exercise", "cartwheel").error == "exercise: unknown exercise 'cartwheel'");
}

TEST_CASE("command: export offers a backup or a CSV file, and refuses other kinds") {
  AppRig r;
  CHECK(r.run("export", "backup").ok);
  CHECK(r.run("export", "csv").ok);
  CHECK(r.run("export", "pdf").error == "export: expected 'backup' or 'csv', got 'pdf'");
  // Both need every stored session: one read serves both.
  const auto effects = r.answer_reads();
  REQUIRE(effects.downloads.size() == 2);
  CHECK(effects.downloads[0].file_name == "limber-backup-2023-11-14.json");
  CHECK(effects.downloads[1].mime == "text/csv");
  CHECK(r.run("sessions_read", "[]").error == "sessions_read: no one asked for the stored sessions");
}

// ---- One way in: the commands the canvas's presses use ---------------------------------

namespace {
// The routine being edited; the test stops if there is none. (The explicit throw also tells
// the optimiser the pointer is set, which -Wnull-dereference wants in Release builds.)
const limber::catalogue::Routine& editing(const AppRig& r) {
  const limber::catalogue::Routine* draft = r.app.draft().routine();
  REQUIRE(draft != nullptr);
  if (!draft) throw std::logic_error("no routine is being edited");
  return *draft;
}
}  // namespace

TEST_CASE("command: the library's filters are set by name, and a wrong name or value is refused") {
  AppRig r;
  const std::size_t all = r.app.filtered_exercises().size();
  REQUIRE(r.run("filter", "position=on_back").ok);
  CHECK(r.app.library_filter().position == limber::catalogue::Position::on_back);
  CHECK(r.app.filtered_exercises().size() < all);
  REQUIRE(r.run("filter", "position=any").ok);
  CHECK(r.app.filtered_exercises().size() == all);
  CHECK(r.run("filter", "position=upside_down").error ==
        "filter: position: expected one of on_back, on_front, all_fours, kneeling, sitting, standing, any, got 'upside_down'");
  CHECK(r.run("filter", "in_bed=maybe").error == "filter: in_bed: expected yes, no or any, got 'maybe'");
  CHECK(r.run("filter", "colour=red").error == "filter: unknown filter 'colour' (position, in_bed, kind)");
  CHECK(r.run("filter", "kind").error == "filter: expected name=value, got 'kind'");
  CHECK(r.app.library_filter() == limber::app::LibraryFilter{});
}

TEST_CASE("command: the routine editor's edits, each checked and each refusal named") {
  AppRig r;
  CHECK(r.run("add_exercise", "knee_rolls").error == "add_exercise: no routine is being edited");
  CHECK(r.run("save_routine").error == "save_routine: nothing is being edited");
  REQUIRE(r.run("copy_routine", "in_bed").ok);
  CHECK(r.app.nav().screen() == Screen::routine_editor);
  const std::size_t items = editing(r).items.size();
  REQUIRE(items >= 2);
  const std::string first = editing(r).items[0].exercise, second = editing(r).items[1].exercise;

  REQUIRE(r.run("move_exercise", "2=up").ok);
  CHECK(editing(r).items[0].exercise == second);
  CHECK(r.run("move_exercise", "1=up").error == "move_exercise: it is already first");
  CHECK(r.run("move_exercise", "1=sideways").error == "move_exercise: expected up or down, got 'sideways'");
  CHECK(r.run("move_exercise", "0=up").error.rfind("move_exercise: expected <exercise number from 1>=<up|down>", 0) == 0);
  CHECK(r.run("remove_exercise", "99").error ==
        "remove_exercise: the routine has no exercise 99 (it has " + std::to_string(items) + ")");
  CHECK(r.run("add_exercise", "cartwheel").error == "add_exercise: unknown exercise 'cartwheel'");
  REQUIRE(r.run("add_exercise", first).ok);
  CHECK(editing(r).items.size() == items + 1);
  REQUIRE(r.run("remove_exercise", std::to_string(items + 1)).ok);
  CHECK(editing(r).items.size() == items);

  // Dosage: one step at a time, up to the hard limit; there the step is refused.
  std::string refusal;
  for (int i = 0; i < 100 && refusal.empty(); ++i) {
    const auto result = r.run("step_dosage", "1=reps+");
    if (!result.ok) refusal = result.error;
  }
  CHECK(refusal == "step_dosage: already the most it can be");
  CHECK(editing(r).items[0].reps->start == 50);
  CHECK(r.run("step_dosage", "1=reps*").error ==
        "step_dosage: expected reps, hold, sets, set_rest, build_up, reps_to or hold_to then + or -, got 'reps*'");
  CHECK(r.run("step_dosage", "1=build_up+").error == "step_dosage: this exercise does not build up");
  CHECK(r.run("step_dosage", "1=set_rest+").error == "step_dosage: there is only one set to rest between");
  CHECK(r.run("dosage", "1=no_such_option").error == "dosage: the exercise has no dosage option 'no_such_option'");

  REQUIRE(r.run("save_routine").ok);
  CHECK(r.app.data().routines.size() == 1);
  CHECK(r.app.draft().routine() == nullptr);
  const std::string own = r.app.data().routines.front().id;
  CHECK(r.run("edit_routine", "in_bed").error == "edit_routine: 'in_bed' is not one of your routines");
  CHECK(r.run("delete_routine", "in_bed").error == "delete_routine: 'in_bed' is not one of your routines");
  REQUIRE(r.run("delete_routine", own).ok);
  CHECK(r.app.confirm() == limber::app::Confirm::delete_routine);
  REQUIRE(r.run("yes").ok);
  CHECK(r.app.data().routines.empty());
}

TEST_CASE("command: a save the routine cannot pass is refused and kept beside the button until the next edit") {
  AppRig r;
  r.app.new_routine();  // empty: a routine needs at least one exercise
  const auto result = r.run("save_routine");
  REQUIRE_FALSE(result.ok);
  CHECK(result.error == "save_routine: " + r.app.draft().save_problem());
  CHECK_FALSE(r.app.draft().save_problem().empty());
  REQUIRE(r.run("add_exercise", "knee_rolls").ok);
  CHECK(r.app.draft().save_problem().empty());
}

TEST_CASE("command: the session controls refuse, saying why, when no session runs") {
  AppRig r;
  for (const char* name : {"pause", "pause_session", "resume_session", "skip", "previous", "hurts", "end"}) {
    INFO(name);
    CHECK(r.run(name).error == std::string(name) + ": no session is running");
  }
  CHECK(r.run("pain", "3").error == "pain: the player is not asking about pain");
  CHECK(r.run("close_session").error == "close_session: no session is open");
  CHECK(r.run("navigate", "player").error == "navigate: no session is open (use start <routine>)");
  CHECK(r.run("navigate", "shared_routine").error == "navigate: no routine link is open");
  CHECK(r.run("decline_link").error == "decline_link: no routine link is open");
  CHECK(r.run("choose_routine", "nope").error == "choose_routine: unknown routine 'nope'");
  REQUIRE(r.run("choose_routine", "in_bed").ok);
  CHECK(r.app.current_routine()->id == "in_bed");
  CHECK(r.app.sync().revision() == 1);
  REQUIRE(r.run("choose_routine", "in_bed").ok);  // already chosen: nothing to store
  CHECK(r.app.sync().revision() == 1);
}

TEST_CASE("command: clock_rate and scroll go through the table too, checked") {
  AppRig r;
  CHECK(r.app.clock_rate() == 1);
  REQUIRE(r.run("clock_rate", "50").ok);
  CHECK(r.app.clock_rate() == 50);
  CHECK(r.run("clock_rate", "0.5").error == "clock_rate: expected a number from 1 to 200");
  CHECK(r.run("clock_rate", "fast").error == "clock_rate: expected a number from 1 to 200, got 'fast'");
  CHECK(r.app.clock_rate() == 50);
  REQUIRE(r.run("scroll", "120").ok);
  REQUIRE(r.run("scroll", "-20.5").ok);
  CHECK(r.app.take_scroll() == doctest::Approx(99.5));
  CHECK(r.app.take_scroll() == 0);  // taken once
  CHECK(r.run("scroll", "1e9").error == "scroll: expected CSS pixels from -10000 to 10000");
  CHECK(r.run("scroll", "nan").error == "scroll: expected CSS pixels from -10000 to 10000, got 'nan'");
  CHECK(r.app.take_scroll() == 0);
}

TEST_CASE("command: focus and blur name the control the page's mirror has focused") {
  AppRig r;
  CHECK(r.run("focus", "start").ok);
  CHECK(r.app.focused_control() == "start");
  CHECK(r.run("focus", "bed-In bed").ok);  // a filter chip's id holds its label
  CHECK(r.app.focused_control() == "bed-In bed");
  CHECK(r.run("blur").ok);
  CHECK(r.app.focused_control().empty());
  CHECK(r.app.sync().revision() == 0);  // the view only: nothing to store
}

TEST_CASE("command: focus refuses what cannot be a control's id, and keeps the focus it had") {
  AppRig r;
  REQUIRE(r.run("focus", "start").ok);
  CHECK(r.run("focus", "line\nbreak").error == "focus: expected a control's id (up to 80 printable ASCII characters)");
  CHECK(r.run("focus", " start").error == "focus: expected a control's id (up to 80 printable ASCII characters)");
  CHECK(r.run("focus", std::string(81, 'a')).error == "focus: expected a control's id (up to 80 printable ASCII characters)");
  CHECK(r.run("focus", "caf\xc3\xa9").error == "focus: expected a control's id (up to 80 printable ASCII characters)");
  CHECK(r.run("blur", "start").error == "command 'blur' takes no argument, got 'start'");
  CHECK(r.app.focused_control() == "start");
}

TEST_CASE("command: press hands one press to the next frame, once") {
  AppRig r;
  CHECK(r.run("press", "start").ok);
  CHECK(r.app.take_press() == "start");
  CHECK(r.app.take_press().empty());
  CHECK(r.run("press").error == "command 'press' needs an argument");
  CHECK(r.run("press", "a\tb").error == "press: expected a control's id (up to 80 printable ASCII characters)");
  CHECK(r.app.take_press().empty());
}

TEST_CASE("command: demo stops and starts the exercise page's looping figure") {
  AppRig r;
  CHECK_FALSE(r.app.demo_paused());
  CHECK(r.run("demo", "pause").ok);
  CHECK(r.app.demo_paused());
  CHECK(r.run("demo", "stop").error == "demo: expected play or pause, got 'stop'");
  CHECK(r.app.demo_paused());
  CHECK(r.run("demo", "play").ok);
  CHECK_FALSE(r.app.demo_paused());
}

TEST_CASE("command: a notice reaches the live region once, and an update once") {
  AppRig r;
  r.app.show_problem("Something went wrong.");
  r.app.show_problem("Something went wrong.");  // the same words again are not news
  r.app.update_available();
  r.app.update_available();
  const auto effects = r.app.take_effects();
  REQUIRE(effects.announcements.size() == 2);
  CHECK(effects.announcements[0].kind == "problem");
  CHECK(effects.announcements[0].text == "Something went wrong.");
  CHECK(effects.announcements[1].kind == "update");
  CHECK(effects.announcements[1].text == limber::app::kUpdateReadyWords);
}

TEST_CASE("command: the prescription's edits run on the routine being edited, each refused with its reason") {
  AppRig r;
  CHECK(r.run("how_often", "times_a_day=2").error == "how_often: no routine is being edited");
  r.app.new_routine();
  REQUIRE(r.run("add_exercise", "single_knee_hug_in_bed").ok);
  const auto editing = [&]() -> const limber::catalogue::Routine& { return *r.app.draft().routine(); };
  REQUIRE(r.run("how_often", "times_a_day=2").ok);
  REQUIRE(r.run("how_often", "set_times=on").ok);
  REQUIRE(r.run("how_often", "time1=07:30").ok);
  CHECK(editing().schedule->times == std::vector<int>{7 * 60 + 30, 18 * 60});
  CHECK(r.run("how_often", "time1=07:40").error == "how_often: 07:40 is not on a quarter hour");
  CHECK(r.run("how_often", "time2=07:30").error == "how_often: 07:30 is already one of the times");
  CHECK(r.run("how_often", "time3=09:00").error == "how_often: there is no time 3 of day");
  CHECK(r.run("how_often", "times_a_day=5").error == "how_often: expected times_a_day=1 to 4");
  CHECK(r.run("how_often", "weekly").error ==
        "how_often: expected times_a_day, days_a_week, when_needed, set_times or time<k>, got 'weekly'");
  REQUIRE(r.run("review", "4").ok);
  CHECK(editing().review_on == limber::catalogue::iso_day(r.app.today() + 28));
  CHECK(r.run("review", "27").error == "review: a review is 1 to 26 weeks away");
  CHECK(r.run("review", "2020-01-01").error == "review: a review date is after today");
  REQUIRE(r.run("side_that_hurts", "right").ok);
  CHECK(editing().side_that_hurts == limber::catalogue::FirstSide::right);
  CHECK(r.run("side_that_hurts", "both").error == "side_that_hurts: expected ask, left or right, got 'both'");
  REQUIRE(r.run("favour", "1=more").ok);
  CHECK(editing().items[0].favour == limber::catalogue::Favour::more);
  REQUIRE(r.run("sides", "1=one_side").ok);
  CHECK_FALSE(editing().items[0].favour);  // only that side: nothing to favour
  CHECK(r.run("favour", "1=first").error == "favour: Single knee hug in bed is done on one side only");
  CHECK(r.run("sides", "1=together").error == "sides: expected each_side, alternating or one_side, got 'together'");
  CHECK(r.run("hold_unit", "1=minutes").error == "hold_unit: expected seconds or breaths, got 'minutes'");
  REQUIRE(r.run("build_up", "1=on").ok);
  CHECK(editing().items[0].build_up_days == 14);
  CHECK(r.run("build_up", "2=on").error == "build_up: the routine has no exercise 2 (it has 1)");
  CHECK(r.run("build_up", "one=on").error == "build_up: expected <exercise number from 1>=<value>");
}

TEST_CASE("command: add_to_calendar offers the routine being edited as an .ics file, or says why not") {
  AppRig r;
  CHECK(r.run("add_to_calendar").error == "add_to_calendar: nothing is being edited");
  REQUIRE(r.run("copy_routine", "in_bed").ok);
  REQUIRE(r.run("how_often", "set_times=on").ok);
  REQUIRE(r.run("how_often", "time1=08:15").ok);
  CHECK(r.run("add_to_calendar").ok);
  const auto effects = r.app.take_effects();
  REQUIRE(effects.downloads.size() == 1);
  CHECK(effects.downloads[0].file_name == "limber-reminder.ics");
  CHECK(effects.downloads[0].mime == "text/calendar");
  CHECK(effects.downloads[0].text.find("T081500\r\n") != std::string::npos);
  CHECK(effects.downloads[0].text.find("#routine=2.") != std::string::npos);
  REQUIRE(r.run("remove_exercise", "1").ok);
  REQUIRE(r.run("remove_exercise", "1").ok);
  while (r.app.draft().routine() && !r.app.draft().routine()->items.empty()) REQUIRE(r.run("remove_exercise", "1").ok);
  CHECK(r.run("add_to_calendar").error ==
        "add_to_calendar: this routine cannot be sent yet, so it has no link for the reminder to open");
}
