// What makes format-2 links short, and must never change once links are out there: each
// exercise's code and its options' places (links/exercise_codes.h), and the text code
// (links/text_pack.h).
#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "animation_fixtures.h"
#include "links/exercise_codes.h"
#include "links/link_bytes.h"
#include "links/text_pack.h"

using namespace limber;

TEST_CASE("exercise codes: every catalogue exercise and dosage option has a code, and no code is given twice") {
  std::set<std::uint16_t> codes;
  std::set<std::string_view> exercises;
  for (const links::ExerciseCode& entry : links::exercise_codes()) {
    CHECK(entry.code > 0);
    CHECK_MESSAGE(codes.insert(entry.code).second, "code " << entry.code << " is given twice");
    CHECK_MESSAGE(exercises.insert(entry.exercise).second, entry.exercise << " has two codes");
  }
  for (const catalogue::Exercise& e : test::shipped_catalogue().exercises) {
    INFO(e.id);
    const links::ExerciseCode* entry = links::code_of_exercise(e.id);
    REQUIRE_MESSAGE(entry, "add a code for " << e.id << " at the end of links/exercise_codes.cpp");
    CHECK(links::exercise_of_code(entry->code) == entry);
    for (const catalogue::DosageOption& o : e.dosages) {
      CHECK_MESSAGE(links::option_index(*entry, o.id), "add " << e.id << "'s option " << o.id << " after its others");
    }
  }
  // A merged id keeps its code, so every link made with it opens; its options keep their places.
  for (const catalogue::MergedExercise& m : test::shipped_catalogue().merged) {
    INFO(m.id);
    const links::ExerciseCode* entry = links::code_of_exercise(m.id);
    REQUIRE(entry);
    for (const std::string& option : m.dosages) CHECK(links::option_index(*entry, option));
  }
  CHECK_FALSE(links::exercise_of_code(0));
  CHECK_FALSE(links::code_of_exercise("cartwheel"));
}

TEST_CASE("exercise codes: every code ever published is still there, meaning the same") {
  std::ifstream in(std::string(LIMBER_FIXTURES_DIR) + "/exercise_codes.txt");
  REQUIRE(in);
  std::string line;
  int lines = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    ++lines;
    std::istringstream words(line);
    int code = 0;
    std::string exercise, option;
    words >> code >> exercise;
    INFO(line);
    const links::ExerciseCode* entry = links::exercise_of_code(static_cast<std::uint32_t>(code));
    REQUIRE(entry);
    CHECK(entry->exercise == exercise);
    for (std::size_t place = 0; words >> option; ++place) {
      REQUIRE(place < links::kMaxCodedOptions);
      CHECK(entry->options[place] == option);
    }
  }
  CHECK(lines == 24);
}

TEST_CASE("text code: its lengths are the ones every link was made with") {
  // A change here changes every note in every link made: never. (CRC-32 of the 256 lengths.)
  const std::uint8_t* lengths = links::text_code_lengths();
  CHECK(links::crc32(std::string_view(reinterpret_cast<const char*>(lengths), 256)) == 3884943772u);
  // A complete prefix code: the lengths fill the code space exactly (Kraft's equality).
  double kraft = 0;
  for (int i = 0; i < 256; ++i) {
    CHECK(lengths[i] >= 1);
    CHECK(lengths[i] <= 14);
    kraft += 1.0 / static_cast<double>(1u << lengths[i]);
  }
  CHECK(kraft == doctest::Approx(1.0));
}

TEST_CASE("text code: every byte, and texts of every length, come back exactly") {
  std::string every;
  for (int i = 0; i < 256; ++i) every += static_cast<char>(i);
  for (const std::string& text : {std::string(), std::string("a"), every, std::string(4000, 'e'),
                                  std::string("Twice a day. Stop if it hurts \xe2\x80\x99 call 020 7946 0958.")}) {
    const std::string packed = links::pack_text(text);
    std::size_t used = 0;
    const auto back = links::unpack_text(packed + "tail", text.size(), used);
    REQUIRE(back);
    CHECK(*back == text);
    CHECK(used == packed.size());
  }
}

TEST_CASE("text code: English takes about five bits a letter") {
  const std::string note = "Do these before work and in the evening. Move slowly and breathe out as you move. Some "
                           "stiffness is normal; sharp pain is not, so stop that exercise.";
  const std::string packed = links::pack_text(note);
  MESSAGE(note.size() << " bytes of text packed into " << packed.size());
  CHECK(packed.size() * 8 <= note.size() * 5);
}

TEST_CASE("text code: a packed text that ends too soon, or whose spare bits are not zero, is refused") {
  const std::string packed = links::pack_text("Morning");
  std::size_t used = 0;
  CHECK_FALSE(links::unpack_text(packed.substr(0, packed.size() - 1), 7, used));
  CHECK_FALSE(links::unpack_text("", 1, used));
  std::string spare = packed;
  REQUIRE((links::pack_text("M").size() * 8) % 12 != 0);  // 'M' leaves spare bits in its last byte
  spare = links::pack_text("M");
  spare.back() = static_cast<char>(spare.back() | 1);
  CHECK_FALSE(links::unpack_text(spare, 1, used));
}
