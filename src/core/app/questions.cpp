#include "app/questions.h"

#include "app/player.h"
#include "json/json_writer.h"

namespace limber::app {

std::string_view confirm_id(Confirm c) { return json::enum_name(c); }

ConfirmWords confirm_words(Confirm c) {
  switch (c) {
    case Confirm::none: break;
    case Confirm::end_session:
      return {.question = "End this session now?",
              .detail = "The exercises you have finished are kept in your history.",
              .yes = "End session",
              .no = "No, keep going"};
    case Confirm::delete_routine:
      return {.question = "Delete this routine?",
              .detail = "Your history keeps the sessions you did with it.",
              .yes = "Delete routine",
              .no = "No, keep it"};
    case Confirm::affected_side:
      return {.question = "Which side of your back hurts?",
              .detail = "Some exercises in this routine work one side only. Limber remembers your answer; "
                        "you can change it in Settings.",
              .yes = "My left side",
              .no = "My right side"};
    case Confirm::delete_all_data:
      return {.question = "Delete all your Limber data?",
              .detail = "Your history, pain scores, routines and settings will be removed from this device. "
                        "This cannot be undone.",
              .yes = "Delete everything",
              .no = "No, keep it"};
    case Confirm::leave_editor:
      return {.question = "Leave without saving?",
              .detail = "This routine has changes that are not saved yet.",
              .yes = "Leave without saving",
              .no = "No, keep editing",
              .save = "Save and leave"};
  }
  return {};
}

PainQuestionWords pain_question_words(bool before_session) {
  return {.question = before_session ? "How is your back right now?" : "How is your back now?",
          .scale = "Choose a number from 0, no pain, to 10, the worst pain you can imagine.",
          .skip = "Skip this question"};
}

std::string_view pain_words(int score) {
  if (score <= 0) return "No pain";
  if (score <= 3) return "Mild";
  if (score <= 6) return "Moderate";
  if (score <= 9) return "Severe";
  return "The worst pain you can imagine";
}

std::string asking_json(Confirm confirm, PlayerStage stage) {
  json::Writer w;
  w.begin_object().key("confirm");
  if (confirm == Confirm::none) {
    w.null();
  } else {
    const ConfirmWords c = confirm_words(confirm);
    w.begin_object()
        .key("id").value(confirm_id(confirm))
        .key("question").value(c.question)
        .key("detail").value(c.detail)
        .key("yes").value(c.yes)
        .key("no").value(c.no);
    if (!c.save.empty()) w.key("save").value(c.save);
    w.end_object();
  }
  w.key("pain");
  if (stage != PlayerStage::pain_before && stage != PlayerStage::pain_after) {
    w.null();
  } else {
    const PainQuestionWords p = pain_question_words(stage == PlayerStage::pain_before);
    w.begin_object()
        .key("question").value(p.question)
        .key("scale").value(p.scale)
        .key("skip").value(p.skip)
        .key("labels").begin_array();
    for (int score = 0; score <= 10; ++score) w.value(std::to_string(score) + ", " + std::string(pain_words(score)));
    w.end_array().end_object();
  }
  w.end_object();
  return w.str();
}

}  // namespace limber::app
