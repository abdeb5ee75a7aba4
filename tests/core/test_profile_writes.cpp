// What a storage write carries (app/profile_writes.h): only the marked parts and new sessions,
// and all of it again after a failed write.
#include <doctest/doctest.h>

#include "app/profile_writes.h"
#include "json/json_value.h"

using namespace limber;
using app::ProfileWrites;
using storage::Part;

namespace {

storage::StoredSession stored_session(std::int64_t start) {
  session::SessionRecord r;
  r.routine = "nhs_daily";
  r.started_at_ms = start;
  r.ended_at_ms = start + 1000;
  return {.id = storage::session_id(r), .record = r};
}

// The write's parts and session ids, as the page reads them.
struct Seen {
  std::vector<std::string> parts, sessions;
  bool migrated = false;
};
Seen seen(const std::string& text) {
  const json::ParseResult parsed = json::parse(text);
  REQUIRE(parsed.ok());
  Seen out;
  for (const json::Member& m : std::get<json::Value::Object>(parsed.value.find("meta")->data)) out.parts.push_back(m.key);
  for (const json::Member& m : std::get<json::Value::Object>(parsed.value.find("sessions")->data)) out.sessions.push_back(m.key);
  out.migrated = parsed.value.find("migrated") != nullptr;
  return out;
}

}  // namespace

TEST_CASE("profile writes: only the marked parts and the new sessions are written") {
  ProfileWrites w;
  storage::Profile p;
  w.mark(Part::in_progress);
  Seen s = seen(w.begin(p));
  CHECK(s.parts == std::vector<std::string>{"in_progress"});
  CHECK(s.sessions.empty());
  w.finished(true);
  w.add_session(stored_session(1000));
  w.mark(Part::history);
  s = seen(w.begin(p));
  CHECK(s.parts == std::vector<std::string>{"history"});
  CHECK(s.sessions == std::vector<std::string>{"1000-nhs_daily"});
  w.finished(true);
  CHECK(seen(w.begin(p)).parts.empty());  // nothing left
  CHECK(w.last_bytes() == std::string(R"({"meta":{},"sessions":{},"held":0})").size());
}

TEST_CASE("profile writes: a failed write puts everything back, beside what was marked since") {
  ProfileWrites w;
  storage::Profile p;
  w.mark(Part::settings);
  w.add_session(stored_session(1000));
  (void)w.begin(p);
  w.mark(Part::routines);  // while the write is in flight
  w.add_session(stored_session(2000));
  CHECK(w.pending_sessions().size() == 2);
  w.finished(false);
  const Seen s = seen(w.begin(p));
  CHECK(s.parts == std::vector<std::string>{"settings", "routines"});
  CHECK(s.sessions.size() == 2);
}

TEST_CASE("profile writes: a migration writes every part and session, and says so until a write succeeds") {
  ProfileWrites w;
  storage::Profile p;
  w.migrate({stored_session(1000), stored_session(2000), stored_session(3000)});
  Seen s = seen(w.begin(p));
  CHECK(s.parts.size() == static_cast<std::size_t>(storage::kParts));
  CHECK(s.sessions.size() == 3);
  CHECK(s.migrated);
  w.finished(false);
  CHECK(seen(w.begin(p)).migrated);
  w.finished(true);
  w.mark(Part::settings);
  CHECK_FALSE(seen(w.begin(p)).migrated);
}

TEST_CASE("profile writes: after deleting everything, nothing pending survives and every part is written") {
  ProfileWrites w;
  storage::Profile p;
  w.migrate({stored_session(1000)});
  w.restart();
  const Seen s = seen(w.begin(p));
  CHECK(s.parts.size() == static_cast<std::size_t>(storage::kParts));
  CHECK(s.sessions.empty());
  CHECK_FALSE(s.migrated);
}
