#include "modules/kpi_results/model.hpp"

#include "base/enum_names.hpp"

namespace changwat::kpi_results {
namespace {

constexpr EnumNames<Period, 5> kPeriods{{"Q1", "Q2", "Q3", "Q4", "year"}};
constexpr EnumNames<Direction, 2> kDirections{{"higher_is_better", "lower_is_better"}};

}  // namespace

std::string_view to_string(Period period) { return kPeriods.name(period); }
std::optional<Period> parse_period(std::string_view text) { return kPeriods.parse(text); }
std::string_view to_string(Direction direction) { return kDirections.name(direction); }
std::optional<Direction> parse_direction(std::string_view text) { return kDirections.parse(text); }

}  // namespace changwat::kpi_results
