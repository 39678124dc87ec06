#include "platform/notifications/delivery.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/json.hpp>
#include <string>
#include <vector>

#include "base/clock.hpp"
#include "base/secret.hpp"
#include "db/row_reader.hpp"
#include "http/outbound.hpp"
#include "platform/notifications/service.hpp"

namespace changwat::notifications {

struct DeliveryWorker::Due {
  std::int64_t id = 0;
  std::string channel;
  std::string address;
  std::int64_t attempts = 0;
  std::string next_attempt_at;
  std::string created_at;
  std::string subject_th;
  std::string body_th;
  std::string link;
};

namespace {

// While a server sends a claimed delivery nobody else takes it; a server that died
// mid-send leaves it to be tried again after this.
constexpr std::chrono::minutes kClaimFor{2};
constexpr std::chrono::hours kLongestWait{1};
constexpr std::size_t kLineTextMax = 5000;  // the Messaging API's limit for a text message

std::string text_of(const std::string& subject, const std::string& body, const std::string& url) {
  std::string text = subject;
  if (!body.empty()) text += "\n" + body;
  if (!url.empty()) text += "\n" + url;
  return text;
}

}  // namespace

DeliveryWorker::DeliveryWorker(db::Database& database, ChannelConfig config)
    : database_(database), config_(std::move(config)) {}

DeliveryWorker::~DeliveryWorker() { stop(); }

void DeliveryWorker::start() {
  if (thread_.joinable()) return;
  thread_ = std::thread([this] { run(); });
}

void DeliveryWorker::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void DeliveryWorker::run() {
  while (true) {
    std::int64_t tried = 0;
    try {
      tried = drain_once();
    } catch (const std::exception& error) {
      // The database may be down for a moment; the deliveries wait in it.
      spdlog::warn("notifications: {}", error.what());
    }
    std::unique_lock lock(mutex_);
    if (stopping_) return;
    // A full batch: more may be due at once.
    if (tried >= 100) continue;
    wake_.wait_for(lock, config_.poll, [this] { return stopping_; });
    if (stopping_) return;
  }
}

std::int64_t DeliveryWorker::drain_once(std::int64_t limit) {
  const std::string now = iso_utc_now();
  std::vector<Due> due = database_.write([&](db::Connection& connection) {
    std::vector<Due> claimed;
    for (const auto& row : connection.query(
             "SELECT d.id, d.channel, d.address, d.attempts, d.next_attempt_at, d.created_at, "
             "m.subject_th, "
             "m.body_th, m.link FROM notification_delivery d "
             "JOIN notification_message m ON m.id = d.message_id "
             "WHERE d.status = 'pending' AND d.next_attempt_at <= ? "
             "ORDER BY d.next_attempt_at, d.id LIMIT ?",
             {now, limit})) {
      Due item;
      db::RowReader(row).read(item.id, item.channel, item.address, item.attempts,
                              item.next_attempt_at, item.created_at, item.subject_th, item.body_th,
                              item.link);
      // Conditional: another server that claimed it first moved next_attempt_at.
      if (connection.execute("UPDATE notification_delivery SET next_attempt_at = ? "
                             "WHERE id = ? AND next_attempt_at = ? AND status = 'pending'",
                             {iso_utc(Clock::now() + kClaimFor), item.id, item.next_attempt_at}) ==
          1)
        claimed.push_back(std::move(item));
    }
    return claimed;
  });
  for (const Due& item : due) send(item);
  return static_cast<std::int64_t>(due.size());
}

bool DeliveryWorker::take_line_push() {
  const std::string month = quota_month();
  return database_.write([&](db::Connection& connection) {
    connection.execute(
        "INSERT INTO notification_line_quota (month, pushes) VALUES (?, 0) "
        "ON CONFLICT (month) DO NOTHING",
        {month});
    return connection.execute(
               "UPDATE notification_line_quota SET pushes = pushes + 1 "
               "WHERE month = ? AND pushes < ?",
               {month, config_.line_monthly_quota}) == 1;
  });
}

void DeliveryWorker::send(const Due& item) {
  std::string status = "sent";
  std::optional<std::string> error_text;
  bool retry = false;
  const std::string url = item.link.empty() ? "" : config_.public_url + item.link;
  try {
    if (item.channel == "email") {
      if (!config_.smtp_url) throw http::outbound::DeliveryError("no SMTP server configured", true);
      http::outbound::send_mail(*config_.smtp_url,
                                {config_.mail_from, item.address, item.subject_th,
                                 text_of(item.subject_th, item.body_th, url)},
                                config_.send_timeout);
    } else {
      if (!config_.line_enabled())
        throw http::outbound::DeliveryError("LINE is not configured", true);
      if (!take_line_push()) {
        status = "over_quota";
        error_text = "LINE monthly quota of " + std::to_string(config_.line_monthly_quota) +
                     " pushes reached";
        spdlog::warn("notifications: {}; delivery {} not sent", *error_text, item.id);
      } else {
        std::string text = text_of(item.subject_th, item.body_th, url);
        if (text.size() > kLineTextMax) text.resize(kLineTextMax);  // bytes ≥ characters
        boost::json::object body{{"to", item.address},
                                 {"messages", boost::json::array{boost::json::object{
                                                  {"type", "text"}, {"text", text}}}}};
        // The same retry key on every try of this delivery (and no other): LINE then
        // sends a retried push once.
        const std::string hash = sha256_hex(std::to_string(item.id) + ":" + item.created_at);
        const std::string retry_key = hash.substr(0, 8) + "-" + hash.substr(8, 4) + "-4" +
                                      hash.substr(13, 3) + "-8" + hash.substr(17, 3) + "-" +
                                      hash.substr(20, 12);
        auto answer = http::outbound::post(*config_.line_api_base + "/v2/bot/message/push",
                                           {{"Authorization", "Bearer " + *config_.line_token},
                                            {"Content-Type", "application/json"},
                                            {"X-Line-Retry-Key", retry_key}},
                                           boost::json::serialize(body), config_.send_timeout);
        if (answer.status == 409) {
          // Already accepted under this retry key: it was sent.
        } else if (answer.status < 200 || answer.status >= 300) {
          throw http::outbound::DeliveryError(
              "LINE answered " + std::to_string(answer.status) + ": " + answer.body.substr(0, 200),
              answer.status >= 500 || answer.status == 429);
        }
      }
    }
  } catch (const http::outbound::DeliveryError& error) {
    error_text = error.what();
    retry = error.retry();
    status = "failed";
  }
  const std::int64_t attempts = item.attempts + 1;
  std::string next = iso_utc_now();
  if (status == "failed" && retry && attempts < config_.max_attempts) {
    status = "pending";
    auto wait = config_.retry_base * (std::int64_t{1} << std::min<std::int64_t>(attempts - 1, 20));
    next = iso_utc(Clock::now() +
                   std::min<std::chrono::seconds>(
                       wait, std::chrono::duration_cast<std::chrono::seconds>(kLongestWait)));
  }
  if (error_text) spdlog::info("notifications: delivery {} {}: {}", item.id, status, *error_text);
  database_.write([&](db::Connection& connection) {
    return connection.execute(
        "UPDATE notification_delivery SET status = ?, attempts = ?, next_attempt_at = ?, "
        "last_error = ?, sent_at = ? WHERE id = ?",
        {status, attempts, next, db::nullable(error_text),
         status == "sent" ? db::Value(iso_utc_now()) : db::Value(nullptr), item.id});
  });
}

}  // namespace changwat::notifications
