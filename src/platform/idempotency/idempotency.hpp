#pragma once
// Replayable writes (the `Idempotency-Key` request header): a phone's offline queue
// may send the same write twice (a lost answer, a reload), and nothing may happen
// twice. A write sent with a key is run once per (user, key): replayed with the same
// request it gets the first answer again (same status, type and body, plus
// `Idempotent-Replayed: true`); with another request under the same key, 409.
//
// The record is written in the same transaction as the write itself: the handler
// runs inside this kit's write transaction (services nest into it), so either both
// commit or neither does. Only successful answers (2xx) are kept; a refused write
// stores nothing and is refused again when replayed. Records expire after kKeepFor.
//
// Usage in a route file (any module):
//   router.add(Method::put, "/api/v1/…", idempotency::idempotent(database, handler));
#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "http/router.hpp"

namespace changwat::idempotency {

inline constexpr std::chrono::hours kKeepFor{24 * 7};
inline constexpr std::size_t kMaxKeyLength = 200;

struct Options {
  // Request headers that are part of the request besides method, path, query, body
  // and Content-Type (e.g. a photo's X-Latitude): another value is another request.
  std::vector<std::string> headers;  // lower case
};

// Runs `handler` for `ctx` under its Idempotency-Key (or plainly when it has none or
// nobody is signed in). 400 for a malformed key; 409 for a key reused with another
// request or still being answered.
http::Response run(db::Database& database, http::Context& ctx, const http::Handler& handler,
                   const Options& options = {});

// The handler wrapped by run(), for Router::add.
http::Handler idempotent(db::Database& database, http::Handler handler, Options options = {});

// Forgets records past their expiry (the kit also does this per user as it writes).
std::int64_t purge_expired(db::Connection& connection);

}  // namespace changwat::idempotency
