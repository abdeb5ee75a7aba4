#include "catalogue/own_routine.h"

#include "text/utf8.h"

namespace limber::catalogue {

std::string text_problem(std::string_view words, std::size_t max_chars, bool multiline) {
  std::size_t chars = 0;
  switch (text::check_utf8(words, multiline, chars)) {
    case text::TextCheck::invalid: return "is not valid text (UTF-8)";
    case text::TextCheck::control: return "has a control character in it, which Limber does not accept";
    case text::TextCheck::direction:
      return "has an invisible mark that turns the direction of the text around it, which could disguise what it says";
    case text::TextCheck::ok: break;
  }
  if (chars > max_chars) {
    return "is " + std::to_string(chars) + " characters long; the most is " + std::to_string(max_chars);
  }
  return {};
}

bool routine_id_well_formed(std::string_view id) {
  if (id.empty() || id.size() > OwnRoutineLimits::max_id_chars) return false;
  for (const char ch : id) {
    if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '-')) return false;
  }
  return true;
}

void check_own_routine(const Catalogue& catalogue, const Routine& routine, const RoutineCheckDesc& desc,
                       std::vector<Problem>& problems) {
  const auto report = [&](std::string field, std::string message) {
    problems.push_back({.file = desc.file, .path = desc.path + "." + field, .message = std::move(message)});
  };
  if (!routine_id_well_formed(routine.id)) {
    report("id", "a routine's id must be 1 to " + std::to_string(OwnRoutineLimits::max_id_chars) +
                     " lower-case letters, digits, '_' or '-'");
  } else if (catalogue.find_routine(routine.id)) {
    report("id", "'" + routine.id + "' is the id of one of Limber's own routines, which a person's routine cannot take");
  }
  struct Field {
    const char* name;
    std::string_view words;
    std::size_t max_chars;
    bool multiline, required;
  };
  const Field fields[] = {
      {"name", routine.name, OwnRoutineLimits::max_name_chars, false, true},
      {"purpose", routine.purpose, OwnRoutineLimits::max_note_chars, true, true},
      {"frequency_note", routine.frequency_note ? std::string_view(*routine.frequency_note) : std::string_view(),
       OwnRoutineLimits::max_note_chars, false, false},
  };
  for (const Field& f : fields) {
    if (f.required && f.words.empty()) report(f.name, "must not be empty");
    else if (std::string why = text_problem(f.words, f.max_chars, f.multiline); !why.empty()) report(f.name, why);
  }
  if (routine.items.size() > OwnRoutineLimits::max_items) {
    report("items", "has " + std::to_string(routine.items.size()) + " exercises; the most is " +
                        std::to_string(OwnRoutineLimits::max_items));
    return;  // the items themselves are not worth listing one by one
  }
  validate_routine(catalogue, routine, {.file = desc.file, .path = desc.path, .require_sources = false}, problems);
}

std::string check_own_routine(const Catalogue& catalogue, const Routine& routine) {
  if (catalogue.find_routine(routine.id)) return "This is one of Limber's routines: make a copy to change it.";
  if (routine.items.empty()) return "Add at least one exercise.";
  if (routine.name.empty()) return "Give the routine a name.";
  if (routine.purpose.empty()) return "Say what the routine is for.";
  std::vector<Problem> problems;
  check_own_routine(catalogue, routine, {.file = "routine", .path = "routines[" + routine.id + "]"}, problems);
  if (problems.empty()) return {};
  std::string why = problems.front().path + ": " + problems.front().message;
  if (problems.size() > 1) why += " (and " + std::to_string(problems.size() - 1) + " more)";
  return why;
}

}  // namespace limber::catalogue
