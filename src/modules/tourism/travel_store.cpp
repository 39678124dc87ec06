#include "modules/tourism/travel_store.hpp"

#include <boost/json.hpp>

#include "db/row_reader.hpp"
#include "db/sql.hpp"

namespace changwat::tourism {
namespace {

std::string stop_times_json(const std::vector<StopTime>& stop_times) {
  boost::json::array array;
  for (const StopTime& t : stop_times)
    array.push_back(boost::json::object{
        {"stop_id", t.stop_id}, {"arrival", t.arrival}, {"departure", t.departure}});
  return boost::json::serialize(array);
}

std::vector<StopTime> stop_times_from(const std::string& text) {
  std::vector<StopTime> stop_times;
  boost::json::value parsed = boost::json::parse(text);
  for (const auto& value : parsed.as_array()) {
    const auto& object = value.as_object();
    stop_times.push_back({object.at("stop_id").as_int64(),
                          std::string(object.at("arrival").as_string()),
                          std::string(object.at("departure").as_string())});
  }
  return stop_times;
}

std::string ids_json(const std::vector<std::int64_t>& ids) {
  boost::json::array array(ids.begin(), ids.end());
  return boost::json::serialize(array);
}

std::vector<std::int64_t> ids_from(const std::string& text) {
  std::vector<std::int64_t> ids;
  boost::json::value parsed = boost::json::parse(text);
  for (const auto& value : parsed.as_array()) ids.push_back(value.as_int64());
  return ids;
}

Route route_from(const db::Row& row) {
  Route r;
  std::string stop_ids;
  db::RowReader(row).read(r.id, r.province_code, r.name_th, r.name_en, stop_ids, r.demo);
  r.stop_ids = ids_from(stop_ids);
  return r;
}

constexpr const char* kRouteSelect =
    "SELECT id, province_code, name_th, name_en, stop_ids, demo FROM tourism_route";

}  // namespace

std::int64_t TravelStore::insert_stop(const Stop& s, const std::optional<std::string>& demo_key) {
  return db::insert_row_returning_id(
      connection_, "tourism_stop",
      "province_code, name_th, name_en, latitude, longitude, community_id, demo, demo_key",
      {s.province_code, s.name_th, s.name_en, s.latitude, s.longitude, db::nullable(s.community_id),
       std::int64_t{s.demo ? 1 : 0}, db::nullable(demo_key)});
}

std::optional<std::int64_t> TravelStore::stop_by_demo_key(const std::string& demo_key) {
  return db::query_integer(connection_, "SELECT id FROM tourism_stop WHERE demo_key = ?",
                           {demo_key});
}

std::vector<Stop> TravelStore::stops(const std::string& province_code) {
  std::vector<Stop> list;
  for (const auto& row : connection_.query(
           "SELECT id, province_code, name_th, name_en, latitude, longitude, community_id, demo "
           "FROM tourism_stop WHERE province_code = ? ORDER BY id",
           {province_code})) {
    Stop s;
    db::RowReader(row).read(s.id, s.province_code, s.name_th, s.name_en, s.latitude, s.longitude,
                            s.community_id, s.demo);
    list.push_back(s);
  }
  return list;
}

std::int64_t TravelStore::insert_route(const Route& r, const std::optional<std::string>& demo_key) {
  return db::insert_row_returning_id(connection_, "tourism_route",
                                     "province_code, name_th, name_en, stop_ids, demo, demo_key",
                                     {r.province_code, r.name_th, r.name_en, ids_json(r.stop_ids),
                                      std::int64_t{r.demo ? 1 : 0}, db::nullable(demo_key)});
}

std::optional<std::int64_t> TravelStore::route_by_demo_key(const std::string& demo_key) {
  return db::query_integer(connection_, "SELECT id FROM tourism_route WHERE demo_key = ?",
                           {demo_key});
}

std::optional<Route> TravelStore::find_route(std::int64_t id) {
  return db::map_row(connection_.query_one(std::string(kRouteSelect) + " WHERE id = ?", {id}),
                     route_from);
}

std::vector<Route> TravelStore::routes(const std::string& province_code) {
  std::vector<Route> list;
  for (const auto& row : connection_.query(
           std::string(kRouteSelect) + " WHERE province_code = ? ORDER BY id", {province_code}))
    list.push_back(route_from(row));
  return list;
}

std::int64_t TravelStore::insert_trip(const Trip& t) {
  return db::insert_row_returning_id(
      connection_, "tourism_trip",
      "province_code, route_id, mode, operator_name, operator_url, headsign, days, start_date, "
      "end_date, "
      "stop_times, demo",
      {t.province_code, t.route_id, std::string(to_string(t.mode)), t.operator_name, t.operator_url,
       t.headsign, t.days, t.start_date, t.end_date, stop_times_json(t.stop_times),
       std::int64_t{t.demo ? 1 : 0}});
}

std::vector<Trip> TravelStore::trips(const std::string& province_code) {
  std::vector<Trip> list;
  for (const auto& row : connection_.query(
           "SELECT id, province_code, route_id, mode, operator_name, operator_url, headsign, days, "
           "start_date, "
           "end_date, stop_times, demo FROM tourism_trip WHERE province_code = ? ORDER BY id",
           {province_code})) {
    Trip t;
    std::string stop_times;
    db::RowReader(row).read(t.id, t.province_code, t.route_id,
                            db::stored(t.mode, parse_trip_mode, "tourism_trip.mode"),
                            t.operator_name, t.operator_url, t.headsign, t.days, t.start_date,
                            t.end_date, stop_times, t.demo);
    t.stop_times = stop_times_from(stop_times);
    list.push_back(t);
  }
  return list;
}

std::int64_t TravelStore::insert_notice(const Notice& n) {
  return db::insert_row_returning_id(
      connection_, "tourism_notice",
      "province_code, route_id, text_th, text_en, valid_until, created_at, demo",
      {n.province_code, n.route_id, n.text_th, n.text_en, n.valid_until, n.created_at,
       std::int64_t{n.demo ? 1 : 0}});
}

std::vector<Notice> TravelStore::notices(const std::string& province_code, const std::string& now) {
  std::vector<Notice> list;
  for (const auto& row : connection_.query(
           "SELECT id, province_code, route_id, text_th, text_en, valid_until, created_at, demo "
           "FROM tourism_notice WHERE province_code = ? AND valid_until >= ? ORDER BY id DESC",
           {province_code, now})) {
    Notice n;
    db::RowReader(row).read(n.id, n.province_code, n.route_id, n.text_th, n.text_en, n.valid_until,
                            n.created_at, n.demo);
    list.push_back(n);
  }
  return list;
}

}  // namespace changwat::tourism
