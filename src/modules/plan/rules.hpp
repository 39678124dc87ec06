#pragma once
// Field rules of plans and elements that need no database: limits on text, the
// shape of the tree (which kind may hang under which), KPI targets inside the plan
// period, projects inside the province, known agencies and alignment codes.
// Problems are collected per field so one response names every one of them.
#include <cstddef>
#include <optional>
#include <string>

#include "base/error.hpp"
#include "modules/plan/alignment_catalog.hpp"
#include "modules/plan/model.hpp"
#include "platform/areas/area_service.hpp"

namespace changwat::plan {

// Limits in code points (what people count), shared with the API's JSON reading.
inline constexpr std::size_t kMaxCode = 30;
inline constexpr std::size_t kMaxName = 300;
inline constexpr std::size_t kMaxText = 1000;
inline constexpr std::size_t kMaxLongText = 5000;
inline constexpr std::size_t kMaxUnit = 100;
inline constexpr std::size_t kMaxShortText = 500;
inline constexpr std::size_t kMaxListItems = 300;
inline constexpr std::size_t kMaxIndicators = 50;
inline constexpr int kMaxPlanYears = 10;
inline constexpr std::int64_t kMaxBudgetSatang = 100'000'000'000'000;  // 1 trillion baht

// True if an element of `kind` may hang under `parent` (none = top level).
bool allowed_parent(ElementKind kind, std::optional<ElementKind> parent);
// "ประเด็นการพัฒนา หรือ แผนงาน" / "a strategy or a program": for error messages.
Message allowed_parents_message(ElementKind kind);

void check_plan_fields(const std::string& name_th, const std::string& name_en,
                       const PlanPeriod& period, FieldErrors& errors);

// The largest KPI value kept: past 10^15 a double no longer holds every whole unit.
inline constexpr double kMaxKpiValue = 1e15;

// What a KPI value (a target or the baseline) may be, by its unit: ร้อยละ 0–100; a
// count (คน, ราย, แห่ง, ชุมชน …) a whole number, not negative; money (บาท, ล้านบาท,
// บาท/คน/ปี …) not negative, and บาท to the satang; any value at most 10^15 in size.
// nullopt when the value fits.
std::optional<Message> kpi_value_problem(const std::string& unit_th, double value);

// Error(rule, "kpi_value_out_of_range") — 422 — when the baseline or a target does
// not fit the KPI's unit, naming `baseline_field` or `targets_field` and the year.
void check_kpi_values(const KpiDetails& kpi, const char* baseline_field = "baseline",
                      const char* targets_field = "targets");

// A fiscal year outside the Buddhist era (2400–2700): why, with the BE year when it
// looks like a Christian-era year ("2023 ดูเหมือนปี ค.ศ. ปี พ.ศ. คือ 2566").
Message fiscal_year_message(int year);

// Checks everything about one element that needs only reference data. Normalises
// what has one right form (removes duplicate dimensions and codes, clears a main
// project's ranking) and reports the rest in `errors`.
void check_element_fields(Element& element, const PlanPeriod& period,
                          const std::string& province_code, const areas::AreaService& areas,
                          const AlignmentCatalog& catalog, FieldErrors& errors);

// An ISO calendar date (YYYY-MM-DD); none if the text is not one.
std::optional<std::string> normalized_iso_date(const std::string& text);

}  // namespace changwat::plan
