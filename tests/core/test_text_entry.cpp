// Typed text: the UTF-8 check shared with routine links, what the editor's fields keep, and the
// app's `text` command that the page's text boxes send.
#include <doctest/doctest.h>

#include "catalogue/prescription.h"

#include <string>
#include <string_view>
#include <vector>

#include "app/app_state.h"
#include "app/routine_editor.h"
#include "app/text_entry.h"
#include "app_fixtures.h"
#include "json/json_value.h"
#include "links/routine_link.h"
#include "text/cat.h"
#include "text/digits.h"
#include "text/utf8.h"

using namespace limber;
using app::TextField;
using test::AppRig;
using text::TextCheck;

namespace {

TextCheck check(std::string_view s, bool newline = false) {
  std::size_t chars = 0;
  return text::check_utf8(s, newline, chars);
}
std::size_t count(std::string_view s) {
  std::size_t chars = 0;
  REQUIRE(text::check_utf8(s, true, chars) == TextCheck::ok);
  return chars;
}
std::string repeat(std::string_view piece, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += piece;
  return out;
}

}  // namespace

// ---- check_utf8 ---------------------------------------------------------------------------

TEST_CASE("digits: plain digits up to the most allowed are their number") {
  CHECK(text::digits("0", 1) == 0);
  CHECK(text::digits("12", 4) == 12);
  CHECK(text::digits("0042", 4) == 42);
  CHECK(text::digits("999999999", 9) == 999999999);
}
TEST_CASE("digits: nothing is not a number") { CHECK_FALSE(text::digits("", 4)); }
TEST_CASE("digits: a sign is refused") {
  CHECK_FALSE(text::digits("-1", 4));
  CHECK_FALSE(text::digits("+1", 4));
}
TEST_CASE("digits: a space is refused") {
  CHECK_FALSE(text::digits(" 1", 4));
  CHECK_FALSE(text::digits("1 ", 4));
}
TEST_CASE("digits: a letter is refused") { CHECK_FALSE(text::digits("1a", 4)); }
TEST_CASE("digits: more digits than allowed are refused") {
  CHECK_FALSE(text::digits("12345", 4));
  CHECK_FALSE(text::digits("1234567890", 10));  // more than an int holds for certain
}

TEST_CASE("utf8: counts characters, not bytes") {
  CHECK(count("") == 0);
  CHECK(count("Knee rolls") == 10);
  CHECK(count("caf\xc3\xa9") == 4);             // é: two bytes
  CHECK(count("\xe2\x80\x94") == 1);            // em dash: three bytes
  CHECK(count("\xf0\x9f\x99\x82 ok") == 4);     // an emoji: four bytes
  CHECK(count("two\nlines") == 9);
}

TEST_CASE("utf8: an overlong form is invalid") { CHECK(check("\xc0\x80") == TextCheck::invalid); }
TEST_CASE("utf8: an overlong three-byte form is invalid") { CHECK(check("\xe0\x80\xaf") == TextCheck::invalid); }
TEST_CASE("utf8: a surrogate is invalid") { CHECK(check("\xed\xa0\x80") == TextCheck::invalid); }
TEST_CASE("utf8: a value past U+10FFFF is invalid") { CHECK(check("\xf4\x90\x80\x80") == TextCheck::invalid); }
TEST_CASE("utf8: a sequence cut short is invalid") { CHECK(check("ok\xe2\x80") == TextCheck::invalid); }
TEST_CASE("utf8: a stray continuation byte is invalid") { CHECK(check("\x80ok") == TextCheck::invalid); }
TEST_CASE("utf8: a byte that never starts a character is invalid") { CHECK(check("\xff") == TextCheck::invalid); }
TEST_CASE("utf8: a C0 control character is refused") { CHECK(check("a\x01" "b") == TextCheck::control); }
TEST_CASE("utf8: DEL is refused") { CHECK(check("a\x7f") == TextCheck::control); }
TEST_CASE("utf8: a C1 control character is refused") { CHECK(check("a\xc2\x85") == TextCheck::control); }
TEST_CASE("utf8: a line break only where allowed") {
  CHECK(check("a\nb", false) == TextCheck::control);
  CHECK(check("a\nb", true) == TextCheck::ok);
  CHECK(check("a\rb", true) == TextCheck::control);
}

// ---- The fields ---------------------------------------------------------------------------

TEST_CASE("text fields: each id names its own field, an exercise's note its number, and unknown ids name none") {
  for (const TextField f : {TextField::routine_name, TextField::link_note, TextField::clinic_name, TextField::clinic_phone}) {
    const auto back = app::text_target_from_id(app::text_field_spec(f).id);
    REQUIRE(back);
    CHECK(back->field == f);
    CHECK(app::text_target_id(*back) == app::text_field_spec(f).id);
  }
  const auto third = app::text_target_from_id("item_note-3");
  REQUIRE(third);
  CHECK(*third == app::TextTarget{.field = TextField::item_note, .item = 2});
  CHECK(app::text_target_id(*third) == "item_note-3");
  for (const char* bad : {"name", "", "item_note", "item_note-", "item_note-0", "item_note-03", "item_note-x", "item_note-100"}) {
    INFO(bad);
    CHECK_FALSE(app::text_target_from_id(bad));
  }
  // A field never takes more than a routine link can carry.
  CHECK(app::text_field_spec(TextField::routine_name).max_chars == links::kMaxNameChars);
  CHECK(app::text_field_spec(TextField::link_note).max_chars == links::kMaxNoteChars);
  CHECK(app::text_field_spec(TextField::link_note).multiline);
  CHECK_FALSE(app::text_field_spec(TextField::routine_name).multiline);
  CHECK(app::text_field_spec(TextField::item_note).max_chars == catalogue::PrescriptionLimits::max_item_note_chars);
  CHECK(app::text_field_spec(TextField::clinic_phone).phone);
}

TEST_CASE("text fields: tabs become spaces and line breaks are tidied") {
  std::string out;
  CHECK(app::normalise_text(TextField::link_note, "a\tb\r\nc\rd\ne", out) == "");
  CHECK(out == "a b\nc\nd\ne");
  CHECK(app::normalise_text(TextField::routine_name, "Morning\r\nstretch\n", out) == "");
  CHECK(out == "Morning stretch ");
}

TEST_CASE("text fields: the most characters are kept, one more is refused, and nothing changes") {
  std::string out = "before";
  const std::string most = repeat("\xc3\xa9", links::kMaxNameChars);  // 60 characters, 120 bytes
  CHECK(app::normalise_text(TextField::routine_name, most, out) == "");
  CHECK(out == most);
  out = "before";
  CHECK(app::normalise_text(TextField::routine_name, most + "x", out) ==
        "The routine's name can be at most 60 characters; this has 61.");
  CHECK(out == "before");
  CHECK(app::normalise_text(TextField::link_note, repeat("n", 281), out) ==
        "The note can be at most 280 characters; this has 281.");
}

TEST_CASE("text fields: text that is not UTF-8 is refused") {
  std::string out = "before";
  CHECK(app::normalise_text(TextField::link_note, "caf\xe9", out) == "The note is not valid text (UTF-8).");
  CHECK(out == "before");
}

TEST_CASE("text fields: text already too long may shrink but never grow") {
  std::string out;
  const std::string long_name = repeat("n", 70);
  CHECK(app::normalise_text(TextField::routine_name, long_name.substr(0, 69), out, 70) == "");
  CHECK(out.size() == 69);
  CHECK(app::normalise_text(TextField::routine_name, long_name.substr(0, 70), out, 70) == "");
  CHECK(app::normalise_text(TextField::routine_name, long_name + "n", out, 70) ==
        "The routine's name can be at most 60 characters; this has 71.");
}

TEST_CASE("utf8: the first characters are cut between characters, never inside one") {
  CHECK(text::first_chars("caf\xc3\xa9s", 4) == "caf\xc3\xa9");
  CHECK(text::first_chars("caf\xc3\xa9s", 3) == "caf");
  CHECK(text::first_chars("\xf0\x9f\x99\x82!", 1) == "\xf0\x9f\x99\x82");
  CHECK(text::first_chars("ab", 5) == "ab");
  CHECK(text::first_chars("ab", 0) == "");
}

TEST_CASE("text fields: a control character is refused") {
  std::string out = "before";
  CHECK(app::normalise_text(TextField::routine_name, "bell\x07", out) ==
        "The routine's name has a control character in it, which Limber does not keep.");
  CHECK(out == "before");
}

TEST_CASE("text fields: trimming drops spaces and line breaks at the ends only") {
  CHECK(app::trim_text("  Morning stretch \n") == "Morning stretch");
  CHECK(app::trim_text(" \n ") == "");
  CHECK(app::trim_text("a  b") == "a  b");
}

TEST_CASE("text fields: where they were drawn goes to the page as JSON") {
  const std::vector<app::TextFieldShown> shown{
      {.id = "link_note", .label = "Note", .value = "Say \"hi\"\nthen go", .placeholder = "e.g.",
       .x = 10, .y = 20.5f, .width = 300, .height = 110, .clip_top = 0, .clip_bottom = 640, .font_px = 20,
       .ink = "#1e2a2f", .accent = "#1f6f63", .max_chars = 280, .multiline = true}};
  const json::ParseResult parsed = json::parse(app::text_fields_json(shown));
  REQUIRE(parsed.ok());
  REQUIRE(parsed.value.as_array().size() == 1);
  const json::Value& f = parsed.value.as_array()[0];
  CHECK(f.find("id")->as_string() == "link_note");
  CHECK(f.find("value")->as_string() == "Say \"hi\"\nthen go");
  CHECK(f.find("y")->as_number() == doctest::Approx(20.5));
  CHECK(f.find("clipBottom")->as_number() == 640);
  CHECK(f.find("maxChars")->as_number() == 280);
  CHECK(f.find("multiline")->as_bool());
  CHECK(app::text_fields_json({}) == "[]");
}

// ---- The app ------------------------------------------------------------------------------

TEST_CASE("app text: nothing can be typed while no routine is being edited") {
  AppRig r;
  const auto result = r.run("text", "routine_name=Morning");
  CHECK_FALSE(result.ok);
  CHECK(result.error == "text: no routine is being edited");
}

TEST_CASE("app text: a command without a known field names the fields") {
  AppRig r;
  r.app.new_routine();
  for (const std::string_view arg : {"Morning", "name=Morning", "=Morning"}) {
    const auto result = r.run("text", arg);
    CHECK_FALSE(result.ok);
    CHECK(result.error.rfind("text: expected routine_name, link_note, clinic_name, clinic_phone or item_note-<n>, then =<text>", 0) == 0);
  }
  CHECK(r.run("text", "").error == "command 'text' needs an argument");
  CHECK(r.app.draft().routine()->name == "My routine");
}

TEST_CASE("app text: the name typed is the draft's name, and saving trims it") {
  AppRig r;
  r.app.new_routine();
  REQUIRE(r.run("text", "routine_name=  Evening stretch ").ok);
  CHECK(r.app.draft().routine()->name == "  Evening stretch ");  // kept as typed while typing
  CHECK(r.app.draft().text({TextField::routine_name}) == "  Evening stretch ");
  REQUIRE(r.run("add_exercise", "knee_rolls").ok);
  REQUIRE(r.app.save_draft() == "");
  REQUIRE(r.app.data().routines.size() == 1);
  CHECK(r.app.data().routines.front().name == "Evening stretch");
}

TEST_CASE("app text: a name of spaces alone is no name") {
  AppRig r;
  r.app.new_routine();
  REQUIRE(r.run("add_exercise", "knee_rolls").ok);
  REQUIRE(r.run("text", "routine_name=   ").ok);
  CHECK(r.app.save_draft() == "Give the routine a name.");
  CHECK(r.app.data().routines.empty());
}

TEST_CASE("app text: a refused change keeps the old text and says why until the next edit") {
  AppRig r;
  r.app.new_routine();
  REQUIRE(r.run("text", "link_note=Slowly").ok);
  const auto result = r.run("text", "link_note=" + repeat("x", 281));
  CHECK_FALSE(result.ok);
  CHECK(result.error == "text: The note can be at most 280 characters; this has 281.");
  CHECK(r.app.draft().text({TextField::link_note}) == "Slowly");
  CHECK(r.app.draft().text_problem({TextField::link_note}) == "The note can be at most 280 characters; this has 281.");
  CHECK(r.app.draft().text_problem({TextField::routine_name}).empty());
  // Each field keeps its own: an accepted name leaves the note's refusal shown.
  REQUIRE(r.run("text", "routine_name=Evening").ok);
  CHECK_FALSE(r.app.draft().text_problem({TextField::link_note}).empty());
  REQUIRE(r.run("text", "link_note=Slowly, twice a day").ok);
  CHECK(r.app.draft().text_problem({TextField::link_note}).empty());
}

TEST_CASE("app text: a name too long to send, from an older backup, can be shortened key by key") {
  AppRig r;
  catalogue::Routine stored = *r.app.catalogue().find_routine("in_bed");
  stored.name = repeat("n", 70);  // as an import or an older version may have stored it
  app::RoutineDraft draft;
  draft.open(stored);
  CHECK(draft.set_text({TextField::routine_name}, repeat("n", 69)) == "");
  CHECK_FALSE(draft.set_text({TextField::routine_name}, repeat("n", 70)).empty());
  CHECK(draft.routine()->name == repeat("n", 69));
}

TEST_CASE("app text: a share that is refused says why until the next share, and a new draft forgets it") {
  AppRig r;
  r.app.new_routine();  // no exercises yet: nothing to send
  CHECK_FALSE(r.run("share_link").ok);
  CHECK_FALSE(r.app.draft().share_problem().empty());
  r.app.copy_routine("in_bed");
  CHECK(r.app.draft().share_problem().empty());
  REQUIRE(r.run("share_link").ok);
  CHECK(r.app.draft().share_problem().empty());
}

TEST_CASE("app text: the note travels in the link, and a new draft starts without it") {
  AppRig r;
  r.app.copy_routine("gentle_bad_day");
  REQUIRE(r.run("text", "link_note=Every morning.\r\nStop if it hurts more. ").ok);
  REQUIRE(r.run("share_link").ok);
  const auto decoded = links::decode_routine_link(r.app.draft().last_link(), r.app.catalogue());
  REQUIRE(decoded.ok());
  CHECK(decoded.shared->routine.note == "Every morning.\nStop if it hurts more.");
  r.app.new_routine();
  CHECK(r.app.draft().text({TextField::link_note}) == "");
}

TEST_CASE("app text: the state shows what the draft's fields hold") {
  AppRig r;
  r.app.new_routine();
  REQUIRE(r.run("text", "link_note=Twice a day").ok);
  const json::ParseResult parsed = json::parse(app::state_json({}, &r.app));
  REQUIRE(parsed.ok());
  const json::Value* draft = parsed.value.find("draft");
  REQUIRE(draft);
  CHECK(draft->find("routine_name")->as_string() == "My routine");
  CHECK(draft->find("link_note")->as_string() == "Twice a day");
  CHECK(draft->find("textProblems")->find("link_note")->as_string() == "");
  CHECK(draft->find("shareProblem")->as_string() == "");
}

TEST_CASE("utf8: each mark that turns the direction of text is refused, its neighbours are not") {
  for (const char* mark : {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"}) {
    CAPTURE(mark);
    CHECK(check(std::string("Stretch ") + mark + "gnp.exe") == TextCheck::direction);
  }
  CHECK(check("a\u2027b") == TextCheck::ok);  // just below the separators (hyphenation point)
  CHECK(check("a\u202Fb") == TextCheck::ok);  // just above U+202E (narrow no-break space)
  CHECK(check("a\u2065b") == TextCheck::ok);
  CHECK(check("a\u206Ab") == TextCheck::ok);
  CHECK(check("a\u200Db") == TextCheck::ok);  // the zero-width joiner, just below U+200E, joins emoji
  CHECK(check("a\u2010b") == TextCheck::ok);  // the hyphen, just above U+200F
  CHECK(check("a\u061Bb") == TextCheck::ok);  // the Arabic semicolon, just below U+061C
  CHECK(check("a\u061Db") == TextCheck::ok);
  CHECK(check("\u05E9\u05DC\u05D5\u05DD") == TextCheck::ok);  // right-to-left letters themselves are fine
}

TEST_CASE("utf8: the left-to-right mark (U+200E) is refused, and named") {
  CHECK(check("Stretch \u200Egnp.exe") == TextCheck::direction);
  CHECK(text::mark_name("Stretch \u200Egnp.exe") == "the left-to-right mark (U+200E)");
}
TEST_CASE("utf8: the right-to-left mark (U+200F) is refused, and named") {
  CHECK(check("Stretch \u200Fgnp.exe") == TextCheck::direction);
  CHECK(text::mark_name("Stretch \u200Fgnp.exe") == "the right-to-left mark (U+200F)");
}
TEST_CASE("utf8: the Arabic letter mark (U+061C) is refused, and named") {
  CHECK(check("Stretch \u061Cgnp.exe") == TextCheck::direction);
  CHECK(text::mark_name("Stretch \u061Cgnp.exe") == "the Arabic letter mark (U+061C)");
}
TEST_CASE("utf8: the line separator (U+2028) is refused, even where a line break is allowed, and named") {
  CHECK(check("One\u2028two") == TextCheck::separator);
  CHECK(check("One\u2028two", true) == TextCheck::separator);
  CHECK(text::mark_name("One\u2028two") == "the line separator (U+2028)");
}
TEST_CASE("utf8: the paragraph separator (U+2029) is refused, even where a line break is allowed, and named") {
  CHECK(check("One\u2029two") == TextCheck::separator);
  CHECK(check("One\u2029two", true) == TextCheck::separator);
  CHECK(text::mark_name("One\u2029two") == "the paragraph separator (U+2029)");
}
TEST_CASE("utf8: the older direction marks are named too") {
  CHECK(text::mark_name("a\u202Eb") == "the right-to-left override (U+202E)");
  CHECK(text::mark_name("a\u2066b") == "the left-to-right isolate (U+2066)");
  CHECK(text::mark_name("plain text") == "");
  CHECK(text::mark_problem("plain text") == "");
}

namespace {
// What typing `typed` into `field` is told; the field must keep what it had.
std::string typed_problem(TextField field, std::string_view typed) {
  std::string out = "before";
  const std::string problem = app::normalise_text(field, typed, out);
  CHECK(out == "before");
  return problem;
}
const std::string kTurns = ", that turns the direction of the text around it, which could disguise what it says; "
                           "Limber does not keep it.";
const std::string kBreaks = ", that breaks the line in some places and not in others; Limber does not keep it.";
}  // namespace

TEST_CASE("text fields: the right-to-left override (U+202E) is refused in the name, named") {
  CHECK(typed_problem(TextField::routine_name, "Stretch \u202Egnp.exe") ==
        "The routine's name has an invisible mark, the right-to-left override (U+202E)" + kTurns);
}
TEST_CASE("text fields: the right-to-left override (U+202E) is refused in the note, named") {
  CHECK(typed_problem(TextField::link_note, "Stretch \u202Egnp.exe") ==
        "The note has an invisible mark, the right-to-left override (U+202E)" + kTurns);
}
TEST_CASE("text fields: the left-to-right mark (U+200E) is refused in the name") {
  CHECK(typed_problem(TextField::routine_name, "a\u200Eb") ==
        "The routine's name has an invisible mark, the left-to-right mark (U+200E)" + kTurns);
}
TEST_CASE("text fields: the left-to-right mark (U+200E) is refused in the note") {
  CHECK(typed_problem(TextField::link_note, "a\u200Eb") ==
        "The note has an invisible mark, the left-to-right mark (U+200E)" + kTurns);
}
TEST_CASE("text fields: the right-to-left mark (U+200F) is refused in the name") {
  CHECK(typed_problem(TextField::routine_name, "a\u200Fb") ==
        "The routine's name has an invisible mark, the right-to-left mark (U+200F)" + kTurns);
}
TEST_CASE("text fields: the right-to-left mark (U+200F) is refused in the note") {
  CHECK(typed_problem(TextField::link_note, "a\u200Fb") ==
        "The note has an invisible mark, the right-to-left mark (U+200F)" + kTurns);
}
TEST_CASE("text fields: the Arabic letter mark (U+061C) is refused in the name") {
  CHECK(typed_problem(TextField::routine_name, "a\u061Cb") ==
        "The routine's name has an invisible mark, the Arabic letter mark (U+061C)" + kTurns);
}
TEST_CASE("text fields: the Arabic letter mark (U+061C) is refused in the note") {
  CHECK(typed_problem(TextField::link_note, "a\u061Cb") ==
        "The note has an invisible mark, the Arabic letter mark (U+061C)" + kTurns);
}
TEST_CASE("text fields: the line separator (U+2028) is refused in the name") {
  CHECK(typed_problem(TextField::routine_name, "a\u2028b") ==
        "The routine's name has an invisible mark, the line separator (U+2028)" + kBreaks);
}
TEST_CASE("text fields: the line separator (U+2028) is refused in the note") {
  CHECK(typed_problem(TextField::link_note, "a\u2028b") ==
        "The note has an invisible mark, the line separator (U+2028)" + kBreaks);
}
TEST_CASE("text fields: the paragraph separator (U+2029) is refused in the name") {
  CHECK(typed_problem(TextField::routine_name, "a\u2029b") ==
        "The routine's name has an invisible mark, the paragraph separator (U+2029)" + kBreaks);
}
TEST_CASE("text fields: the paragraph separator (U+2029) is refused in the note") {
  CHECK(typed_problem(TextField::link_note, "a\u2029b") ==
        "The note has an invisible mark, the paragraph separator (U+2029)" + kBreaks);
}

TEST_CASE("text: grouped writes a number with its thousands apart") {
  CHECK(text::grouped(0) == "0");
  CHECK(text::grouped(999) == "999");
  CHECK(text::grouped(1000) == "1,000");
  CHECK(text::grouped(20'000'001) == "20,000,001");
  CHECK(text::grouped(-1234567) == "-1,234,567");
}
