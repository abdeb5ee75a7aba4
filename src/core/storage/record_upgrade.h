// storage/record_upgrade.h: the step that brings stored records and routines to layout 3.
//
// Up to layout 2 (and document schema 1), an exercise's outcome was three booleans that
// could contradict each other (`completed`, `skipped`, `hurt`), and a routine kept how often
// to do it twice: the `frequency` and a sentence saying the same (`frequency_text`). Now an
// exercise has one `outcome`, and a routine a `frequency_note` with only what the frequency
// does not say. These jobs edit parsed JSON in place; each is idempotent, so a value already
// upgraded (a part written by this version beside older ones) passes through unchanged.
//
//   outcome:         hurt -> "stopped_hurt"; else skipped -> "skipped"; else completed ->
//                    "completed"; else "not_reached" (a hurt always stopped the exercise).
//   frequency_note:  the sentence without the frequency's own words when it starts with
//                    them ("Every day; a good way ..." -> "a good way ..."), nothing when it is
//                    only those words, else the whole sentence.
//
// Usage:
//     json::Value entry = json::parse(text).value;
//     if (std::string why = limber::storage::upgrade_stored_session(entry); !why.empty()) refuse(why);
#pragma once

#include <string>

#include "json/json_value.h"

namespace limber::storage {

// A SessionRecord's JSON: every exercise in `exercises`. "" or what is wrong, naming where.
std::string upgrade_record(json::Value& record, const std::string& path);
// A StoredSession's JSON ({"id", "record"}).
std::string upgrade_stored_session(json::Value& session, const std::string& path = "session");
// A Routine's JSON.
std::string upgrade_routine(json::Value& routine, const std::string& path);

// The steps themselves, on a whole document (schema 1 -> 2: sessions, in_progress, routines)
// and on the parts object (layout 2 -> 3: history's recent sessions, in_progress, routines).
std::string upgrade_document_1_to_2(json::Value& doc);
std::string upgrade_parts_2_to_3(json::Value& parts);

}  // namespace limber::storage
