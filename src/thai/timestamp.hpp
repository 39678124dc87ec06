#pragma once
// Stored timestamps (UTC, "2026-12-01T10:30:00Z", base/clock.hpp) and days in
// Thailand (UTC+7, no daylight saving): the instants a Thai day spans, for filters,
// and a timestamp as people in Thailand read it, in the Buddhist era.
#include <optional>
#include <string>
#include <string_view>

#include "thai/calendar.hpp"

namespace changwat::thai {

// The first instant of a day in Thailand: 2026-12-02 → "2026-12-01T17:00:00Z".
// Records stamped from it up to (not including) thai_day_end_utc belong to that day.
std::string thai_day_start_utc(const Date& day);
// The first instant of the next Thai day: 2026-12-02 → "2026-12-02T17:00:00Z".
std::string thai_day_end_utc(const Date& day);

// "2026-12-01T20:30:00Z" → "2 ธ.ค. 2569 03:30 น." (or "2 ธ.ค. 2569" without the
// time); an ISO date "2026-12-01" → "1 ธ.ค. 2569". nullopt for any other text.
std::optional<std::string> format_utc_timestamp(std::string_view iso_utc, bool with_time = true,
                                                Digits digits = Digits::arabic);

}  // namespace changwat::thai
