// app/command.h: the commands the automation interface accepts, checked before they act.
//
// window.limber.command(name, arg) in the page ends here, and so do the accessible HTML
// layer's buttons and the keyboard shortcuts. Anything malformed is refused with a message
// naming what was wrong, and refusing changes nothing.
//
// Commands:
//     ping | redraw                 answer ok (every accepted command draws a few frames)
//     navigate <screen>             shows a screen by id (app_model.h)
//     back                          goes back a screen (closes a question first)
//     theme <light|dark|high_contrast>
//     setting <name>=<value>        any setting: theme, text_size, breath_in, breath_out,
//                                   hold_preference, progression, sounds, spoken_cues,
//                                   reduced_motion, keep_screen_awake, pause_when_hidden
//     start <routine>               opens the player on a routine (built-in or own)
//     pain <0..10|skip>             answers the pain question before or after
//     pause | skip | previous | hurts | end     the session controls (end asks first; pause toggles)
//     pause_session | resume_session            pause or resume only
//     yes | no                      answers the question on screen
//     close_session                 leaves the summary
//     resume_interrupted | record_interrupted
//     exercise <id>                 opens an exercise's page
//     import_size <bytes>           the page: a chosen backup file's size, before it is read;
//                                   refused (and said) above storage::kMaxBackupBytes
//     import <backup JSON>          imports a backup (the file picker's route): checked whole,
//                                   then merged once every stored session is read
//     sessions_read <JSON array>    the page: every stored session, after Effects::read_sessions
//     sessions_unreadable <reason>  the page: they could not be read
//     export <backup|csv>           offers the file for download
//     delete_all                    asks, then deletes everything (after yes)
//     dismiss                       closes the notice at the top of the screen
//     open_link <fragment>          shows a routine from a link ("routine=1...."), or says what is wrong
//     accept_link                   adds the linked routine to the person's routines
//     new_routine                   opens the editor on a new routine (the clinician's builder)
//     share_link                    copies a link to the routine being edited, with its note
//     link_copied <yes|no>          the page: the clipboard took the link, or refused it
//     text <field>=<text>           what the page's text box over routine_name or link_note holds
//     host <message JSON>           a message from the page embedding the widget (embed.h)
//     update_ready                  the page: a new build is installed and waiting
//     apply_update                  switch to it (refused while a session is open)
//
// Usage:
//     const auto result = limber::app::run_command(app, "navigate", "library");
//     if (!result.ok) log(result.error);
#pragma once

#include <string>
#include <string_view>

#include "app/app.h"

namespace limber::app {

struct CommandResult {
  bool ok = false;
  std::string error;  // empty when ok
};

CommandResult run_command(App& app, std::string_view name, std::string_view arg);

// Sets one setting from text, checked like stored settings. "" or what is wrong.
std::string apply_setting(storage::Settings& settings, std::string_view name, std::string_view value);

// {"ok":true} or {"ok":false,"error":"..."}, the text window.limber.command() returns.
std::string command_result_json(const CommandResult& result);

}  // namespace limber::app
