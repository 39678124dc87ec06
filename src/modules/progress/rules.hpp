#pragma once
// Progress rules that need no database: who may write a project's progress and
// photos, the fields of a monthly report, a photo's position.
#include <optional>
#include <string>
#include <string_view>

#include "base/principal.hpp"
#include "modules/progress/model.hpp"

namespace changwat::progress::rules {

inline constexpr std::size_t kMaxText = 4000;  // characters of a free-text field

// Writes on a project: its agency's officers, the strategy office and admins of its
// province; 403 otherwise (the same check as the action plan's month-end positions).
void require_writer(const Actor& actor, const std::string& province_code,
                    const std::optional<std::string>& project_agency);
// Reads: every signed-in role; a user of another province gets 404 (`what` names it).
void require_reader(const Actor& actor, const std::string& province_code);

// The fields of a report on their own: percent 0..100, indicator values named by
// their index in the project's `indicator_count` indicators, once each, finite.
void check_report(const ProgressReport& report, std::size_t indicator_count);
// A drop below the latest earlier month of the year needs a reason (422).
void check_drop(const ProgressReport& report, const std::optional<ProgressReport>& previous);

// The fiscal year (BE) a month belongs to (October starts the next one).
int fiscal_year_of(const Month& month);

// A device position from the X-Latitude / X-Longitude / X-Accuracy-M headers' text:
// both coordinates or neither, decimal degrees on the globe, not 0,0, an accuracy of
// 0..100 km. Error(rule, "invalid_position") (422) naming the header.
struct Position {
  std::optional<double> latitude;
  std::optional<double> longitude;
  std::optional<double> accuracy_m;
};
Position parse_position(std::optional<std::string_view> latitude,
                        std::optional<std::string_view> longitude,
                        std::optional<std::string_view> accuracy_m);
// An ISO date-time from a device (X-Taken-At): "YYYY-MM-DDTHH:MM[:SS[.fff]]" with "Z" or
// an offset; nullopt when it is not one.
std::optional<std::string> parse_taken_at(std::string_view text);

}  // namespace changwat::progress::rules
