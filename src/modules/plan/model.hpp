#pragma once
// The provincial development plan as plain data: plans, their versions, and the
// elements of one version (vision … project). An element keeps the same
// `element_id` in every version it appears in (copy-on-revision), so links made to
// it from needs, reports or other versions keep pointing at the same thing.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace changwat::plan {

enum class ElementKind { vision, mission, value, goal, strategy, guideline, kpi, program, project };
enum class VersionStatus { draft, approved, superseded };
enum class ProjectKind { main, reserve };
enum class ProposalStatus { proposed, accepted };  // projects proposed by an agency officer
enum class ProjectTerm { short_term, long_term };
enum class Dimension { economy, society, environment, security };
enum class KpiDirection { higher_is_better, lower_is_better, within_range };
enum class BudgetSource { provincial, province_group, ministry, local, other };
enum class IndicatorLevel { output, outcome };

std::string_view to_string(ElementKind kind);
std::string_view to_string(VersionStatus status);
std::string_view to_string(ProjectKind kind);
std::string_view to_string(ProposalStatus status);
std::string_view to_string(ProjectTerm term);
std::string_view to_string(Dimension dimension);
std::string_view to_string(KpiDirection direction);
std::string_view to_string(BudgetSource source);
std::string_view to_string(IndicatorLevel level);
std::optional<ElementKind> parse_element_kind(std::string_view text);
std::optional<VersionStatus> parse_version_status(std::string_view text);
std::optional<ProjectKind> parse_project_kind(std::string_view text);
std::optional<ProposalStatus> parse_proposal_status(std::string_view text);
std::optional<ProjectTerm> parse_project_term(std::string_view text);
std::optional<Dimension> parse_dimension(std::string_view text);
std::optional<KpiDirection> parse_kpi_direction(std::string_view text);
std::optional<BudgetSource> parse_budget_source(std::string_view text);
std::optional<IndicatorLevel> parse_indicator_level(std::string_view text);

// Thai and English names of a kind, for documents and messages.
std::string_view kind_name_th(ElementKind kind);
std::string_view kind_name_en(ElementKind kind);

struct PlanPeriod {
  int first_fiscal_year = 0;  // Buddhist era, e.g. 2566
  int last_fiscal_year = 0;   // inclusive, e.g. 2570
  bool contains(int fiscal_year) const {
    return fiscal_year >= first_fiscal_year && fiscal_year <= last_fiscal_year;
  }
};

struct Plan {
  std::int64_t id = 0;
  std::string province_code;
  std::string name_th;
  std::string name_en;
  PlanPeriod period;
  std::optional<std::string> demo_key;  // set for plans loaded by `--demo`
  bool demo = false;
  std::string created_at;
  std::int64_t row_version = 1;  // optimistic concurrency for the plan row itself
  // The version in force: the latest approved one, or the first draft if none is.
  int current_version = 0;
  VersionStatus current_status = VersionStatus::draft;
  std::optional<int> approved_version;  // latest approved number
  std::optional<int> draft_version;     // the open draft, if any
};

struct PlanVersion {
  std::int64_t id = 0;  // row id (plan_version.id)
  std::int64_t plan_id = 0;
  int number = 0;
  VersionStatus status = VersionStatus::draft;
  std::optional<int> based_on;  // the approved number a revision was copied from
  std::string created_by;
  std::string created_at;
  std::optional<std::string> approved_by;
  std::optional<std::string> approved_at;
  std::optional<std::string> note;
  // Names shown to people for created_by/approved_by (display names; the command line
  // as "ผู้ดูแลระบบ (คำสั่ง)"), filled by the service from the platform's user names.
  std::string created_by_name;
  std::optional<std::string> approved_by_name;
  std::int64_t revision = 0;  // bumped on every change inside the version (cache key)
  std::int64_t row_version = 1;
  int element_count = 0;
};

struct KpiTarget {
  int fiscal_year = 0;
  std::optional<double> value;  // null: target not set yet
  std::int64_t version = 1;
};

struct KpiDetails {
  std::string unit_th;
  std::string unit_en;
  KpiDirection direction = KpiDirection::higher_is_better;
  std::optional<double> range_low;   // within_range only
  std::optional<double> range_high;  // within_range only
  std::optional<double> baseline_value;
  std::optional<int> baseline_year;  // fiscal year, BE
  std::string formula_th;            // formula or definition
  std::string formula_en;
  std::string data_source_th;
  std::string data_source_en;
  std::string frequency = "yearly";  // monthly, quarterly, half_yearly, yearly
  std::optional<std::string> owner_agency_code;
  std::vector<KpiTarget> targets;  // by fiscal year, ascending
};

struct ProjectIndicator {
  IndicatorLevel level = IndicatorLevel::output;
  std::string text_th;
  std::string text_en;
  std::string unit_th;
  std::optional<double> target_value;

  friend bool operator==(const ProjectIndicator&, const ProjectIndicator&) = default;
};

struct ProjectDetails {
  ProjectKind kind = ProjectKind::main;
  std::optional<int> ranking;  // required for reserve projects (1 = first to promote)
  ProposalStatus proposal = ProposalStatus::accepted;
  std::optional<std::string> proposed_by_agency;
  std::optional<std::string> agency_code;  // responsible agency
  std::vector<std::string> supporting_agency_codes;
  std::vector<std::string> area_codes;      // province / district / subdistrict / village
  std::vector<std::int64_t> guideline_ids;  // further guidelines it serves (element ids)
  std::optional<int> first_fiscal_year;
  std::optional<int> last_fiscal_year;
  BudgetSource budget_source = BudgetSource::provincial;
  std::int64_t budget_satang = 0;  // requested amount
  std::string objectives_th;
  std::string objectives_en;
  std::optional<std::string> start_date;  // ISO date
  std::optional<std::string> end_date;    // ISO date
  ProjectTerm term = ProjectTerm::short_term;
  std::vector<ProjectIndicator> indicators;  // outputs and outcomes
};

struct Element {
  std::int64_t element_id = 0;  // stable across versions
  std::int64_t plan_id = 0;
  std::int64_t plan_version_id = 0;
  std::optional<std::int64_t> parent_id;  // element id of the parent; none at the top
  ElementKind kind = ElementKind::vision;
  std::string code;  // "" when the element has none (vision, values)
  std::string text_th;
  std::string text_en;
  std::string description_th;
  std::string description_en;
  int position = 0;  // order among siblings, from 0
  bool demo = false;
  std::int64_t version = 1;  // optimistic concurrency
  std::vector<Dimension> dimensions;
  std::vector<std::string> alignment_codes;  // national reference targets it serves
  std::optional<KpiDetails> kpi;
  std::optional<ProjectDetails> project;
};

// One whole version, elements in tree order (parents before children, siblings by
// position). Approved versions are immutable and cached by the service.
struct PlanTree {
  Plan plan;
  PlanVersion version;
  std::vector<Element> elements;
};

// ---- What other modules read (participation: needs, coverage, search) ----

struct ElementSummary {
  std::int64_t element_id = 0;
  std::int64_t plan_id = 0;
  int version_number = 0;         // the version the text below comes from
  bool in_latest_version = true;  // false if the latest version removed it
  ElementKind kind = ElementKind::vision;
  std::string code;
  std::string text_th;
  std::string text_en;
  std::optional<ProjectKind> project_kind;
};

struct ProjectSummary {
  std::int64_t element_id = 0;
  std::int64_t plan_id = 0;
  std::string code;
  std::string text_th;
  std::string text_en;
  ProjectKind project_kind = ProjectKind::main;
  std::optional<std::string> agency_code;
  std::vector<std::string> area_codes;
  std::int64_t budget_satang = 0;
  std::vector<std::string> alignment_codes;
  bool has_alignment = false;  // linked to at least one national reference target
};

struct SearchHit {
  std::int64_t element_id = 0;
  std::int64_t plan_id = 0;
  int version_number = 0;
  std::string code;
  std::string text_th;
  std::string text_en;
  double score = 0;  // higher is better
};

// ---- Alignment with higher plans ----

struct AlignmentFramework {
  std::string key;  // national_strategy, master_plan, nesdp13, eastern_region, ...
  std::string name_th;
  std::string name_en;
  std::string source;   // where the names come from
  std::string wording;  // "official" (exact names) or "summary" (paraphrased)
};

struct AlignmentTarget {
  std::string code;  // e.g. "NS-1", "MP-03", "NESDP13-M01", "SDG-14"
  std::string framework;
  std::optional<std::string> parent_code;  // master plans point at their strategy
  int number = 0;
  std::string name_th;  // full official name
  std::string name_en;
  std::string short_th;  // short label for tables and charts
  std::string short_en;
};

struct AlignmentUse {
  AlignmentTarget target;
  std::vector<std::int64_t> element_ids;  // elements of the plan that serve it
};

struct AlignmentReport {
  std::int64_t plan_id = 0;
  int version_number = 0;
  std::vector<AlignmentUse> served;         // every catalog target with its elements
  std::vector<AlignmentTarget> not_served;  // catalog targets nothing serves
  // Strategies, guidelines and projects linked to nothing, neither themselves nor
  // through an element above them (alignment flows down the tree).
  std::vector<ElementSummary> serving_none;
  // Those aligned only through an element above them, with no link of their own.
  std::vector<ElementSummary> inherited_only;
};

// ---- Differences between two versions ----

struct FieldChange {
  std::string field;
  std::string before_json;  // JSON text of the value in the "from" version
  std::string after_json;
};

struct ElementChange {
  std::int64_t element_id = 0;
  ElementKind kind = ElementKind::vision;
  std::string code;
  std::string text_th;
  std::vector<FieldChange> changes;
};

struct PlanDiff {
  std::int64_t plan_id = 0;
  PlanVersion from;
  PlanVersion to;
  std::vector<Element> added;    // as in the "to" version
  std::vector<Element> removed;  // as in the "from" version
  std::vector<ElementChange> changed;
};

}  // namespace changwat::plan
