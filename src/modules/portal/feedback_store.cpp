#include "modules/portal/feedback_store.hpp"

#include <cmath>

#include "base/error.hpp"
#include "db/row_reader.hpp"
#include "db/sql.hpp"

namespace changwat::portal {
namespace {

constexpr std::string_view kChangeable =
    "status, answer_th, answered_at, moderated_by, moderated_at";
constexpr std::string_view kSelect =
    "SELECT id, province_code, element_id, rating, comment_th, status, answer_th, answered_at, "
    "moderated_by, moderated_at, user_id, demo, demo_key, created_at, version "
    "FROM portal_feedback ";

Feedback read_feedback(const db::Row& row) {
  Feedback f;
  db::RowReader(row).read(f.id, f.province_code, f.element_id, f.rating, f.comment_th,
                          db::stored(f.status, parse_feedback_status, "portal_feedback.status"),
                          f.answer_th, f.answered_at, f.moderated_by, f.moderated_at, f.user_id,
                          f.demo, f.demo_key, f.created_at, f.version);
  return f;
}

std::vector<db::Value> changeable_values(const Feedback& f) {
  return {std::string(kFeedbackStatusNames.name(f.status)), db::nullable(f.answer_th),
          db::nullable(f.answered_at), db::nullable(f.moderated_by), db::nullable(f.moderated_at)};
}

}  // namespace

std::int64_t FeedbackStore::insert(const FeedbackRecord& record) {
  const Feedback& f = record.feedback;
  std::vector<db::Value> values{f.province_code, f.element_id, std::int64_t{f.rating}, f.comment_th,
                                record.receipt_hash};
  for (auto& value : changeable_values(f)) values.push_back(std::move(value));
  for (db::Value value :
       {db::nullable(record.address_hash), db::nullable(record.form_nonce), db::nullable(f.user_id),
        db::Value(std::int64_t{f.demo ? 1 : 0}), db::nullable(f.demo_key), db::Value(f.created_at)})
    values.push_back(std::move(value));
  return db::insert_row_returning_id(
      connection_, "portal_feedback",
      "province_code, element_id, rating, comment_th, receipt_hash, " + std::string(kChangeable) +
          ", address_hash, form_nonce, user_id, demo, demo_key, created_at",
      values);
}

std::optional<Feedback> FeedbackStore::find(std::int64_t id) {
  auto row = connection_.query_one(std::string(kSelect) + "WHERE id = ?", {id});
  return row ? std::optional(read_feedback(*row)) : std::nullopt;
}

std::optional<Feedback> FeedbackStore::find_by_receipt_hash(const std::string& receipt_hash) {
  auto row = connection_.query_one(std::string(kSelect) + "WHERE receipt_hash = ?", {receipt_hash});
  return row ? std::optional(read_feedback(*row)) : std::nullopt;
}

std::optional<Feedback> FeedbackStore::find_by_demo_key(const std::string& demo_key) {
  auto row = connection_.query_one(std::string(kSelect) + "WHERE demo_key = ?", {demo_key});
  return row ? std::optional(read_feedback(*row)) : std::nullopt;
}

bool FeedbackStore::form_nonce_used(const std::string& nonce) {
  return db::query_integer(connection_, "SELECT 1 FROM portal_feedback WHERE form_nonce = ?",
                           {nonce})
      .has_value();
}

std::int64_t FeedbackStore::count_from_address_since(const std::string& address_hash,
                                                     const std::string& since) {
  return db::query_integer(
             connection_,
             "SELECT COUNT(*) FROM portal_feedback WHERE address_hash = ? AND created_at >= ?",
             {address_hash, since})
      .value_or(0);
}

std::vector<Feedback> FeedbackStore::list(const std::string& province_code, FeedbackStatus status,
                                          std::int64_t limit, std::int64_t offset) {
  std::vector<Feedback> items;
  for (const auto& row : connection_.query(
           std::string(kSelect) +
               "WHERE province_code = ? AND status = ? ORDER BY id LIMIT ? OFFSET ?",
           {province_code, std::string(kFeedbackStatusNames.name(status)), limit, offset}))
    items.push_back(read_feedback(row));
  return items;
}

std::vector<Feedback> FeedbackStore::approved_for(std::int64_t element_id, std::int64_t limit) {
  std::vector<Feedback> items;
  for (const auto& row : connection_.query(
           std::string(kSelect) +
               "WHERE element_id = ? AND status = 'approved' ORDER BY id DESC LIMIT ?",
           {element_id, limit}))
    items.push_back(read_feedback(row));
  return items;
}

std::int64_t FeedbackStore::count_approved(const std::string& province_code) {
  return db::query_integer(connection_,
                           "SELECT COUNT(*) FROM portal_feedback "
                           "WHERE province_code = ? AND status = 'approved'",
                           {province_code})
      .value_or(0);
}

std::unordered_map<std::int64_t, Rating> FeedbackStore::ratings(const std::string& province_code) {
  std::unordered_map<std::int64_t, Rating> by_element;
  for (const auto& row :
       connection_.query("SELECT element_id, SUM(rating), COUNT(*) FROM portal_feedback "
                         "WHERE province_code = ? AND status = 'approved' GROUP BY element_id",
                         {province_code})) {
    std::int64_t element_id = 0;
    std::int64_t sum = 0;
    Rating rating;
    db::RowReader(row).read(element_id, sum, rating.count);
    if (rating.count > 0)
      rating.average =
          std::round(100.0 * static_cast<double>(sum) / static_cast<double>(rating.count)) / 100.0;
    by_element.emplace(element_id, rating);
  }
  return by_element;
}

bool FeedbackStore::save(const Feedback& feedback) {
  std::vector<db::Value> values = changeable_values(feedback);
  values.emplace_back(feedback.id);
  values.emplace_back(feedback.version);
  return connection_.execute("UPDATE portal_feedback SET " + db::assignments(kChangeable) +
                                 ", version = version + 1 WHERE id = ? AND version = ?",
                             values) == 1;
}

std::string FeedbackStore::secret_or_create(const std::string& value_if_missing) {
  connection_.execute(
      "INSERT INTO portal_setting (name, value) VALUES ('form_secret', ?) "
      "ON CONFLICT (name) DO NOTHING",
      {value_if_missing});
  auto row = connection_.query_one("SELECT value FROM portal_setting WHERE name = 'form_secret'");
  if (!row)
    throw Error(ErrorKind::internal, "setting_missing",
                {"ไม่พบค่าตั้งของระบบ", "The portal's form secret could not be stored"});
  return row->text(0);
}

}  // namespace changwat::portal
