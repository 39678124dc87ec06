#pragma once
// Turns the raw pieces the server reads off the wire into a Request: target
// decoding (Boost.URL), request id, client address behind a trusted proxy.
// Beast-free so the rules are unit-tested without sockets.
#include <optional>
#include <string>
#include <string_view>

#include "base/error.hpp"
#include "http/message.hpp"

namespace changwat::http {

Method parse_method(std::string_view name);

// Fills request.path (percent-decoded) and request.query (decoded, '+' is a
// space) from request.target. Throws Error(validation, "invalid_target") for a
// target that is not origin-form ("/path?query"), has broken percent-encoding, or
// decodes to a NUL byte.
void parse_target(Request& request);

// Keeps an incoming X-Request-Id when it is 1–64 characters of [A-Za-z0-9._-];
// otherwise makes 16 random bytes as 32 hex digits.
std::string choose_request_id(std::optional<std::string_view> incoming);
std::string random_request_id();

// remote_address is the socket peer unless `trust_proxy`: then the right-most
// X-Forwarded-For entry (the one our proxy appended) wins, and `secure` follows
// X-Forwarded-Proto.
void apply_client_address(Request& request, std::string socket_address, bool trust_proxy);

}  // namespace changwat::http
