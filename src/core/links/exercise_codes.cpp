#include "links/exercise_codes.h"

namespace limber::links {

namespace {

// Append only (see exercise_codes.h). Code 0 is never given.
constexpr ExerciseCode kCodes[] = {
    {1, "single_knee_hug_in_bed", {"bhf", "sos_physio", "bed_article"}},
    {2, "double_knee_hug_in_bed", {"bhf", "sos_physio"}},
    {3, "single_leg_hug", {"start_small"}},
    {4, "double_leg_hug", {"start_small"}},
    {5, "knee_to_chest_stretch", {"bed_article"}},
    {6, "lower_back_stretch_legs_straight", {"bed_article"}},  // now single_knee_hug_in_bed's (catalogue: merged)
    {7, "rocking_knee_hug", {"clinic"}},
    {8, "cat_cow", {"several_breaths", "eight_to_ten"}},
    {9, "pelvic_tilt", {"nhs", "starting_out", "hold_a_few_seconds"}},
    {10, "knee_rolls", {"nhs", "up_to_fifteen"}},
    {11, "lying_spinal_twist", {"bed_article"}},
    {12, "bottom_to_heels_stretch", {"nhs"}},
    {13, "back_extensions", {"nhs"}},
    {14, "deep_abdominal_strengthening", {"nhs"}},
    {15, "figure_four_stretch", {"bed_article"}},
    {16, "lying_hip_flexor_stretch", {"bed_article"}},
    {17, "leg_extensions", {"bed_article"}},
    {18, "childs_pose_on_bed", {"bed_article"}},
    {19, "relaxation", {"limber"}},
    {20, "seated_thoracic_rotation", {"clinic"}},
    {21, "sacroiliac_knee_rock", {"clinic"}},
    {22, "sacroiliac_hip_rotation", {"clinic"}},
    {23, "dead_bug_level_one", {"clinic"}},
    {24, "side_bends", {"limber"}},};

}  // namespace

std::span<const ExerciseCode> exercise_codes() { return kCodes; }

const ExerciseCode* code_of_exercise(std::string_view exercise_id) {
  for (const ExerciseCode& entry : kCodes) {
    if (entry.exercise == exercise_id) return &entry;
  }
  return nullptr;
}

const ExerciseCode* exercise_of_code(std::uint32_t code) {
  for (const ExerciseCode& entry : kCodes) {
    if (entry.code == code) return &entry;
  }
  return nullptr;
}

std::optional<std::uint8_t> option_index(const ExerciseCode& entry, std::string_view option_id) {
  for (std::size_t i = 0; i < entry.options.size(); ++i) {
    if (!entry.options[i].empty() && entry.options[i] == option_id) return static_cast<std::uint8_t>(i);
  }
  return std::nullopt;
}

}  // namespace limber::links
