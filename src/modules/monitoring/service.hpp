#pragma once
// Early warnings and dashboards over the records of other modules, live after every
// write without a batch job and without those modules knowing this one
// (docs/decisions/0012-live-warnings-and-dashboards.md):
//
// - Each module this one reads keeps an immutable in-memory read model and swaps it
//   after each committed write (the action plan's ledger, checked against its stored
//   revision; progress, procurement and KPI snapshots, likewise). The read models'
//   addresses are the change stamp: a read of a dashboard or of the warnings asks each
//   module for its current read model (a pointer copy, or one revision query) and
//   compares them, with today's date and this module's own revision, with those the
//   last evaluation used.
// - When any differs, the warning rules (rules.hpp, pure) run over the read models for
//   the province and fiscal year (2,000 projects: about a millisecond), and the causes
//   are reconciled with the stored warnings; raises, refreshes and automatic
//   resolutions are written in one write transaction that first bumps the province's
//   monitoring revision (writers queue there; a unique index keeps one open warning per
//   cause). Dashboards are then figures over the same evaluation.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/principal.hpp"
#include "db/database.hpp"
#include "modules/action_plan/service.hpp"
#include "modules/kpi_results/service.hpp"
#include "modules/monitoring/model.hpp"
#include "modules/plan/service.hpp"
#include "modules/procurement/service.hpp"
#include "modules/progress/service.hpp"
#include "platform/areas/area_service.hpp"

namespace changwat::monitoring {

// The services monitoring reads. progress, procurement and kpis may be null (a
// deployment or a test without them): their parts of dashboards are then empty and
// their warning kinds never raised.
struct Sources {
  plan::PlanService& plans;
  action_plan::ActionPlanService& action_plans;
  progress::ProgressService* progress = nullptr;
  procurement::ProcurementService* procurement = nullptr;
  kpi_results::KpiResultsService* kpis = nullptr;
};

enum class ScopeKind { province, strategy, agency, district };

struct DashboardScope {
  ScopeKind kind = ScopeKind::province;
  std::string code;  // province code, strategy element id, agency code, district code
};

struct WarningFilter {
  int fiscal_year = 0;
  std::optional<std::string> agency_code;
  std::optional<WarningKind> kind;
  std::optional<WarningStatus> status;
};

struct Resolution {
  std::string note_th;
  std::optional<std::int64_t> expected_version;  // none: whatever is open now
};

struct SettingValue {
  const SettingInfo* info = nullptr;
  double value = 0;
  double default_value = 0;
  std::optional<std::int64_t> version;  // none while the default applies
};

struct Evaluation;

class MonitoringService {
 public:
  // `today` gives the Thai civil day the rules use (tests and benchmarks set it).
  using Today = std::function<thai::Date()>;
  MonitoringService(db::Database& database, areas::AreaService& areas, Sources sources,
                    Today today = nullptr);
  ~MonitoringService();
  MonitoringService(const MonitoringService&) = delete;
  MonitoringService& operator=(const MonitoringService&) = delete;

  // ---- Every signed-in role of the province ----
  // The warnings of the actor's province and year (evaluated first if anything changed).
  std::vector<Warning> warnings(const Actor& actor, const WarningFilter& filter) const;
  Warning warning(const Actor& actor, std::int64_t id) const;
  // The dashboard's JSON document (cached per evaluation and scope). 404 for a scope
  // outside the actor's province.
  std::shared_ptr<const std::string> dashboard(const Actor& actor, const DashboardScope& scope,
                                               std::optional<int> fiscal_year) const;
  std::vector<SettingValue> settings(const Actor& actor) const;

  // ---- The warning's agency's officers, the strategy office and admins ----
  Warning resolve(const Actor& actor, std::int64_t id, const Resolution& resolution);
  // ---- The strategy office and admins ----
  SettingValue set_setting(const Actor& actor, const std::string& key, double value,
                           std::optional<std::int64_t> expected_version);

  // ---- For the demo loader, tests and benchmarks ----
  // Evaluates (and stores) the warnings of a province and year now; returns them.
  std::vector<Warning> evaluate(const std::string& province_code, int fiscal_year) const;
  // A person's resolution without a signed-in user (demo data), marked demo.
  Warning resolve_as(const Actor& actor, std::int64_t id, const std::string& note_th,
                     bool demo_mark);
  thai::Date today() const;
  db::Database& database() const { return database_; }
  const Sources& sources() const { return sources_; }

 private:
  // Resolves the warning `found` in one transaction (the version the resolver saw, or
  // the stored one); demo resolutions are marked demo and load again without error.
  Warning write_resolution(const Actor& actor, const Warning& found, const std::string& note_th,
                           std::optional<std::int64_t> expected_version, bool demo_mark);
  struct Cache;
  std::shared_ptr<const Evaluation> current(const std::string& province_code,
                                            int fiscal_year) const;
  Settings load_settings(db::Connection& connection, const std::string& province_code) const;

  db::Database& database_;
  areas::AreaService& areas_;
  Sources sources_;
  Today today_;
  std::unique_ptr<Cache> cache_;
};

}  // namespace changwat::monitoring
