#pragma once
// Timestamps are stored as ISO 8601 UTC text with second precision
// ("2026-11-25T16:57:28Z") in both engines, so they compare correctly as strings.
#include <chrono>
#include <string>

namespace changwat {

using Clock = std::chrono::system_clock;

std::string iso_utc(Clock::time_point when);
std::string iso_utc_now();

}  // namespace changwat
