#pragma once
// A meeting pack as plain data in, bytes out: what the service gathers from the
// action plan (spending against the national target by agency), progress (delayed
// projects), procurement (contracts not signed by the commitment deadline, overdue
// instalments), monitoring (open warnings), this module (open and overdue directives)
// and KPI results, and the writers of its Thai PDF and Excel workbook.
#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/follow_up/model.hpp"

namespace changwat::follow_up {

using Satang = std::int64_t;

struct AgencySpending {
  std::string code;
  std::string name_th;
  int projects = 0;
  Satang allocated = 0;
  Satang disbursed = 0;
  std::optional<double> percent;         // disbursed of allocated
  std::optional<double> target_percent;  // the national target of the latest quarter end reached
  bool behind_target = false;
};

struct ProjectLine {
  std::int64_t element_id = 0;
  std::string code;
  std::string name_th;
  std::string agency_th;
};

struct DelayedProject {
  ProjectLine project;
  double physical_percent = 0;
  std::string month_th;  // the month of the report that says delayed
};

struct LateProcurement {
  ProjectLine project;
  std::string title_th;
  std::string due_on;  // the commitment deadline (ISO)
  std::string rule_th;
  Satang reference_price = 0;
};

struct OverdueInstalmentLine {
  ProjectLine project;
  int number = 0;
  std::string due_on;
  Satang amount = 0;
  int days_overdue = 0;
};

struct OpenWarning {
  std::string kind_th;
  std::string agency_th;
  std::string message_th;
  std::string due_on;
  bool past_due = false;
};

struct DirectiveLine {
  std::int64_t id = 0;
  std::string meeting_th;
  std::string text_th;
  std::string agency_th;
  std::string due_on;
  std::string status_th;
  bool overdue = false;
};

struct KpiLine {
  std::string code;
  std::string text_th;
  std::optional<double> target;
  std::optional<double> value;
  std::optional<double> score;
};

struct PackData {
  std::string province_th;
  std::string committee_th;
  std::string meeting_title_th;
  std::string held_on;  // ISO
  std::string as_of;    // ISO: the day the data was read
  int fiscal_year = 0;
  std::optional<std::string> action_plan_th;  // none: no action plan for the year
  std::vector<AgendaItem> agenda;
  std::vector<Attendee> attendees;
  std::vector<AgencySpending> agencies;
  Satang allocated = 0;
  Satang disbursed = 0;
  int projects = 0;
  std::vector<DelayedProject> delayed;
  std::vector<LateProcurement> late_procurements;
  std::vector<OverdueInstalmentLine> overdue_instalments;
  std::vector<OpenWarning> warnings;
  std::vector<DirectiveLine> directives;
  std::vector<KpiLine> kpis;
  std::optional<double> province_score;
  bool demo = false;
};

// The figures the API shows of an issued pack (stored with it, never recomputed).
boost::json::object pack_summary(const PackData& data);

std::string pack_pdf(const PackData& data);
std::string pack_workbook(const PackData& data);

}  // namespace changwat::follow_up
