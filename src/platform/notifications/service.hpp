#pragma once
// What a signed-in user does with notifications: reads the in-app list, marks items
// read, chooses topics and channels, gives an e-mail address and links a LINE account
// (or an office's LINE group) with a one-time code sent to the LINE account; and the
// LINE webhook that receives those codes. Messages come from outbox.hpp; the worker
// (delivery.hpp) sends e-mail and LINE.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/principal.hpp"
#include "db/database.hpp"
#include "platform/notifications/config.hpp"
#include "platform/notifications/outbox.hpp"

namespace changwat::notifications {

struct InboxItem {
  std::int64_t id = 0;
  Topic topic = Topic::warning;
  std::string subject_th;
  std::string body_th;
  std::string link;
  std::string created_at;
  std::optional<std::string> read_at;
};

struct Inbox {
  std::vector<InboxItem> items;
  std::int64_t unread = 0;
};

struct TopicChoice {
  Topic topic = Topic::warning;
  bool in_app = true;
  bool email = false;
  bool line = false;
};

struct Preferences {
  std::vector<TopicChoice> topics;  // every topic, in declaration order
  std::optional<std::string> email;
  bool line_linked = false;
  bool agency_group_linked = false;  // the user's agency has a LINE group
  bool email_available = false;      // the deployment sends e-mail
  bool line_available = false;       // the deployment pushes to LINE
};

struct PreferencesInput {
  std::vector<TopicChoice> topics;   // topics not named keep their choice
  std::optional<std::string> email;  // "" removes the address
  bool email_given = false;
};

struct LinkCode {
  std::string code;
  std::string expires_at;
  bool for_group = false;
};

struct DeliveryCounts {
  std::int64_t pending = 0;
  std::int64_t sent = 0;
  std::int64_t failed = 0;
  std::int64_t over_quota = 0;
  std::string month;  // yyyy-mm of the quota count
  std::int64_t line_pushes = 0;
  std::int64_t line_quota = 0;
};

class NotificationService {
 public:
  NotificationService(db::Database& database, ChannelConfig config);

  // ---- Any signed-in user: their own ----
  Inbox inbox(const Actor& actor, bool unread_only, std::int64_t limit) const;
  void mark_read(const Actor& actor, std::int64_t id);
  Preferences preferences(const Actor& actor) const;
  Preferences set_preferences(const Actor& actor, const PreferencesInput& input);
  // A code to send to the LINE account (as a message to it, or in a group the account
  // was added to, for_group: an agency officer links the agency's group). 15 minutes.
  LinkCode line_link_code(const Actor& actor, bool for_group);

  // ---- The LINE platform (webhook; its signature is the only credential) ----
  // Checks X-Line-Signature (403 when wrong or no secret is configured), then handles
  // follow/unfollow, join/leave and text messages holding a link code.
  void line_webhook(const std::string& body, const std::string& signature);

  // ---- Admins ----
  DeliveryCounts delivery_counts(const Actor& actor) const;

  const ChannelConfig& config() const { return config_; }

 private:
  db::Database& database_;
  ChannelConfig config_;
};

// "yyyy-mm" of now in Thailand (UTC+7): LINE counts a month on Japan/Thai time alike
// to within hours; the quota row is per this month.
std::string quota_month();

}  // namespace changwat::notifications
