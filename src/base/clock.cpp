#include "base/clock.hpp"

#include <ctime>

namespace changwat {

std::string iso_utc(Clock::time_point when) {
  std::time_t t = Clock::to_time_t(when);
  std::tm parts{};
  gmtime_r(&t, &parts);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return text;
}

std::string iso_utc_now() { return iso_utc(Clock::now()); }

}  // namespace changwat
