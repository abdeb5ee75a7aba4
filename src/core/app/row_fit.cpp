#include "app/row_fit.h"

#include <algorithm>

namespace limber::app {

namespace {
float cell_width(const RowFitDesc& d, int columns) {
  return (d.width - d.spacing * static_cast<float>(columns - 1)) / static_cast<float>(columns);
}
}  // namespace

RowFit fit_row(const RowFitDesc& d) {
  const int count = static_cast<int>(d.needs.size());
  if (count == 0) return {.columns = 1, .width = d.width};
  const float need = *std::max_element(d.needs.begin(), d.needs.end());
  int columns = d.most > 0 ? std::min(d.most, count) : count;
  while (columns > 1 && cell_width(d, columns) < need) --columns;
  if (d.even) {
    const int rows = (count + columns - 1) / columns;
    columns = (count + rows - 1) / rows;  // the same number of rows, as even as they go
  }
  return {.columns = columns, .width = cell_width(d, columns)};
}

}  // namespace limber::app
