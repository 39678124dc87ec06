#pragma once
// SQL for procurements (with bidders, instalments, events), the holiday table and
// the revision row; nothing else (docs/decisions/0007-module-shape.md).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "modules/procurement/model.hpp"

namespace changwat::procurement {

class ProcurementStore {
 public:
  explicit ProcurementStore(db::Connection& connection) : connection_(connection) {}

  // The record with its bidders, instalments and events.
  std::optional<Procurement> find(std::int64_t id);
  std::vector<Procurement> for_element(std::int64_t element_id);
  std::vector<Procurement> for_action_plan(std::int64_t action_plan_id);
  // Every procurement (the read model), children included, three queries in all.
  std::vector<Procurement> all();

  std::int64_t insert(const Procurement& record, const std::optional<std::string>& demo_key);
  // One conditional UPDATE of the main row: false when the stored version is not
  // `expected_version`. Children are replaced after it by the caller's write_children.
  bool update(const Procurement& record, std::int64_t expected_version);
  void write_bidders(const Procurement& record);
  void write_instalments(const Procurement& record);
  std::int64_t insert_event(std::int64_t procurement_id, const ContractEvent& event);
  std::optional<std::int64_t> id_by_demo_key(const std::string& key);

  // The revision row, bumped first in every write transaction (orders writers), with
  // a token new to this write.
  struct Revision {
    std::int64_t number = 0;
    std::string token;
  };
  Revision bump_revision();
  Revision revision();

 private:
  void load_children(std::vector<Procurement>& records, const std::string& where,
                     const std::vector<db::Value>& params);
  db::Connection& connection_;
};

class HolidayStore {
 public:
  explicit HolidayStore(db::Connection& connection) : connection_(connection) {}
  std::optional<HolidayYear> find(int year);
  std::vector<HolidayYear> all();
  void insert_year(const HolidayYear& year);
  bool update_year(const HolidayYear& year, std::int64_t expected_version);
  void replace_days(int year, const std::vector<Holiday>& holidays);

 private:
  db::Connection& connection_;
};

}  // namespace changwat::procurement
