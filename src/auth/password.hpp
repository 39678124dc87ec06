#pragma once
// Argon2id password hashing (libsodium). Deliberately slow: callers run it on the
// server's slow lane, never on an I/O thread.
#include <string>
#include <string_view>

namespace changwat::auth {

// Encoded Argon2id hash ("$argon2id$v=19$m=…") with a random salt.
std::string hash_password(std::string_view password);
// True if `password` matches `encoded_hash`; false for a malformed hash.
bool verify_password(std::string_view encoded_hash, std::string_view password);
// A valid hash of a random password, verified against when the user is unknown so
// both answers take the same time.
const std::string& decoy_hash();

}  // namespace changwat::auth
