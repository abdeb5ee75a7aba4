// app/effects.h: what passes between the app and the page it runs in.
//
// The core never calls the browser. What the page read before the app started arrives as
// StoredInput; what the page must do after a frame (speak a cue, save a file, copy a link,
// write to a clinic's page) leaves as Effects, taken once by the browser glue
// (browser/page_services.h), which is all the glue needs to include.
//
// Usage:
//     app::Effects e = app.take_effects();
//     for (const session::Cue& c : e.cues) speak(c.text);
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "session/cues.h"

namespace limber::app {

// A file the page offers to save.
struct Download {
  std::string file_name;
  std::string mime;
  std::string text;
};

// What the update card says, and the live region with it.
inline constexpr std::string_view kUpdateReadyWords =
    "A new version of Limber is ready. Updating takes a moment and keeps all your progress.";

// What a widget on another website says once, when its browser lets it keep its progress.
inline constexpr std::string_view kWidgetStorageWords =
    "Inside another website, this browser keeps what you do here for that website only (Chrome, Edge, Firefox "
    "and Safari all keep it apart), so Limber opened on its own will not show it. Clearing this website's data "
    "clears it too.";

// A message shown at the top of the screen until dismissed or replaced.
enum class NoticeKind : std::uint8_t { none, info, problem };
struct Notice {
  NoticeKind kind = NoticeKind::none;
  std::string text;
  bool offer_export = false;  // storage trouble: the person can save a backup file instead
};

// Words for the live region that are not session cues: a notice shown, an update ready.
struct Announcement {
  std::string kind;  // "notice", "problem", "update"
  std::string text;
};

// What the page must do after a frame; taken once.
struct Effects {
  std::vector<session::Cue> cues;       // speak, play, announce
  std::vector<Announcement> announcements;  // announce only
  std::vector<Download> downloads;
  std::vector<std::string> set_aside;   // stored texts that could not be read: keep them apart
  bool request_persist = false;         // ask the browser to keep our storage (a user action)
  bool choose_backup_file = false;      // open the file picker; its text comes back as `import`
  bool apply_update = false;            // switch to the waiting new build and reload
  std::string copy_link;                // a routine link fragment ("routine=1...") to copy
  std::string print_sheet;              // a printed sheet's <article> for the print view (print/)
  bool clear_storage = false;           // delete everything stored, copies kept aside included
  bool read_sessions = false;           // read every stored session; they come back as `sessions_read`
  // While the storage fails or has not answered: what is not stored yet, for the page to keep
  // where it survives a reload (ProfileWrites::unsaved); "" once it is all stored.
  std::optional<std::string> keep_unsaved;
  std::vector<std::string> host_events; // JSON messages for the page embedding the widget (embed.h)
};

// What boot.js read before the app started.
struct StoredInput {
  enum class Kind : std::uint8_t { none, parts, legacy, waiting };
  // A first visit, the parts of the current layout, or a schema-1 document; or `waiting`: the
  // storage did not answer in time, the app starts in memory and App::stored_late() follows.
  Kind kind = Kind::none;
  std::string text;         // parts: {"schema":2,"settings":...} as read; legacy: the document
  bool legacy_present = false;  // a schema-1 document is still kept beside the parts
  // What a visit before could not store (Effects::keep_unsaved), kept by the page: taken in.
  std::string unsaved;
  // Storage found empty where this browser had stored Limber's data before: how many sessions
  // it held then (the page keeps that count outside IndexedDB); -1 when it never had any.
  int held_before = -1;
};

}  // namespace limber::app
