// app/routine_draft.h: the routine being edited, and everything typed or made for it.
//
// A draft is a copy until App saves it. Beside the routine (whose texts, the clinician's note
// among them, are typed into it) it holds the routine as it was opened, the last refusal of
// each text field, the last share's refusal, the link made and whether the page's clipboard
// took it. All of it belongs to one draft: open() and close() start and end it as a whole, so
// nothing typed for one routine is ever shown with another.
//
// What is saved, sent and printed is finished(): texts trimmed, an emptied note or phone gone,
// and the version one up when anything a link carries changed since it was opened, so a
// patient's Limber takes the new link as an update (app/routine_update.h).
//
// Usage:
//     RoutineDraft d;
//     d.open(routine);                                     // editing starts: nothing typed yet
//     d.set_text({TextField::link_note}, "Twice a day");   // "" or why it was refused
//     if (auto made = d.share(catalogue); made.empty()) copy(d.last_link());
//     d.close();                                           // the routine, note and link are gone
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "app/text_entry.h"
#include "catalogue/model.h"
#include "json/enum_names.h"

namespace limber::app {

// Whether the page's clipboard took the last link: the page says (link_copied), so the
// screen never claims a copy the browser refused.
enum class LinkCopy : std::uint8_t { none, pending, copied, refused };

class RoutineDraft {
 public:
  // `saved`: the routine is stored already (its version goes up once it changes); a new routine
  // or a copy is saved at the version it has.
  void open(catalogue::Routine routine, bool saved = false);
  void close() { state_ = {}; }
  bool is_open() const { return state_.routine.has_value(); }
  // Anything changed since it was opened: leaving asks first (App::back).
  bool has_changes() const { return state_.routine && *state_.routine != state_.first; }
  catalogue::Routine* routine() { return state_.routine ? &*state_.routine : nullptr; }
  const catalogue::Routine* routine() const { return state_.routine ? &*state_.routine : nullptr; }
  // The routine to save, send or print (see above); nullopt with nothing open.
  std::optional<catalogue::Routine> finished() const;

  // Typed text (app/text_entry.h): the routine's name, the clinician's note, the clinic's name
  // and phone, a note on one exercise. "" or why it was refused, which text_problem() keeps for
  // that field until it is next accepted.
  std::string set_text(const TextTarget& target, std::string_view typed);
  std::string text(const TextTarget& target) const;
  const std::string& text_problem(const TextTarget& target) const;
  // Characters typed into a field, to show how many are left.
  std::size_t text_chars(const TextTarget& target) const;

  // The draft as a link: "" and last_link() set (waiting to be copied), or why not, which
  // share_problem() keeps.
  std::string share(const catalogue::Catalogue& catalogue);
  const std::string& share_problem() const { return state_.share_problem; }
  const std::string& last_link() const { return state_.last_link; }
  // The draft's link as it stands, or "" when it would not open. Changes nothing.
  std::string link_now(const catalogue::Catalogue& catalogue) const;
  LinkCopy link_copy() const { return state_.link_copy; }
  std::string link_copied(bool ok);  // "" or why there is nothing to report on

  // Why the last save was refused, kept until the draft next changes.
  const std::string& save_problem() const { return state_.save_problem; }
  void save_refused(std::string why) { state_.save_problem = std::move(why); }
  void edited() { state_.save_problem.clear(); }

 private:
  struct State {
    std::optional<catalogue::Routine> routine;
    std::optional<catalogue::Routine> opened;              // as it was stored: does the version go up?
    catalogue::Routine first;                              // as it was opened, stored or not
    std::array<std::string, kTextFields> text_problems{};  // by TextField
    std::size_t item_note_problem_at = 0;                  // which exercise's note the item_note refusal is for
    std::string share_problem;
    std::string last_link;
    LinkCopy link_copy = LinkCopy::none;
    std::string save_problem;
  };
  State state_;
};

}  // namespace limber::app

template <>
struct limber::json::EnumNames<limber::app::LinkCopy> {
  using E = limber::app::LinkCopy;
  static constexpr std::array<std::pair<E, std::string_view>, 4> values{{
      {E::none, "none"}, {E::pending, "pending"}, {E::copied, "copied"}, {E::refused, "refused"}}};
};
