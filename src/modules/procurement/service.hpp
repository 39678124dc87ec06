#pragma once
// Rules of procurements and contracts with the database: rights (the project's
// agency's officers, the strategy office, admins), versions (stale -> 409), one
// transaction per change with its audit entry, the holiday table, the documents
// (สขร.1, the monthly ITA summary) and the read model the monitoring module calls.
//
// The read model: every write bumps one revision row in its transaction; the service
// keeps an immutable Snapshot of every procurement (with its stage and deadlines for
// one day), rebuilt when the stored revision or the day differs and patched in place
// after this server's own writes. Readers share it: a dashboard or warning pass for
// 2,000 projects reads vectors, it does not query per project.
#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/principal.hpp"
#include "db/database.hpp"
#include "modules/action_plan/service.hpp"
#include "modules/procurement/model.hpp"
#include "modules/procurement/rules.hpp"
#include "thai/calendar.hpp"

namespace changwat::procurement {

// ---- What the monitoring module reads (ProcurementService::snapshot) ----

// One procurement as dashboards and warnings see it.
struct ProcurementSummary {
  std::int64_t id = 0;
  std::string province_code;
  std::int64_t element_id = 0;
  std::int64_t action_plan_id = 0;
  int fiscal_year = 0;  // BE
  std::optional<std::string> agency_code;
  std::string title_th;
  std::optional<std::string> egp_project_number;
  Method method = Method::specific;
  Stage stage = Stage::preparing;
  Satang reference_price_satang = 0;
  std::optional<Satang> contract_value_satang;
  std::optional<std::string> contract_signed;  // ISO
  bool multi_year = false;
  std::vector<Deadline> deadlines;  // for the snapshot's day
  bool demo = false;
};

// A procurement whose Cabinet commitment deadline passed with no contract signed by
// it (contract_signed is set when it was signed late).
struct UncommittedProcurement {
  const ProcurementSummary* procurement = nullptr;  // lives as long as the snapshot
  std::string deadline_key;                         // "single_year_procurement", …
  std::string due_on;                               // ISO
  std::string rule_th;
  std::string rule_en;
};

// An instalment due before the day and not yet inspected and accepted.
struct OverdueInstalment {
  const ProcurementSummary* procurement = nullptr;
  int number = 0;
  std::string due_on;  // ISO
  Satang amount_satang = 0;
  std::optional<std::string> contract_number;
  int days_overdue = 0;  // calendar days after due_on
};

// A deadline (any rule) whose `met` is false on the snapshot's day.
struct LateDeadline {
  const ProcurementSummary* procurement = nullptr;
  const Deadline* deadline = nullptr;
};

// Which procurements a query covers; unset = all.
struct Scope {
  std::optional<std::string> province_code;
  std::optional<int> fiscal_year;  // BE
  std::optional<std::string> agency_code;
};

// Procurements per stage for a set of projects, plus the projects with none.
struct StageCounts {
  std::array<int, kStageCount> by_stage{};  // indexed by Stage
  int projects_without_procurement = 0;
  int count(Stage stage) const { return by_stage[static_cast<std::size_t>(stage)]; }
};

// Every procurement with its stage and deadlines as of `today`. Immutable; pointers
// into it stay valid while the shared_ptr is held.
struct Snapshot {
  std::int64_t revision = 0;
  std::string token;
  thai::Date today{1970, 1, 1};
  std::vector<ProcurementSummary> procurements;                           // by id
  std::unordered_map<std::int64_t, std::vector<std::size_t>> by_element;  // element -> indexes
  struct Due {
    std::size_t procurement = 0;
    int number = 0;
    std::string due_on;
    Satang amount_satang = 0;
    std::optional<std::string> contract_number;
  };
  std::vector<Due> open_instalments;  // not yet accepted, by due date

  // The least advanced stage among the project's procurements that are not
  // terminated (what holds the project back); none when it has no procurement.
  std::optional<Stage> project_stage(std::int64_t element_id) const;
  StageCounts stage_counts(const std::vector<std::int64_t>& element_ids) const;
  std::vector<UncommittedProcurement> not_committed(const Scope& scope) const;
  std::vector<OverdueInstalment> overdue_instalments(const Scope& scope) const;
  std::vector<LateDeadline> late_deadlines(const Scope& scope) const;
};

// ---- Writes ----

// POST /projects/{element_id}/procurements and PUT /procurements/{id}: the whole
// record (absent optional fields are cleared).
struct ProcurementInput {
  std::optional<int> fiscal_year;  // POST: which action plan; default the latest with the project
  std::optional<std::string> title_th;  // default: the project's name (create), unchanged (update)
  Method method = Method::specific;
  std::optional<Satang> budget_satang;  // default: the reference price
  Satang reference_price_satang = 0;
  std::optional<std::string> method_reason_th;
  std::optional<std::string> legal_ground;
  std::optional<std::string> egp_project_number;
  bool in_e_catalog = false;
  bool multi_year = false;
  bool plan_exempt = false;
  std::optional<bool> tor_hearing;  // default: required above the threshold
  std::optional<std::string> allocated_on;
  Stages stages;
  std::vector<Bidder> bidders;
  std::optional<Winner> winner;
  std::optional<std::string> contract_number;
  std::optional<Satang> contract_value_satang;
};

struct InspectionInput {
  std::string inspected_on;
  std::string committee_th;
  bool accepted = false;
  std::optional<std::string> note_th;
  std::optional<std::string> delivered_on;  // when the delivery was not recorded yet
};

struct EventInput {
  EventKind kind = EventKind::extension;
  std::string on;
  std::optional<int> days;
  std::optional<Satang> amount_satang;
  std::optional<std::string> new_end;
  std::string reason_th;
};

// A procurement with its computed deadlines (the API's answer).
struct ProcurementView {
  Procurement procurement;
  std::vector<Deadline> deadlines;
};

// One row of the สขร.1 summary (the columns in order; people read these texts).
struct SummaryRow {
  int order = 0;             // ลำดับ
  std::string title_th;      // งานที่จัดซื้อจัดจ้าง
  Satang budget_satang = 0;  // วงเงินที่จัดซื้อจัดจ้าง
  Satang reference_price_satang = 0;  // ราคากลาง
  std::string method_th;              // วิธีซื้อ/จ้าง
  std::string bidders_th;  // รายชื่อผู้เสนอราคาและราคาที่เสนอ
  std::string winner_th;  // ผู้ได้รับการคัดเลือกและราคาที่ตกลง
  std::string reason_th;  // เหตุผลที่คัดเลือก
  std::string contract_th;  // เลขที่และวันที่ของสัญญา (Buddhist era)
};

// One row of the monthly ITA procurement summary (16 fields), or none for a month
// without procurement (the document then says so on its one line).
struct ItaRow {
  int order = 0;
  int fiscal_year = 0;
  std::string agency_th;
  std::string district_th;
  std::string province_th;
  std::string ministry_th;
  std::string agency_kind_th;
  std::string title_th;
  Satang allocated_satang = 0;
  std::string budget_source_th;
  std::string status_th;
  std::string method_th;
  Satang reference_price_satang = 0;
  std::optional<Satang> agreed_satang;
  std::string winner_th;
  std::string egp_project_number;
};
struct ItaMonth {
  int year = 0;  // CE
  int month = 0;
};
struct ItaSummary {
  std::string action_plan_name_th;
  ItaMonth month;
  std::vector<ItaRow> rows;  // empty: "no procurement this month"
};

class ProcurementService {
 public:
  ProcurementService(db::Database& database, areas::AreaService& areas,
                     action_plan::ActionPlanService& action_plans);
  ~ProcurementService();
  ProcurementService(const ProcurementService&) = delete;
  ProcurementService& operator=(const ProcurementService&) = delete;

  // ---- For the monitoring module (no permission checks: figures, not records) ----
  // The read model as of `today` (default: today in Thailand). Cheap when nothing
  // changed: one revision read.
  std::shared_ptr<const Snapshot> snapshot(std::optional<thai::Date> today = std::nullopt) const;

  // ---- Reading (every signed-in role) ----
  std::vector<ProcurementView> list_for_project(const Actor& actor, std::int64_t element_id) const;
  ProcurementView get(const Actor& actor, std::int64_t id) const;
  const RuleSet& rules() const { return rules_; }
  // A year's holidays, none when the year is not loaded.
  std::optional<HolidayYear> holidays(const Actor& actor, int year) const;

  // ---- Writes: the project's agency's officers, the strategy office, admins ----
  ProcurementView create(const Actor& actor, std::int64_t element_id,
                         const ProcurementInput& input);
  // `expected_version` none: the stored one (a client that read nothing to compare).
  ProcurementView update(const Actor& actor, std::int64_t id, const ProcurementInput& input,
                         std::optional<std::int64_t> expected_version);
  // Contract administration; each bumps the procurement's version.
  ProcurementView set_instalments(const Actor& actor, std::int64_t id,
                                  std::vector<Instalment> instalments,
                                  std::optional<std::int64_t> expected_version);
  ProcurementView inspect(const Actor& actor, std::int64_t id, int number,
                          const InspectionInput& input,
                          std::optional<std::int64_t> expected_version);
  ProcurementView add_event(const Actor& actor, std::int64_t id, const EventInput& input,
                            std::optional<std::int64_t> expected_version);

  // ---- Holidays: the strategy office and admins load a year ----
  HolidayYear set_holidays(const Actor& actor, int year, const std::string& source,
                           std::vector<Holiday> holidays,
                           std::optional<std::int64_t> expected_version, bool demo = false);

  // ---- Documents (every signed-in role) ----
  // สขร.1: one row per procurement of the action plan (404 for no action plan).
  std::vector<SummaryRow> summary(const Actor& actor, std::int64_t action_plan_id) const;
  // The monthly ITA summary: the action plan's procurements with a stage date in the
  // month, each with its status at the month's end.
  ItaSummary ita_summary(const Actor& actor, std::int64_t action_plan_id, ItaMonth month) const;

  // ---- For the demo loader and tests ----
  std::optional<std::int64_t> id_by_demo_key(std::string_view key) const;
  ProcurementView import_demo(const std::string& demo_key, std::int64_t element_id,
                              const ProcurementInput& input, std::vector<Instalment> instalments,
                              std::vector<EventInput> events);
  action_plan::ActionPlanService& action_plans() const { return action_plans_; }
  db::Database& database() const { return database_; }

  struct State;  // service_detail.hpp

 private:
  struct Cache;
  struct Located;
  Located locate_project(std::int64_t element_id, std::optional<int> fiscal_year) const;
  // The calendar, Cabinet deadlines and records as of the stored revision (inside
  // the caller's transaction).
  std::shared_ptr<const State> state(db::Connection& connection) const;
  ProcurementView view_of(Procurement record) const;
  // What a change writes besides the procurement row: its bidders (an update of the
  // procurement) or its instalments (contract administration); events either way.
  enum class ChangedPart { procurement, contract };
  ProcurementView write_change(
      const Actor& actor, std::int64_t id, std::optional<std::int64_t> expected_version,
      const char* action, ChangedPart part,
      const std::function<void(Procurement&, std::vector<ContractEvent>&)>& change);
  void after_write(const std::pair<std::int64_t, std::string>& revision,
                   const std::optional<Procurement>& changed) const;

  db::Database& database_;
  areas::AreaService& areas_;
  action_plan::ActionPlanService& action_plans_;
  RuleSet rules_;
  std::unique_ptr<Cache> cache_;
};

}  // namespace changwat::procurement
