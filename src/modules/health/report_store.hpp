#pragma once
// SQL of the reads that join across the module's tables: masked lists, the team's
// day, chains, the EOC board and the 506 rows. Each is one or a few indexed queries:
// the board reads the contacts' kept last-visit status, never the visits.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "modules/health/model.hpp"

namespace changwat::health {

struct ChainCase {
  std::int64_t id = 0;
  std::string case_number;
  Classification classification = Classification::pui;
  std::optional<std::int64_t> source_case_id;
};
struct ChainContact {
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  ContactStatus status = ContactStatus::following;
  std::string name;
};

struct Row506 {
  std::string case_number;
  std::string disease_code;
  int episode = 1;
  std::int64_t person_id = 0;
  IdType id_type = IdType::other;
  std::optional<std::string> id_number;
  std::string name;
  Classification classification = Classification::pui;
  std::optional<std::string> onset_on;
  std::string reported_on;
  InfectedIn infected_in = InfectedIn::local;
  std::optional<std::string> district_code;
  std::string retention_until;
};

struct ContactCounts {
  std::int64_t under_follow_up = 0;
  std::int64_t seen_today = 0;
  std::int64_t not_seen = 0;
};

class ReportStore {
 public:
  explicit ReportStore(db::Connection& connection) : connection_(connection) {}

  std::vector<CaseRow> cases(const std::string& province_code,
                             std::optional<std::int64_t> outbreak_id, std::int64_t limit,
                             std::int64_t offset);
  // A day's screenings (the day in Thailand), newest first, at most `limit`.
  std::vector<ScreeningRow> screenings(const std::string& province_code, const std::string& day,
                                       std::optional<std::int64_t> checkpoint_id,
                                       std::int64_t limit);
  std::vector<FollowUpRow> day(const std::string& province_code, const std::string& date,
                               std::optional<std::int64_t> team_id);

  // At most `limit` cases (by cluster, or reported from a day on), oldest first.
  std::vector<ChainCase> chain_cases(const std::string& province_code,
                                     std::optional<std::int64_t> cluster_id,
                                     const std::optional<std::string>& from, std::int64_t limit);
  // Contacts (not converted) of the same selection of cases, at most `limit`.
  std::vector<ChainContact> chain_contacts(const std::string& province_code,
                                           std::optional<std::int64_t> cluster_id,
                                           const std::optional<std::string>& from,
                                           std::int64_t case_limit, std::int64_t limit);

  std::vector<std::pair<Classification, std::int64_t>> cases_by_class(std::int64_t outbreak_id,
                                                                      const std::string& date,
                                                                      bool that_day_only);
  std::vector<std::pair<InfectedIn, std::int64_t>> cases_by_origin(std::int64_t outbreak_id,
                                                                   const std::string& date);
  ContactCounts contacts(std::int64_t outbreak_id, const std::string& date,
                         const std::string& not_seen_since);
  // Contacts visited on a past day (from the visits of that day; today's board reads
  // the contacts' kept last-visit status instead).
  std::int64_t seen_on(std::int64_t outbreak_id, const std::string& date);
  // The district's last local confirmed case of the disease reported up to `date` (one
  // index seek).
  std::optional<std::string> last_local_case(const std::string& province_code,
                                             const std::string& disease_code,
                                             const std::string& district_code,
                                             const std::string& date);
  std::optional<std::string> first_outbreak_start(const std::string& province_code,
                                                  const std::string& disease_code);
  std::int64_t notices_overdue(std::int64_t outbreak_id, const std::string& now);

  void rows_506(const std::string& province_code, const std::string& from, const std::string& to,
                std::optional<std::int64_t> outbreak_id,
                const std::function<void(const Row506&)>& on_row);

 private:
  db::Connection& connection_;
};

}  // namespace changwat::health
