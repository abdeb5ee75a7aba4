// Writes the seed corpus for fuzz_routine_link: every shipped routine, and an edited one with
// overrides, another dosage option and a note, each as a link and as its raw payload bytes.
// Generated from the current catalogue and format each run, so the seeds never go stale.
//
//     limber_fuzz_routine_link_seeds <folder>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "app/routine_editor.h"
#include "catalogue/load.h"
#include "links/routine_link.h"

namespace {

std::string read_asset(const std::string& relative) {
  std::ifstream in(std::string(LIMBER_ASSETS_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool write(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
  return static_cast<bool>(out);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: limber_fuzz_routine_link_seeds <folder>\n");
    return 2;
  }
  const std::string s = read_asset("catalogue/sources.json"), e = read_asset("catalogue/exercises.json"),
                    r = read_asset("catalogue/routines.json"), f = read_asset("catalogue/safety.json");
  const auto loaded = limber::catalogue::load({.sources = s, .exercises = e, .routines = r, .safety = f});
  if (!loaded.catalogue) {
    std::fprintf(stderr, "%s\n", limber::catalogue::format_report(loaded.problems).c_str());
    return 1;
  }
  const limber::catalogue::Catalogue& c = *loaded.catalogue;
  // Every shipped routine as a person's own in format 2 and as format 1 wrote it; an edited copy;
  // and a clinician's routine with everything a link carries.
  std::vector<std::pair<std::string, std::string>> seeds;  // name, payload bytes; format 1 ones named "v1-..."
  for (const auto& routine : c.routines) {
    limber::catalogue::Routine mine = limber::app::copy_routine(routine, c, {}, "00000000a0b1");
    seeds.push_back({routine.id, limber::links::detail::payload_bytes(mine, c)});
    seeds.push_back({"v1-" + routine.id, limber::links::detail::payload_bytes_v1(routine, "Gently.")});
  }
  limber::catalogue::Routine edited = limber::app::copy_routine(c.routines.front(), c, {}, "0123456789ab");
  for (std::size_t i = 0; i < edited.items.size(); ++i) {
    const auto* exercise = c.find_exercise(edited.items[i].exercise);
    if (exercise && exercise->dosages.size() > 1) limber::app::choose_dosage(edited, i, c, exercise->dosages.back().id);
    limber::app::step_dosage(edited, i, c, limber::app::DosageField::reps, +1);
    limber::app::step_dosage(edited, i, c, limber::app::DosageField::hold, +1);
    limber::app::step_dosage(edited, i, c, limber::app::DosageField::sets, +1);
  }
  edited.note = "Twice a day.\nStop if the pain gets worse \xe2\x80\x93 see your GP.";
  edited.schedule = limber::catalogue::Schedule{.times_a_day = 2, .days_a_week = 5, .times = {450, 1140}};
  edited.clinic = limber::catalogue::Clinic{.name = "Riverside", .phone = "020 7946 0958"};
  edited.side_that_hurts = limber::catalogue::FirstSide::right;
  edited.review_on = "2027-01-04";
  edited.items.front().note = "Slowly";
  seeds.push_back({"edited", limber::links::detail::payload_bytes(edited, c)});

  const std::filesystem::path folder = argv[1];
  std::filesystem::create_directories(folder);
  for (const auto& [name, payload] : seeds) {
    const int format = name.starts_with("v1-") ? 1 : 2;
    if (!write(folder / ("link-" + name), limber::links::detail::link_from_payload(payload, format)) ||
        !write(folder / ("payload-" + name), payload)) {
      std::fprintf(stderr, "cannot write the seeds in %s\n", folder.c_str());
      return 1;
    }
  }
  std::printf("%zu seeds in %s\n", seeds.size() * 2, folder.c_str());
  return 0;
}
