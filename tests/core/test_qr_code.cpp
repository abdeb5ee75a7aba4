// A routine link as a QR code (links/qr_code.h): the symbol's fixed patterns where a reader
// looks for them, the same text giving the same code, and the one refusal, said plainly.
#include <doctest/doctest.h>

#include <string>

#include "app_fixtures.h"
#include "catalogue/prescription.h"
#include "links/qr_code.h"
#include "links/routine_link.h"

using namespace limber;

namespace {

// A finder pattern: a dark 7x7 ring, a light ring, a dark 3x3 centre, with (x, y) its corner.
void check_finder(const links::QrCode& code, int x, int y) {
  CAPTURE(x);
  CAPTURE(y);
  for (int i = 0; i < 7; ++i) {
    CHECK(code.dark(x + i, y));
    CHECK(code.dark(x + i, y + 6));
    CHECK(code.dark(x, y + i));
    CHECK(code.dark(x + 6, y + i));
  }
  for (int i = 1; i < 6; ++i) {
    CHECK_FALSE(code.dark(x + i, y + 1));
    CHECK_FALSE(code.dark(x + i, y + 5));
  }
  for (int i = 2; i < 5; ++i) {
    for (int j = 2; j < 5; ++j) CHECK(code.dark(x + i, y + j));
  }
}

}  // namespace

TEST_CASE("qr code: a short link is a small symbol with its three finder patterns and timing lines") {
  const auto qr = links::make_qr_code("https://limber.example/");
  REQUIRE(qr.ok());
  const links::QrCode& code = *qr.code;
  CHECK(code.size == 25);  // 23 bytes at error correction M need version 2 (17 + 4 x 2)
  CHECK(code.modules.size() == 25u * 25u);
  check_finder(code, 0, 0);
  check_finder(code, code.size - 7, 0);
  check_finder(code, 0, code.size - 7);
  for (int i = 8; i < code.size - 8; ++i) {
    CHECK(code.dark(i, 6) == (i % 2 == 0));  // the timing pattern alternates, dark on even
    CHECK(code.dark(6, i) == (i % 2 == 0));
  }
  CHECK(code.dark(8, code.size - 8));  // the dark module beside the lower finder
}

TEST_CASE("qr code: the same link gives the same symbol and another link another") {
  const auto a = links::make_qr_code("https://limber.example/#routine=1.abc.defghi");
  const auto b = links::make_qr_code("https://limber.example/#routine=1.abc.defghi");
  const auto c = links::make_qr_code("https://limber.example/#routine=1.abd.defghi");
  REQUIRE(a.ok());
  REQUIRE(c.ok());
  CHECK(*a.code == *b.code);
  CHECK_FALSE(*a.code == *c.code);
}

TEST_CASE("qr code: a routine link of a full routine fits at a version a phone reads") {
  const catalogue::Catalogue& catalogue = test::shipped_catalogue();
  catalogue::Routine routine = *catalogue.find_routine("nhs_daily");
  routine.id.clear();
  routine.sources.clear();
  routine.name = "Mr Okafor's home exercises, weeks 1 to 4";
  routine.note = std::string(200, 'n') + " twice a day, stop if the pain goes above five.";
  catalogue::prescribe_exactly(catalogue, routine);
  const std::string fragment = links::encode_routine_link(routine, catalogue);
  const std::string url = "https://limber.example/app/#" + fragment;
  const auto qr = links::make_qr_code(url);
  REQUIRE(qr.ok());
  CHECK(qr.code->size <= 17 + 4 * 25);  // version 25 or less
}

TEST_CASE("qr code: the most a QR code holds is made and one byte more is refused in plain words") {
  const auto most = links::make_qr_code(std::string(links::kMaxQrBytes, 'a'));
  REQUIRE(most.ok());
  CHECK(most.code->size == 177);  // version 40
  const auto over = links::make_qr_code(std::string(links::kMaxQrBytes + 1, 'a'));
  CHECK_FALSE(over.ok());
  CHECK(over.error == "the link is 2332 characters long, and a QR code holds at most 2331; shorten the note or the routine");
}

TEST_CASE("qr code: nothing to encode is refused") {
  const auto empty = links::make_qr_code("");
  CHECK_FALSE(empty.ok());
  CHECK(empty.error == "there is nothing to put in a QR code");
}
