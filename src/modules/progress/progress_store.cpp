#include "modules/progress/progress_store.hpp"

#include <boost/json.hpp>

#include "db/row_reader.hpp"
#include "db/sql.hpp"

namespace changwat::progress {
namespace {

constexpr const char* kColumns =
    "id, province_code, element_id, action_plan_id, fiscal_year, month, physical_percent, "
    "status, activities_th, problems_th, fixes_th, reason_th, indicators, agency_code, demo, "
    "entered_by, entered_at, version";

std::string indicators_text(const std::vector<IndicatorValue>& values) {
  boost::json::array array;
  for (const auto& value : values)
    array.push_back(boost::json::object{{"index", value.index}, {"value", value.value}});
  return boost::json::serialize(array);
}

std::vector<IndicatorValue> indicators_from(const std::string& text) {
  std::vector<IndicatorValue> values;
  boost::system::error_code error;
  auto parsed = boost::json::parse(text, error);
  if (error || !parsed.is_array()) return values;
  for (const auto& item : parsed.as_array()) {
    if (!item.is_object()) continue;
    const auto& object = item.as_object();
    const auto* index = object.if_contains("index");
    const auto* value = object.if_contains("value");
    if (!index || !value || !index->is_int64()) continue;
    double number = value->is_double()   ? value->as_double()
                    : value->is_int64()  ? static_cast<double>(value->as_int64())
                    : value->is_uint64() ? static_cast<double>(value->as_uint64())
                                         : 0.0;
    values.push_back({static_cast<int>(index->as_int64()), number});
  }
  return values;
}

// The one mapping of a report row.
ProgressReport report_from(const db::Row& row) {
  ProgressReport report;
  std::string month;
  std::string indicators;
  db::RowReader(row).read(
      report.id, report.province_code, report.element_id, report.action_plan_id, report.fiscal_year,
      month, report.physical_percent,
      db::stored(report.status, parse_progress_status, "progress_report.status"),
      report.activities_th, report.problems_th, report.fixes_th, report.reason_th, indicators,
      report.agency_code, report.demo, report.entered_by, report.entered_at, report.version);
  report.month = action_plan::parse_month(month).value_or(Month{});
  report.indicators = indicators_from(indicators);
  return report;
}

constexpr const char* kPhotoColumns =
    "id, province_code, element_id, file_name, content_type, size_bytes, width, height, "
    "taken_at, latitude, longitude, accuracy_m, position_source, demo, uploaded_by, uploaded_at";

Photo photo_from(const db::Row& row) {
  Photo photo;
  db::RowReader(row).read(
      photo.id, photo.province_code, photo.element_id, photo.file_name, photo.content_type,
      photo.size_bytes, photo.width, photo.height, photo.taken_at, photo.latitude, photo.longitude,
      photo.accuracy_m,
      db::stored(photo.position_source, parse_position_source, "progress_photo.position_source"),
      photo.demo, photo.uploaded_by, photo.uploaded_at);
  return photo;
}

std::vector<ProgressReport> reports(db::Connection& c, const std::string& where,
                                    const std::vector<db::Value>& params) {
  std::vector<ProgressReport> result;
  c.for_each(std::string("SELECT ") + kColumns + " FROM progress_report " + where, params,
             [&](const db::Row& row) { result.push_back(report_from(row)); });
  return result;
}

}  // namespace

std::vector<ProgressReport> ProgressStore::list(std::int64_t element_id) {
  return reports(connection_, "WHERE element_id = ? ORDER BY month", {element_id});
}

std::optional<ProgressReport> ProgressStore::find(std::int64_t element_id, const Month& month) {
  return db::map_row(
      connection_.query_one(std::string("SELECT ") + kColumns +
                                " FROM progress_report WHERE element_id = ? AND month = ?",
                            {element_id, action_plan::to_string(month)}),
      report_from);
}

std::optional<ProgressReport> ProgressStore::latest_before(std::int64_t element_id, int fiscal_year,
                                                           const Month& month) {
  return db::map_row(
      connection_.query_one(std::string("SELECT ") + kColumns +
                                " FROM progress_report WHERE element_id = ? AND fiscal_year = ? "
                                "AND month < ? ORDER BY month DESC LIMIT 1",
                            {element_id, std::int64_t{fiscal_year}, action_plan::to_string(month)}),
      report_from);
}

std::int64_t ProgressStore::insert(const ProgressReport& r) {
  return connection_.insert_returning_id(
      "INSERT INTO progress_report (province_code, element_id, action_plan_id, fiscal_year, "
      "month, physical_percent, status, activities_th, problems_th, fixes_th, reason_th, "
      "indicators, agency_code, demo, entered_by, entered_at) VALUES (" +
          db::placeholders(16) + ") RETURNING id",
      {r.province_code, r.element_id, r.action_plan_id, std::int64_t{r.fiscal_year},
       action_plan::to_string(r.month), r.physical_percent, std::string(to_string(r.status)),
       r.activities_th, r.problems_th, r.fixes_th, db::nullable(r.reason_th),
       indicators_text(r.indicators), db::nullable(r.agency_code), std::int64_t{r.demo ? 1 : 0},
       r.entered_by, r.entered_at});
}

bool ProgressStore::update(const ProgressReport& r, std::optional<std::int64_t> expected_version) {
  // Without a version the writer overwrites whatever is stored (a first entry from a
  // phone that never read the month); with one, only the version it read.
  constexpr const char* kUpdate =
      "UPDATE progress_report SET physical_percent = ?, status = ?, activities_th = ?, "
      "problems_th = ?, fixes_th = ?, reason_th = ?, indicators = ?, agency_code = ?, "
      "entered_by = ?, entered_at = ?, demo = 0, version = version + 1 "
      "WHERE element_id = ? AND month = ? AND version = ";
  std::string sql = std::string(kUpdate) + (expected_version ? "?" : "version");
  std::int64_t version = expected_version.value_or(0);
  std::vector<db::Value> params{r.physical_percent,
                                std::string(to_string(r.status)),
                                r.activities_th,
                                r.problems_th,
                                r.fixes_th,
                                db::nullable(r.reason_th),
                                indicators_text(r.indicators),
                                db::nullable(r.agency_code),
                                r.entered_by,
                                r.entered_at,
                                r.element_id,
                                action_plan::to_string(r.month),
                                version};
  if (!expected_version) params.resize(12);
  return connection_.execute(sql, params) == 1;
}

std::vector<ProgressReport> ProgressStore::year(int fiscal_year) {
  return reports(connection_, "WHERE fiscal_year = ? ORDER BY element_id, month",
                 {std::int64_t{fiscal_year}});
}

bool ProgressStore::has_demo() {
  return db::query_integer(connection_, "SELECT COUNT(*) FROM progress_report WHERE demo = 1", {})
             .value_or(0) > 0;
}

std::int64_t ProgressStore::insert_photo(const Photo& p) {
  return connection_.insert_returning_id(
      "INSERT INTO progress_photo (province_code, element_id, file_name, content_type, "
      "size_bytes, width, height, taken_at, latitude, longitude, accuracy_m, position_source, "
      "demo, uploaded_by, uploaded_at) VALUES (" +
          db::placeholders(15) + ") RETURNING id",
      {p.province_code, p.element_id, p.file_name, p.content_type, p.size_bytes,
       std::int64_t{p.width}, std::int64_t{p.height}, p.taken_at, db::nullable(p.latitude),
       db::nullable(p.longitude), db::nullable(p.accuracy_m),
       std::string(to_string(p.position_source)), std::int64_t{p.demo ? 1 : 0}, p.uploaded_by,
       p.uploaded_at});
}

std::optional<Photo> ProgressStore::find_photo(std::int64_t id) {
  return db::map_row(
      connection_.query_one(
          std::string("SELECT ") + kPhotoColumns + " FROM progress_photo WHERE id = ?", {id}),
      photo_from);
}

std::vector<Photo> ProgressStore::photos(std::int64_t element_id) {
  std::vector<Photo> result;
  for (const auto& row : connection_.query(std::string("SELECT ") + kPhotoColumns +
                                               " FROM progress_photo WHERE element_id = ? "
                                               "ORDER BY taken_at, id",
                                           {element_id}))
    result.push_back(photo_from(row));
  return result;
}

std::vector<Photo> ProgressStore::all_photos() {
  std::vector<Photo> result;
  connection_.for_each(std::string("SELECT ") + kPhotoColumns + " FROM progress_photo ORDER BY id",
                       {}, [&](const db::Row& row) { result.push_back(photo_from(row)); });
  return result;
}

}  // namespace changwat::progress
