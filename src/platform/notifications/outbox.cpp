#include "platform/notifications/outbox.hpp"

#include "base/clock.hpp"
#include "base/error.hpp"
#include "db/row_reader.hpp"
#include "db/sql.hpp"

namespace changwat::notifications {
namespace {

constexpr std::string_view kMessageColumns =
    "province_code, topic, target_agency, target_user_id, subject_th, body_th, link, "
    "created_at";
constexpr std::string_view kDeliveryColumns =
    "province_code, message_id, channel, address, status, attempts, next_attempt_at, "
    "created_at";

// Each user the message is for, with the channels they chose for its topic (no
// preference row: in the app only) and where they are reached.
constexpr std::string_view kRecipientsSql =
    "SELECT u.id, COALESCE(p.in_app, 1), COALESCE(p.email, 0), COALESCE(p.line, 0), c.email, "
    "c.line_user_id FROM app_user u "
    "LEFT JOIN notification_preference p ON p.user_id = u.id AND p.topic = ? "
    "LEFT JOIN notification_contact c ON c.user_id = u.id "
    "WHERE u.disabled = 0 AND u.province_code = ? AND ";

struct Recipient {
  std::int64_t user_id = 0;
  bool in_app = true;
  bool email = false;
  bool line = false;
  std::optional<std::string> email_address;
  std::optional<std::string> line_user_id;
};

void check(const Notification& n) {
  if (n.agency_code.has_value() == n.user_id.has_value() || n.subject_th.empty() ||
      n.province_code.empty())
    throw Error(ErrorKind::internal, "invalid_notification",
                {"การแจ้งเตือนต้องระบุผู้รับหนึ่งราย (หน่วยงานหรือผู้ใช้) จังหวัด และหัวเรื่อง",
                 "A notification needs exactly one target (an agency or a user), a province and "
                 "a subject"});
}

}  // namespace

std::optional<Topic> parse_topic(std::string_view name) { return kTopicNames.parse(name); }

std::int64_t enqueue(db::Connection& connection, const Notification& n) {
  check(n);
  const std::string now = iso_utc_now();
  const std::string topic(kTopicNames.name(n.topic));
  const std::int64_t message_id =
      db::insert_row_returning_id(connection, "notification_message", kMessageColumns,
                                  {n.province_code, topic, db::nullable(n.agency_code),
                                   db::nullable(n.user_id), n.subject_th, n.body_th, n.link, now});

  std::vector<db::Value> params{topic, n.province_code};
  std::string sql(kRecipientsSql);
  if (n.agency_code) {
    sql += "u.agency_code = ?";
    params.emplace_back(*n.agency_code);
  } else {
    sql += "u.id = ?";
    params.emplace_back(*n.user_id);
  }
  auto deliver = [&](std::string_view channel, const std::string& address) {
    db::insert_row(connection, "notification_delivery", kDeliveryColumns,
                   {n.province_code, message_id, std::string(channel), address,
                    std::string("pending"), std::int64_t{0}, now, now});
  };
  for (const db::Row& row : connection.query(sql, params)) {
    Recipient r;
    db::RowReader(row).read(r.user_id, r.in_app, r.email, r.line, r.email_address, r.line_user_id);
    if (r.in_app)
      db::insert_row(connection, "notification_inbox",
                     "province_code, message_id, user_id, created_at",
                     {n.province_code, message_id, r.user_id, now});
    if (r.email && r.email_address) deliver("email", *r.email_address);
    if (r.line && r.line_user_id) deliver("line", *r.line_user_id);
  }
  // An office's LINE group hears of every message to its agency once.
  if (n.agency_code) {
    if (auto group = connection.query_one(
            "SELECT line_group_id FROM notification_agency_group WHERE agency_code = ?",
            {*n.agency_code}))
      deliver("line", group->text(0));
  }
  return message_id;
}

}  // namespace changwat::notifications
