#pragma once
// The one row mapping of each record (db/row_reader.hpp) and its column list, shared
// by the stores (stores.cpp) and the joined reads (report_store.cpp). Internal to the
// module's store files.
#include <string>
#include <vector>

#include "db/database.hpp"
#include "modules/health/model.hpp"

namespace changwat::health {

inline constexpr const char* kPersonColumns =
    "id, province_code, id_type, id_number, name, phone, demo, anonymised, created_at";
inline constexpr const char* kCaseColumns =
    "id, province_code, outbreak_id, case_number, person_id, classification, onset_on, "
    "reported_on, infected_in, district_code, place_of_care, outcome, episode, source_case_id, "
    "from_contact_id, cluster_id, suspected_at, notice_due_at, notified_at, demo, version";
inline constexpr const char* kContactColumns =
    "id, province_code, outbreak_id, case_id, event_id, person_id, last_contact_on, exposure, "
    "risk, follow_up_until, team_id, district_code, status, last_visit_on, last_visit_status, "
    "converted_case_id, demo";
inline constexpr const char* kFollowUpColumns =
    "id, contact_id, team_id, due_on, visit, performed, symptoms, done_at, done_by";

// `columns` with each name prefixed by `alias.` (for joins).
std::string qualified(const char* columns, const char* alias);

// Each reads its columns from `first` on.
Person person_from(const db::Row& row, std::size_t first = 0);
Checkpoint checkpoint_from(const db::Row& row);
Case case_from(const db::Row& row, std::size_t first = 0);
Contact contact_from(const db::Row& row, std::size_t first = 0);
FollowUp follow_up_from(const db::Row& row, std::size_t first = 0);

inline constexpr std::size_t kPersonColumnCount = 9;
inline constexpr std::size_t kCaseColumnCount = 21;
inline constexpr std::size_t kContactColumnCount = 17;
inline constexpr std::size_t kFollowUpColumnCount = 9;

template <class T, class Map>
std::vector<T> all_rows(db::Connection& connection, const std::string& sql,
                        const std::vector<db::Value>& params, Map map) {
  std::vector<T> items;
  for (const auto& row : connection.query(sql, params)) items.push_back(map(row));
  return items;
}

}  // namespace changwat::health
