#include "storage/record_upgrade.h"

#include <string_view>

#include "catalogue/model.h"
#include "json/enum_names.h"
#include "session/record.h"

namespace limber::storage {

namespace {

void erase(json::Value& object, std::string_view key) {
  std::erase_if(std::get<json::Value::Object>(object.data), [&](const json::Member& m) { return m.key == key; });
}

json::Value string_value(std::string text) {
  json::Value v;
  v.data = std::move(text);
  return v;
}

std::string upgrade_exercise(json::Value& exercise, const std::string& path) {
  if (!exercise.is_object()) return path + ": expected an object";
  if (exercise.find("outcome")) return {};  // already layout 3
  bool said[3] = {false, false, false};
  const char* names[3] = {"completed", "skipped", "hurt"};
  for (int i = 0; i < 3; ++i) {
    json::Value* flag = exercise.find(names[i]);
    if (!flag) continue;
    if (!flag->is_bool()) return path + "." + names[i] + ": expected true or false";
    said[i] = flag->as_bool();
  }
  const session::Outcome outcome = said[2]   ? session::Outcome::stopped_hurt
                                   : said[1] ? session::Outcome::skipped
                                   : said[0] ? session::Outcome::completed
                                             : session::Outcome::not_reached;
  for (const char* name : names) erase(exercise, name);
  std::get<json::Value::Object>(exercise.data).push_back({.key = "outcome", .value = string_value(std::string(json::enum_name(outcome)))});
  return {};
}

// Runs `job` on each item of the array at `key`, if there is one.
template <class Job>
std::string each(json::Value& parent, std::string_view key, const std::string& path, Job job) {
  json::Value* list = parent.find(key);
  if (!list) return {};
  const std::string where = (path.empty() ? "" : path + ".") + std::string(key);
  if (!list->is_array()) return where + ": expected an array";
  auto& items = std::get<json::Value::Array>(list->data);
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (std::string why = job(items[i], where + "[" + std::to_string(i) + "]"); !why.empty()) return why;
  }
  return {};
}

}  // namespace

std::string upgrade_record(json::Value& record, const std::string& path) {
  if (!record.is_object()) return path + ": expected an object";
  return each(record, "exercises", path, upgrade_exercise);
}

std::string upgrade_stored_session(json::Value& session, const std::string& path) {
  json::Value* record = session.is_object() ? session.find("record") : nullptr;
  if (!record) return path + ": expected an object with a record";
  return upgrade_record(*record, path + ".record");
}

std::string upgrade_routine(json::Value& routine, const std::string& path) {
  if (!routine.is_object()) return path + ": expected an object";
  json::Value* text = routine.find("frequency_text");
  if (!text) return {};  // already layout 3
  if (!text->is_string()) return path + ".frequency_text: expected a string";
  const json::Value* frequency = routine.find("frequency");
  const auto parsed = frequency && frequency->is_string()
                          ? json::enum_from_name<catalogue::Frequency>(frequency->as_string()) : std::nullopt;
  if (!parsed) return path + ".frequency: expected one of every_day, twice_a_day_while_in_pain, when_needed";
  std::string sentence = text->as_string();
  const std::string_view words = catalogue::frequency_words(*parsed);
  std::string note = sentence;
  if (sentence == words) {
    note.clear();
  } else if (sentence.starts_with(words) && sentence.size() > words.size() + 2) {
    const std::string_view joint = std::string_view(sentence).substr(words.size(), 2);
    if (joint == ", " || joint == "; " || joint == ": ") note = sentence.substr(words.size() + 2);
  }
  erase(routine, "frequency_text");
  if (!note.empty()) std::get<json::Value::Object>(routine.data).push_back({.key = "frequency_note", .value = string_value(note)});
  return {};
}

namespace {
// The session under way, in a document or the parts: null or absent when there is none.
std::string upgrade_in_progress(json::Value& holder) {
  json::Value* ip = holder.find("in_progress");
  if (!ip || ip->is_null()) return {};
  json::Value* record = ip->find("record");
  if (!record) return "in_progress: expected an object with a record";
  return upgrade_record(*record, "in_progress.record");
}
}  // namespace

std::string upgrade_document_1_to_2(json::Value& doc) {
  if (std::string why = each(doc, "sessions", "", upgrade_stored_session); !why.empty()) return why;
  if (std::string why = upgrade_in_progress(doc); !why.empty()) return why;
  return each(doc, "routines", "", upgrade_routine);
}

std::string upgrade_parts_2_to_3(json::Value& parts) {
  if (json::Value* history = parts.find("history")) {
    if (std::string why = each(*history, "recent", "history", upgrade_stored_session); !why.empty()) return why;
  }
  if (std::string why = upgrade_in_progress(parts); !why.empty()) return why;
  return each(parts, "routines", "", upgrade_routine);
}

}  // namespace limber::storage
