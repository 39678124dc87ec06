#pragma once
// Serves the built web UI from a directory: GET/HEAD only, no path traversal,
// correct content types, immutable caching for hashed assets (/assets/*),
// no-cache for index.html, and index.html for unknown non-API paths (SPA routes).
#include <string>

#include "http/router.hpp"

namespace changwat::http {

Handler static_files(std::string directory);

}  // namespace changwat::http
