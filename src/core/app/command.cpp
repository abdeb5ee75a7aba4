#include "app/command.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <span>

#include "json/json_writer.h"

namespace limber::app {

namespace {

CommandResult ok() { return {.ok = true, .error = {}}; }
CommandResult refuse(std::string message) { return {.ok = false, .error = std::move(message)}; }
CommandResult from_error(std::string_view name, const std::string& error) {
  return error.empty() ? ok() : refuse(std::string(name) + ": " + error);
}

std::string screen_list() {
  std::string list;
  for (const Screen s : all_screens()) {
    if (!list.empty()) list += ", ";
    list += screen_id(s);
  }
  return list;
}

std::optional<int> parse_int(std::string_view text) {
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

std::optional<bool> parse_switch(std::string_view text) {
  if (text == "on" || text == "true") return true;
  if (text == "off" || text == "false") return false;
  return std::nullopt;
}

// A plain function: every row's action is a lambda without captures, and std::function would add
// a class with its own virtual functions for each of the table's rows to the download.
using Action = CommandResult (*)(App&, std::string_view name, std::string_view arg);
struct CommandEntry {
  std::string_view name;
  bool takes_argument;
  Action act;
};

// Commands that take no argument: the App action says whether it was refused, and why.
template <std::string (App::*method)()>
CommandResult call(App& app, std::string_view name, std::string_view) {
  return from_error(name, (app.*method)());
}
template <void (App::*method)()>
CommandResult call_plain(App& app, std::string_view, std::string_view) {
  (app.*method)();
  return ok();
}
// Commands that take one id.
template <std::string (App::*method)(std::string_view)>
CommandResult call_with(App& app, std::string_view name, std::string_view arg) {
  return from_error(name, (app.*method)(arg));
}

std::optional<double> parse_number(std::string_view text) {
  const std::string s(text);
  char* end = nullptr;
  const double value = std::strtod(s.c_str(), &end);
  if (s.empty() || end != s.c_str() + s.size() || std::isnan(value)) return std::nullopt;
  return value;
}

// "<n>=<rest>" with n an item's number from 1: the index from 0 and the rest.
struct ItemArg {
  std::size_t index = 0;
  std::string_view rest;
  std::string error;
};
ItemArg parse_item(std::string_view name, std::string_view arg, std::string_view expected) {
  ItemArg out;
  const auto eq = arg.find('=');
  const auto number = parse_int(arg.substr(0, eq == std::string_view::npos ? arg.size() : eq));
  if (!number || *number < 1 || (eq == std::string_view::npos) != expected.empty()) {
    out.error = std::string(name) + ": expected <exercise number from 1>" + std::string(expected) + ", got '" +
                std::string(arg.substr(0, std::min<std::size_t>(arg.size(), 40))) + "'";
    return out;
  }
  out.index = static_cast<std::size_t>(*number - 1);
  if (eq != std::string_view::npos) out.rest = arg.substr(eq + 1);
  return out;
}

// The prescription's other edits (app/prescription_edits.h), each its own command.
CommandResult edit(App& app, std::string_view name, std::string_view arg) { return from_error(name, app.edit_draft(name, arg)); }

std::span<const CommandEntry> commands() {
  static const CommandEntry table[] = {
      {"ping", false, [](App&, auto, auto) { return ok(); }},
      {"redraw", false, [](App&, auto, auto) { return ok(); }},
      {"navigate", true,
       [](App& app, auto name, std::string_view arg) {
         const auto target = screen_from_id(arg);
         if (!target) return refuse("navigate: unknown screen '" + std::string(arg) + "' (screens: " + screen_list() + ")");
         return from_error(name, app.navigate(*target));
       }},
      {"back", false, call<&App::back>},
      {"theme", true,
       [](App& app, auto, std::string_view arg) {
         if (app.embedded()) {
           // Inside a clinic's page the clinic picks the look; the person's setting stays.
           const auto theme = widget_theme(arg);
           if (!theme) return refuse("theme: the widget's theme is light or dark, got '" + std::string(arg) + "'");
           app.set_embed_theme(*theme);
           return ok();
         }
         storage::Settings s = app.settings();
         if (const std::string e = apply_setting(s, "theme", arg); !e.empty()) return refuse("theme: " + e);
         return from_error("theme", app.change_settings(s));
       }},
      {"setting", true,
       [](App& app, auto, std::string_view arg) {
         const auto eq = arg.find('=');
         if (eq == std::string_view::npos) return refuse("setting: expected name=value, got '" + std::string(arg) + "'");
         storage::Settings s = app.settings();
         if (const std::string e = apply_setting(s, arg.substr(0, eq), arg.substr(eq + 1)); !e.empty()) {
           return refuse("setting: " + e);
         }
         return from_error("setting", app.change_settings(s));
       }},
      {"acknowledge_safety", false, call_plain<&App::acknowledge_safety>},
      {"start", true, call_with<&App::start_routine>},
      {"pain", true,
       [](App& app, auto name, std::string_view arg) {
         std::optional<int> score;
         if (arg != "skip") {
           score = parse_int(arg);
           if (!score || *score < 0 || *score > 10) return refuse("pain: expected a score from 0 to 10 or 'skip', got '" + std::string(arg) + "'");
         }
         return from_error(name, app.answer_pain(score));
       }},
      {"pause", false, call<&App::toggle_pause>},
      {"pause_session", false, call<&App::pause_session>},
      {"resume_session", false, call<&App::resume_session>},
      {"skip", false, call<&App::skip_exercise>},
      {"previous", false, call<&App::previous_exercise>},
      {"hurts", false, call<&App::this_hurts>},
      {"end", false, call<&App::end_session>},
      {"yes", false, call<&App::confirm_yes>},
      {"no", false, call<&App::confirm_no>},
      {"close_session", false, call<&App::close_session>},
      {"resume_interrupted", false, call<&App::resume_interrupted>},
      {"record_interrupted", false, call<&App::record_interrupted>},
      {"exercise", true, call_with<&App::open_exercise>},
      {"filter", true,
       [](App& app, auto name, std::string_view arg) {
         const auto eq = arg.find('=');
         if (eq == std::string_view::npos) return refuse("filter: expected name=value, got '" + std::string(arg) + "'");
         return from_error(name, app.set_filter(arg.substr(0, eq), arg.substr(eq + 1)));
       }},
      {"choose_routine", true, call_with<&App::choose_routine>},
      {"import", true, call_with<&App::import_backup>},
      {"import_size", true,
       [](App& app, auto name, std::string_view arg) {
         const auto bytes = parse_number(arg);
         if (!bytes || *bytes < 0) return refuse("import_size: expected a file size in bytes, got '" + std::string(arg) + "'");
         return from_error(name, app.check_backup_size(*bytes));
       }},
      {"choose_file", false, call_plain<&App::choose_backup_file>},
      {"sessions_read", true, call_with<&App::sessions_read>},
      {"sessions_unreadable", true, call_with<&App::sessions_unreadable>},
      {"stored_late", true, call_with<&App::stored_late>},
      {"storage_repaired", true, call_with<&App::storage_repaired>},
      {"storage_lost", true, call_with<&App::storage_lost>},
      {"export", true,
       [](App& app, auto, std::string_view arg) {
         if (arg == "backup") {
           app.export_backup();
         } else if (arg == "csv") {
           app.export_history_csv();
         } else {
           return refuse("export: expected 'backup' or 'csv', got '" + std::string(arg) + "'");
         }
         return ok();
       }},
      {"delete_all", false, call_plain<&App::ask_delete_all>},
      {"storage_facts", true, call_with<&App::set_storage_facts>},
      {"backup_later", false, call<&App::put_off_backup>},
      {"keep_storage", false, call<&App::ask_to_keep_storage>},
      {"speech_voices", true,
       [](App& app, std::string_view name, std::string_view arg) {
         const std::optional<int> n = parse_int(arg);
         return from_error(name, n ? app.set_speech_voices(*n) : "a number of voices from 0 to 10000");
       }},
      {"dismiss", false, call_plain<&App::dismiss_notice>},
      {"host", true,
       [](App& app, auto, std::string_view arg) {
         // A message from the page embedding the widget (page.js checked its origin).
         HostCommand c = parse_host_message(arg);
         if (!c.error.empty()) return refuse("host: " + c.error);
         if (!app.embedded()) return refuse("host: this page is not embedded as a widget");
         if (c.name == "start") {
           if (app.session_open()) return refuse("host: a session is already open");
           c.arg = app.embed().routine;
         }
         return run_command(app, c.name, c.arg);
       }},
      {"open_link", true, call_with<&App::open_link>},
      {"accept_link", false, call<&App::accept_incoming>},
      {"decline_link", false, call<&App::decline_incoming>},
      {"new_routine", false, call_plain<&App::new_routine>},
      {"copy_routine", true, call_with<&App::copy_routine>},
      {"edit_routine", true, call_with<&App::edit_routine>},
      {"delete_routine", true, call_with<&App::ask_delete_routine>},
      {"save_routine", false, call<&App::save_draft>},
      {"add_exercise", true, call_with<&App::add_to_draft>},
      {"remove_exercise", true,
       [](App& app, auto name, std::string_view arg) {
         const ItemArg item = parse_item(name, arg, "");
         return item.error.empty() ? from_error(name, app.remove_from_draft(item.index)) : refuse(item.error);
       }},
      {"move_exercise", true,
       [](App& app, auto name, std::string_view arg) {
         const ItemArg item = parse_item(name, arg, "=<up|down>");
         if (!item.error.empty()) return refuse(item.error);
         if (item.rest != "up" && item.rest != "down") return refuse("move_exercise: expected up or down, got '" + std::string(item.rest) + "'");
         return from_error(name, app.move_in_draft(item.index, item.rest == "up" ? -1 : 1));
       }},
      {"dosage", true,
       [](App& app, auto name, std::string_view arg) {
         const ItemArg item = parse_item(name, arg, "=<option>");
         return item.error.empty() ? from_error(name, app.choose_draft_dosage(item.index, item.rest)) : refuse(item.error);
       }},
      {"step_dosage", true,
       [](App& app, auto name, std::string_view arg) {
         // "2=reps+" or "2=hold-": one step up or down (catalogue::step_amount()).
         const ItemArg item = parse_item(name, arg, "=<amount><+|->");
         if (!item.error.empty()) return refuse(item.error);
         const std::string_view r = item.rest;
         std::optional<DosageField> field;
         for (int f = 0; f <= static_cast<int>(DosageField::hold_to); ++f) {
           if (!r.empty() && r.substr(0, r.size() - 1) == dosage_field_id(static_cast<DosageField>(f))) field = static_cast<DosageField>(f);
         }
         if (!field || (r.back() != '+' && r.back() != '-')) {
           return refuse("step_dosage: expected reps, hold, sets, set_rest, build_up, reps_to or hold_to then + or -, got '" +
                         std::string(r.substr(0, 40)) + "'");
         }
         return from_error(name, app.step_draft_dosage(item.index, *field, r.back() == '+' ? 1 : -1));
       }},
      {"share_link", false, call<&App::share_draft>},
      {"link_copied", true,
       [](App& app, auto name, std::string_view arg) {
         if (arg != "yes" && arg != "no") return refuse("link_copied: expected yes or no, got '" + std::string(arg) + "'");
         return from_error(name, app.link_copied(arg == "yes"));
       }},
      {"text", true,
       [](App& app, auto name, std::string_view arg) {
         // What the page's text box over a field holds now: "link_note=Twice a day".
         const auto eq = arg.find('=');
         const auto target = text_target_from_id(arg.substr(0, eq));
         if (eq == std::string_view::npos || !target) {
           return refuse("text: expected routine_name, link_note, clinic_name, clinic_phone or item_note-<n>, then =<text>, got '" +
                         std::string(arg.substr(0, std::min<std::size_t>(arg.size(), 40))) + "'");
         }
         return from_error(name, app.set_text(*target, arg.substr(eq + 1)));
       }},
      {"update_ready", false, call_plain<&App::update_available>},
      {"apply_update", false, call<&App::apply_update>},
      {"clock_rate", true,
       [](App& app, auto name, std::string_view arg) {
         // Tests run whole sessions in seconds: the session clock goes faster, nothing else changes.
         const auto rate = parse_number(arg);
         if (!rate) return refuse("clock_rate: expected a number from 1 to 200, got '" + std::string(arg) + "'");
         return from_error(name, app.set_clock_rate(*rate));
       }},
      {"scroll", true,
       [](App& app, auto name, std::string_view arg) {
         const auto dy = parse_number(arg);
         if (!dy) return refuse("scroll: expected CSS pixels from -10000 to 10000, got '" + std::string(arg) + "'");
         return from_error(name, app.scroll_by(*dy));
       }},
      {"focus", true, call_with<&App::focus_control>},
      {"blur", false, [](App& app, auto, auto) { app.focus_control(""); return ok(); }},
      {"press", true, call_with<&App::press_control>},
      {"hold_unit", true, edit},
      {"sides", true, edit},
      {"favour", true, edit},
      {"build_up", true, edit},
      {"how_often", true, edit},
      {"review", true, edit},
      {"side_that_hurts", true, edit},
      {"add_to_calendar", false, call<&App::draft_to_calendar>},
      {"print_routine", true, call_with<&App::print_routine>},
      {"print_draft", false, call<&App::print_draft>},
      {"report_weeks", true,
       [](App& app, auto name, std::string_view arg) {
         const auto weeks = parse_int(arg);
         if (!weeks) return refuse("report_weeks: expected 2, 4, 8 or 12, got '" + std::string(arg) + "'");
         return from_error(name, app.set_report_weeks(*weeks));
       }},
      {"print_report", false, call<&App::print_report>},
      {"demo", true,
       [](App& app, auto, std::string_view arg) {
         if (arg != "play" && arg != "pause") return refuse("demo: expected play or pause, got '" + std::string(arg) + "'");
         app.set_demo_paused(arg == "pause");
         return ok();
       }},
  };
  return table;
}

std::string command_list() {
  std::string list;
  for (const CommandEntry& c : commands()) list += (list.empty() ? "" : ", ") + std::string(c.name);
  return list;
}

}  // namespace

std::string apply_setting(storage::Settings& settings, std::string_view name, std::string_view value) {
  storage::Settings s = settings;
  const std::string n(name);
  const auto bad = [&](const char* expected) { return n + ": expected " + expected + ", got '" + std::string(value) + "'"; };
  const std::array<std::pair<std::string_view, bool*>, 6> switches{{{"progression", &s.progression},
                                                                   {"sounds", &s.sounds},
                                                                   {"spoken_cues", &s.spoken_cues},
                                                                   {"reduced_motion", &s.reduced_motion},
                                                                   {"keep_screen_awake", &s.keep_screen_awake},
                                                                   {"pause_when_hidden", &s.pause_when_hidden}}};
  bool known = false;
  for (const auto& [key, field] : switches) {
    if (key != name) continue;
    known = true;
    const auto on = parse_switch(value);
    if (!on) return bad("on or off");
    *field = *on;
  }
  if (name == "theme") {
    known = true;
    const auto theme = json::enum_from_name<storage::Theme>(value);
    if (!theme) return bad("light, dark or high_contrast");
    s.theme = *theme;
  } else if (name == "hold_preference") {
    known = true;
    const auto preference = json::enum_from_name<catalogue::HoldPreference>(value);
    if (!preference) return bad("default, shorter or longer");
    s.hold_preference = *preference;
  } else if (name == "affected_side") {
    known = true;
    const auto side = json::enum_from_name<session::Side>(value);
    if (!side || *side == session::Side::none) return bad("left or right");
    s.affected_side = *side;
  } else if (name == "text_size" || name == "breath_in" || name == "breath_out") {
    known = true;
    const auto number = parse_int(value);
    if (!number) return bad("a whole number");
    if (name == "text_size") s.text_size_percent = *number;
    if (name == "breath_in") s.breath_in_seconds = *number;
    if (name == "breath_out") s.breath_out_seconds = *number;
  }
  if (!known) {
    return "unknown setting '" + n + "' (theme, text_size, breath_in, breath_out, hold_preference, affected_side, progression, "
           "sounds, spoken_cues, reduced_motion, keep_screen_awake, pause_when_hidden)";
  }
  settings = s;  // App::change_settings checks it as stored settings are checked
  return {};
}

CommandResult run_command(App& app, std::string_view name, std::string_view arg) {
  for (const CommandEntry& c : commands()) {
    if (c.name != name) continue;
    if (!c.takes_argument && !arg.empty()) {
      return refuse("command '" + std::string(name) + "' takes no argument, got '" + std::string(arg) + "'");
    }
    if (c.takes_argument && arg.empty()) return refuse("command '" + std::string(name) + "' needs an argument");
    return c.act(app, name, arg);
  }
  return refuse("unknown command '" + std::string(name) + "' (commands: " + command_list() + ")");
}

std::string command_result_json(const CommandResult& result) {
  json::Writer w;
  w.begin_object().key("ok").value(result.ok);
  if (!result.ok) w.key("error").value(result.error);
  w.end_object();
  return w.str();
}

}  // namespace limber::app
