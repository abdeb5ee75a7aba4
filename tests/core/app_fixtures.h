// Test helpers for the app: an App on the shipped catalogue with a fake clock, and a fake of
// the page's IndexedDB store that follows the same protocol as web/page.js.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "animation_fixtures.h"
#include "app/app.h"
#include "app/command.h"
#include "json/json_value.h"
#include "json/json_writer.h"
#include "session_fixtures.h"

namespace limber::test {

// What the browser keeps: the parts (meta store), one entry per session, and perhaps a
// schema-1 document (kv store). Shared by the tabs (AppRigs) of one test.
struct FakeStore {
  std::map<std::string, std::string> meta;
  std::map<std::string, std::string> sessions;
  std::optional<std::string> legacy;
  // Kept outside IndexedDB (page.js): the sessions the last write held, and unsaved work.
  std::optional<int> held;
  std::string unsaved;
  int transactions = 0;
  std::size_t last_write_bytes = 0;
};

struct AppRig {
  FakeClock clock;
  app::App app;
  std::shared_ptr<FakeStore> disk = std::make_shared<FakeStore>();
  // What this tab last read or wrote of the parts another tab may change (page.js: lastKnown).
  std::optional<std::string> known_history, known_routines;

  explicit AppRig(bool load = true, std::shared_ptr<FakeStore> shared = nullptr) {
    if (shared) disk = std::move(shared);
    app.init(shipped_catalogue(), shipped_clips(), {.clock = clock.desc(), .utc_offset_minutes = 0});
    if (load) load_from_disk();
  }
  app::CommandResult run(std::string_view name, std::string_view arg = {}) { return app::run_command(app, name, arg); }

  static std::optional<std::string> find(const std::map<std::string, std::string>& m, const std::string& key) {
    const auto it = m.find(key);
    return it == m.end() ? std::nullopt : std::optional<std::string>(it->second);
  }
  // As boot.js does before the app starts: the parts, else a schema-1 document, else nothing.
  app::StoredInput stored_input() {
    known_history = find(disk->meta, "history");
    known_routines = find(disk->meta, "routines");
    if (!disk->meta.empty() || !disk->sessions.empty()) {
      std::string text = "{";
      for (const auto& [key, value] : disk->meta) text += (text.size() > 1 ? "," : "") + json::quote(key) + ":" + json::quote(value);
      return {.kind = app::StoredInput::Kind::parts, .text = text + "}", .legacy_present = disk->legacy.has_value(),
              .unsaved = disk->unsaved};
    }
    if (disk->legacy) return {.kind = app::StoredInput::Kind::legacy, .text = *disk->legacy, .unsaved = disk->unsaved};
    return {.unsaved = disk->unsaved, .held_before = disk->held.value_or(-1)};
  }
  // The frame's effects, with what the page keeps of unsaved work kept (or let go) as it does.
  app::Effects effects() {
    app::Effects e = app.take_effects();
    if (e.keep_unsaved) disk->unsaved = *e.keep_unsaved;
    return e;
  }
  void load_from_disk() { app.load_stored(stored_input(), ""); }

  // Moves the clock and the app on in quarter seconds.
  void advance(double seconds) {
    for (double t = 0; t < seconds; t += 0.25) {
      clock.now += 0.25;
      app.update(0.25f);
    }
  }
  // Runs the session until the player leaves `stage`, or the time runs out.
  void run_while(app::PlayerStage stage, double limit_seconds = 7200) {
    for (double t = 0; t < limit_seconds && app.player().stage() == stage; t += 0.25) {
      clock.now += 0.25;
      app.update(0.25f);
    }
  }
  // Runs `routine` to its last pain question with everything before it stored.
  void run_to_last_question(std::string_view routine, int pain_before) {
    REQUIRE(app.start_routine(routine) == "");
    REQUIRE(app.answer_pain(pain_before) == "");
    run_while(app::PlayerStage::running);
    REQUIRE(app.player().stage() == app::PlayerStage::pain_after);
    store_all();
  }
  // Runs a whole session of `routine` with these pain scores, to the summary.
  void complete_session(std::string_view routine, int pain_before, int pain_after) {
    REQUIRE(app.start_routine(routine) == "");
    REQUIRE(app.answer_pain(pain_before) == "");
    run_while(app::PlayerStage::running);
    REQUIRE(app.answer_pain(pain_after) == "");
    // As the page does: the score's own write lands, then the session is filed.
    if (app.session_waiting_for_write()) store();
  }

  // Writes what is pending, as page.js would, in one transaction; returns the write's text.
  // A write carrying the history or the routines first checks that they are still what this
  // tab knew; if another tab changed them, nothing is written and the app merges them.
  std::string store(bool ok = true) {
    auto w = app.begin_write(clock.now, false);
    REQUIRE(w);
    disk->last_write_bytes = w->text.size();
    if (!ok) {
      app.write_finished(w->revision, false, "QuotaExceededError", clock.now);
      return w->text;
    }
    json::ParseResult parsed = json::parse(w->text);
    REQUIRE(parsed.ok());
    const json::Value* meta = parsed.value.find("meta");
    const json::Value* sessions = parsed.value.find("sessions");
    REQUIRE(meta);
    REQUIRE(sessions);
    const auto& parts = std::get<json::Value::Object>(meta->data);
    const bool checked = std::any_of(parts.begin(), parts.end(), [](const json::Member& m) { return m.key == "history" || m.key == "routines"; });
    const std::optional<std::string> history = find(disk->meta, "history"), routines = find(disk->meta, "routines");
    if (checked && (history != known_history || routines != known_routines)) {
      known_history = history;
      known_routines = routines;
      app.write_finished(w->revision, false, "", clock.now,
                         "{\"history\":" + history.value_or("null") + ",\"routines\":" + routines.value_or("null") + "}");
      return w->text;
    }
    for (const json::Member& m : parts) disk->meta[m.key] = m.value.as_string();
    for (const json::Member& m : std::get<json::Value::Object>(sessions->data)) disk->sessions[m.key] = m.value.as_string();
    known_history = find(disk->meta, "history");
    known_routines = find(disk->meta, "routines");
    if (const json::Value* migrated = parsed.value.find("migrated")) {
      if (disk->sessions.size() >= static_cast<std::size_t>(migrated->as_number()) && disk->meta.contains("schema")) disk->legacy.reset();
    }
    if (const json::Value* held = parsed.value.find("held")) disk->held = static_cast<int>(held->as_number());
    ++disk->transactions;
    app.write_finished(w->revision, true, "", clock.now);
    return w->text;
  }
  // Writes until nothing is pending (merges after a conflict write again).
  void store_all() {
    for (int i = 0; i < 5 && app.sync().status() != storage::StoreStatus::saved; ++i) store();
  }
  // Answers Effects::read_sessions with every stored session, as page.js does; returns the
  // rest of the effects.
  app::Effects answer_reads() {
    app::Effects effects = app.take_effects();
    if (!effects.read_sessions) return effects;
    std::string all = "[";
    for (const auto& [id, text] : disk->sessions) all += (all.size() > 1 ? "," : "") + text;
    REQUIRE(app.sessions_read(all + "]") == "");
    app::Effects more = app.take_effects();
    for (auto& d : more.downloads) effects.downloads.push_back(std::move(d));
    for (auto& t : more.set_aside) effects.set_aside.push_back(std::move(t));
    if (!more.print_sheet.empty()) effects.print_sheet = std::move(more.print_sheet);
    effects.read_sessions = more.read_sessions;
    return effects;
  }
  // A backup file of everything, as the Settings screen's button makes it.
  std::string backup_file() {
    app.export_backup();
    const app::Effects effects = answer_reads();
    REQUIRE(effects.downloads.size() == 1);
    return effects.downloads.front().text;
  }
  int sessions() const { return app.data().history.sessions(); }
  const session::SessionRecord& last_session() const { return app.data().history.recent.back().record; }
};

}  // namespace limber::test
