#include "app/routine_draft.h"

#include "app/routine_update.h"
#include "links/routine_link.h"
#include "text/utf8.h"

namespace limber::app {

namespace {

const std::string kNoProblem;

// The text a field types into, made where the routine has none yet; null for no such exercise.
std::string* slot(catalogue::Routine& r, const TextTarget& t, bool make) {
  switch (t.field) {
    case TextField::routine_name: return &r.name;
    case TextField::link_note:
      if (!r.note && make) r.note.emplace();
      return r.note ? &*r.note : nullptr;
    case TextField::clinic_name:
    case TextField::clinic_phone:
      if (!r.clinic && make) r.clinic.emplace();
      if (!r.clinic) return nullptr;
      if (t.field == TextField::clinic_name) return &r.clinic->name;
      if (!r.clinic->phone && make) r.clinic->phone.emplace();
      return r.clinic->phone ? &*r.clinic->phone : nullptr;
    case TextField::item_note:
      if (t.item >= r.items.size()) return nullptr;
      if (!r.items[t.item].note && make) r.items[t.item].note.emplace();
      return r.items[t.item].note ? &*r.items[t.item].note : nullptr;
  }
  return nullptr;
}

// Texts as they are kept: trimmed, and an optional one left empty is no text at all.
void tidy(catalogue::Routine& r) {
  r.name = std::string(trim_text(r.name));
  const auto tidy_optional = [](std::optional<std::string>& t) {
    if (!t) return;
    *t = std::string(trim_text(*t));
    if (t->empty()) t.reset();
  };
  tidy_optional(r.note);
  if (r.clinic) {
    r.clinic->name = std::string(trim_text(r.clinic->name));
    tidy_optional(r.clinic->phone);
    if (r.clinic->name.empty() && !r.clinic->phone) r.clinic.reset();
  }
  for (catalogue::RoutineItem& item : r.items) tidy_optional(item.note);
}

}  // namespace

void RoutineDraft::open(catalogue::Routine routine, bool saved) {
  state_ = {};
  if (saved) state_.opened = routine;
  state_.first = routine;
  state_.routine = std::move(routine);
}

std::optional<catalogue::Routine> RoutineDraft::finished() const {
  if (!state_.routine) return std::nullopt;
  catalogue::Routine r = *state_.routine;
  tidy(r);
  if (r.version && state_.opened && !same_prescription(r, *state_.opened) && *r.version < catalogue::OwnRoutineLimits::max_version) {
    r.version = *r.version + 1;
  }
  return r;
}

std::string RoutineDraft::set_text(const TextTarget& target, std::string_view typed) {
  if (!state_.routine) return "no routine is being edited";
  if (target.field == TextField::item_note && target.item >= state_.routine->items.size()) {
    return "the routine has no exercise " + std::to_string(target.item + 1);
  }
  std::string kept;
  std::size_t was_chars = 0;
  text::check_utf8(text(target), true, was_chars);
  std::string problem = normalise_text(target.field, typed, kept, was_chars);
  state_.text_problems[static_cast<std::size_t>(target.field)] = problem;
  if (target.field == TextField::item_note) state_.item_note_problem_at = target.item;
  if (!problem.empty()) return problem;
  std::string* into = slot(*state_.routine, target, true);
  if (into == nullptr) return "that text has no place in this routine";
  *into = std::move(kept);
  return {};
}

std::string RoutineDraft::text(const TextTarget& target) const {
  if (!state_.routine) return {};
  const catalogue::Routine& r = *state_.routine;
  switch (target.field) {
    case TextField::routine_name: return r.name;
    case TextField::link_note: return r.note.value_or("");
    case TextField::clinic_name: return r.clinic ? r.clinic->name : std::string();
    case TextField::clinic_phone: return r.clinic ? r.clinic->phone.value_or("") : std::string();
    case TextField::item_note: return target.item < r.items.size() ? r.items[target.item].note.value_or("") : std::string();
  }
  return {};
}

const std::string& RoutineDraft::text_problem(const TextTarget& target) const {
  if (target.field == TextField::item_note && target.item != state_.item_note_problem_at) return kNoProblem;
  return state_.text_problems[static_cast<std::size_t>(target.field)];
}

std::size_t RoutineDraft::text_chars(const TextTarget& target) const {
  std::size_t chars = 0;
  text::check_utf8(text(target), true, chars);
  return chars;
}

std::string RoutineDraft::share(const catalogue::Catalogue& catalogue) {
  const std::optional<catalogue::Routine> r = finished();
  if (!r) return "nothing is being edited";
  state_.share_problem = links::check_shared_routine(*r, catalogue);
  if (!state_.share_problem.empty()) return state_.share_problem;
  state_.last_link = links::encode_routine_link(*r, catalogue);
  state_.link_copy = LinkCopy::pending;
  return {};
}

std::string RoutineDraft::link_now(const catalogue::Catalogue& catalogue) const {
  const std::optional<catalogue::Routine> r = finished();
  if (!r || !links::check_shared_routine(*r, catalogue).empty()) return {};
  return links::encode_routine_link(*r, catalogue);
}

std::string RoutineDraft::link_copied(bool ok) {
  if (state_.link_copy != LinkCopy::pending) return "no link is waiting to be copied";
  state_.link_copy = ok ? LinkCopy::copied : LinkCopy::refused;
  return {};
}

}  // namespace limber::app
