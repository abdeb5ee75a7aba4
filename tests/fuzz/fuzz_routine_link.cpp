// libFuzzer target: the routine link decoder (links/routine_link.h) against the shipped catalogue.
//
// Each input is tried three times: as a fragment, which exercises the outer layers (length,
// prefix, version, characters, check value), and as raw payload bytes of format 2 and of format 1
// wrapped with a matching check value, which reach the structure, limit and catalogue checks that
// random fragments rarely get past a CRC-32 to. Whenever a format-2 link opens, re-encoding its
// routine must give the same link (every routine has exactly one); whenever any link opens, its
// routine written as a link must open to the same routine; otherwise abort().
//
// Build and run: see README.md, "Fuzzing the decoder" (scripts/lib.sh, fuzz_routine_link).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "catalogue/load.h"
#include "links/routine_link.h"

namespace {

using limber::links::LinkResult;

std::string read_asset(const std::string& relative) {
  std::ifstream in(std::string(LIMBER_ASSETS_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const limber::catalogue::Catalogue& shipped_catalogue() {
  static const std::string s = read_asset("catalogue/sources.json"), e = read_asset("catalogue/exercises.json"),
                           r = read_asset("catalogue/routines.json"), f = read_asset("catalogue/safety.json");
  static const limber::catalogue::LoadResult loaded =
      limber::catalogue::load({.sources = s, .exercises = e, .routines = r, .safety = f});
  if (!loaded.catalogue) {
    std::fprintf(stderr, "fuzz_routine_link: cannot load the catalogue from %s:\n%s\n", LIMBER_ASSETS_DIR,
                 limber::catalogue::format_report(loaded.problems).c_str());
    std::abort();
  }
  return *loaded.catalogue;
}

[[noreturn]] void broken(const char* what, std::string_view fragment) {
  std::fprintf(stderr, "fuzz_routine_link: %s\n  link: %.*s\n", what, static_cast<int>(fragment.size()), fragment.data());
  std::abort();
}

void check(std::string_view fragment) {
  const auto& catalogue = shipped_catalogue();
  const LinkResult opened = limber::links::decode_routine_link(fragment, catalogue);
  if (opened.ok() == !opened.error.empty()) broken("a result must hold either a routine or an error", fragment);
  if (!opened.ok()) return;
  std::string_view plain = fragment;
  if (!plain.empty() && plain.front() == '#') plain.remove_prefix(1);
  const std::string again = limber::links::encode_routine_link(opened.shared->routine, catalogue);
  if (opened.shared->format == 2 && again != plain) broken("a link that opens does not re-encode to itself", fragment);
  const LinkResult reopened = limber::links::decode_routine_link(again, catalogue);
  if (!reopened.ok()) broken("a re-encoded link does not open", fragment);
  if (!(reopened.shared->routine == opened.shared->routine)) broken("a re-encoded link opens to another routine", fragment);
  if (!limber::links::is_routine_link(fragment)) broken("a link that opens is not a routine link", fragment);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  shipped_catalogue();  // loaded once, before the first input
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  check(input);
  if (size <= limber::links::kMaxLinkChars) {
    check(limber::links::detail::link_from_payload(input, 2));
    check(limber::links::detail::link_from_payload(input, 1));
  }
  return 0;
}
