// The clinic widget: the page address it is opened with, host messages, and the events the
// host page receives. Every refused input is its own case.
#include <doctest/doctest.h>

#include <cctype>
#include <cstdio>

#include "app/embed.h"
#include "catalogue/prescription.h"
#include "app_fixtures.h"
#include "json/json_value.h"
#include "links/routine_link.h"

using namespace limber;
using app::parse_host_message;
using app::parse_page_query;
using test::AppRig;

namespace {
const catalogue::Catalogue& c() { return test::shipped_catalogue(); }
std::string error_of(std::string_view query) { return parse_page_query(query, c()).error; }
}  // namespace

TEST_CASE("embed: a widget address gives the routine, theme and host origin") {
  const auto q = parse_page_query("?embed=1&routine=in_bed&theme=dark&host=https%3A%2F%2Fclinic.example", c());
  CHECK(q.error.empty());
  CHECK(q.options.embedded);
  CHECK(q.options.routine == "in_bed");
  CHECK(q.options.theme == storage::Theme::dark);
  CHECK(q.options.host_origin == "https://clinic.example");
}

TEST_CASE("embed: no query is the ordinary app") {
  const auto q = parse_page_query("", c());
  CHECK(q.error.empty());
  CHECK_FALSE(q.options.embedded);
}

TEST_CASE("embed: an unknown parameter is named") {
  CHECK(error_of("?embed=1&colour=red") == "The address of this page has a problem: unknown parameter 'colour' (known: embed, routine, theme, host).");
}
TEST_CASE("embed: an unknown routine is named") {
  CHECK(error_of("?embed=1&routine=marathon") == "The address of this page has a problem: there is no routine 'marathon'.");
}
TEST_CASE("embed: a theme other than light or dark is refused") {
  CHECK(error_of("?embed=1&theme=neon") == "The address of this page has a problem: 'theme' must be light or dark, got 'neon'.");
}
TEST_CASE("embed: a host that is not a bare origin is refused") {
  CHECK(error_of("?embed=1&host=https%3A%2F%2Fclinic.example%2Fpage").find("'host' must be a web origin") != std::string::npos);
  CHECK(error_of("?embed=1&host=javascript%3Aalert(1)").find("'host' must be a web origin") != std::string::npos);
  CHECK(error_of("?embed=1&host=*").find("'host' must be a web origin") != std::string::npos);
}
TEST_CASE("embed: embed must be 1") {
  CHECK(error_of("?embed=yes") == "The address of this page has a problem: 'embed' must be 1, got 'yes'.");
}
TEST_CASE("embed: a badly encoded value is refused") {
  CHECK(error_of("?embed=1&routine=%zz") == "The address of this page has a problem: the value of 'routine' is not properly encoded.");
  CHECK(error_of("?embed=1&routine=%4") == "The address of this page has a problem: the value of 'routine' is not properly encoded.");
}
TEST_CASE("embed: widget parameters without embed=1 are refused") {
  CHECK(error_of("?routine=in_bed").find("belong to the clinic widget") != std::string::npos);
}

TEST_CASE("embed: origins") {
  CHECK(app::is_origin("https://clinic.example"));
  CHECK(app::is_origin("http://127.0.0.1:8080"));
  CHECK_FALSE(app::is_origin("https://"));
  CHECK_FALSE(app::is_origin("ftp://clinic.example"));
  CHECK_FALSE(app::is_origin("https://clinic.example/"));
  CHECK_FALSE(app::is_origin("https://clinic.example:"));
  CHECK_FALSE(app::is_origin("https://clinic.example:123456"));
  CHECK_FALSE(app::is_origin("https://user@clinic.example"));
  CHECK_FALSE(app::is_origin("https://clinic.example:0"));
  CHECK(app::is_origin("HTTPS://Clinic.Example:0443"));
  CHECK(app::normalise_origin("HTTPS://Clinic.Example:0443").origin == "https://clinic.example");
  CHECK(app::normalise_origin("HTTP://Clinic.Example:0443").origin == "http://clinic.example:443");
}

TEST_CASE("embed: host messages that are commands the widget accepts") {
  auto m = parse_host_message(R"({"source":"limber-host","version":1,"command":"pause"})");
  CHECK(m.error.empty());
  CHECK(m.name == "pause_session");
  m = parse_host_message(R"({"source":"limber-host","version":1,"command":"theme","value":"dark"})");
  CHECK(m.name == "theme");
  CHECK(m.arg == "dark");
}

TEST_CASE("embed: malformed host messages are refused, each with its reason") {
  CHECK(parse_host_message("not json").error.rfind("not JSON", 0) == 0);
  CHECK(parse_host_message(R"({"command":"pause"})").error == "not a Limber host message (\"source\" must be \"limber-host\")");
  CHECK(parse_host_message(R"({"source":"limber-host","version":2,"command":"pause"})").error == "unsupported \"version\" (this widget speaks version 1)");
  CHECK(parse_host_message(R"({"source":"limber-host","version":1})").error == "no \"command\"");
  CHECK(parse_host_message(R"({"source":"limber-host","version":1,"command":"delete_all"})").error ==
        "unknown command \"delete_all\" (start, pause, resume, skip, previous, end, theme)");
  CHECK(parse_host_message(R"({"source":"limber-host","version":1,"command":"import","value":"{}"})").error.rfind("unknown command", 0) == 0);
  CHECK(parse_host_message(R"({"source":"limber-host","version":1,"command":"theme","value":"neon"})").error ==
        "\"theme\" needs \"value\": \"light\" or \"dark\"");
  CHECK(parse_host_message(R"({"source":"limber-host","version":1,"command":"pause","value":"x"})").error == "\"pause\" takes no \"value\"");
}

TEST_CASE("embed: the widget reports ready, the session, each exercise and the end to its host") {
  AppRig r;
  r.app.set_embed({.embedded = true, .routine = "gentle_bad_day", .theme = storage::Theme::dark, .host_origin = "https://clinic.example"});
  r.app.host_ready();
  CHECK(r.run("host", R"({"source":"limber-host","version":1,"command":"start"})").ok);
  CHECK(r.app.player().routine_id() == "gentle_bad_day");
  REQUIRE(r.app.answer_pain(4) == "");
  r.run_while(app::PlayerStage::running);
  REQUIRE(r.app.answer_pain(2) == "");
  std::vector<std::string> types;
  for (const std::string& e : r.app.take_effects().host_events) {
    const auto v = json::parse(e);
    REQUIRE(v.ok());
    CHECK(v.value.find("source")->as_string() == "limber");
    types.push_back(v.value.find("type")->as_string());
    if (types.back() == "session_completed") {
      CHECK(v.value.find("painBefore")->as_number() == 4);
      CHECK(v.value.find("painAfter")->as_number() == 2);
      CHECK(v.value.find("exercisesCompleted")->as_number() == 4);
    }
  }
  CHECK(types == std::vector<std::string>{"ready", "session_started", "exercise_completed", "exercise_completed",
                                          "exercise_completed", "exercise_completed", "session_completed"});
}

TEST_CASE("embed: without a host origin nothing is posted, outside a widget host messages are refused") {
  AppRig r;
  CHECK(r.run("host", R"({"source":"limber-host","version":1,"command":"pause"})").error == "host: this page is not embedded as a widget");
  r.app.set_embed({.embedded = true, .routine = "in_bed", .theme = std::nullopt, .host_origin = ""});
  r.app.host_ready();
  CHECK(r.app.take_effects().host_events.empty());
}

TEST_CASE("embed: the clinic's theme is shown without changing the person's setting") {
  AppRig r;
  r.app.set_embed({.embedded = true, .routine = "in_bed", .theme = storage::Theme::dark, .host_origin = "https://clinic.example"});
  CHECK(r.app.display_theme() == storage::Theme::dark);
  CHECK(r.run("host", R"({"source":"limber-host","version":1,"command":"theme","value":"light"})").ok);
  CHECK(r.app.display_theme() == storage::Theme::light);
  CHECK(r.app.settings().theme == storage::Theme::light);
  CHECK(r.app.sync().revision() == 0);
}

TEST_CASE("embed: a widget whose browser keeps no storage says what that means, in plain words") {
  AppRig r(false);
  r.app.set_embed({.embedded = true, .routine = "in_bed", .theme = std::nullopt, .host_origin = "https://clinic.example"});
  r.app.load_stored({}, "The user denied permission to access the database.");
  CHECK(r.app.notice().kind == app::NoticeKind::info);
  CHECK(r.app.notice().text.find("lasts until you close this page") != std::string::npos);
  CHECK(r.app.start_routine("in_bed") == "");
}

TEST_CASE("embed: a widget on another website says once where its browser keeps its progress") {
  AppRig r(false);
  r.app.init(test::shipped_catalogue(), test::shipped_clips(), {.clock = r.clock.desc(), .page_address = "https://limber.example/"});
  r.app.set_embed({.embedded = true, .routine = "in_bed", .theme = std::nullopt, .host_origin = "https://clinic.example"});
  r.load_from_disk();
  CHECK(r.app.notice().kind == app::NoticeKind::info);
  CHECK(r.app.notice().text == app::kWidgetStorageWords);
  CHECK(r.app.settings().told_widget_storage == true);
  r.store_all();
  AppRig again(false, r.disk);  // the next visit to the clinic's page: said already
  again.app.init(test::shipped_catalogue(), test::shipped_clips(), {.clock = again.clock.desc(), .page_address = "https://limber.example/"});
  again.app.set_embed({.embedded = true, .routine = "in_bed", .theme = std::nullopt, .host_origin = "https://clinic.example"});
  again.load_from_disk();
  CHECK(again.app.notice().kind == app::NoticeKind::none);
}

TEST_CASE("embed: a widget on Limber's own origin, or one whose browser keeps nothing, is not told of partitioning") {
  AppRig same(false);
  same.app.init(test::shipped_catalogue(), test::shipped_clips(), {.clock = same.clock.desc(), .page_address = "https://limber.example/app/"});
  same.app.set_embed({.embedded = true, .routine = "in_bed", .theme = std::nullopt, .host_origin = "https://limber.example"});
  same.load_from_disk();
  CHECK(same.app.notice().kind == app::NoticeKind::none);
  AppRig blocked(false);
  blocked.app.set_embed({.embedded = true, .routine = "in_bed", .theme = std::nullopt, .host_origin = "https://clinic.example"});
  blocked.app.load_stored({}, "SecurityError: The operation is insecure.");
  CHECK(blocked.app.notice().text.find("lasts until you close this page") != std::string::npos);
  CHECK_FALSE(blocked.app.settings().told_widget_storage.has_value());
}

TEST_CASE("embed: the host's pause only pauses, and resume only resumes") {
  AppRig r;
  r.app.set_embed({.embedded = true, .routine = "gentle_bad_day", .theme = std::nullopt, .host_origin = "https://clinic.example"});
  REQUIRE(r.run("host", R"({"source":"limber-host","version":1,"command":"start"})").ok);
  REQUIRE(r.app.answer_pain(3) == "");
  r.run("pause");  // the person paused
  REQUIRE(r.app.player().engine().status() == session::Status::paused);
  CHECK(r.run("host", R"({"source":"limber-host","version":1,"command":"pause"})").ok);
  CHECK(r.app.player().engine().status() == session::Status::paused);
  CHECK(r.run("host", R"({"source":"limber-host","version":1,"command":"resume"})").ok);
  CHECK(r.app.player().engine().status() == session::Status::running);
}

// The address is read once, here; a problem anywhere leaves the widget with no host (issue 18).
namespace {
void check_no_host(std::string_view query, std::string_view error_part) {
  CAPTURE(query);
  const auto q = parse_page_query(query, c());
  CHECK(q.options.host_origin.empty());
  CHECK(q.options.embedded);
  CHECK(q.error.find(error_part) != std::string::npos);
  CHECK(q.error.find("This widget talks to no host page.") != std::string::npos);
}
}  // namespace

TEST_CASE("embed address: host=null (a file, sandboxed or data: page) gives no host") {
  check_no_host("?embed=1&host=null", "'host' must be a web origin such as https://clinic.example, got 'null': it "
                                      "does not start with http:// or https://.");
}

// page.js compares the host with event.origin exactly, so the host is kept as a browser writes
// an origin; written any other way, no command from the host page would ever be accepted.
namespace {
std::string host_of(std::string_view host) {
  CAPTURE(host);
  std::string query = "?embed=1&host=";
  for (const char ch : host) query += ch == ':' ? std::string("%3A") : ch == '/' ? std::string("%2F") : std::string(1, ch);
  const auto q = parse_page_query(query, c());
  CHECK(q.error == "");
  return q.options.host_origin;
}
}  // namespace

TEST_CASE("embed host: the scheme and host are kept in lower case") {
  CHECK(host_of("http://LOCALHOST:8702") == "http://localhost:8702");
  CHECK(host_of("HTTPS://Clinic.Example") == "https://clinic.example");
}

TEST_CASE("embed host: leading zeros of the port are dropped") {
  CHECK(host_of("http://localhost:08702") == "http://localhost:8702");
  CHECK(host_of("http://localhost:000080") == "http://localhost");  // then it is http's own
}

TEST_CASE("embed host: https's own port 443 is dropped") {
  CHECK(host_of("https://Example.org:443") == "https://example.org");
}

TEST_CASE("embed host: http's own port 80 is dropped") {
  CHECK(host_of("http://clinic.example:80") == "http://clinic.example");
}

TEST_CASE("embed host: another scheme's default port is kept") {
  CHECK(host_of("http://clinic.example:443") == "http://clinic.example:443");
  CHECK(host_of("https://clinic.example:80") == "https://clinic.example:80");
}

TEST_CASE("embed host: the port 65535 is kept") { CHECK(host_of("http://localhost:65535") == "http://localhost:65535"); }

TEST_CASE("embed host refused: the port 99999") {
  check_no_host("?embed=1&host=http%3A%2F%2Flocalhost%3A99999",
                "got 'http://localhost:99999': its port must be a number from 1 to 65535, got '99999'.");
}

TEST_CASE("embed host refused: the port 65536") {
  check_no_host("?embed=1&host=http%3A%2F%2Flocalhost%3A65536", "its port must be a number from 1 to 65535, got '65536'.");
}

TEST_CASE("embed host refused: the port 0") {
  check_no_host("?embed=1&host=http%3A%2F%2Flocalhost%3A0", "its port must be a number from 1 to 65535, got '0'.");
}

TEST_CASE("embed host refused: the port 000") {
  check_no_host("?embed=1&host=http%3A%2F%2Flocalhost%3A000", "its port must be a number from 1 to 65535, got '000'.");
}

TEST_CASE("embed host refused: a port that is not digits") {
  check_no_host("?embed=1&host=http%3A%2F%2Flocalhost%3A87a2", "its port must be a number from 1 to 65535, got '87a2'.");
}

TEST_CASE("embed host refused: a port with a sign") {
  check_no_host("?embed=1&host=http%3A%2F%2Flocalhost%3A%2B8702", "its port must be a number from 1 to 65535, got '+8702'.");
}

TEST_CASE("embed host refused: a colon with no port") {
  check_no_host("?embed=1&host=http%3A%2F%2Flocalhost%3A", "its port must be a number from 1 to 65535, got ''.");
}

TEST_CASE("embed host refused: a path") {
  check_no_host("?embed=1&host=https%3A%2F%2Fclinic.example%2Fpage",
                "it has a path ('/page'), which an origin never has.");
}

TEST_CASE("embed host refused: a trailing slash") {
  check_no_host("?embed=1&host=https%3A%2F%2Fclinic.example%2F", "it has a path ('/'), which an origin never has.");
}

TEST_CASE("embed host refused: a query") {
  check_no_host("?embed=1&host=https%3A%2F%2Fclinic.example%3Fa%3D1", "it has a query ('?a=1'), which an origin never has.");
}

TEST_CASE("embed host refused: a fragment") {
  check_no_host("?embed=1&host=https%3A%2F%2Fclinic.example%23top", "it has a fragment ('#top'), which an origin never has.");
}

TEST_CASE("embed host refused: a user") {
  check_no_host("?embed=1&host=https%3A%2F%2Fuser%40clinic.example", "it names a user, which an origin never has.");
}

TEST_CASE("embed host refused: a user and password") {
  check_no_host("?embed=1&host=https%3A%2F%2Fuser%3Asecret%40clinic.example", "it names a user, which an origin never has.");
}

TEST_CASE("embed host refused: no host name") {
  check_no_host("?embed=1&host=https%3A%2F%2F%3A8702", "it has no host name.");
}

TEST_CASE("embed host refused: a host name with other characters") {
  check_no_host("?embed=1&host=https%3A%2F%2Fclinic_example", "its host name can have only letters, digits, '-' and '.'.");
}

TEST_CASE("embed host refused: a scheme other than http or https") {
  check_no_host("?embed=1&host=ftp%3A%2F%2Fclinic.example", "it does not start with http:// or https://.");
}

TEST_CASE("embed address: two hosts give no host, not the first or the last") {
  check_no_host("?embed=1&host=https%3A%2F%2Fa.example&host=https%3A%2F%2Fb.example", "'host' is given more than once.");
}

TEST_CASE("embed address: a host before an unknown parameter is not kept") {
  check_no_host("?embed=1&host=https%3A%2F%2Fa.example&junk=1", "unknown parameter 'junk'");
}

TEST_CASE("embed address: embed=1 then embed=0 keeps no host") {
  check_no_host("?embed=1&embed=0&host=https%3A%2F%2Fa.example", "'embed' is given more than once.");
}

TEST_CASE("embed address: a host before a badly encoded value is not kept") {
  check_no_host("?embed=1&host=https%3A%2F%2Fa.example&theme=%zz", "the value of 'theme' is not properly encoded.");
}

TEST_CASE("embed address: a problem before the host keeps no host either") {
  check_no_host("?embed=1&routine=marathon&host=https%3A%2F%2Fa.example", "there is no routine 'marathon'.");
}

TEST_CASE("embed address: a clean address keeps its host, with no error") {
  const auto q = parse_page_query("?host=https%3A%2F%2Fa.example&embed=1", c());
  CHECK(q.error.empty());
  CHECK(q.options.host_origin == "https://a.example");
}

namespace {
// A clinician's routine as its link's value (what follows "#routine="): two exercises, a note.
std::string clinician_link_value(std::string name = "Mrs Patel's evening set") {
  catalogue::Routine routine;
  routine.name = std::move(name);
  routine.frequency = catalogue::Frequency::every_day;
  routine.items = {{.exercise = "knee_rolls"}, {.exercise = "pelvic_tilt"}};
  routine.note = "Slowly, every evening.";
  catalogue::prescribe_exactly(c(), routine);
  const std::string fragment = links::encode_routine_link(routine, c());
  REQUIRE(fragment.starts_with(links::kLinkPrefix));
  return fragment.substr(links::kLinkPrefix.size());
}
std::string encode_component(std::string_view text) {
  std::string out;
  for (const char ch : text) {
    if (std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '_' || ch == '.') out += ch;
    else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", static_cast<unsigned char>(ch));
      out += hex;
    }
  }
  return out;
}
}  // namespace

TEST_CASE("embed: a routine link's value plays a clinician's routine, under a stable id that is not the link") {
  const std::string value = clinician_link_value();
  const auto q = parse_page_query("?embed=1&routine=" + encode_component(value), c());
  REQUIRE(q.error == "");
  REQUIRE(q.options.clinician.has_value());
  CHECK(q.options.routine == app::clinician_routine_id(value));
  CHECK(q.options.routine.starts_with("clinic-"));
  CHECK(q.options.routine.size() == 15);
  CHECK(q.options.clinician->routine.id == q.options.routine);
  CHECK(q.options.clinician->routine.name == "Mrs Patel's evening set");
  CHECK(q.options.clinician->routine.note == "Slowly, every evening.");
  // The same link, the same id; another link, another id.
  CHECK(app::clinician_routine_id(value) == parse_page_query("?embed=1&routine=" + value, c()).options.routine);
  CHECK(app::clinician_routine_id(clinician_link_value("Another set")) != q.options.routine);
}

TEST_CASE("embed: a broken routine link's value is refused with the link's own sentence, and no routine is offered") {
  std::string value = clinician_link_value();
  value[value.size() / 2] = value[value.size() / 2] == 'A' ? 'B' : 'A';  // one character changed
  const auto q = parse_page_query("?embed=1&routine=" + value + "&host=https%3A%2F%2Fclinic.example", c());
  CHECK(q.error.starts_with("The address of this page has a problem: the routine in 'routine' cannot be opened. "));
  CHECK(q.error.find(links::decode_routine_link(std::string(links::kLinkPrefix) + value, c()).error) != std::string::npos);
  CHECK(q.error.ends_with("This widget talks to no host page."));
  CHECK(q.options.refused);
  CHECK_FALSE(q.options.clinician.has_value());
  AppRig r;
  r.app.set_embed(q.options);
  CHECK(r.app.embed().routine == "");  // not the first built-in routine in its place
  CHECK(r.run("host", R"({"source":"limber-host","version":1,"command":"start"})").ok == false);
  CHECK_FALSE(r.app.session_open());
}

TEST_CASE("embed: a clinician's routine runs to the end in the widget, and every event names it without the link") {
  const std::string value = clinician_link_value();
  const auto q = parse_page_query("?embed=1&routine=" + value + "&host=https%3A%2F%2Fclinic.example", c());
  REQUIRE(q.error == "");
  AppRig r;
  r.app.set_embed(q.options);
  r.app.host_ready();
  CHECK(r.run("host", R"({"source":"limber-host","version":1,"command":"start"})").ok);
  CHECK(r.app.player().routine_id() == q.options.routine);
  REQUIRE(r.app.answer_pain(3) == "");
  r.run_while(app::PlayerStage::running);
  REQUIRE(r.app.answer_pain(1) == "");
  std::vector<std::string> types;
  for (const std::string& e : r.app.take_effects().host_events) {
    CHECK(e.find(value.substr(2, 12)) == std::string::npos);  // never the payload
    const auto v = json::parse(e);
    REQUIRE(v.ok());
    types.push_back(v.value.find("type")->as_string());
    CHECK(v.value.find("routine")->as_string() == q.options.routine);
    CHECK(v.value.find("routineName")->as_string() == "Mrs Patel's evening set");
  }
  CHECK(types == std::vector<std::string>{"ready", "session_started", "exercise_completed", "exercise_completed",
                                          "session_completed"});
  CHECK(r.app.player().record().routine == q.options.routine);  // recorded under its id, not its link
}
