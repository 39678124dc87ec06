// Routes with their stops, the timetables of ferry and road legs, service notices, and
// the GTFS feed of them for trip planners.
#include <algorithm>
#include <map>
#include <regex>

#include "base/clock.hpp"
#include "modules/tourism/catalog_store.hpp"
#include "modules/tourism/json.hpp"
#include "modules/tourism/rules.hpp"
#include "modules/tourism/service.hpp"
#include "modules/tourism/travel_store.hpp"
#include "platform/areas/directory.hpp"
#include "platform/audit/audit_log.hpp"
#include "thai/calendar.hpp"
#include "thai/zip_archive.hpp"

namespace changwat::tourism {
namespace {

// A CSV field as GTFS reads it (RFC 4180 quoting).
std::string csv(const std::string& value) {
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string csv_row(std::initializer_list<std::string> fields) {
  std::string row;
  for (const auto& field : fields) {
    if (!row.empty()) row += ',';
    row += csv(field);
  }
  return row + "\r\n";
}

std::string gtfs_date(const std::string& iso) {
  return iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2);
}

std::string coordinate(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.6f", value);
  return text;
}

// Stores a new stop, route, trip or notice with its audit entry in one transaction;
// `insert` makes the checks that need the database and returns the new id.
template <class Record, class Insert, class Json>
Record insert_audited(db::Database& database, const Actor& actor, const char* entity, Record record,
                      Insert insert, Json json) {
  return database.write([&](db::Connection& connection) {
    TravelStore store(connection);
    record.id = insert(store);
    audit::record(connection, actor, entity, std::to_string(record.id), "create", nullptr,
                  json(record));
    return record;
  });
}

// The keeper's route, or 404.
Route route_of(TravelStore& store, std::int64_t id, const std::string& province_code) {
  auto route = store.find_route(id);
  if (!route || route->province_code != province_code) throw_not_found("เส้นทางนี้", "Route");
  return *route;
}

boost::json::object named(const std::string& name_th) { return {{"name_th", name_th}}; }

}  // namespace

Stop TourismService::create_stop(const Actor& actor, Stop stop) {
  const Principal& principal = rules::require_keeper(actor);
  FieldErrors errors;
  rules::check_name(errors, "name_th", stop.name_th);
  rules::check_name(errors, "name_en", stop.name_en);
  if (stop.latitude < -90 || stop.latitude > 90)
    errors.add("latitude", {"ละติจูดต้องอยู่ระหว่าง -90 ถึง 90", "latitude must be -90 to 90"});
  if (stop.longitude < -180 || stop.longitude > 180)
    errors.add("longitude", {"ลองจิจูดต้องอยู่ระหว่าง -180 ถึง 180", "longitude must be -180 to 180"});
  errors.throw_if_any();
  stop.province_code = principal.province_code;
  return insert_audited(
      database_, actor, "tourism_stop", stop,
      [&](TravelStore& store) { return store.insert_stop(stop, std::nullopt); },
      [](const Stop& s) { return named(s.name_th); });
}

Route TourismService::create_route(const Actor& actor, Route route) {
  const Principal& principal = rules::require_keeper(actor);
  FieldErrors errors;
  rules::check_name(errors, "name_th", route.name_th);
  rules::check_name(errors, "name_en", route.name_en);
  if (route.stop_ids.size() < 2)
    errors.add("stop_ids", {"เส้นทางต้องมีอย่างน้อย 2 จุดแวะ", "a route needs at least 2 stops"});
  errors.throw_if_any();
  route.province_code = principal.province_code;
  return insert_audited(
      database_, actor, "tourism_route", route,
      [&](TravelStore& store) {
        std::map<std::int64_t, bool> known;
        for (const Stop& stop : store.stops(route.province_code)) known[stop.id] = true;
        for (std::size_t i = 0; i < route.stop_ids.size(); ++i)
          if (!known.count(route.stop_ids[i]))
            throw_invalid_field("stop_ids[" + std::to_string(i) + "]",
                                {"ไม่พบจุดแวะนี้", "no such stop"});
        return store.insert_route(route, std::nullopt);
      },
      [](const Route& r) { return named(r.name_th); });
}

Trip TourismService::create_trip(const Actor& actor, Trip trip) {
  const Principal& principal = rules::require_keeper(actor);
  FieldErrors errors;
  rules::check_name(errors, "operator_name", trip.operator_name);
  rules::check_name(errors, "headsign", trip.headsign);
  static const std::regex kDays("^[01]{7}$");
  if (!std::regex_match(trip.days, kDays))
    errors.add("days",
               {"วันเดินเรือต้องเป็น 0/1 เจ็ดตัว เริ่มวันจันทร์", "days must be seven 0/1 from Monday"});
  if (!trip.operator_url.starts_with("https://") && !trip.operator_url.starts_with("http://"))
    errors.add("operator_url", {"ต้องเป็นที่อยู่เว็บ http(s)", "must be an http(s) address"});
  thai::Date start = thai::parse_date(trip.start_date, "start_date");
  thai::Date end = thai::parse_date(trip.end_date, "end_date");
  if (end < start)
    errors.add("end_date", {"วันสิ้นสุดต้องไม่ก่อนวันเริ่ม", "end_date must not be before start_date"});
  errors.throw_if_any();
  rules::check_stop_times(trip.stop_times);
  trip.province_code = principal.province_code;
  return insert_audited(
      database_, actor, "tourism_trip", trip,
      [&](TravelStore& store) {
        Route route = route_of(store, trip.route_id, trip.province_code);
        for (std::size_t i = 0; i < trip.stop_times.size(); ++i)
          if (std::find(route.stop_ids.begin(), route.stop_ids.end(), trip.stop_times[i].stop_id) ==
              route.stop_ids.end())
            throw_invalid_field("stop_times[" + std::to_string(i) + "].stop_id",
                                {"จุดแวะนี้ไม่อยู่ในเส้นทาง", "this stop is not on the route"});
        return store.insert_trip(trip);
      },
      trip_json);
}

Notice TourismService::create_notice(const Actor& actor, Notice notice) {
  const Principal& principal = rules::require_keeper(actor);
  FieldErrors errors;
  rules::check_name(errors, "text_th", notice.text_th);
  rules::check_name(errors, "text_en", notice.text_en);
  if (!rules::canonical_utc(notice.valid_until))
    errors.add("valid_until", {"ต้องเป็น RFC 3339 เวลาสากล", "must be RFC 3339 in UTC"});
  errors.throw_if_any();
  notice.province_code = principal.province_code;
  notice.created_at = iso_utc_now();
  return insert_audited(
      database_, actor, "tourism_notice", notice,
      [&](TravelStore& store) {
        route_of(store, notice.route_id, notice.province_code);
        return store.insert_notice(notice);
      },
      [](const Notice& n) { return named(n.text_th); });
}

Timetable TourismService::timetable(const Actor& actor) const {
  std::string province = areas::province_for(areas_, actor);
  return database_.read([&](db::Connection& connection) {
    TravelStore store(connection);
    return Timetable{store.stops(province), store.routes(province), store.trips(province),
                     store.notices(province, iso_utc_now())};
  });
}

std::string TourismService::gtfs_zip(const Actor& actor) const {
  Timetable t = timetable(actor);
  std::string agency =
      csv_row({"agency_id", "agency_name", "agency_url", "agency_timezone", "agency_lang"});
  std::string stops = csv_row({"stop_id", "stop_name", "stop_lat", "stop_lon"});
  std::string routes =
      csv_row({"route_id", "agency_id", "route_short_name", "route_long_name", "route_type"});
  std::string trips = csv_row({"route_id", "service_id", "trip_id", "trip_headsign"});
  std::string stop_times =
      csv_row({"trip_id", "arrival_time", "departure_time", "stop_id", "stop_sequence"});
  std::string calendar = csv_row({"service_id", "monday", "tuesday", "wednesday", "thursday",
                                  "friday", "saturday", "sunday", "start_date", "end_date"});
  for (const Stop& s : t.stops)
    stops += csv_row({std::to_string(s.id), s.name_th + " (" + s.name_en + ")",
                      coordinate(s.latitude), coordinate(s.longitude)});
  std::map<std::int64_t, const Route*> route_by_id;
  for (const Route& r : t.routes) route_by_id[r.id] = &r;
  // One GTFS agency per operator, one GTFS route per (route, mode, operator): a
  // ferry leg is its own route of route_type 4 so planners know to take a boat.
  std::map<std::string, std::string> agencies;
  std::map<std::string, bool> routes_written;
  for (const Trip& trip : t.trips) {
    if (!agencies.count(trip.operator_name)) {
      std::string id = "A" + std::to_string(agencies.size() + 1);
      agencies[trip.operator_name] = id;
      agency += csv_row({id, trip.operator_name, trip.operator_url, "Asia/Bangkok", "th"});
    }
    const std::string& agency_id = agencies[trip.operator_name];
    std::string route_id = "R" + std::to_string(trip.route_id) + "-" +
                           std::string(to_string(trip.mode)) + "-" + agency_id;
    if (!routes_written.count(route_id)) {
      routes_written[route_id] = true;
      const Route* route = route_by_id.count(trip.route_id) ? route_by_id[trip.route_id] : nullptr;
      std::string long_name = route ? route->name_th + " (" + route->name_en + ")" : "";
      routes += csv_row({route_id, agency_id, trip.mode == TripMode::ferry ? "เรือ" : "รถ",
                         long_name + " — " + trip.operator_name,
                         trip.mode == TripMode::ferry ? "4" : "3"});
    }
    std::string trip_id = "T" + std::to_string(trip.id);
    trips += csv_row({route_id, trip_id, trip_id, trip.headsign});
    calendar +=
        csv_row({trip_id, trip.days.substr(0, 1), trip.days.substr(1, 1), trip.days.substr(2, 1),
                 trip.days.substr(3, 1), trip.days.substr(4, 1), trip.days.substr(5, 1),
                 trip.days.substr(6, 1), gtfs_date(trip.start_date), gtfs_date(trip.end_date)});
    int sequence = 1;
    for (const StopTime& st : trip.stop_times)
      stop_times += csv_row({trip_id, st.arrival, st.departure, std::to_string(st.stop_id),
                             std::to_string(sequence++)});
  }
  return thai::zip_files({{"agency.txt", agency},
                          {"stops.txt", stops},
                          {"routes.txt", routes},
                          {"trips.txt", trips},
                          {"stop_times.txt", stop_times},
                          {"calendar.txt", calendar}});
}

}  // namespace changwat::tourism
