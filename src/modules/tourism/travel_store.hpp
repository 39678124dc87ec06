#pragma once
// SQL for the travel side of routes: stops (piers, communities), routes, trips with
// their timetables, service notices.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "modules/tourism/model.hpp"

namespace changwat::tourism {

class TravelStore {
 public:
  explicit TravelStore(db::Connection& connection) : connection_(connection) {}

  std::int64_t insert_stop(const Stop& stop, const std::optional<std::string>& demo_key);
  std::optional<std::int64_t> stop_by_demo_key(const std::string& demo_key);
  std::vector<Stop> stops(const std::string& province_code);
  std::int64_t insert_route(const Route& route, const std::optional<std::string>& demo_key);
  std::optional<std::int64_t> route_by_demo_key(const std::string& demo_key);
  std::optional<Route> find_route(std::int64_t id);
  std::vector<Route> routes(const std::string& province_code);
  std::int64_t insert_trip(const Trip& trip);
  std::vector<Trip> trips(const std::string& province_code);
  std::int64_t insert_notice(const Notice& notice);
  std::vector<Notice> notices(const std::string& province_code, const std::string& now);

 private:
  db::Connection& connection_;
};

}  // namespace changwat::tourism
