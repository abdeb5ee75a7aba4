// app/prescription_edits.h: the routine editor's edits beyond amounts, by name, as the command
// table sends them: how an exercise's sides and hold are counted, how it favours the side that
// hurts, its build-up; how often the routine is done, its review date and the side that hurts.
// Each edit is checked before it changes anything: "" or why not, in plain words.
//
//     hold_unit <n>=<seconds|breaths>        the n-th exercise's hold counted so (from 1)
//     sides <n>=<each_side|alternating|one_side>
//     favour <n>=<none|first|more>           the side that hurts first, or first and again
//     build_up <n>=<on|off>                  on: over 2 weeks, up to the source's most (or 2 more)
//     how_often times_a_day=<1..4> | days_a_week=<1..7> | when_needed | set_times=<on|off>
//               | time<k>=<HH:MM>           (k from 1; quarter hours)
//     review <none|<weeks>|YYYY-MM-DD>       weeks from today: 1 to 26
//     side_that_hurts <ask|left|right>       ask: the person's own answer
//
// Usage:
//     if (auto why = limber::app::edit_prescription(draft, catalogue, "sides", "2=one_side", today); !why.empty()) show(why);
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "catalogue/model.h"

namespace limber::app {

// True for the names above.
bool is_prescription_edit(std::string_view name);
// `today`: the person's local day (days after 1970-01-01), for a review in so many weeks.
std::string edit_prescription(catalogue::Routine& routine, const catalogue::Catalogue& catalogue, std::string_view name,
                              std::string_view arg, std::int64_t today);

}  // namespace limber::app
