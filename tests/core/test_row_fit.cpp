// How many controls share a row (app/row_fit.h): as many as can show their words, one above
// the other when two cannot, a scale's rows as even as they can be.
#include <doctest/doctest.h>

#include <array>
#include <vector>

#include "app/row_fit.h"

using limber::app::fit_row;

TEST_CASE("row fit: two buttons share a row while both labels fit, and stack when one does not") {
  const std::array<float, 2> fit_side_by_side{120, 140};
  auto f = fit_row({.width = 320, .spacing = 10, .needs = fit_side_by_side});
  CHECK(f.columns == 2);
  CHECK(f.width == doctest::Approx(155));
  const std::array<float, 2> one_too_wide{120, 170};  // "No, keep going" at the largest text
  f = fit_row({.width = 320, .spacing = 10, .needs = one_too_wide});
  CHECK(f.columns == 1);
  CHECK(f.width == 320);
}

TEST_CASE("row fit: never more to a row than asked, and a label wider than the row gets the whole row") {
  const std::array<float, 3> narrow{40, 40, 40};
  CHECK(fit_row({.width = 400, .spacing = 8, .needs = narrow, .most = 2}).columns == 2);
  const std::array<float, 1> huge{900};
  const auto f = fit_row({.width = 300, .spacing = 8, .needs = huge});
  CHECK(f.columns == 1);
  CHECK(f.width == 300);
  CHECK(fit_row({.width = 300, .spacing = 8, .needs = {}}).columns == 1);
}

TEST_CASE("row fit: the pain scale's eleven numbers, in even rows") {
  const std::vector<float> normal(11, 48.0f), largest(11, 62.0f);
  // A 390 px phone at normal text: six and five.
  auto f = fit_row({.width = 350, .spacing = 8, .needs = normal, .even = true});
  CHECK(f.columns == 6);
  // At the largest text "10" needs more: three rows of 4, 4 and 3, not 5, 5 and 1.
  f = fit_row({.width = 350, .spacing = 8, .needs = largest, .even = true});
  CHECK(f.columns == 4);
  CHECK(f.width >= 62);
  // On a desktop, all eleven across.
  CHECK(fit_row({.width = 700, .spacing = 8, .needs = normal, .even = true}).columns == 11);
}
