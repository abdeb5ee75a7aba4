// app/questions.h: the words of every question Limber asks, in one place.
//
// The canvas draws them and the page's accessible layer (web/page.js) shows and announces
// the same words, which it receives from asking_json(); nothing in web/ repeats them.
//
// Usage:
//     const limber::app::ConfirmWords w = limber::app::confirm_words(Confirm::end_session);
//     // w.question "End this session now?", w.yes "End session", w.no "No, keep it"
//     limber::app::pain_words(10);                 // "The worst pain you can imagine"
//     limber::app::asking_json(Confirm::none, PlayerStage::pain_before);
//     // {"confirm":null,"pain":{"question":"How is your back right now?",...}}
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "json/enum_names.h"

namespace limber::app {

enum class PlayerStage : std::uint8_t;

// Asked before something that cannot be undone.
// (affected_side asks which side hurts: yes is the left, no the right; Back asks nothing.)
enum class Confirm : std::uint8_t { none, delete_routine, delete_all_data, end_session, affected_side, leave_editor };
std::string_view confirm_id(Confirm c);

struct ConfirmWords {
  std::string_view question;  // "" for Confirm::none
  std::string_view detail;    // what happens, said plainly
  std::string_view yes;       // the button that goes ahead: names the action
  std::string_view no;        // the button that keeps things as they are
  std::string_view save = {};  // a third way, where there is one: "Save and leave" (command save_routine)
};
ConfirmWords confirm_words(Confirm c);

struct PainQuestionWords {
  std::string_view question;  // before or after the session
  std::string_view scale;     // what 0 and 10 mean
  std::string_view skip;      // the button that answers nothing
};
PainQuestionWords pain_question_words(bool before_session);

// Words for a score of the 0 to 10 scale: "No pain", "Mild" (1-3), "Moderate" (4-6),
// "Severe" (7-9), "The worst pain you can imagine" (10).
std::string_view pain_words(int score);

// What is being asked now, for the accessible layer:
// {"confirm":{"id","question","detail","yes","no"}|null,
//  "pain":{"question","scale","skip","labels":["0, No pain","1, Mild",...]}|null}
std::string asking_json(Confirm confirm, PlayerStage stage);

}  // namespace limber::app

template <>
struct limber::json::EnumNames<limber::app::Confirm> {
  using E = limber::app::Confirm;
  static constexpr std::array<std::pair<E, std::string_view>, 6> values{{
      {E::none, "none"},
      {E::delete_routine, "delete_routine"},
      {E::delete_all_data, "delete_all_data"},
      {E::end_session, "end_session"},
      {E::affected_side, "affected_side"},
      {E::leave_editor, "leave_editor"}}};
};
