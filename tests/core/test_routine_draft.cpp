// The routine being edited and what was typed and made for it, as one part (app/routine_draft.h).
#include <doctest/doctest.h>

#include "app/routine_draft.h"
#include "app_fixtures.h"
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
  return r;
}
}  // namespace

TEST_CASE("routine draft: nothing is open at first, and typing then is refused") {
  RoutineDraft d;
  CHECK_FALSE(d.is_open());
  CHECK(d.routine() == nullptr);
  CHECK(d.set_text(TextField::link_note, "Hello") == "no routine is being edited");
  CHECK(d.text(TextField::link_note).empty());
  AppRig r;
  CHECK(d.share(r.app.catalogue()) == "nothing is being edited");
}

TEST_CASE("routine draft: closing forgets the routine, the note, the refusals and the link together") {
  AppRig r;
  RoutineDraft d;
  d.open(two_items(r.app.catalogue()));
  REQUIRE(d.set_text(TextField::link_note, "Twice a day.") == "");
  CHECK_FALSE(d.set_text(TextField::routine_name, std::string(500, 'x')).empty());
  REQUIRE(d.share(r.app.catalogue()) == "");
  CHECK_FALSE(d.last_link().empty());
  CHECK(d.link_copy() == LinkCopy::pending);
  CHECK(d.text(TextField::routine_name) == "Mornings");  // the refused name did not replace it
  CHECK_FALSE(d.text_problem(TextField::routine_name).empty());
  d.close();
  CHECK_FALSE(d.is_open());
  CHECK(d.text(TextField::link_note).empty());
  CHECK(d.text_problem(TextField::routine_name).empty());
  CHECK(d.last_link().empty());
  CHECK(d.link_copy() == LinkCopy::none);
  CHECK(d.share_problem().empty());
}

TEST_CASE("routine draft: opening another routine starts without the last one's note or link") {
  AppRig r;
  RoutineDraft d;
  d.open(two_items(r.app.catalogue()));
  REQUIRE(d.set_text(TextField::link_note, "For Ann.") == "");
  REQUIRE(d.share(r.app.catalogue()) == "");
  catalogue::Routine other = two_items(r.app.catalogue());
  other.id = "mine_2";
  d.open(other);
  CHECK(d.text(TextField::link_note).empty());
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
  REQUIRE(d.set_text(TextField::link_note, "  Twice a day.  ") == "");
  const std::string now = d.link_now(r.app.catalogue());
  CHECK(now.starts_with("routine=1."));
  CHECK(d.last_link().empty());  // not made, not waiting to be copied
  CHECK(d.link_copy() == LinkCopy::none);
  REQUIRE(d.share(r.app.catalogue()) == "");
  CHECK(d.last_link() == now);
  const auto opened = links::decode_routine_link(now, r.app.catalogue());
  REQUIRE(opened.ok());
  CHECK(opened.shared->note == "Twice a day.");
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
