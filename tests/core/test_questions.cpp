// The words of Limber's questions, as the canvas and the accessible layer both show them.
#include <doctest/doctest.h>

#include "app/player.h"
#include "app/questions.h"
#include "json/json_value.h"

using namespace limber;
using app::Confirm;
using app::PlayerStage;

TEST_CASE("questions: every score of the pain scale has its words") {
  const char* expected[] = {"No pain", "Mild",   "Mild",   "Mild",   "Moderate", "Moderate",
                            "Moderate", "Severe", "Severe", "Severe", "The worst pain you can imagine"};
  for (int score = 0; score <= 10; ++score) {
    INFO("score " << score);
    CHECK(app::pain_words(score) == expected[score]);
  }
}

TEST_CASE("questions: every confirmation has a question, a detail and two buttons that say what they do") {
  for (const auto& [c, id] : json::EnumNames<Confirm>::values) {
    const app::ConfirmWords w = app::confirm_words(c);
    INFO("confirm " << id);
    if (c == Confirm::none) {
      CHECK(w.question.empty());
      continue;
    }
    CHECK(w.question.ends_with("?"));
    CHECK_FALSE(w.detail.empty());
    CHECK(w.yes != "Yes");  // names the action, so a screen reader user hears what it does
    if (c == Confirm::affected_side) {
      // A choice, not a confirmation: both buttons name a side, and Back answers nothing.
      CHECK(w.yes == "My left side");
      CHECK(w.no == "My right side");
    } else {
      CHECK(w.no.starts_with("No"));
    }
  }
}

TEST_CASE("questions: asking_json carries the question asked now, and nothing when none is") {
  auto parse = [](Confirm c, PlayerStage s) {
    auto parsed = json::parse(app::asking_json(c, s));
    REQUIRE(parsed.ok());
    return parsed.value;
  };
  const json::Value quiet = parse(Confirm::none, PlayerStage::running);
  CHECK(quiet.find("confirm")->is_null());
  CHECK(quiet.find("pain")->is_null());

  const json::Value ending = parse(Confirm::end_session, PlayerStage::running);
  const json::Value* confirm = ending.find("confirm");
  REQUIRE(confirm->is_object());
  CHECK(confirm->find("id")->as_string() == "end_session");
  CHECK(confirm->find("question")->as_string() == app::confirm_words(Confirm::end_session).question);
  CHECK(confirm->find("yes")->as_string() == "End session");
  CHECK(confirm->find("no")->as_string() == "No, keep going");

  for (const PlayerStage stage : {PlayerStage::pain_before, PlayerStage::pain_after}) {
    const json::Value asking = parse(Confirm::none, stage);
    const json::Value* pain = asking.find("pain");
    REQUIRE(pain->is_object());
    const bool before = stage == PlayerStage::pain_before;
    CHECK(pain->find("question")->as_string() == app::pain_question_words(before).question);
    CHECK(pain->find("skip")->as_string() == "Skip this question");
    const auto& labels = pain->find("labels")->as_array();
    REQUIRE(labels.size() == 11);
    CHECK(labels[0].as_string() == "0, No pain");
    CHECK(labels[4].as_string() == "4, Moderate");
    CHECK(labels[10].as_string() == "10, The worst pain you can imagine");
  }
  CHECK(app::pain_question_words(true).question != app::pain_question_words(false).question);
}
