#include "platform/notifications/config.hpp"

#include <charconv>
#include <cstdlib>
#include <string_view>

namespace changwat::notifications {
namespace {

std::optional<std::string> variable(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') return std::nullopt;
  return std::string(value);
}

std::optional<std::int64_t> number(const char* name) {
  auto text = variable(name);
  if (!text) return std::nullopt;
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (error != std::errc() || end != text->data() + text->size() || value < 0) return std::nullopt;
  return value;
}

}  // namespace

ChannelConfig ChannelConfig::from_environment() {
  ChannelConfig config;
  config.smtp_url = variable("CHANGWAT_SMTP_URL");
  config.mail_from = variable("CHANGWAT_MAIL_FROM").value_or(config.mail_from);
  config.line_api_base = variable("CHANGWAT_LINE_API_BASE");
  config.line_token = variable("CHANGWAT_LINE_CHANNEL_TOKEN");
  config.line_secret = variable("CHANGWAT_LINE_CHANNEL_SECRET");
  config.line_monthly_quota =
      number("CHANGWAT_LINE_MONTHLY_QUOTA").value_or(config.line_monthly_quota);
  config.public_url = variable("CHANGWAT_PUBLIC_URL").value_or("");
  if (auto seconds = number("CHANGWAT_NOTIFY_RETRY_SECONDS"))
    config.retry_base = std::chrono::seconds(*seconds);
  if (auto ms = number("CHANGWAT_NOTIFY_POLL_MS"); ms && *ms > 0)
    config.poll = std::chrono::milliseconds(*ms);
  return config;
}

}  // namespace changwat::notifications
