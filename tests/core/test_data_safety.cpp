// app/data_safety.h: what the browser says of keeping the data, what Settings says of it, and
// when a backup is offered; and the App around it: told once, offered after sessions only.
#include <doctest/doctest.h>

#include <string>

#include "app/data_safety.h"
#include "app_fixtures.h"
#include "storage/data_checks.h"

namespace limber::app {
namespace {

constexpr std::int64_t kDay = 24LL * 60 * 60 * 1000;
constexpr std::int64_t kNow = 1'780'000'000'000;  // 2026-05-28

StorageFacts facts(std::optional<bool> persisted, bool apple = false, bool home = false) {
  return {.persisted = persisted, .usage_bytes = 120'000, .quota_bytes = 2.1e9, .can_ask = true, .apple_mobile = apple,
          .home_screen = home};
}

TEST_CASE("storage facts: the page's JSON read whole") {
  StorageFacts f;
  REQUIRE(parse_storage_facts(R"({"persisted":false,"usage_bytes":1234,"quota_bytes":5e9,"can_ask":true,)"
                              R"("apple_mobile":true,"home_screen":false})", f) == "");
  CHECK(f.persisted == false);
  CHECK(f.usage_bytes == 1234);
  CHECK(f.quota_bytes == 5e9);
  CHECK(f.can_ask);
  CHECK(f.apple_mobile);
  CHECK_FALSE(f.home_screen);
  // A browser that cannot say: persisted and the estimate are absent.
  REQUIRE(parse_storage_facts(R"({"can_ask":false,"apple_mobile":false,"home_screen":false})", f) == "");
  CHECK_FALSE(f.persisted.has_value());
  CHECK_FALSE(f.usage_bytes.has_value());
}

TEST_CASE("storage facts: each invalid case is refused, naming it, and changes nothing") {
  const StorageFacts before = facts(true);
  const std::pair<const char*, const char*> cases[] = {
      {"not json", "not JSON"},
      {R"({"apple_mobile":false,"home_screen":false})", "can_ask"},                                   // missing field
      {R"({"can_ask":true,"apple_mobile":false,"home_screen":false,"extra":1})", "extra"},            // unknown field
      {R"({"persisted":"yes","can_ask":true,"apple_mobile":false,"home_screen":false})", "persisted"},  // wrong type
      {R"({"usage_bytes":-1,"can_ask":true,"apple_mobile":false,"home_screen":false})", "usage_bytes"},
      {R"({"quota_bytes":-5,"can_ask":true,"apple_mobile":false,"home_screen":false})", "quota_bytes"},
  };
  for (const auto& [text, named] : cases) {
    CAPTURE(text);
    StorageFacts f = before;
    const std::string why = parse_storage_facts(text, f);
    CHECK(why.find(named) != std::string::npos);
    CHECK(f == before);
  }
}

TEST_CASE("data safety: what Settings says") {
  storage::Settings settings;
  DataSafetyDesc d{.facts = nullptr, .settings = &settings, .now_ms = kNow, .utc_offset_minutes = 0, .sessions = 3};
  SUBCASE("before the page has reported") {
    const DataSafetyText t = data_safety_text(d);
    CHECK(t.where.find("only on this device") != std::string::npos);
    CHECK(t.kept.find("Asking") == 0);
    CHECK(t.size.empty());
    CHECK(t.last_backup == "You have not saved a backup file yet.");
    CHECK_FALSE(t.offer_keep);
  }
  SUBCASE("promised: no offer to ask") {
    const StorageFacts f = facts(true);
    d.facts = &f;
    const DataSafetyText t = data_safety_text(d);
    CHECK(t.kept == "This browser has promised to keep it until you delete it.");
    CHECK(t.size == "It takes about 120 KB of the 2.1 GB this browser allows Limber.");
    CHECK_FALSE(t.offer_keep);
    CHECK(t.home_screen_steps.empty());
  }
  SUBCASE("not promised, and the browser can be asked") {
    const StorageFacts f = facts(false);
    d.facts = &f;
    settings.last_backup_ms = kNow - 3 * kDay;
    const DataSafetyText t = data_safety_text(d);
    CHECK(t.kept.find("has not promised") != std::string::npos);
    CHECK(t.kept.find("seven days") != std::string::npos);
    CHECK(t.offer_keep);
    CHECK(t.last_backup == "Your last backup file was saved on 25 May 2026.");
  }
  SUBCASE("Safari on an iPhone: Add to Home Screen in two steps, and no request it would refuse") {
    const StorageFacts f = facts(false, true, false);
    d.facts = &f;
    const DataSafetyText t = data_safety_text(d);
    REQUIRE(t.home_screen_steps.size() == 2);
    CHECK(t.home_screen_steps[0].find("Share") != std::string::npos);
    CHECK(t.home_screen_steps[1].find("Add to Home Screen") != std::string::npos);
    CHECK(t.home_screen_note.find("own copy") != std::string::npos);
    CHECK_FALSE(t.offer_keep);
  }
  SUBCASE("opened from the Home Screen: no steps, and no week's limit") {
    const StorageFacts f = facts(false, true, true);
    d.facts = &f;
    const DataSafetyText t = data_safety_text(d);
    CHECK(t.home_screen_steps.empty());
    CHECK(t.kept.find("Home Screen") != std::string::npos);
  }
  SUBCASE("no quota: the usage alone") {
    StorageFacts f = facts(false);
    f.quota_bytes.reset();
    d.facts = &f;
    CHECK(data_safety_text(d).size == "It takes about 120 KB.");
  }
}

TEST_CASE("data safety: a backup is offered weekly while the browser may clear the data") {
  storage::Settings settings;
  StorageFacts f = facts(false);
  DataSafetyDesc d{.facts = &f, .settings = &settings, .now_ms = kNow, .utc_offset_minutes = 0, .sessions = 1};
  CHECK(backup_due(d));  // never saved, never put off
  settings.last_backup_ms = kNow - 6 * kDay;
  CHECK_FALSE(backup_due(d));
  settings.last_backup_ms = kNow - 7 * kDay;
  CHECK(backup_due(d));
  settings.backup_offer_put_off_ms = kNow - 2 * kDay;  // "Not now" two days ago
  CHECK_FALSE(backup_due(d));
  settings.backup_offer_put_off_ms = kNow - 8 * kDay;
  CHECK(backup_due(d));
  SUBCASE("no history to lose") { d.sessions = 0; CHECK_FALSE(backup_due(d)); }
  SUBCASE("before the page has reported") { d.facts = nullptr; CHECK_FALSE(backup_due(d)); }
  SUBCASE("the browser promised") { f.persisted = true; CHECK_FALSE(backup_due(d)); }
  SUBCASE("the browser cannot say") { f.persisted.reset(); CHECK(backup_due(d)); }
  SUBCASE("opened from the Home Screen") { f.apple_mobile = f.home_screen = true; CHECK_FALSE(backup_due(d)); }
  CHECK(backup_offer_words(d).find("last backup file was saved") != std::string::npos);
}

TEST_CASE("data safety: sizes in words") {
  CHECK(format_bytes(0) == "0 bytes");
  CHECK(format_bytes(999) == "999 bytes");
  CHECK(format_bytes(120'000) == "120 KB");
  CHECK(format_bytes(3'450'000) == "3.5 MB");
  CHECK(format_bytes(2.1e9) == "2.1 GB");
}

TEST_CASE("data safety: stored times are checked as any stored setting") {
  storage::Settings s;
  s.last_backup_ms = -1;
  s.backup_offer_put_off_ms = storage::SessionLimits::max_started_ms + 1;
  std::vector<storage::DataProblem> problems;
  storage::check_settings(s, problems);
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].path == "settings.last_backup_ms");
  CHECK(problems[1].path == "settings.backup_offer_put_off_ms");
}

const char* kNotPromised = R"({"persisted":false,"usage_bytes":1000,"quota_bytes":1e9,"can_ask":true,"apple_mobile":false,"home_screen":false})";

TEST_CASE("app: a browser that has not promised is said so once, outside a session, when there is something to lose") {
  test::AppRig r;
  REQUIRE(r.run("storage_facts", kNotPromised).ok);
  CHECK(r.app.notice().kind == NoticeKind::none);  // nothing stored yet: nothing to lose
  r.complete_session("gentle_bad_day", 3, 2);
  CHECK(r.app.notice().kind == NoticeKind::none);  // the summary: still in the session
  REQUIRE(r.run("close_session").ok);
  CHECK(r.app.notice().kind == NoticeKind::info);
  CHECK(r.app.notice().text.find("has not promised") != std::string::npos);
  CHECK(r.app.settings().told_may_be_cleared == true);
  r.app.dismiss_notice();
  r.store_all();
  // Once: not on the next report, nor in the next visit.
  REQUIRE(r.run("storage_facts", kNotPromised).ok);
  CHECK(r.app.notice().kind == NoticeKind::none);
  test::AppRig next(true, r.disk);
  REQUIRE(next.run("storage_facts", kNotPromised).ok);
  CHECK(next.app.notice().kind == NoticeKind::none);
}

TEST_CASE("app: a promised store is not warned about, and bad facts are refused with the field named") {
  test::AppRig r;
  r.complete_session("gentle_bad_day", 3, 2);
  REQUIRE(r.run("close_session").ok);
  REQUIRE(r.run("storage_facts", R"({"persisted":true,"can_ask":true,"apple_mobile":false,"home_screen":false})").ok);
  CHECK(r.app.notice().kind == NoticeKind::none);
  const CommandResult bad = r.run("storage_facts", R"({"persisted":1})");
  CHECK_FALSE(bad.ok);
  CHECK(bad.error.find("storage_facts: storage facts") == 0);
  REQUIRE(r.app.storage_facts());
  CHECK(r.app.storage_facts()->persisted == true);  // kept
  CHECK_FALSE(r.run("keep_storage").ok);             // nothing to ask
}

TEST_CASE("app: the summary offers a backup, and saving one or 'not now' puts the next offer a week away") {
  test::AppRig r;
  REQUIRE(r.run("storage_facts", kNotPromised).ok);
  CHECK_FALSE(r.app.backup_offered());
  CHECK_FALSE(r.run("backup_later").ok);  // nothing offered
  r.complete_session("gentle_bad_day", 3, 2);
  REQUIRE(r.app.player().stage() == PlayerStage::summary);
  CHECK(r.app.backup_offered());
  SUBCASE("saved") {
    REQUIRE(r.run("export", "backup").ok);
    const Effects e = r.answer_reads();
    REQUIRE(e.downloads.size() == 1);
    CHECK(r.app.settings().last_backup_ms == r.app.now_ms());
    CHECK_FALSE(r.app.backup_offered());
  }
  SUBCASE("not now") {
    REQUIRE(r.run("backup_later").ok);
    CHECK(r.app.settings().backup_offer_put_off_ms == r.app.now_ms());
    CHECK_FALSE(r.app.backup_offered());
  }
  REQUIRE(r.run("close_session").ok);
  r.store_all();
  // A session six days later: no offer; eight days later: offered again.
  r.clock.wall += 6 * kDay;
  r.complete_session("gentle_bad_day", 3, 2);
  CHECK_FALSE(r.app.backup_offered());
  REQUIRE(r.run("close_session").ok);
  r.clock.wall += 2 * kDay;
  r.complete_session("gentle_bad_day", 3, 2);
  CHECK(r.app.backup_offered());
  std::vector<storage::DataProblem> problems;
  storage::check_settings(r.app.settings(), problems);
  CHECK(problems.empty());
}

TEST_CASE("app: asking the browser to keep the data is a press, and only where it can be asked") {
  test::AppRig r;
  CHECK_FALSE(r.run("keep_storage").ok);  // the browser has not said yet
  REQUIRE(r.run("storage_facts", kNotPromised).ok);
  (void)r.app.take_effects();
  REQUIRE(r.run("keep_storage").ok);
  CHECK(r.app.take_effects().request_persist);
  REQUIRE(r.run("storage_facts", R"({"persisted":false,"can_ask":true,"apple_mobile":true,"home_screen":false})").ok);
  CHECK_FALSE(r.run("keep_storage").ok);  // Safari: the Home Screen is the way
}

TEST_CASE("app: the browser is asked to keep the data at the end of a visit's first session, not at its start") {
  test::AppRig r;
  REQUIRE(r.run("storage_facts", kNotPromised).ok);
  (void)r.app.take_effects();
  REQUIRE(r.app.start_routine("gentle_bad_day") == "");
  CHECK_FALSE(r.app.take_effects().request_persist);  // Firefox would ask the person, as they begin
  REQUIRE(r.app.answer_pain(3) == "");
  r.run_while(PlayerStage::running);
  CHECK_FALSE(r.app.take_effects().request_persist);
  REQUIRE(r.app.answer_pain(std::nullopt) == "");  // skipped: still the person's press
  CHECK(r.app.take_effects().request_persist);
  r.store_all();
  REQUIRE(r.run("close_session").ok);
  r.complete_session("gentle_bad_day", 3, 2);  // the same visit: asked once is enough
  CHECK_FALSE(r.app.take_effects().request_persist);
}

TEST_CASE("app: when the offer was put off is stored, and read back in the next visit") {
  test::AppRig r;
  REQUIRE(r.run("storage_facts", kNotPromised).ok);
  r.complete_session("gentle_bad_day", 3, 2);
  REQUIRE(r.run("backup_later").ok);
  REQUIRE(r.run("close_session").ok);
  r.store_all();
  CHECK(r.disk->meta["settings"].find("backup_offer_put_off_ms") != std::string::npos);
  test::AppRig next(true, r.disk);
  REQUIRE(r.app.settings().backup_offer_put_off_ms.has_value());
  CHECK(next.app.settings().backup_offer_put_off_ms == r.app.settings().backup_offer_put_off_ms);
}

TEST_CASE("app: a browser with no voice to read aloud is said so in Settings, and the count is checked") {
  test::AppRig r;
  CHECK(r.app.spoken_cues_detail() == "Your device reads each step aloud.");  // not reported: nothing said
  REQUIRE(r.run("speech_voices", "0").ok);
  CHECK(r.app.spoken_cues_detail().find("no voice to read aloud") != std::string::npos);
  REQUIRE(r.run("speech_voices", "4").ok);  // voices that loaded late
  CHECK(r.app.spoken_cues_detail() == "Your device reads each step aloud.");
  for (const char* bad : {"-1", "many", "", "10001"}) {
    CAPTURE(bad);
    CHECK_FALSE(r.run("speech_voices", bad).ok);
  }
  CHECK(r.app.spoken_cues_detail() == "Your device reads each step aloud.");
}

}  // namespace
}  // namespace limber::app
