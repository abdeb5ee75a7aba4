// App's routine editor (the draft: app/routine_draft.h; the edits: app/routine_editor.h) and
// routine links (links/routine_link.h): making, sharing and receiving routines.
#include "app/app.h"
#include "app/reminder.h"
#include "links/routine_link.h"
#include "print/routine_sheet.h"
#include "app/text_entry.h"

#include "links/routine_link.h"

namespace limber::app {

// ---- Routine editor --------------------------------------------------------------------

void App::new_routine() {
  draft_.open(app::new_routine(*catalogue_, data_));
  nav_.navigate(Screen::routine_editor);
}

std::string App::copy_routine(std::string_view id) {
  const catalogue::Routine* from = find_routine(id);
  if (!from) return "unknown routine '" + std::string(id) + "'";
  draft_.open(app::copy_routine(*from, *catalogue_, data_));
  nav_.navigate(Screen::routine_editor);
  return {};
}

std::string App::edit_routine(std::string_view id) {
  for (const catalogue::Routine& r : data_.routines) {
    if (r.id == id) {
      draft_.open(r);
      nav_.navigate(Screen::routine_editor);
      return {};
    }
  }
  return "'" + std::string(id) + "' is not one of your routines";
}

std::string App::save_draft() {
  catalogue::Routine* routine = draft_.routine();
  if (!routine) return "nothing is being edited";
  routine->name = std::string(trim_text(routine->name));
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
  if (!draft_.is_open()) return "no routine is being edited";
  if (!catalogue_->find_exercise(exercise_id)) return "unknown exercise '" + std::string(exercise_id) + "'";
  if (!add_exercise(*draft_.routine(), *catalogue_, exercise_id)) return "this exercise has no dosage to start from";
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
  if (delta != -1 && delta != 1) return "a dosage steps by one";
  if (!step_dosage(*draft_.routine(), index, *catalogue_, field, delta)) {
    if (field == DosageField::hold && !item_dosage(*draft_.routine(), index, *catalogue_)->hold) return "this exercise is not held";
    return delta < 0 ? "already the least its source gives" : "already the most its source gives";
  }
  draft_.edited();
  return {};
}

// ---- Routine links ---------------------------------------------------------------------

std::string App::open_link(std::string_view fragment) {
  links::LinkResult result = links::decode_routine_link(fragment, *catalogue_);
  if (!result.ok()) {
    show(NoticeKind::problem, result.error + " Nothing was added.");
    return result.error;
  }
  incoming_ = std::move(*result.shared);
  nav_.navigate(Screen::shared_routine);
  return {};
}

std::string App::accept_incoming() {
  if (!incoming_) return "no routine link is open";
  catalogue::Routine routine = incoming_->routine;
  routine.id = new_routine_id(*catalogue_, data_);
  const std::string problem = save_routine(data_, *catalogue_, routine);
  if (!problem.empty()) {
    show(NoticeKind::problem, "This routine could not be added: " + problem);
    return problem;
  }
  data_.settings.current_routine = routine.id;
  changed(storage::Part::routines);
  changed(storage::Part::settings);
  incoming_.reset();
  nav_.navigate(Screen::today);
  show(NoticeKind::info, "\"" + routine.name + "\" is now your routine. It is listed under Routines.");
  return {};
}

std::string App::decline_incoming() {
  if (!incoming_) return "no routine link is open";
  incoming_.reset();
  if (nav_.screen() == Screen::shared_routine) nav_.back();
  return {};
}

std::string App::set_reminder_minutes(int minutes) {
  if (minutes < kReminderEarliest || minutes > kReminderLatest || minutes % kReminderStep != 0) {
    return "expected a time from " + clock_time(kReminderEarliest) + " to " + clock_time(kReminderLatest) + ", in steps of " +
           std::to_string(kReminderStep) + " minutes";
  }
  reminder_minutes_ = minutes;
  return {};
}

std::string App::draft_to_calendar() {
  const catalogue::Routine* routine = draft_.routine();
  if (!routine) return "nothing is being edited";
  const std::string link = draft_.link_now(*catalogue_);
  if (link.empty()) return "this routine cannot be sent yet, so it has no link for the reminder to open";
  const std::string ics = reminder_ics({.routine = routine,
                                        .link = link_address(link),
                                        .note = std::string(trim_text(draft_.text(TextField::link_note))),
                                        .minutes = reminder_minutes_,
                                        .now_ms = now_ms(),
                                        .utc_offset_minutes = desc_.utc_offset_minutes,
                                        .seconds = routine_seconds(*routine)});
  effects_.downloads.push_back({.file_name = "limber-reminder.ics", .mime = "text/calendar", .text = ics});
  return {};
}

std::string App::routine_address(const catalogue::Routine& routine, std::string_view note, std::string* problem) const {
  const links::SharedRoutine shared{.routine = routine, .note = std::string(note)};
  std::string why = links::check_shared_routine(shared, *catalogue_);
  if (problem) *problem = why;
  return why.empty() ? link_address(links::encode_routine_link(shared)) : std::string();
}

std::string App::print_routine(std::string_view id) {
  const catalogue::Routine* routine = find_routine(id);
  if (!routine) return "no routine '" + std::string(id) + "'";
  print::SheetDesc sheet{.catalogue = catalogue_, .clips = clips_, .routine = routine,
                         .seconds = routine_seconds(*routine), .preference = data_.settings.hold_preference};
  sheet.link = routine_address(*sheet.routine, sheet.note, &sheet.link_problem);
  effects_.print_sheet = print::routine_sheet(sheet);
  return {};
}

std::string App::print_draft() {
  const catalogue::Routine* routine = draft_.routine();
  if (!routine) return "nothing is being edited";
  catalogue::Routine tidy = *routine;
  tidy.name = std::string(trim_text(tidy.name));
  print::SheetDesc sheet{.catalogue = catalogue_, .clips = clips_, .routine = &tidy,
                         .note = std::string(trim_text(draft_.text(TextField::link_note))),
                         .seconds = routine_seconds(tidy), .preference = data_.settings.hold_preference};
  sheet.link = routine_address(*sheet.routine, sheet.note, &sheet.link_problem);
  effects_.print_sheet = print::routine_sheet(sheet);
  return {};
}

std::string App::share_draft() {
  if (std::string problem = draft_.share(*catalogue_); !problem.empty()) return problem;
  effects_.copy_link = draft_.last_link();
  return {};
}

}  // namespace limber::app
