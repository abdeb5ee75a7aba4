// The routine being edited and what was typed and made for it, as one part (app/routine_draft.h).
#include <doctest/doctest.h>

#include "app/routine_draft.h"
#include "app_fixtures.h"
#include "catalogue/prescription.h"
#include "links/routine_link.h"

using namespace limber;
using app::LinkCopy;
using app::RoutineDraft;
using app::TextField;
using test::AppRig;

namespace {
catalogue::Routine two_items(const catalogue::Catalogue& c) {
  catalogue::Routine r = *c.find_routine("in_bed");
  r.id = "mine_1";
  r.name = "Mornings";
  r.sources.clear();
  r.uid = "00000000000a";
  r.version = 3;
  catalogue::prescribe_exactly(c, r);
  return r;
}
}  // namespace

TEST_CASE("routine draft: nothing is open at first, and typing then is refused") {
  RoutineDraft d;
  CHECK_FALSE(d.is_open());
  CHECK(d.routine() == nullptr);
  CHECK(d.set_text({TextField::link_note}, "Hello") == "no routine is being edited");
  CHECK(d.text({TextField::link_note}).empty());
  AppRig r;
  CHECK(d.share(r.app.catalogue()) == "nothing is being edited");
}

TEST_CASE("routine draft: closing forgets the routine, the note, the refusals and the link together") {
  AppRig r;
  RoutineDraft d;
  d.open(two_items(r.app.catalogue()));
  REQUIRE(d.set_text({TextField::link_note}, "Twice a day.") == "");
  CHECK_FALSE(d.set_text({TextField::routine_name}, std::string(500, 'x')).empty());
  REQUIRE(d.share(r.app.catalogue()) == "");
  CHECK_FALSE(d.last_link().empty());
  CHECK(d.link_copy() == LinkCopy::pending);
  CHECK(d.text({TextField::routine_name}) == "Mornings");  // the refused name did not replace it
  CHECK_FALSE(d.text_problem({TextField::routine_name}).empty());
  d.close();
  CHECK_FALSE(d.is_open());
  CHECK(d.text({TextField::link_note}).empty());
  CHECK(d.text_problem({TextField::routine_name}).empty());
  CHECK(d.last_link().empty());
  CHECK(d.link_copy() == LinkCopy::none);
  CHECK(d.share_problem().empty());
}

TEST_CASE("routine draft: opening another routine starts without the last one's note or link") {
  AppRig r;
  RoutineDraft d;
  d.open(two_items(r.app.catalogue()));
  REQUIRE(d.set_text({TextField::link_note}, "For Ann.") == "");
  REQUIRE(d.share(r.app.catalogue()) == "");
  catalogue::Routine other = two_items(r.app.catalogue());
  other.id = "mine_2";
  d.open(other);
  CHECK(d.text({TextField::link_note}).empty());
  CHECK(d.last_link().empty());
  CHECK(d.link_copy() == LinkCopy::none);
}

TEST_CASE("routine draft: a link is not made for a routine that cannot be shared, and says why") {
  AppRig r;
  RoutineDraft d;
  catalogue::Routine empty = two_items(r.app.catalogue());
  empty.items.clear();
  d.open(empty);
  const std::string problem = d.share(r.app.catalogue());
  CHECK_FALSE(problem.empty());
  CHECK(d.share_problem() == problem);
  CHECK(d.last_link().empty());
  CHECK(d.link_copy() == LinkCopy::none);
}

TEST_CASE("app: leaving the editor with Back forgets the link made there") {
  AppRig r;
  r.app.copy_routine("in_bed");
  REQUIRE(r.run("share_link").ok);
  REQUIRE_FALSE(r.app.draft().last_link().empty());
  REQUIRE(r.run("back").ok);
  CHECK(r.app.draft().routine() == nullptr);
  CHECK(r.app.draft().last_link().empty());
  CHECK(r.app.draft().link_copy() == LinkCopy::none);
}

TEST_CASE("routine draft: the link as it stands is the link a share makes, and changes nothing") {
  AppRig r;
  RoutineDraft d;
  CHECK(d.link_now(r.app.catalogue()).empty());  // nothing open
  d.open(two_items(r.app.catalogue()));
  REQUIRE(d.set_text({TextField::link_note}, "  Twice a day.  ") == "");
  const std::string now = d.link_now(r.app.catalogue());
  CHECK(now.starts_with("routine=2."));
  CHECK(d.last_link().empty());  // not made, not waiting to be copied
  CHECK(d.link_copy() == LinkCopy::none);
  REQUIRE(d.share(r.app.catalogue()) == "");
  CHECK(d.last_link() == now);
  const auto opened = links::decode_routine_link(now, r.app.catalogue());
  REQUIRE(opened.ok());
  CHECK(opened.shared->routine.note == "Twice a day.");
}

TEST_CASE("routine draft: what is saved and sent carries the version one up once anything it carries changed") {
  AppRig r;
  RoutineDraft d;
  d.open(two_items(r.app.catalogue()), /*saved=*/true);
  CHECK(d.finished()->version == 3);  // opened and untouched
  REQUIRE(d.set_text({TextField::routine_name}, "Mornings ") == "");
  CHECK(d.finished()->version == 3);  // the same once trimmed
  REQUIRE(d.set_text({TextField::item_note, 1}, "Keep your knees together") == "");
  const std::optional<catalogue::Routine> changed = d.finished();
  CHECK(changed->version == 4);
  CHECK(changed->items[1].note == "Keep your knees together");
  CHECK(d.routine()->version == 3);  // the draft itself keeps the version it was opened with
  const auto opened = links::decode_routine_link(d.link_now(r.app.catalogue()), r.app.catalogue());
  REQUIRE(opened.ok());
  CHECK(opened.shared->routine.version == 4);
  // A routine never saved yet keeps the version it was made with, however much it changes.
  d.open(two_items(r.app.catalogue()));
  REQUIRE(d.set_text({TextField::item_note, 1}, "Keep your knees together") == "");
  CHECK(d.finished()->version == 3);
}

TEST_CASE("routine draft: texts are kept trimmed, and an emptied note, phone or clinic is no text at all") {
  AppRig r;
  RoutineDraft d;
  d.open(two_items(r.app.catalogue()));
  REQUIRE(d.set_text({TextField::link_note}, "  Twice a day.\n") == "");
  REQUIRE(d.set_text({TextField::clinic_name}, " Riverside ") == "");
  REQUIRE(d.set_text({TextField::clinic_phone}, "020 7946 0958") == "");
  REQUIRE(d.set_text({TextField::item_note, 0}, " ") == "");
  std::optional<catalogue::Routine> f = d.finished();
  CHECK(f->note == "Twice a day.");
  REQUIRE(f->clinic);
  CHECK(f->clinic->name == "Riverside");
  CHECK(f->clinic->phone == "020 7946 0958");
  CHECK_FALSE(f->items[0].note);
  REQUIRE(d.set_text({TextField::link_note}, "") == "");
  REQUIRE(d.set_text({TextField::clinic_name}, "") == "");
  REQUIRE(d.set_text({TextField::clinic_phone}, "") == "");
  f = d.finished();
  CHECK_FALSE(f->note);
  CHECK_FALSE(f->clinic);
}

TEST_CASE("routine draft: a phone number takes digits and phone signs only, and a note past its limit is refused whole") {
  AppRig r;
  RoutineDraft d;
  d.open(two_items(r.app.catalogue()));
  CHECK(d.set_text({TextField::clinic_phone}, "020 7946 0958; DROP") == "The phone number can have digits, spaces and + ( ) - . / only.");
  CHECK(d.text({TextField::clinic_phone}).empty());
  const std::string note(281, 'n');
  CHECK(d.set_text({TextField::link_note}, note) == "The note can be at most 280 characters; this has 281.");
  CHECK(d.text({TextField::link_note}).empty());  // refused, never cut
  REQUIRE(d.set_text({TextField::link_note}, std::string(280, 'n')) == "");
  CHECK(d.text_chars({TextField::link_note}) == 280);
  CHECK(d.set_text({TextField::item_note, 5}, std::string(81, 'x')) ==
        "The note on this exercise can be at most 80 characters; this has 81.");
  CHECK(d.text_problem({TextField::item_note, 5}) == "The note on this exercise can be at most 80 characters; this has 81.");
  CHECK(d.text_problem({TextField::item_note, 4}).empty());  // another exercise's note has no problem
  CHECK(d.set_text({TextField::item_note, 99}, "x") == "the routine has no exercise 100");
}

TEST_CASE("routine draft: a routine that cannot be shared has no link as it stands") {
  AppRig r;
  RoutineDraft d;
  catalogue::Routine empty = two_items(r.app.catalogue());
  empty.items.clear();
  d.open(empty);
  CHECK(d.link_now(r.app.catalogue()).empty());
  CHECK(d.share_problem().empty());  // asking is not a refused share
}
