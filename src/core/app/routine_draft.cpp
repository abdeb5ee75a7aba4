#include "app/routine_draft.h"

#include "links/routine_link.h"
#include "text/utf8.h"

namespace limber::app {

void RoutineDraft::open(catalogue::Routine routine) {
  state_ = {};
  state_.routine = std::move(routine);
}

std::string RoutineDraft::set_text(TextField field, std::string_view typed) {
  if (!state_.routine) return "no routine is being edited";
  std::string kept;
  std::size_t was_chars = 0;
  text::check_utf8(text(field), true, was_chars);
  std::string problem = normalise_text(field, typed, kept, was_chars);
  state_.text_problems[static_cast<std::size_t>(field)] = problem;
  if (!problem.empty()) return problem;
  (field == TextField::routine_name ? state_.routine->name : state_.note) = std::move(kept);
  return {};
}

std::string RoutineDraft::text(TextField field) const {
  if (!state_.routine) return {};
  return field == TextField::routine_name ? state_.routine->name : state_.note;
}

const std::string& RoutineDraft::text_problem(TextField field) const {
  return state_.text_problems[static_cast<std::size_t>(field)];
}

namespace {
// What a link carries of a draft: its routine and note, trimmed as they are sent.
links::SharedRoutine as_shared(const catalogue::Routine& draft, std::string_view note) {
  catalogue::Routine routine = draft;
  routine.name = std::string(trim_text(routine.name));
  return {.routine = std::move(routine), .note = std::string(trim_text(note))};
}
}  // namespace

std::string RoutineDraft::share(const catalogue::Catalogue& catalogue) {
  if (!state_.routine) return "nothing is being edited";
  const links::SharedRoutine shared = as_shared(*state_.routine, state_.note);
  state_.share_problem = links::check_shared_routine(shared, catalogue);
  if (!state_.share_problem.empty()) return state_.share_problem;
  state_.last_link = links::encode_routine_link(shared);
  state_.link_copy = LinkCopy::pending;
  return {};
}

std::string RoutineDraft::link_now(const catalogue::Catalogue& catalogue) const {
  if (!state_.routine) return {};
  const links::SharedRoutine shared = as_shared(*state_.routine, state_.note);
  if (!links::check_shared_routine(shared, catalogue).empty()) return {};
  return links::encode_routine_link(shared);
}

std::string RoutineDraft::link_copied(bool ok) {
  if (state_.link_copy != LinkCopy::pending) return "no link is waiting to be copied";
  state_.link_copy = ok ? LinkCopy::copied : LinkCopy::refused;
  return {};
}

}  // namespace limber::app
