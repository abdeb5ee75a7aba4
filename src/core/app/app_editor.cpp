// App's routine editor (the draft: app/routine_draft.h; the edits: app/routine_editor.h and
// app/prescription_edits.h) and routine links (links/routine_link.h): making, sharing,
// receiving and updating routines, and handing them over on paper and in a calendar.
// Index: routine editor, routine links, handing over.
#include <algorithm>

#include "app/app.h"
#include "app/prescription_edits.h"
#include "app/reminder.h"
#include "app/text_entry.h"
#include "catalogue/calendar_day.h"
#include "catalogue/prescription.h"
#include "links/routine_link.h"
#include "print/routine_sheet.h"
#include "storage/history.h"

namespace limber::app {

// ---- Routine editor --------------------------------------------------------------------

std::string App::make_uid() {
  // splitmix64 over the page's random seed, the time and a count: 48 bits, and never one of the
  // person's routines' own.
  for (;;) {
    std::uint64_t z = desc_.random_seed ^ (static_cast<std::uint64_t>(now_ms()) << 8) ^ (++uids_made_ * 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    z ^= z >> 31;
    static constexpr char kHex[] = "0123456789abcdef";
    std::string uid;
    for (int i = 0; i < 12; ++i) uid += kHex[(z >> (4 * i)) & 15u];
    if (std::none_of(data_.routines.begin(), data_.routines.end(), [&](const catalogue::Routine& r) { return r.uid == uid; })) {
      return uid;
    }
  }
}

std::int64_t App::today() const { return storage::local_day(now_ms(), desc_.utc_offset_minutes); }

std::int64_t App::days_into(const catalogue::Routine& routine) const {
  const std::optional<std::int64_t> started = catalogue::parse_optional_day(routine.started_on);
  return started ? std::max<std::int64_t>(0, today() - *started) : 0;
}

std::vector<std::string> App::amounts_up_today(const catalogue::Routine& routine) const {
  if (!routine.started_on || catalogue_->find_routine(routine.id)) return {};
  const std::int64_t now = days_into(routine);
  std::int64_t last = now - 1;
  for (auto it = data_.history.recent.rbegin(); it != data_.history.recent.rend(); ++it) {
    if (it->record.routine != routine.id) continue;
    const std::int64_t day = storage::local_day(it->record.started_at_ms, desc_.utc_offset_minutes);
    last = std::min(now, now - (today() - day));
    break;
  }
  return last < now ? catalogue::amounts_going_up(*catalogue_, routine, std::max<std::int64_t>(0, last), now)
                    : std::vector<std::string>{};
}

std::vector<std::string> App::amounts_up_tomorrow(const catalogue::Routine& routine) const {
  if (catalogue_->find_routine(routine.id)) return {};
  const std::int64_t now = days_into(routine);
  return catalogue::amounts_going_up(*catalogue_, routine, now, now + 1);
}

std::optional<catalogue::FirstSide> App::side_that_hurts(const catalogue::Routine& routine) const {
  if (routine.side_that_hurts) return routine.side_that_hurts;
  const std::optional<session::Side> side = data_.settings.affected_side;
  if (!side || *side == session::Side::none) return std::nullopt;
  return *side == session::Side::left ? catalogue::FirstSide::left : catalogue::FirstSide::right;
}

void App::new_routine() {
  draft_.open(app::new_routine(*catalogue_, data_, make_uid()));
  nav_.navigate(Screen::routine_editor);
}

std::string App::copy_routine(std::string_view id) {
  const catalogue::Routine* from = find_routine(id);
  if (!from) return "unknown routine '" + std::string(id) + "'";
  draft_.open(app::copy_routine(*from, *catalogue_, data_, make_uid()));
  nav_.navigate(Screen::routine_editor);
  return {};
}

std::string App::edit_routine(std::string_view id) {
  for (const catalogue::Routine& r : data_.routines) {
    if (r.id == id) {
      draft_.open(r, /*saved=*/true);
      nav_.navigate(Screen::routine_editor);
      return {};
    }
  }
  return "'" + std::string(id) + "' is not one of your routines";
}

std::string App::save_draft() {
  if (confirm_ == Confirm::leave_editor) confirm_ = Confirm::none;  // "Save and leave": a refusal shows in the editor
  std::optional<catalogue::Routine> routine = draft_.finished();
  if (!routine) return "nothing is being edited";
  // Build-ups count from the day a routine is first saved.
  if (!routine->started_on) routine->started_on = catalogue::iso_day(today());
  if (std::string problem = save_routine(data_, *catalogue_, *routine); !problem.empty()) {
    draft_.save_refused(problem);
    return problem;
  }
  changed(storage::Part::routines);
  draft_.close();
  if (nav_.screen() == Screen::routine_editor) nav_.back();
  return {};
}

std::string App::ask_delete_routine(std::string_view id) {
  if (!is_own_routine(id)) return "'" + std::string(id) + "' is not one of your routines";
  routine_to_delete_ = std::string(id);
  confirm_ = Confirm::delete_routine;
  return {};
}

std::string App::draft_item(std::size_t index) const {
  if (!draft_.is_open()) return "no routine is being edited";
  const std::size_t size = draft_.routine()->items.size();
  if (index >= size) {
    return "the routine has no exercise " + std::to_string(index + 1) + " (it has " + std::to_string(size) + ")";
  }
  return {};
}

std::string App::add_to_draft(std::string_view exercise_id) {
  catalogue::Routine* routine = draft_.routine();
  if (!routine) return "no routine is being edited";
  if (!catalogue_->find_exercise(exercise_id)) return "unknown exercise '" + std::string(exercise_id) + "'";
  if (routine->items.size() >= catalogue::OwnRoutineLimits::max_items) {
    return "a routine has at most " + std::to_string(catalogue::OwnRoutineLimits::max_items) + " exercises";
  }
  if (!add_exercise(*routine, *catalogue_, exercise_id)) return "this exercise has no dosage to start from";
  draft_.edited();
  return {};
}

std::string App::remove_from_draft(std::size_t index) {
  if (std::string why = draft_item(index); !why.empty()) return why;
  remove_item(*draft_.routine(), index);
  draft_.edited();
  return {};
}

std::string App::move_in_draft(std::size_t index, int delta) {
  if (std::string why = draft_item(index); !why.empty()) return why;
  if (delta != -1 && delta != 1) return "an exercise moves one place up or down";
  if (!move_item(*draft_.routine(), index, delta)) return delta < 0 ? "it is already first" : "it is already last";
  draft_.edited();
  return {};
}

std::string App::choose_draft_dosage(std::size_t index, std::string_view option_id) {
  if (std::string why = draft_item(index); !why.empty()) return why;
  if (!choose_dosage(*draft_.routine(), index, *catalogue_, option_id)) {
    return "the exercise has no dosage option '" + std::string(option_id) + "'";
  }
  draft_.edited();
  return {};
}

std::string App::step_draft_dosage(std::size_t index, DosageField field, int delta) {
  if (std::string why = draft_item(index); !why.empty()) return why;
  if (delta != -1 && delta != 1) return "an amount steps by one step";
  if (!step_dosage(*draft_.routine(), index, *catalogue_, field, delta)) {
    const auto view = item_dosage(*draft_.routine(), index, *catalogue_);
    if (!view) return "this exercise is not one Limber has";
    if ((field == DosageField::hold || field == DosageField::hold_to) && !view->hold) return "this exercise is not held";
    if ((field == DosageField::build_up_days || field == DosageField::reps_to || field == DosageField::hold_to) && !view->build_up_days) {
      return "this exercise does not build up";
    }
    if (field == DosageField::set_rest && view->sets.value < 2) return "there is only one set to rest between";
    return delta < 0 ? "already the least it can be" : "already the most it can be";
  }
  draft_.edited();
  return {};
}

std::string App::edit_draft(std::string_view name, std::string_view arg) {
  catalogue::Routine* routine = draft_.routine();
  if (!routine) return "no routine is being edited";
  if (std::string why = edit_prescription(*routine, *catalogue_, name, arg, today()); !why.empty()) return why;
  draft_.edited();
  return {};
}

std::string App::set_text(const TextTarget& target, std::string_view typed) { return draft_.set_text(target, typed); }

// ---- Routine links ---------------------------------------------------------------------

std::string App::open_link(std::string_view fragment) {
  links::LinkResult result = links::decode_routine_link(fragment, *catalogue_);
  if (!result.ok()) {
    show(NoticeKind::problem, result.error + " Nothing was added.");
    return result.error;
  }
  const LinkComparison seen = compare_with_stored(result.shared->routine, data_.routines);
  if (seen.kind == LinkVerdict::same) {
    show(NoticeKind::info, "\"" + seen.stored->name + "\" is already one of your routines, exactly as this link has it.");
    return {};
  }
  if (seen.kind == LinkVerdict::older) {
    show(NoticeKind::info, "This link holds an older version of \"" + seen.stored->name + "\" (version " +
                               std::to_string(result.shared->routine.version.value_or(0)) + ") than yours (version " +
                               std::to_string(seen.stored->version.value_or(0)) + "). Nothing was changed.");
    return {};
  }
  incoming_changes_ = seen.stored ? routine_changes(*catalogue_, *seen.stored, result.shared->routine) : std::vector<std::string>{};
  incoming_ = std::move(*result.shared);
  nav_.navigate(Screen::shared_routine);
  return {};
}

const catalogue::Routine* App::incoming_updates() const {
  if (!incoming_) return nullptr;
  const LinkComparison seen = compare_with_stored(incoming_->routine, data_.routines);
  return seen.kind == LinkVerdict::update ? seen.stored : nullptr;
}

std::string App::accept_incoming() {
  if (!incoming_) return "no routine link is open";
  catalogue::Routine routine = incoming_->routine;
  const catalogue::Routine* stored = incoming_updates();
  if (stored) {
    routine = updated_routine(*stored, routine, catalogue::iso_day(today()));
  } else {
    routine.id = new_routine_id(*catalogue_, data_);
    routine.started_on = catalogue::iso_day(today());
  }
  const std::string problem = save_routine(data_, *catalogue_, routine);
  if (!problem.empty()) {
    show(NoticeKind::problem, "This routine could not be added: " + problem);
    return problem;
  }
  data_.settings.current_routine = routine.id;
  changed(storage::Part::routines);
  changed(storage::Part::settings);
  incoming_.reset();
  incoming_changes_.clear();
  nav_.navigate(Screen::today);
  show(NoticeKind::info, stored ? "\"" + routine.name + "\" is updated. What you have done with it stays in your history."
                                : "\"" + routine.name + "\" is now your routine. It is listed under Routines.");
  return {};
}

std::string App::decline_incoming() {
  if (!incoming_) return "no routine link is open";
  incoming_.reset();
  incoming_changes_.clear();
  if (nav_.screen() == Screen::shared_routine) nav_.back();
  return {};
}

// ---- Handing over ----------------------------------------------------------------------

std::string App::draft_to_calendar() {
  const std::optional<catalogue::Routine> routine = draft_.finished();
  if (!routine) return "nothing is being edited";
  const std::string link = draft_.link_now(*catalogue_);
  if (link.empty()) return "this routine cannot be sent yet, so it has no link for the reminder to open";
  const std::string ics = reminder_ics({.routine = &*routine,
                                        .link = link_address(link),
                                        .now_ms = now_ms(),
                                        .utc_offset_minutes = desc_.utc_offset_minutes,
                                        .seconds = routine_seconds(*routine)});
  effects_.downloads.push_back({.file_name = "limber-reminder.ics", .mime = "text/calendar", .text = ics});
  return {};
}

std::string App::routine_address(const catalogue::Routine& routine, std::string* problem) const {
  if (catalogue_->find_routine(routine.id)) {
    // A built-in routine travels as a copy of the person's own, exactly as it is done now.
    catalogue::Routine own = routine;
    own.id = "shared";
    own.sources.clear();
    catalogue::prescribe_exactly(*catalogue_, own);
    return routine_address(own, problem);
  }
  std::string why = links::check_shared_routine(routine, *catalogue_);
  if (problem) *problem = why;
  return why.empty() ? link_address(links::encode_routine_link(routine, *catalogue_)) : std::string();
}

std::string App::print_routine(std::string_view id) {
  const catalogue::Routine* routine = find_routine(id);
  if (!routine) return "no routine '" + std::string(id) + "'";
  print::SheetDesc sheet{.catalogue = catalogue_, .clips = clips_, .routine = routine, .seconds = routine_seconds(*routine),
                         .preference = data_.settings.hold_preference, .days_in = days_into(*routine),
                         .side = side_that_hurts(*routine)};
  sheet.link = routine_address(*sheet.routine, &sheet.link_problem);
  effects_.print_sheet = print::routine_sheet(sheet);
  return {};
}

std::string App::print_draft() {
  const std::optional<catalogue::Routine> routine = draft_.finished();
  if (!routine) return "nothing is being edited";
  // The clinician's draft, for someone else: only the side it names.
  print::SheetDesc sheet{.catalogue = catalogue_, .clips = clips_, .routine = &*routine, .seconds = routine_seconds(*routine),
                         .preference = data_.settings.hold_preference, .side = routine->side_that_hurts};
  sheet.link = routine_address(*sheet.routine, &sheet.link_problem);
  effects_.print_sheet = print::routine_sheet(sheet);
  return {};
}

std::string App::share_draft() {
  if (std::string problem = draft_.share(*catalogue_); !problem.empty()) return problem;
  effects_.copy_link = draft_.last_link();
  return {};
}

}  // namespace limber::app
