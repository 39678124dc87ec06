#pragma once
// Outbound requests the platform makes to other servers: an HTTP POST (the LINE
// Messaging API) and an SMTP submission (e-mail), each blocking the calling thread
// (the notification worker's, never a request's) for at most `timeout`. Plain TCP:
// the deployment reaches TLS-only servers through a local relay (a mail server that
// relays with STARTTLS, an HTTPS forward proxy), docs/decisions/0014-*.md.
#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace changwat::http::outbound {

// A failure to deliver: the server could not be reached, timed out, or refused. `retry`
// says whether trying again later may succeed (network, 4xx SMTP replies, HTTP 5xx/429).
class DeliveryError : public std::runtime_error {
 public:
  DeliveryError(const std::string& what, bool retry) : std::runtime_error(what), retry_(retry) {}
  bool retry() const { return retry_; }

 private:
  bool retry_;
};

// "http://host:port/path" -> parts; nullopt for anything else (https is refused: see above).
struct Endpoint {
  std::string host;
  std::string port;
  std::string target;               // path and query, "/" when empty
  std::optional<std::string> user;  // smtp://user:password@host:port
  std::optional<std::string> password;
};
std::optional<Endpoint> parse_endpoint(const std::string& url, const std::string& scheme);

struct HttpAnswer {
  int status = 0;
  std::string body;
};

// POSTs `body` to `url` (http://…) with `headers`; any answer is returned (the caller
// judges the status). Throws DeliveryError(retry) when no answer came.
HttpAnswer post(const std::string& url,
                const std::vector<std::pair<std::string, std::string>>& headers,
                const std::string& body, std::chrono::milliseconds timeout);

struct Mail {
  std::string from;
  std::string to;
  std::string subject;  // UTF-8; sent RFC 2047-encoded
  std::string text;     // UTF-8; sent base64-encoded as text/plain
};

// Sends `mail` through the SMTP server at `url` (smtp://[user:password@]host[:port],
// port 25 by default; AUTH PLAIN when a user is given). Throws DeliveryError: retry
// for network failures and 4xx replies, not for 5xx (a rejected address).
void send_mail(const std::string& url, const Mail& mail, std::chrono::milliseconds timeout);

}  // namespace changwat::http::outbound
