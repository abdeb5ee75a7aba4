// Test helper: checks that a list of problems holds one, formatted exactly as people see it.
#pragma once

#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "catalogue/problems.h"

namespace limber::test {

inline void expect_problem(const std::vector<catalogue::Problem>& problems, const std::string& expected) {
  std::string all;
  bool found = false;
  for (const auto& p : problems) {
    all += catalogue::format(p) + "\n";
    found = found || catalogue::format(p) == expected;
  }
  CHECK_MESSAGE(found, "expected: " << expected << "\ngot:\n" << all);
}

}  // namespace limber::test
