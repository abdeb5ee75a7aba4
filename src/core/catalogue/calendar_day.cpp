#include "catalogue/calendar_day.h"

#include <cstdio>

namespace limber::catalogue {

CivilDate civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  CivilDate out;
  out.day = doy - (153 * mp + 2) / 5 + 1;
  out.month = mp < 10 ? mp + 3 : mp - 9;
  out.year = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (out.month <= 2 ? 1 : 0));
  return out;
}

std::int64_t days_from_civil(const CivilDate& date) {
  const std::int64_t y = date.year - (date.month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned mp = date.month > 2 ? date.month - 3 : date.month + 9;
  const unsigned doy = (153 * mp + 2) / 5 + date.day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::optional<std::int64_t> parse_day(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  int digits[8];
  int n = 0;
  for (std::size_t i = 0; i < iso.size(); ++i) {
    if (i == 4 || i == 7) continue;
    if (iso[i] < '0' || iso[i] > '9') return std::nullopt;
    digits[n++] = iso[i] - '0';
  }
  const CivilDate date{.year = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3],
                       .month = static_cast<unsigned>(digits[4] * 10 + digits[5]),
                       .day = static_cast<unsigned>(digits[6] * 10 + digits[7])};
  if (date.year < 2000 || date.year > 2099 || date.month < 1 || date.month > 12 || date.day < 1) return std::nullopt;
  const std::int64_t days = days_from_civil(date);
  const CivilDate back = civil_from_days(days);
  if (back.month != date.month || back.day != date.day) return std::nullopt;  // 31 June, 29 February 2027
  return days;
}

std::optional<std::int64_t> parse_optional_day(const std::optional<std::string>& iso) {
  return iso ? parse_day(std::string_view(*iso)) : std::nullopt;
}

std::string iso_day(std::int64_t days) {
  const CivilDate d = civil_from_days(days);
  char out[32];
  std::snprintf(out, sizeof out, "%04d-%02u-%02u", d.year, d.month, d.day);
  return out;
}

std::string day_words(std::int64_t days) {
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const CivilDate d = civil_from_days(days);
  return std::to_string(d.day) + " " + kMonths[(d.month - 1) % 12] + " " + std::to_string(d.year);
}

int weekday(std::int64_t days) {
  // 1970-01-01 was a Thursday (3, counting Monday as 0).
  const std::int64_t w = (days + 3) % 7;
  return static_cast<int>(w < 0 ? w + 7 : w);
}

std::int64_t week_start(std::int64_t days) { return days - weekday(days); }

}  // namespace limber::catalogue
