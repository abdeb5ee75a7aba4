// app/embed.h: Limber inside a clinic's page: the address it is opened with, the events it
// tells the host page, and the commands it accepts from it.
//
// web/embed.js inserts an iframe whose address says what to show:
//     index.html?embed=1&routine=nhs_daily&theme=dark&host=https%3A%2F%2Fclinic.example
// parse_page_query() reads it once, for the core and the page alike (web/page.js talks only to
// the host origin the core accepted, normalised as the browser writes origins). It checks every
// parameter: an unknown or repeated one, an unknown routine or theme, or a host that is not a
// bare origin is an error naming it and what is wrong, and then nothing of the address is
// kept but embed=1: the widget has no host. The widget posts HostEvents to the host origin only, and acts on host messages only after parse_host_message() has
// checked them; page.js has already checked that they came from that origin.
//
// Message schema (both directions carry "source" and "version": 1). "routine" is the routine's id
// (a clinician's: "clinic-" and a hash of its link, never the link), "routineName" its name:
//   to the host:   {"source":"limber","version":1,"type":"ready","routine":"nhs_daily","routineName":"NHS daily exercises"}
//                  {"source":"limber","version":1,"type":"session_started","routine":"...","routineName":"...","exercises":5}
//                  {"source":"limber","version":1,"type":"exercise_completed","routine":"...","routineName":"...",
//                   "exercise":"knee_rolls","index":1,"outcome":"completed"|"skipped"|"stopped_hurt"}
//                  {"source":"limber","version":1,"type":"session_completed","routine":"...","routineName":"...","completed":true,
//                   "endedEarly":false,"exercisesCompleted":5,"painBefore":4,"painAfter":2,   (pain: number or null)
//                   "exercises":[{"exercise":"pelvic_tilt","outcome":"completed","prescribed":{"reps":10,"sets":1,
//                   "hold":5,"holdUnit":"seconds","sides":"together"},"done":{"reps":10,"holds":10,"holdSeconds":50}}]}
//   from the host: {"source":"limber-host","version":1,"command":"start"|"pause"|"resume"|"skip"|"previous"|"end"|"theme",
//                   "value":"dark"}   (value only for theme: light or dark)
//
// Usage:
//     const auto page = limber::app::parse_page_query(location_search, catalogue);
//     if (!page.error.empty()) show(page.error);
//     const auto cmd = limber::app::parse_host_message(text);   // then run_command(app, cmd.name, cmd.arg)
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "catalogue/model.h"
#include "links/routine_link.h"
#include "storage/user_data.h"

namespace limber::app {

inline constexpr int kEmbedMessageVersion = 1;

struct EmbedOptions {
  bool embedded = false;
  std::string routine;                  // the routine the widget offers ("" with embed: the first)
  // A clinician's own routine, given as a routine link's value (routine=2.<payload>.<check>):
  // decoded and checked exactly as a link is. `routine` is then its id, clinician_routine_id().
  std::optional<links::SharedRoutine> clinician;
  bool refused = false;                 // the address had a problem: the widget offers no routine
  std::optional<storage::Theme> theme;  // the clinic's choice: light or dark
  std::string host_origin;              // where events go and commands may come from
};

struct PageQuery {
  EmbedOptions options;
  std::string error;  // "" or what is wrong, naming the parameter
};

// `query` is location.search ("?a=b&c=d" or ""). Percent-encoding is decoded. `routine` is a
// built-in routine's id, or a routine link's value ("1.<payload>.<check>", what follows
// "#routine=" in a link), which opens as the link would or is refused with the link's sentence.
PageQuery parse_page_query(std::string_view query, const catalogue::Catalogue& catalogue);

// A clinician's routine's id in the widget and in its events: "clinic-" and 8 hex digits of a
// hash (FNV-1a, 32 bits) of the link's value. The same link, the same id; never the payload.
std::string clinician_routine_id(std::string_view link_value);

// A clinic's page picks light or dark; high contrast stays the person's own choice.
std::optional<storage::Theme> widget_theme(std::string_view name);

// A host page's origin as a browser writes it (event.origin), so page.js can compare the two
// exactly: the scheme and host in lower case, the port without leading zeros and dropped when
// it is the scheme's own ("HTTP://Clinic.Example:0443" -> "http://clinic.example:443",
// "https://clinic.example:443" -> "https://clinic.example"). Refused, with what is wrong: a
// scheme other than http or https, a user, a path, query or fragment, a host with characters
// other than letters, digits, '-' and '.', a port that is not a number from 1 to 65535.
struct Origin {
  std::string origin;   // "" when refused
  std::string problem;  // "" or what is wrong: "its port must be a number from 1 to 65535, got '99999'"
};
Origin normalise_origin(std::string_view text);
// Whether normalise_origin accepts `text`.
bool is_origin(std::string_view text);

struct HostCommand {
  std::string name;  // a command of command.h
  std::string arg;
  std::string error;  // "" when the message is a command the widget accepts
};
HostCommand parse_host_message(std::string_view json_text);

}  // namespace limber::app
