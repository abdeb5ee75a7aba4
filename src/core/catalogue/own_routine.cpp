#include "catalogue/own_routine.h"

#include <algorithm>

#include "catalogue/calendar_day.h"
#include "catalogue/prescription.h"
#include "catalogue/schedule.h"
#include "text/cat.h"
#include "text/utf8.h"

namespace limber::catalogue {

std::string text_problem(std::string_view words, std::size_t max_chars, bool multiline) {
  std::size_t chars = 0;
  switch (text::check_utf8(words, multiline, chars)) {
    case text::TextCheck::invalid: return "is not valid text (UTF-8)";
    case text::TextCheck::control: return "has a control character in it, which Limber does not accept";
    case text::TextCheck::direction:
    case text::TextCheck::separator: return text::mark_problem(words);
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

static_assert(OwnRoutineLimits::max_version == 65535);  // as the message spells it

bool phone_characters(std::string_view phone) {
  return std::all_of(phone.begin(), phone.end(), [](char ch) {
    return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
           std::string_view(" +()-./").find(ch) != std::string_view::npos;
  });
}

bool routine_uid_well_formed(std::string_view uid) {
  return uid.size() == 12 &&
         std::all_of(uid.begin(), uid.end(), [](char ch) { return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'); });
}

void check_own_routine(const Catalogue& catalogue, const Routine& routine, const RoutineCheckDesc& desc,
                       std::vector<Problem>& problems) {
  const auto report = [&](std::string field, std::string message) {
    problems.push_back({.file = desc.file, .path = text::cat({desc.path, ".", field}), .message = std::move(message)});
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
  const auto optional_text = [](const std::optional<std::string>& t) { return t ? std::string_view(*t) : std::string_view(); };
  const Field fields[] = {
      {"name", routine.name, OwnRoutineLimits::max_name_chars, false, true},
      {"purpose", routine.purpose, OwnRoutineLimits::max_note_chars, true, true},
      {"frequency_note", optional_text(routine.frequency_note), OwnRoutineLimits::max_note_chars, false, false},
      {"note", optional_text(routine.note), OwnRoutineLimits::max_note_chars, true, false},
      {"clinic.name", routine.clinic ? std::string_view(routine.clinic->name) : std::string_view(),
       OwnRoutineLimits::max_name_chars, false, routine.clinic.has_value()},
      {"clinic.phone", routine.clinic ? optional_text(routine.clinic->phone) : std::string_view(),
       OwnRoutineLimits::max_phone_chars, false, false},
  };
  for (const Field& f : fields) {
    if (f.required && f.words.empty()) report(f.name, "must not be empty");
    else if (std::string why = text_problem(f.words, f.max_chars, f.multiline); !why.empty()) report(f.name, why);
  }
  // Optional texts present but empty: absent says "none", so "" would be a second way to say it.
  if (routine.note && routine.note->empty()) report("note", "must not be empty");
  if (routine.frequency_note && routine.frequency_note->empty()) report("frequency_note", "must not be empty");
  if (routine.clinic && routine.clinic->phone) {
    const std::string& phone = *routine.clinic->phone;
    if (phone.empty() || !phone_characters(phone)) {
      report("clinic.phone", "must be a phone number: digits, spaces, + ( ) - . / and letters (\"ext\")");
    }
  }
  if (routine.schedule) {
    check_schedule(*routine.schedule, desc.file, text::cat({desc.path, ".schedule"}), problems);
    if (routine.frequency != Frequency::every_day) {
      report("frequency", "must be every_day when the routine has a schedule, which says how often");
    }
  }
  for (const auto& [name, day] : {std::pair{"review_on", &routine.review_on}, std::pair{"started_on", &routine.started_on}}) {
    if (*day && !parse_day(**day)) {
      report(name, text::cat({"'", text::first_chars(**day, 20), "' is not a date from 2000 to 2099 written as YYYY-MM-DD"}));
    }
  }
  if (routine.uid.has_value() != routine.version.has_value()) {
    report(routine.uid ? "version" : "uid", "a routine's uid and version come together");
  }
  if (routine.uid && !routine_uid_well_formed(*routine.uid)) report("uid", "must be 12 lower-case hex digits");
  if (routine.version && (*routine.version < 1 || *routine.version > OwnRoutineLimits::max_version)) {
    report("version", text::cat({"must be from 1 to 65535, got ", std::to_string(*routine.version)}));
  }
  for (const std::string& ref : routine.sources) {
    if (!catalogue.find_source(ref)) report("sources", text::cat({"unknown source '", ref, "'"}));
  }
  if (routine.rest_between_exercises_seconds < 0 || routine.rest_between_exercises_seconds > DosageLimits::max_rest_seconds) {
    report("rest_between_exercises_seconds", "must be from 0 to 300 seconds");
  }
  if (routine.items.empty()) report("items", "a routine needs at least one exercise");
  if (routine.items.size() > OwnRoutineLimits::max_items) {
    report("items", "has " + std::to_string(routine.items.size()) + " exercises; the most is " +
                        std::to_string(OwnRoutineLimits::max_items));
    return;  // the items themselves are not worth listing one by one
  }
  check_prescription(catalogue, routine, desc, problems);
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
