#pragma once
// Rules of the annual action plan and its money: who may do what, allocations,
// spending plans, month-end positions (entered or imported), spending rollups,
// reserve proposals and promotions, national targets. Every change runs in one
// transaction with its audit entry and bumps the action plan's revision; the
// in-memory ledger (ledger.hpp) is then updated at once, so GET …/spending
// reflects each write without a batch job.
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/principal.hpp"
#include "db/database.hpp"
#include "modules/action_plan/ledger.hpp"
#include "modules/action_plan/model.hpp"
#include "modules/action_plan/rules.hpp"
#include "modules/plan/service.hpp"
#include "platform/areas/area_service.hpp"

namespace changwat::action_plan {

// One consistent view of an action plan: its money and the plan's projects.
struct ActionPlanView {
  std::shared_ptr<const Ledger> ledger;
  std::shared_ptr<const PlanIndex> index;
  std::vector<Promotion> promotions;  // filled by detail() only
};

struct NewActionPlan {
  std::int64_t plan_id = 0;
  int fiscal_year = 0;
  std::optional<std::string> name_th;
  std::optional<std::string> name_en;
  // The projects of the plan's version in force whose period covers the year are
  // added (with the plan's kind, ranking, source and amount) unless false.
  bool include_plan_projects = true;
};

// Adding a plan project to an action plan; unset fields come from the plan.
struct ProjectInput {
  std::int64_t element_id = 0;
  std::optional<ProjectKind> kind;
  std::optional<int> ranking;
  std::optional<BudgetSource> budget_source;
  std::optional<Satang> requested;
  std::optional<int> priority;
  std::optional<Readiness> readiness;
};

// Changing a project of the action plan; unset fields stay.
struct ProjectChange {
  std::optional<int> ranking;
  std::optional<BudgetSource> budget_source;
  std::optional<Satang> requested;
  std::optional<std::optional<int>> priority;
  std::optional<bool> design_ready;
  std::optional<bool> land_ready;
  std::optional<bool> contract_ready;
};

struct LinePlanInput {
  std::optional<std::string> gfmis_code;  // may be left out for a single-line project
  std::vector<PlannedPoint> months;
};

struct LineInstalmentsInput {
  std::optional<std::string> gfmis_code;
  std::vector<Instalment> instalments;
};

struct PositionInput {
  Month month;
  std::optional<std::string> gfmis_code;
  Satang po_outstanding = 0;
  Satang disbursed_to_date = 0;
};

struct PositionResult {
  std::shared_ptr<const ProjectBook> book;
  std::string gfmis_code;
  Position position;
  Satang disbursed_in_month = 0;  // derived: this month's to-date minus the previous one's
  int fiscal_year = 0;
};

struct ReserveProposals {
  std::shared_ptr<const Ledger> ledger;  // keeps the candidates' books alive
  std::shared_ptr<const PlanIndex> index;
  std::map<BudgetSource, Satang> savings;
  std::vector<ReserveCandidate> candidates;  // best-ranked first
};

struct PromotionResult {
  Promotion promotion;
  std::shared_ptr<const ProjectBook> book;
  std::optional<int> plan_version;  // the plan version showing the change
};

// A month-end import: the rows written, or every bad row.
struct ImportRowProblem {
  std::size_t row = 0;  // the line of the file (header = 1) or the sheet's row number
  std::string column;
  Message message;
};

// Error(rule, "import_invalid") with each bad row; nothing was stored.
class ImportRejected : public Error {
 public:
  ImportRejected(std::vector<ImportRowProblem> rows, std::size_t total);
  const std::vector<ImportRowProblem>& rows() const { return rows_; }
  std::size_t total() const { return total_; }

 private:
  std::vector<ImportRowProblem> rows_;
  std::size_t total_;
};

struct ImportResult {
  std::size_t imported = 0;
  std::string layout;  // "satang_csv", "gfmis"
};

struct TargetsView {
  std::vector<DisbursementTarget> targets;
  std::vector<CommitmentDeadline> deadlines;
};

struct TargetChange {
  DisbursementTarget target;                     // key fields, percent (none clears), source, note
  std::optional<std::int64_t> expected_version;  // none when the row does not exist yet
};

// Uploads of this size or more are refused (413): a file must be under 50 MB. The
// import route lets the server read bodies up to kImportBodyLimit, so a file a little
// over gets this message rather than the server's generic one.
inline constexpr std::size_t kMaxImportBytes = 50u * 1000u * 1000u;
inline constexpr std::size_t kImportBodyLimit = 64u * 1024u * 1024u;

class ActionPlanService {
 public:
  ActionPlanService(db::Database& database, areas::AreaService& areas, plan::PlanService& plans);
  ~ActionPlanService();
  ActionPlanService(const ActionPlanService&) = delete;
  ActionPlanService& operator=(const ActionPlanService&) = delete;

  // ---- Reading (public) ----
  std::vector<ActionPlan> list(const Actor& actor) const;
  ActionPlanView detail(const Actor& actor, std::int64_t id) const;
  SpendingReport spending(const Actor& actor, std::int64_t id, GroupBy by) const;
  // The same as the JSON of GET …/spending, kept while the ledger, the plan's tree and
  // the national targets are unchanged (by=project is megabytes for a big province).
  std::shared_ptr<const std::string> spending_json(const Actor& actor, std::int64_t id,
                                                   GroupBy by) const;
  ReserveProposals reserve_proposals(const Actor& actor, std::int64_t id) const;
  TargetsView targets(std::optional<int> fiscal_year) const;
  // Signed-in staff: one project's lines with every month-end position.
  ActionPlanView project_positions(const Actor& actor, std::int64_t id,
                                   std::int64_t element_id) const;

  // ---- Strategy office and admins ----
  ActionPlan create(const Actor& actor, const NewActionPlan& input);
  ActionPlan close(const Actor& actor, std::int64_t id, std::optional<std::int64_t> version);
  std::shared_ptr<const ProjectBook> add_project(const Actor& actor, std::int64_t id,
                                                 const ProjectInput& input);
  std::shared_ptr<const ProjectBook> update_project(const Actor& actor, std::int64_t id,
                                                    std::int64_t element_id,
                                                    const ProjectChange& change,
                                                    std::int64_t expected_version);
  std::shared_ptr<const ProjectBook> cancel_project(const Actor& actor, std::int64_t id,
                                                    std::int64_t element_id,
                                                    const std::string& reason_th,
                                                    std::int64_t expected_version);
  std::shared_ptr<const ProjectBook> set_allocation(const Actor& actor, std::int64_t id,
                                                    std::int64_t element_id,
                                                    std::vector<LineInput> lines,
                                                    std::optional<std::string> decision_ref,
                                                    std::int64_t expected_version);
  std::shared_ptr<const ProjectBook> set_spending_plan(const Actor& actor, std::int64_t id,
                                                       std::int64_t element_id,
                                                       std::vector<LinePlanInput> lines,
                                                       std::int64_t expected_version);
  std::shared_ptr<const ProjectBook> set_instalments(const Actor& actor, std::int64_t id,
                                                     std::int64_t element_id,
                                                     std::vector<LineInstalmentsInput> lines,
                                                     std::int64_t expected_version);
  // Consent to pay a line's carried-over money after six months (until `until`).
  std::shared_ptr<const ProjectBook> set_carry_over(const Actor& actor, std::int64_t id,
                                                    std::int64_t element_id,
                                                    std::optional<std::string> gfmis_code,
                                                    std::optional<Month> until,
                                                    std::optional<std::string> consent_th,
                                                    std::int64_t expected_version);
  PromotionResult promote(const Actor& actor, std::int64_t id, const PromotionInput& input);
  // Admins: a national target (percent none = not announced).
  DisbursementTarget set_target(const Actor& actor, const TargetChange& change);

  // ---- Month-end positions (also the project's own agency officer) ----
  PositionResult set_position(const Actor& actor, std::int64_t id, std::int64_t element_id,
                              const PositionInput& input);
  // CSV (UTF-8 or TIS-620) or XLSX; all or nothing (ImportRejected lists every bad row).
  ImportResult import_positions(const Actor& actor, std::int64_t id, std::string_view bytes,
                                std::string_view content_type);

  // ---- For the demo loader, exports, benchmarks and other modules ----
  std::optional<std::int64_t> id_by_demo_key(std::string_view demo_key) const;
  // The view without permission checks (exports are public documents).
  ActionPlanView view(std::int64_t id) const;
  std::pair<std::string, std::string> group_name(GroupBy by, const std::string& key) const;
  TargetLine target_line(int fiscal_year) const;
  // Writes a demo or benchmark action plan in one transaction: projects with their
  // lines, spending plans and positions as given (rules are the caller's concern).
  std::int64_t import_books(const Actor& actor, const ActionPlan& header,
                            const std::vector<ProjectBook>& books);
  plan::PlanService& plans() const { return plans_; }
  areas::AreaService& areas() const { return areas_; }
  db::Database& database() const { return database_; }

 private:
  struct Cache;
  std::shared_ptr<const PlanIndex> plan_index(std::int64_t plan_id) const;
  std::shared_ptr<const Ledger> ledger(std::int64_t id) const;
  void remember(std::shared_ptr<const Ledger> ledger) const;
  // After a committed change at `revision`: swap the project's book into the cached
  // ledger (or forget the ledger when it missed a revision).
  void apply(const ActionPlan& header, std::shared_ptr<const ProjectBook> book) const;
  void forget(std::int64_t id) const;
  void seed_targets();

  db::Database& database_;
  areas::AreaService& areas_;
  plan::PlanService& plans_;
  std::unique_ptr<Cache> cache_;
};

}  // namespace changwat::action_plan
