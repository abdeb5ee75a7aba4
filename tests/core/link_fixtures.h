// Test helpers for routine links: opening a fragment on the shipped catalogue, and the sentence
// a link is refused with (checking it is refused with no routine).
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "animation_fixtures.h"
#include "links/routine_link.h"

namespace limber::test {

inline links::LinkResult open_link(std::string_view fragment) { return links::decode_routine_link(fragment, shipped_catalogue()); }

inline std::string refused(std::string_view fragment) {
  const links::LinkResult r = open_link(fragment);
  CHECK_FALSE(r.ok());
  CHECK_FALSE(r.error.empty());
  return r.error;
}

}  // namespace limber::test
