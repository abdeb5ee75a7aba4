// browser/page_services.h: what the page does for the app (web/page.js implements it).
//
// Storage in IndexedDB, the cue outputs (tones, speech, the accessible live region), file
// downloads and the backup file picker, the screen's title and the browser history, and
// the screen wake lock. Each call hands plain values to window.LimberPage; results come
// back through the exported callbacks declared below, which the shell registers.
//
// Usage:
//     std::string error; auto text = limber::browser::stored_data(error);  // read by boot.js before start
//     limber::browser::store_write(revision, json_text);                     // -> on_store_written
//     limber::browser::deliver(effects, {.sounds = true, .speech = false});
//     limber::browser::show_screen({.id = "library", .title = "Exercise library", .depth = 2});
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/effects.h"

namespace limber::browser {

// ---- Storage
// What boot.js read from IndexedDB before the app started (the parts, a schema-1 document,
// or nothing on a first visit); `error` says why it could not be read.
app::StoredInput stored_data(std::string& error);
void store_write(std::uint64_t revision, const std::string& text);
void store_set_aside(const std::string& text);

// ---- Effects of a frame
struct CueOutputs {
  bool sounds = true;
  bool speech = false;
};
// Host events go to `host_origin` only (the page embedding the widget).
// What the core accepted of the widget's address (app::parse_page_query): the page talks to
// this host origin only, or to none when it is "".
void set_embed(bool embedded, const std::string& host_origin);
void deliver(const app::Effects& effects, const CueOutputs& outputs, const std::string& host_origin);

// ---- Screen, history, wake lock
// The page's title, the accessible layer's heading and whether its session buttons show;
// the history entry for `depth` (so the browser's back button goes back a screen).
// `stage` is the player's (pain_before, running, ...) and `question` the one asked
// (end_session, delete_routine, delete_all_data or none): the accessible layer offers their
// answers as buttons.
struct ScreenShown {
  std::string id;
  std::string address;  // what follows '#' in the address bar (app/address.h)
  std::string title;
  int depth = 1;
  bool session_controls = false, paused = false;
  std::string stage = "closed", question = "none";
  std::string asking = "{}";  // app::asking_json: the words of the question asked now, if any
  bool operator==(const ScreenShown&) const = default;
};
void show_screen(const ScreenShown& screen);
// The text boxes the page lays over the fields drawn this frame (app::text_fields_json).
void show_text_fields(const std::string& fields_json);
// The screen report (app::screen_report_json), for the page's accessible mirror; sent only when it
// changed. `problem` is what app::check_screen_report found wrong ("" when nothing): said on the
// console as an error, so a test fails.
void show_report(const std::string& report_json, const std::string& problem);
void set_wake_lock(bool on);
// Minutes to add to UTC for local time, now.
int utc_offset_minutes();
double wall_ms();
double monotonic_ms();
std::uint64_t random_seed();  // from the page's crypto: identities of routines made here

// ---- Callbacks from the page (the shell sets them at start)
struct PageCallbacks {
  // `conflict`: another tab's parts, found in place of what this tab last knew ("" if none).
  void (*store_written)(void* user, std::uint64_t revision, bool ok, const char* error, const char* conflict) = nullptr;
  void (*page_hidden)(void* user) = nullptr;
  void* user = nullptr;
};
void set_page_callbacks(const PageCallbacks& callbacks);

}  // namespace limber::browser
