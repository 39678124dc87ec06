#include "platform/notifications/service.hpp"

#include <boost/json.hpp>
#include <ctime>

#include "base/clock.hpp"
#include "base/error.hpp"
#include "base/secret.hpp"
#include "db/row_reader.hpp"
#include "db/sql.hpp"
#include "platform/audit/audit_log.hpp"

namespace changwat::notifications {
namespace {

constexpr std::chrono::minutes kLinkCodeLife{15};
constexpr std::size_t kEmailMax = 254;

bool plausible_email(const std::string& text) {
  const auto at = text.find('@');
  if (at == std::string::npos || at == 0 || at + 1 >= text.size() || text.size() > kEmailMax)
    return false;
  if (text.find('.', at) == std::string::npos) return false;
  for (char c : text)
    if (c <= ' ' || c == '<' || c == '>' || c == ',' || c == ';' || c == '"') return false;
  return true;
}

// Eight digits: easy to type on a phone into a LINE chat.
std::string new_code() {
  std::string token = sha256_hex(random_token(16));
  std::string code;
  for (char c : token) {
    if (c >= '0' && c <= '9') code += c;
    if (code.size() == 8) break;
  }
  while (code.size() < 8) code += '0';
  return code;
}

}  // namespace

std::string quota_month() {
  std::time_t t = Clock::to_time_t(Clock::now() + std::chrono::hours(7));
  std::tm parts{};
  gmtime_r(&t, &parts);
  char text[8];
  std::strftime(text, sizeof text, "%Y-%m", &parts);
  return text;
}

NotificationService::NotificationService(db::Database& database, ChannelConfig config)
    : database_(database), config_(std::move(config)) {}

Inbox NotificationService::inbox(const Actor& actor, bool unread_only, std::int64_t limit) const {
  const Principal& me = actor.require_signed_in();
  return database_.read([&](db::Connection& connection) {
    Inbox inbox;
    std::string sql =
        "SELECT i.id, m.topic, m.subject_th, m.body_th, m.link, i.created_at, i.read_at "
        "FROM notification_inbox i JOIN notification_message m ON m.id = i.message_id "
        "WHERE i.user_id = ?";
    if (unread_only) sql += " AND i.read_at IS NULL";
    for (const auto& row :
         connection.query(sql + " ORDER BY i.id DESC LIMIT ?", {me.user_id, limit})) {
      InboxItem item;
      db::RowReader(row).read(
          item.id, db::stored(item.topic, parse_topic, "notification_message.topic"),
          item.subject_th, item.body_th, item.link, item.created_at, item.read_at);
      inbox.items.push_back(std::move(item));
    }
    inbox.unread = db::query_integer(connection,
                                     "SELECT COUNT(*) FROM notification_inbox "
                                     "WHERE user_id = ? AND read_at IS NULL",
                                     {me.user_id})
                       .value_or(0);
    return inbox;
  });
}

void NotificationService::mark_read(const Actor& actor, std::int64_t id) {
  const Principal& me = actor.require_signed_in();
  database_.write([&](db::Connection& connection) {
    // Another user's item is as absent as a missing one.
    if (!db::query_integer(connection,
                           "SELECT 1 FROM notification_inbox WHERE id = ? AND user_id = ?",
                           {id, me.user_id}))
      throw_not_found("การแจ้งเตือน", "Notification");
    connection.execute("UPDATE notification_inbox SET read_at = ? WHERE id = ? AND read_at IS NULL",
                       {iso_utc_now(), id});
    return 0;
  });
}

Preferences NotificationService::preferences(const Actor& actor) const {
  const Principal& me = actor.require_signed_in();
  return database_.read([&](db::Connection& connection) {
    Preferences preferences;
    preferences.email_available = config_.email_enabled();
    preferences.line_available = config_.line_enabled();
    for (std::size_t i = 0; i < kTopicNames.names.size(); ++i)
      preferences.topics.push_back({static_cast<Topic>(i), true, false, false});
    for (const auto& row : connection.query(
             "SELECT topic, in_app, email, line FROM notification_preference WHERE user_id = ?",
             {me.user_id})) {
      TopicChoice choice;
      db::RowReader(row).read(
          db::stored(choice.topic, parse_topic, "notification_preference.topic"), choice.in_app,
          choice.email, choice.line);
      preferences.topics[static_cast<std::size_t>(choice.topic)] = choice;
    }
    if (auto contact = connection.query_one(
            "SELECT email, line_user_id FROM notification_contact WHERE user_id = ?",
            {me.user_id})) {
      preferences.email = contact->optional_text(0);
      preferences.line_linked = !contact->is_null(1);
    }
    if (me.agency_code)
      preferences.agency_group_linked =
          db::query_integer(connection,
                            "SELECT 1 FROM notification_agency_group WHERE agency_code = ?",
                            {*me.agency_code})
              .has_value();
    return preferences;
  });
}

Preferences NotificationService::set_preferences(const Actor& actor,
                                                 const PreferencesInput& input) {
  const Principal& me = actor.require_signed_in();
  if (input.email_given && input.email && !input.email->empty() && !plausible_email(*input.email))
    throw_invalid_field("email", {"ที่อยู่อีเมลไม่ถูกต้อง", "is not an e-mail address"});
  const Preferences before = preferences(actor);
  database_.write([&](db::Connection& connection) {
    for (const TopicChoice& choice : input.topics) {
      const std::string topic(kTopicNames.name(choice.topic));
      connection.execute("DELETE FROM notification_preference WHERE user_id = ? AND topic = ?",
                         {me.user_id, topic});
      db::insert_row(connection, "notification_preference", "user_id, topic, in_app, email, line",
                     {me.user_id, topic, std::int64_t{choice.in_app}, std::int64_t{choice.email},
                      std::int64_t{choice.line}});
    }
    if (input.email_given) {
      db::Value email =
          input.email && !input.email->empty() ? db::Value(*input.email) : db::Value(nullptr);
      connection.execute(
          "INSERT INTO notification_contact (user_id, province_code, email) VALUES (?, ?, ?) "
          "ON CONFLICT (user_id) DO UPDATE SET email = excluded.email, "
          "version = notification_contact.version + 1",
          {me.user_id, me.province_code, email});
    }
    audit::record(
        connection, actor, "notification_preference", std::to_string(me.user_id), "update",
        boost::json::object{{"email", before.email.has_value()}},
        boost::json::object{{"email", input.email_given && input.email && !input.email->empty()}});
    return 0;
  });
  return preferences(actor);
}

LinkCode NotificationService::line_link_code(const Actor& actor, bool for_group) {
  const Principal& me = actor.require_signed_in();
  if (for_group && !me.agency_code)
    throw_rule("no_agency", {"ผู้ใช้ที่ไม่สังกัดหน่วยงานเชื่อมกลุ่ม LINE ของหน่วยงานไม่ได้",
                             "Only a user of an agency can link the agency's LINE group"});
  LinkCode code{new_code(), iso_utc(Clock::now() + kLinkCodeLife), for_group};
  database_.write([&](db::Connection& connection) {
    connection.execute("DELETE FROM notification_link_code WHERE user_id = ? OR expires_at < ?",
                       {me.user_id, iso_utc_now()});
    db::insert_row(connection, "notification_link_code",
                   "code_hash, user_id, agency_code, expires_at",
                   {sha256_hex(code.code), me.user_id,
                    for_group ? db::Value(*me.agency_code) : db::Value(nullptr), code.expires_at});
    return 0;
  });
  return code;
}

void NotificationService::line_webhook(const std::string& body, const std::string& signature) {
  if (!config_.line_secret ||
      !secrets_equal(hmac_sha256_base64(*config_.line_secret, body), signature))
    throw Error(ErrorKind::forbidden, "bad_signature",
                {"ลายมือชื่อ X-Line-Signature ไม่ถูกต้อง", "X-Line-Signature does not match"});
  boost::system::error_code parse_error;
  boost::json::value document = boost::json::parse(body, parse_error);
  const boost::json::object* root = parse_error ? nullptr : document.if_object();
  const boost::json::value* events_value = root ? root->if_contains("events") : nullptr;
  const boost::json::array* events = events_value ? events_value->if_array() : nullptr;
  if (!events) throw_invalid_field("events", {"ไม่มีรายการเหตุการณ์", "is missing"});
  auto text_at = [](const boost::json::object& object, const char* key) -> std::string {
    const boost::json::value* value = object.if_contains(key);
    return value && value->is_string() ? std::string(value->get_string()) : std::string();
  };
  database_.write([&](db::Connection& connection) {
    for (const auto& value : *events) {
      const boost::json::object* event = value.if_object();
      if (!event) continue;
      const boost::json::value* source_value = event->if_contains("source");
      const boost::json::object* source = source_value ? source_value->if_object() : nullptr;
      if (!source) continue;
      const std::string type = text_at(*event, "type");
      const std::string user_id = text_at(*source, "userId");
      const std::string group_id = text_at(*source, "groupId");
      if (type == "unfollow" && !user_id.empty()) {
        connection.execute(
            "UPDATE notification_contact SET line_user_id = NULL WHERE line_user_id = ?",
            {user_id});
      } else if (type == "leave" && !group_id.empty()) {
        connection.execute("DELETE FROM notification_agency_group WHERE line_group_id = ?",
                           {group_id});
      } else if (type == "message") {
        const boost::json::value* message_value = event->if_contains("message");
        const boost::json::object* message = message_value ? message_value->if_object() : nullptr;
        if (!message || text_at(*message, "type") != "text") continue;
        std::string text = text_at(*message, "text");
        std::erase_if(text, [](char c) { return c == ' ' || c == '\n' || c == '\r'; });
        auto row = connection.query_one(
            "SELECT user_id, agency_code FROM notification_link_code "
            "WHERE code_hash = ? AND expires_at >= ?",
            {sha256_hex(text), iso_utc_now()});
        if (!row) continue;
        std::int64_t owner = row->integer(0);
        std::optional<std::string> agency = row->optional_text(1);
        auto province =
            connection.query_one("SELECT province_code FROM app_user WHERE id = ?", {owner});
        if (!province) continue;
        if (agency && !group_id.empty()) {
          connection.execute("DELETE FROM notification_agency_group WHERE agency_code = ?",
                             {*agency});
          db::insert_row(connection, "notification_agency_group",
                         "agency_code, province_code, line_group_id, linked_at",
                         {*agency, province->text(0), group_id, iso_utc_now()});
        } else if (!agency && !user_id.empty() && group_id.empty()) {
          connection.execute(
              "INSERT INTO notification_contact (user_id, province_code, line_user_id) "
              "VALUES (?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET "
              "line_user_id = excluded.line_user_id, version = notification_contact.version + 1",
              {owner, province->text(0), user_id});
        } else {
          continue;  // a group code sent in a 1:1 chat, or the reverse: not used up
        }
        connection.execute("DELETE FROM notification_link_code WHERE code_hash = ?",
                           {sha256_hex(text)});
      }
      // follow / join: nothing to store until the code arrives.
    }
    return 0;
  });
}

DeliveryCounts NotificationService::delivery_counts(const Actor& actor) const {
  actor.require_role({Role::admin});
  return database_.read([&](db::Connection& connection) {
    DeliveryCounts counts;
    for (const auto& row :
         connection.query("SELECT status, COUNT(*) FROM notification_delivery GROUP BY status")) {
      const std::string status = row.text(0);
      std::int64_t n = row.integer(1);
      if (status == "pending") counts.pending = n;
      if (status == "sent") counts.sent = n;
      if (status == "failed") counts.failed = n;
      if (status == "over_quota") counts.over_quota = n;
    }
    counts.month = quota_month();
    counts.line_pushes =
        db::query_integer(connection, "SELECT pushes FROM notification_line_quota WHERE month = ?",
                          {counts.month})
            .value_or(0);
    counts.line_quota = config_.line_monthly_quota;
    return counts;
  });
}

}  // namespace changwat::notifications
