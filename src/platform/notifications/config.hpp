#pragma once
// Where notifications go out: the SMTP server, the LINE Messaging API, the quota and
// the worker's pace. Read from the environment of `changwat serve` (README.md):
//   CHANGWAT_SMTP_URL             smtp://[user:password@]host[:port]   (none: no e-mail)
//   CHANGWAT_MAIL_FROM            sender address (default changwat@localhost)
//   CHANGWAT_LINE_API_BASE        base URL of the Messaging API (a local relay in front of
//                                 https://api.line.me; tests: a local receiver)
//   CHANGWAT_LINE_CHANNEL_TOKEN   channel access token (none: no LINE pushes)
//   CHANGWAT_LINE_CHANNEL_SECRET  channel secret (webhook signatures)
//   CHANGWAT_LINE_MONTHLY_QUOTA   pushes a month the plan allows (default 300)
//   CHANGWAT_PUBLIC_URL           the address people open links at
//   CHANGWAT_NOTIFY_RETRY_SECONDS first wait before a retry (default 30, doubling)
//   CHANGWAT_NOTIFY_POLL_MS       how often the worker looks for due deliveries (1000)
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace changwat::notifications {

struct ChannelConfig {
  std::optional<std::string> smtp_url;
  std::string mail_from = "changwat@localhost";
  std::optional<std::string> line_api_base;
  std::optional<std::string> line_token;
  std::optional<std::string> line_secret;
  std::int64_t line_monthly_quota = 300;
  std::string public_url;
  std::chrono::seconds retry_base{30};
  int max_attempts = 8;
  std::chrono::milliseconds poll{1000};
  std::chrono::milliseconds send_timeout{10'000};

  bool email_enabled() const { return smtp_url.has_value(); }
  bool line_enabled() const { return line_api_base && line_token; }
  static ChannelConfig from_environment();
};

}  // namespace changwat::notifications
