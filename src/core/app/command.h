// app/command.h: every change anyone can make to the app, checked before it acts.
//
// One way in: the canvas UI's presses (ui/screens: act()), the accessible HTML layer's
// buttons and the keyboard shortcuts (web/page.js), window.limber.command(name, arg) in
// tests, and a clinic's page (host) all end here. Each command parses its argument and calls
// one App action; an action that cannot apply says why (App's actions return "" or the
// reason) and the command passes it on as "<name>: <reason>". A refusal changes nothing.
//
// Commands:
//     ping | redraw                 answer ok (every accepted command draws a few frames)
//     navigate <screen>             shows a screen by id (app_model.h), if it can be shown now
//     back                          goes back a screen (closes a question first)
//     theme <light|dark|high_contrast>   (inside the clinic widget: light or dark, the clinic's)
//     setting <name>=<value>        any setting: theme, text_size, breath_in, breath_out,
//                                   hold_preference, progression, sounds, spoken_cues,
//                                   reduced_motion, keep_screen_awake, pause_when_hidden
//     acknowledge_safety            the first visit's safety note was read
//     start <routine>               opens the player on a routine (built-in or own)
//     pain <0..10|skip>             answers the pain question before or after
//     pause | skip | previous | hurts | end     the session controls (end asks first; pause toggles)
//     pause_session | resume_session            pause or resume only
//     yes | no                      answers the question on screen
//     close_session                 leaves the summary (or a pain question, skipping it)
//     resume_interrupted | record_interrupted
//     exercise <id>                 opens an exercise's page
//     demo <play|pause>             the exercise page's looping figure moves, or stands still
//     filter <position|in_bed|kind>=<value|any>  the library's filters (app/library.h)
//     choose_routine <id>           the routine Today offers
//     import_size <bytes>           the page: a chosen backup file's size, before it is read;
//                                   refused (and said) above storage::kMaxBackupBytes
//     import <backup JSON>          imports a backup (the file picker's route): checked whole,
//                                   then merged once every stored session is read
//     choose_file                   opens the page's file picker for a backup
//     sessions_read <JSON array>    the page: every stored session, after Effects::read_sessions
//     sessions_unreadable <reason>  the page: they could not be read
//     stored_late <JSON>            the page: its load result, after start-up stopped waiting
//                                   for the storage or could not read it (App::stored_late)
//     storage_repaired <why>        the page: the database lacked a store and was repaired
//     storage_lost <why>            the page: the database was emptied while open
//     export <backup|csv>           offers the file for download
//     delete_all                    asks, then deletes everything (after yes)
//     storage_facts <JSON>          the page: what the browser says of the storage
//                                   (app/data_safety.h's StorageFacts)
//     backup_later                  the summary's backup offer: not now (offered again in a week)
//     keep_storage                  asks the browser to keep the data (navigator.storage.persist())
//     speech_voices <n>             the page: how many voices the browser has to read aloud
//     dismiss                       closes the notice at the top of the screen
//     open_link <fragment>          shows a routine from a link ("routine=1...."), or says what is wrong
//     accept_link | decline_link    adds the linked routine to the person's routines, or not
//     new_routine                   opens the editor on a new routine (the clinician's builder)
//     copy_routine <id> | edit_routine <id>      opens the editor on a copy, or on an own routine
//     delete_routine <id>           asks, then deletes an own routine (after yes)
//     add_exercise <id>             the routine being edited: adds an exercise at the end
//     remove_exercise <n>           ... removes its n-th exercise (from 1)
//     move_exercise <n>=<up|down>   ... moves it one place
//     dosage <n>=<option>           ... picks one of the exercise's dosage options
//     step_dosage <n>=<amount><+|->    ... one step (amount: reps, hold, sets, set_rest, build_up,
//                                   reps_to, hold_to; catalogue/prescription.h's steps)
//     hold_unit <n>=<seconds|breaths> | sides <n>=<each_side|alternating|one_side>
//     favour <n>=<none|first|more> | build_up <n>=<on|off>
//     how_often <times_a_day=1..4|days_a_week=1..7|when_needed|set_times=on|off|time<k>=HH:MM>
//     review <none|weeks|YYYY-MM-DD> | side_that_hurts <ask|left|right>
//                                   ... the prescription's other edits (app/prescription_edits.h)
//     save_routine                  saves the routine being edited
//     share_link                    copies a link to the routine being edited, with its note
//     add_to_calendar               offers an .ics file: the routine being edited, an event for each
//                                   time of day, repeating as it is done, holding its link (app/reminder.h)
//     print_routine <id> | print_draft   opens the print view on a routine's printed sheet, or
//                                   on the one being edited with its note (print/routine_sheet.h)
//     report_weeks <2|4|8|12>       the period the appointment report covers
//     print_report                  opens the print view on that report, once every stored
//                                   session is read (print/appointment_report.h)
//     link_copied <yes|no>          the page: the clipboard took the link, or refused it
//     text <field>=<text>           what the page's text box over a field holds: routine_name,
//                                   link_note, clinic_name, clinic_phone, item_note-<n>
//     host <message JSON>           a message from the page embedding the widget (embed.h)
//     update_ready                  the page: a new build is installed and waiting
//     apply_update                  switch to it (refused while a session is open)
//     clock_rate <1..200>           the session clock runs that many times faster (tests and
//                                   demonstrations; the engine paces by elapsed time)
//     scroll <css pixels>           the page: a drag or wheel that began on one of its text
//                                   boxes, which the canvas never sees, scrolls the page under it
//     focus <control id> | blur     the page's accessible mirror: its focus is on that control's
//                                   element (the canvas rings it and scrolls it into view), or left
//     press <control id>            the mirror's element was pressed (Enter, Space, a screen
//                                   reader): the UI presses the control on its next frame, as a tap
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
