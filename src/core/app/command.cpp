#include "app/command.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdlib>
#include <functional>

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

using Action = std::function<CommandResult(App&, std::string_view name, std::string_view arg)>;
struct CommandEntry {
  std::string_view name;
  bool takes_argument;
  Action act;
};

// Commands that take no argument and cannot fail.
template <void (App::*method)()>
CommandResult call(App& app, std::string_view, std::string_view) {
  (app.*method)();
  return ok();
}

const std::array<CommandEntry, 37>& commands() {
  static const std::array<CommandEntry, 37> table{{
      {"ping", false, [](App&, auto, auto) { return ok(); }},
      {"redraw", false, [](App&, auto, auto) { return ok(); }},
      {"navigate", true,
       [](App& app, auto, std::string_view arg) {
         const auto target = screen_from_id(arg);
         if (!target) return refuse("navigate: unknown screen '" + std::string(arg) + "' (screens: " + screen_list() + ")");
         if (*target == Screen::player && !app.session_open()) return refuse("navigate: no session is open (use start <routine>)");
         if (*target == Screen::routine_editor && !app.draft()) return refuse("navigate: no routine is being edited");
         if (*target == Screen::exercise && !app.selected_exercise()) return refuse("navigate: no exercise is chosen (use exercise <id>)");
         app.nav().navigate(*target);
         return ok();
       }},
      {"back", false,
       [](App& app, auto, auto) { return app.back() ? ok() : refuse("back: already on the first screen"); }},
      {"theme", true,
       [](App& app, auto, std::string_view arg) {
         if (app.embedded()) {
           // Inside a clinic's page the clinic picks the look; the person's setting stays.
           if (arg != "light" && arg != "dark") return refuse("theme: the widget's theme is light or dark, got '" + std::string(arg) + "'");
           app.set_embed_theme(std::string(arg));
           return ok();
         }
         storage::Settings s = app.settings();
         if (const std::string e = apply_setting(s, "theme", arg); !e.empty()) return refuse("theme: " + e);
         app.edit_settings() = s;
         return ok();
       }},
      {"setting", true,
       [](App& app, auto, std::string_view arg) {
         const auto eq = arg.find('=');
         if (eq == std::string_view::npos) return refuse("setting: expected name=value, got '" + std::string(arg) + "'");
         storage::Settings s = app.settings();
         if (const std::string e = apply_setting(s, arg.substr(0, eq), arg.substr(eq + 1)); !e.empty()) {
           return refuse("setting: " + e);
         }
         app.edit_settings() = s;
         return ok();
       }},
      {"start", true, [](App& app, auto name, std::string_view arg) { return from_error(name, app.start_routine(arg)); }},
      {"pain", true,
       [](App& app, auto, std::string_view arg) {
         std::optional<int> score;
         if (arg != "skip") {
           score = parse_int(arg);
           if (!score || *score < 0 || *score > 10) return refuse("pain: expected a score from 0 to 10 or 'skip', got '" + std::string(arg) + "'");
         }
         const PlayerStage stage = app.player().stage();
         if (stage != PlayerStage::pain_before && stage != PlayerStage::pain_after) return refuse("pain: the player is not asking about pain");
         return app.answer_pain(score) ? ok() : refuse("pain: the answer was not taken");
       }},
      {"pause", false, call<&App::toggle_pause>},
      {"pause_session", false, call<&App::pause_session>},
      {"resume_session", false, call<&App::resume_session>},
      {"skip", false, call<&App::skip_exercise>},
      {"previous", false, call<&App::previous_exercise>},
      {"hurts", false, call<&App::this_hurts>},
      {"end", false, call<&App::end_session>},
      {"yes", false,
       [](App& app, auto, auto) {
         if (app.confirm() == Confirm::none) return refuse("yes: nothing is being asked");
         app.confirm_yes();
         return ok();
       }},
      {"no", false,
       [](App& app, auto, auto) {
         if (app.confirm() == Confirm::none) return refuse("no: nothing is being asked");
         app.confirm_no();
         return ok();
       }},
      {"close_session", false,
       [](App& app, auto, auto) {
         if (!app.session_open()) return refuse("close_session: no session is open");
         if (app.player().stage() == PlayerStage::running) return refuse("close_session: the session is still running (use end)");
         app.close_session();
         return ok();
       }},
      {"resume_interrupted", false, [](App& app, auto name, auto) { return from_error(name, app.resume_interrupted()); }},
      {"record_interrupted", false,
       [](App& app, auto, auto) {
         if (!app.interrupted()) return refuse("record_interrupted: there is no interrupted session");
         app.record_interrupted();
         return ok();
       }},
      {"exercise", true,
       [](App& app, auto, std::string_view arg) {
         if (!app.catalogue().find_exercise(arg)) return refuse("exercise: unknown exercise '" + std::string(arg) + "'");
         app.open_exercise(arg);
         return ok();
       }},
      {"import", true, [](App& app, auto name, std::string_view arg) { return from_error(name, app.import_backup(arg)); }},
      {"import_size", true,
       [](App& app, auto name, std::string_view arg) {
         const std::string text(arg);
         char* end = nullptr;
         const double bytes = std::strtod(text.c_str(), &end);
         if (text.empty() || end != text.c_str() + text.size() || !(bytes >= 0)) {
           return refuse("import_size: expected a file size in bytes, got '" + text + "'");
         }
         return from_error(name, app.check_backup_size(bytes));
       }},
      {"sessions_read", true, [](App& app, auto name, std::string_view arg) { return from_error(name, app.sessions_read(arg)); }},
      {"sessions_unreadable", true,
       [](App& app, auto name, std::string_view arg) { return from_error(name, app.sessions_unreadable(arg)); }},
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
      {"delete_all", false, call<&App::ask_delete_all>},
      {"dismiss", false, call<&App::dismiss_notice>},
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
      {"open_link", true, [](App& app, auto name, std::string_view arg) { return from_error(name, app.open_link(arg)); }},
      {"accept_link", false,
       [](App& app, auto, auto) {
         if (!app.incoming()) return refuse("accept_link: no routine link is open");
         app.accept_incoming();
         return ok();
       }},
      {"new_routine", false, call<&App::new_routine>},
      {"share_link", false, [](App& app, auto name, auto) { return from_error(name, app.share_draft()); }},
      {"link_copied", true,
       [](App& app, auto name, std::string_view arg) {
         if (arg != "yes" && arg != "no") return refuse("link_copied: expected yes or no, got '" + std::string(arg) + "'");
         return from_error(name, app.link_copied(arg == "yes"));
       }},
      {"text", true,
       [](App& app, auto name, std::string_view arg) {
         // What the page's text box over a field holds now: "link_note=Twice a day".
         const auto eq = arg.find('=');
         const auto field = text_field_from_id(arg.substr(0, eq));
         if (eq == std::string_view::npos || !field) {
           return refuse("text: expected routine_name=<text> or link_note=<text>, got '" +
                         std::string(arg.substr(0, std::min<std::size_t>(arg.size(), 40))) + "'");
         }
         return from_error(name, app.set_text(*field, arg.substr(eq + 1)));
       }},
      {"update_ready", false, call<&App::update_available>},
      {"apply_update", false, [](App& app, auto name, auto) { return from_error(name, app.apply_update()); }},
  }};
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
    s.theme = std::string(value);
  } else if (name == "hold_preference") {
    known = true;
    s.hold_preference = std::string(value);
  } else if (name == "text_size" || name == "breath_in" || name == "breath_out") {
    known = true;
    const auto number = parse_int(value);
    if (!number) return bad("a whole number");
    if (name == "text_size") s.text_size_percent = *number;
    if (name == "breath_in") s.breath_in_seconds = *number;
    if (name == "breath_out") s.breath_out_seconds = *number;
  }
  if (!known) {
    return "unknown setting '" + n + "' (theme, text_size, breath_in, breath_out, hold_preference, progression, "
           "sounds, spoken_cues, reduced_motion, keep_screen_awake, pause_when_hidden)";
  }
  // The same checks as stored settings, so a command cannot store what a load would refuse.
  storage::UserData probe;
  probe.settings = s;
  std::vector<storage::DataProblem> problems;
  storage::check(probe, problems);
  if (!problems.empty()) return problems.front().path + ": " + problems.front().message;
  settings = s;
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
