#pragma once
// Rules of the sample module with the database: rights, versions, audit in the same
// transaction. Calls into other modules go through their services (here the plan's)
// and run inside this module's transaction (Database::read/write join it).
#include <cstdint>
#include <string>
#include <vector>

#include "base/principal.hpp"
#include "db/database.hpp"
#include "modules/plan/service.hpp"
#include "modules/sample/model.hpp"
#include "platform/areas/area_service.hpp"

namespace changwat::sample {

struct NewItem {
  std::int64_t plan_id = 0;
  std::string title;
};

struct ItemChange {
  std::int64_t version = 0;  // the version the editor read
  std::optional<std::string> title;
  std::optional<ItemStatus> status;
};

class SampleService {
 public:
  SampleService(db::Database& database, areas::AreaService& areas, plan::PlanService& plans)
      : database_(database), areas_(areas), plans_(plans) {}

  std::vector<Item> list(const Actor& actor, std::int64_t plan_id) const;
  Item create(const Actor& actor, const NewItem& input);
  Item update(const Actor& actor, std::int64_t id, const ItemChange& change);

  // For load_demo (demo.cpp).
  db::Database& database() { return database_; }
  plan::PlanService& plans() { return plans_; }

 private:
  db::Database& database_;
  areas::AreaService& areas_;
  plan::PlanService& plans_;
};

}  // namespace changwat::sample
