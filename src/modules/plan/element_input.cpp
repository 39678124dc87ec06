#include "modules/plan/element_input.hpp"

#include <boost/json.hpp>
#include <charconv>

#include "http/json_kind.hpp"
#include "http/params.hpp"
#include "modules/plan/rules.hpp"

namespace changwat::plan {
namespace {

using http::JsonBody;
using http::present_as;

using http::one_of;

Message only_for(ElementKind kind) {
  return {"ใช้ได้เฉพาะ" + std::string(kind_name_th(kind)),
          "only applies to a " + std::string(kind_name_en(kind))};
}

// Finishes the body of a nested object, naming its fields' errors in the outer body
// under `prefix` ("project.", "indicators.").
void finish_nested(JsonBody& body, JsonBody& nested, const std::string& prefix) {
  try {
    nested.finish();
  } catch (const Error& error) {
    for (const auto& [field, why] : error.fields()) body.fail((prefix + field).c_str(), why);
  }
}

std::optional<int> read_year(JsonBody& body, const char* field) {
  auto year = body.optional_integer(field);
  if (!year) return std::nullopt;
  if (*year < 0 || *year > 9999) {
    body.fail(field, {"ต้องเป็นปี พ.ศ.", "must be a Buddhist-era year"});
    return std::nullopt;
  }
  return static_cast<int>(*year);
}

std::optional<std::int64_t> integer_value(const boost::json::value& value) {
  if (value.is_int64()) return value.get_int64();
  if (value.is_uint64() && value.get_uint64() <= INT64_MAX) {
    return static_cast<std::int64_t>(value.get_uint64());
  }
  if (value.is_double() && std::trunc(value.get_double()) == value.get_double() &&
      std::fabs(value.get_double()) < 9.0e15) {
    return static_cast<std::int64_t>(value.get_double());
  }
  return std::nullopt;
}

std::optional<double> number_value(const boost::json::value& value) {
  if (!value.is_number()) return std::nullopt;
  double number = value.to_number<double>();
  if (!std::isfinite(number)) return std::nullopt;
  return number;
}

// Targets as {"2566": 12, "2567": null} or [{"fiscal_year": 2566, "value": 12}].
// Years given replace those stored; years not given are kept.
void read_targets(JsonBody& body, KpiDetails& kpi) {
  const boost::json::value* raw = body.raw("targets");
  if (!raw || raw->is_null()) return;
  Message bad{"ต้องเป็น {\"ปีงบประมาณ\": ค่า} หรือรายการ {fiscal_year, value}",
              "must be {\"fiscal year\": value} or a list of {fiscal_year, value}"};
  std::vector<std::pair<int, std::optional<double>>> given;
  auto add = [&](std::optional<std::int64_t> year, const boost::json::value* value) {
    if (!year || *year < 0 || *year > 9999) {
      body.fail("targets", bad);
      return;
    }
    std::optional<double> number;
    if (value && !value->is_null()) {
      number = number_value(*value);
      if (!number) {
        body.fail("targets", {"ค่าเป้าหมายต้องเป็นตัวเลข", "a target must be a number"});
        return;
      }
    }
    given.emplace_back(static_cast<int>(*year), number);
  };
  if (raw->is_object()) {
    for (const auto& entry : raw->get_object()) {
      std::int64_t year = 0;
      auto key = entry.key();
      auto [end, error] = std::from_chars(key.data(), key.data() + key.size(), year);
      add(error == std::errc() && end == key.data() + key.size() ? std::optional(year)
                                                                 : std::nullopt,
          &entry.value());
    }
  } else if (raw->is_array()) {
    for (const auto& item : raw->get_array()) {
      if (!item.is_object()) {
        body.fail("targets", bad);
        return;
      }
      const auto* year = item.get_object().if_contains("fiscal_year");
      add(year ? integer_value(*year) : std::nullopt, item.get_object().if_contains("value"));
    }
  } else {
    body.fail("targets", bad);
    return;
  }
  if (given.size() > 50) {
    body.fail("targets", {"มีได้ไม่เกิน 50 ปี", "must have at most 50 years"});
    return;
  }
  for (const auto& [year, value] : given) {
    auto found = std::find_if(kpi.targets.begin(), kpi.targets.end(),
                              [&](const KpiTarget& target) { return target.fiscal_year == year; });
    if (found != kpi.targets.end()) {
      found->value = value;
    } else {
      kpi.targets.push_back({year, value, 1});
    }
  }
}

void read_baseline(JsonBody& body, KpiDetails& kpi) {
  if (body.has("baseline")) {
    const boost::json::value* raw = body.raw("baseline");
    if (raw->is_null()) {
      kpi.baseline_value.reset();
      kpi.baseline_year.reset();
    } else if (raw->is_object()) {
      JsonBody nested(raw->get_object());
      if (nested.has("value")) kpi.baseline_value = nested.optional_number("value");
      if (nested.has("fiscal_year")) kpi.baseline_year = read_year(nested, "fiscal_year");
      try {
        nested.finish();
      } catch (const Error& error) {
        for (const auto& [field, why] : error.fields())
          body.fail(("baseline." + field).c_str(), why);
      }
    } else {
      body.fail("baseline", {"ต้องเป็น {value, fiscal_year}", "must be {value, fiscal_year}"});
    }
  }
  if (body.has("baseline_value")) kpi.baseline_value = body.optional_number("baseline_value");
  if (body.has("baseline_year")) kpi.baseline_year = read_year(body, "baseline_year");
}

void read_kpi(JsonBody& body, KpiDetails& kpi) {
  if (auto v = body.optional_text("unit_th", kMaxUnit); v || body.has("unit_th")) {
    kpi.unit_th = v.value_or("");
  }
  if (auto v = body.optional_text("unit_en", kMaxUnit); v || body.has("unit_en")) {
    kpi.unit_en = v.value_or("");
  }
  if (auto direction = http::body_enum(body, "direction", parse_kpi_direction,
                                       "higher_is_better, lower_is_better, within_range")) {
    kpi.direction = *direction;
  }
  if (body.has("range_low")) kpi.range_low = body.optional_number("range_low");
  if (body.has("range_high")) kpi.range_high = body.optional_number("range_high");
  read_baseline(body, kpi);
  read_targets(body, kpi);
  for (auto [field, target, limit] :
       {std::tuple{"formula_th", &kpi.formula_th, kMaxLongText},
        std::tuple{"formula_en", &kpi.formula_en, kMaxLongText},
        std::tuple{"data_source_th", &kpi.data_source_th, kMaxShortText},
        std::tuple{"data_source_en", &kpi.data_source_en, kMaxShortText}}) {
    if (body.has(field)) *target = body.optional_text(field, limit).value_or("");
  }
  if (auto frequency = body.optional_text("frequency", 20)) kpi.frequency = *frequency;
  if (body.has("owner_agency")) kpi.owner_agency_code = body.optional_text("owner_agency", 40);
}

void read_indicators(JsonBody& body, ProjectDetails& project) {
  const boost::json::value* raw =
      present_as(body, "indicators", [](const boost::json::value& v) { return v.is_array(); },
                 {"ต้องเป็นรายการ", "must be a list"});
  if (!raw) return;
  std::vector<ProjectIndicator> indicators;
  for (const auto& item : raw->get_array()) {
    if (!item.is_object()) {
      body.fail("indicators", {"แต่ละรายการต้องเป็นออบเจ็กต์", "each item must be an object"});
      return;
    }
    JsonBody nested(item.get_object());
    ProjectIndicator indicator;
    if (auto level = http::body_enum(nested, "level", parse_indicator_level, "output, outcome")) {
      indicator.level = *level;
    }
    indicator.text_th = nested.text("text_th", kMaxText);
    indicator.text_en = nested.optional_text("text_en", kMaxText).value_or("");
    indicator.unit_th = nested.optional_text("unit_th", kMaxUnit).value_or("");
    indicator.target_value = nested.optional_number("target_value");
    finish_nested(body, nested, "indicators.");
    indicators.push_back(std::move(indicator));
  }
  project.indicators = std::move(indicators);
}

// Fields the nested "project" object (as the API returns it) and the flat body share;
// the kind is "kind" inside the object and "project_kind" at the top level.
void read_project_terms(JsonBody& body, const char* kind_field, ProjectDetails& project) {
  if (auto kind = http::body_enum(body, kind_field, parse_project_kind, "main, reserve")) {
    project.kind = *kind;
  }
  if (body.has("ranking")) {
    auto ranking = body.optional_integer("ranking");
    project.ranking = ranking ? std::optional<int>(static_cast<int>(*ranking)) : std::nullopt;
  }
  if (auto proposal =
          http::body_enum(body, "proposal", parse_proposal_status, "proposed, accepted")) {
    project.proposal = *proposal;
  }
  if (auto source = http::body_enum(body, "budget_source", parse_budget_source,
                                    "provincial, province_group, ministry, local, other")) {
    project.budget_source = *source;
  }
  if (body.has("first_fiscal_year")) {
    project.first_fiscal_year = read_year(body, "first_fiscal_year");
  }
  if (body.has("last_fiscal_year")) {
    project.last_fiscal_year = read_year(body, "last_fiscal_year");
  }
  if (auto term = http::body_enum(body, "term", parse_project_term, "short_term, long_term")) {
    project.term = *term;
  }
}

// The nested "project" object the API returns; accepted on input too.
void read_project_object(JsonBody& body, ProjectDetails& project) {
  const boost::json::value* raw =
      present_as(body, "project", [](const boost::json::value& v) { return v.is_object(); },
                 {"ต้องเป็นออบเจ็กต์", "must be an object"});
  if (!raw) return;
  JsonBody nested(raw->get_object());
  read_project_terms(nested, "kind", project);
  finish_nested(body, nested, "project.");
}

void read_project(JsonBody& body, ProjectDetails& project) {
  read_project_object(body, project);
  read_project_terms(body, "project_kind", project);
  if (body.has("agency")) project.agency_code = body.optional_text("agency", 40);
  if (auto list = body.optional_text_list("supporting_agencies", 50, 40)) {
    project.supporting_agency_codes = std::move(*list);
  }
  if (auto list = body.optional_text_list("areas", kMaxListItems, 8)) {
    project.area_codes = std::move(*list);
  }
  if (const auto* raw = body.raw("guideline_ids"); raw && !raw->is_null()) {
    std::vector<std::int64_t> ids;
    bool ok = raw->is_array() && raw->get_array().size() <= 50;
    if (ok) {
      for (const auto& item : raw->get_array()) {
        auto id = integer_value(item);
        if (!id) ok = false;
        if (id) ids.push_back(*id);
      }
    }
    if (!ok) {
      body.fail("guideline_ids", {"ต้องเป็นรายการรหัสองค์ประกอบ (ไม่เกิน 50)",
                                  "must be a list of element ids (at most 50)"});
    }
    project.guideline_ids = std::move(ids);
  }
  if (body.has("budget_satang"))
    project.budget_satang = body.optional_integer("budget_satang").value_or(0);
  if (body.has("objectives_th")) {
    project.objectives_th = body.optional_text("objectives_th", kMaxLongText).value_or("");
  }
  if (body.has("objectives_en")) {
    project.objectives_en = body.optional_text("objectives_en", kMaxLongText).value_or("");
  }
  if (body.has("start_date")) project.start_date = body.optional_text("start_date", 10);
  if (body.has("end_date")) project.end_date = body.optional_text("end_date", 10);
  read_indicators(body, project);
}

constexpr const char* kKpiFields[] = {
    "unit_th",        "unit_en",       "direction",    "range_low",  "range_high", "baseline",
    "baseline_value", "baseline_year", "targets",      "formula_th", "formula_en", "data_source_th",
    "data_source_en", "frequency",     "owner_agency", "target_rows"};
constexpr const char* kProjectFields[] = {"project",
                                          "project_kind",
                                          "ranking",
                                          "proposal",
                                          "agency",
                                          "supporting_agencies",
                                          "areas",
                                          "guideline_ids",
                                          "first_fiscal_year",
                                          "last_fiscal_year",
                                          "budget_source",
                                          "budget_satang",
                                          "objectives_th",
                                          "objectives_en",
                                          "start_date",
                                          "end_date",
                                          "term",
                                          "indicators",
                                          "proposed_by_agency"};

// Details only one kind has (a KPI's, a project's): read for an element of that
// kind, each of their fields refused on any other. `echoed` is a field the API
// returns that input may carry back; it is accepted and ignored.
template <class Details, class Read, std::size_t N>
void read_details(JsonBody& body, const Element& element, ElementKind kind,
                  std::optional<Details>& details, Read read, const char* echoed,
                  const char* const (&fields)[N]) {
  if (element.kind == kind) {
    if (!details) details.emplace();
    read(body, *details);
    body.raw(echoed);
    return;
  }
  for (const char* field : fields) {
    if (!body.has(field)) continue;
    body.raw(field);
    body.fail(field, only_for(kind));
  }
}

}  // namespace

void read_element(JsonBody& body, Element& element, InputMode mode) {
  if (mode == InputMode::create) {
    auto kind_text = body.text("kind", 20);
    auto kind = parse_element_kind(kind_text);
    if (!kind_text.empty() && !kind) {
      body.fail("kind", one_of("vision, mission, value, goal, strategy, guideline, kpi, program, "
                               "project"));
    }
    if (kind) element.kind = *kind;
    element.position = -1;
  } else if (auto kind_text = body.optional_text("kind", 20)) {
    auto kind = parse_element_kind(*kind_text);
    if (!kind || *kind != element.kind) {
      body.fail("kind", {"เปลี่ยนประเภทขององค์ประกอบไม่ได้", "the kind of an element cannot change"});
    }
  }
  if (body.has("parent_id")) {
    const boost::json::value* raw = body.raw("parent_id");
    if (raw->is_null()) {
      element.parent_id.reset();
    } else if (auto id = integer_value(*raw)) {
      element.parent_id = *id;
    } else {
      body.fail("parent_id", {"ต้องเป็นรหัสองค์ประกอบหรือ null", "must be an element id or null"});
    }
  }
  if (auto position = body.optional_integer("position")) {
    element.position = static_cast<int>(std::clamp<std::int64_t>(*position, -1, 1'000'000));
  }
  if (body.has("code")) element.code = body.optional_text("code", kMaxCode).value_or("");
  if (mode == InputMode::create) {
    element.text_th = body.text("text_th", kMaxText);
  } else if (body.has("text_th")) {
    element.text_th = body.text("text_th", kMaxText);
  }
  for (auto [field, target, limit] :
       {std::tuple{"text_en", &element.text_en, kMaxText},
        std::tuple{"description_th", &element.description_th, kMaxLongText},
        std::tuple{"description_en", &element.description_en, kMaxLongText}}) {
    if (body.has(field)) *target = body.optional_text(field, limit).value_or("");
  }
  if (auto list = body.optional_text_list("dimensions", 4, 20)) {
    element.dimensions.clear();
    for (const auto& item : *list) {
      if (auto dimension = parse_dimension(item)) {
        element.dimensions.push_back(*dimension);
      } else {
        body.fail("dimensions", one_of("economy, society, environment, security"));
      }
    }
  }
  if (auto list = body.optional_text_list("alignments", 50, 30)) {
    element.alignment_codes = std::move(*list);
  }
  // Echoed read-only fields are accepted and ignored.
  for (const char* field : {"id", "plan_id", "children", "demo", "plan_version"}) body.raw(field);

  read_details(body, element, ElementKind::kpi, element.kpi, read_kpi, "target_rows", kKpiFields);
  read_details(body, element, ElementKind::project, element.project, read_project,
               "proposed_by_agency", kProjectFields);
}

}  // namespace changwat::plan
