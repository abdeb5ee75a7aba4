// app/routine_update.h: a clinician's newer link for a routine the person already has.
//
// A routine carries an identity (uid) and a version across the links that update it. A link for
// a routine the person has under the same uid is compared with it: a newer version (or the same
// version with other contents, a routine changed on this device meanwhile) is offered as an
// update that says what changed; an older version changes nothing and says so; the same routine
// is said to be there already. An update keeps the routine's id, so its sessions stay with it.
//
// Usage:
//     const auto verdict = limber::app::compare_with_stored(incoming, data.routines);
//     if (verdict.kind == LinkVerdict::update) show(limber::app::routine_changes(catalogue, *verdict.stored, incoming));
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "catalogue/model.h"

namespace limber::app {

enum class LinkVerdict : std::uint8_t {
  add,      // no routine of the person's has this uid (or the link has none): a new routine
  update,   // a newer version of one of theirs
  same,     // theirs already, exactly as the link has it
  older,    // an older version than theirs: nothing changes
};

struct LinkComparison {
  LinkVerdict kind = LinkVerdict::add;
  const catalogue::Routine* stored = nullptr;  // the person's routine under the same uid
};

LinkComparison compare_with_stored(const catalogue::Routine& incoming, const std::vector<catalogue::Routine>& routines);

// Whether two routines say the same in everything a link carries (not id, purpose, sources,
// started_on).
bool same_prescription(const catalogue::Routine& a, const catalogue::Routine& b);

// What an update changes, one sentence each, in the order a person reads a routine: its name,
// how often, the side that hurts, the review date, the clinic, the note, then exercises added,
// removed, moved and changed ("Pelvic tilt: 10 reps, hold 5 seconds, now 12 reps, hold 5 seconds.").
std::vector<std::string> routine_changes(const catalogue::Catalogue& catalogue, const catalogue::Routine& from,
                                         const catalogue::Routine& to);

// `stored` updated to `incoming`: everything the link carries, keeping its id, with started_on
// the day the update was taken (build-ups start again from the new amounts).
catalogue::Routine updated_routine(const catalogue::Routine& stored, const catalogue::Routine& incoming,
                                   const std::string& today_iso);

}  // namespace limber::app
