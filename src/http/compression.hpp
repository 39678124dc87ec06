#pragma once
// gzip for responses (zlib, gzip wrapper). Kept apart from the server so it is
// testable without sockets and the server file stays the only Beast user.
#include <cstddef>
#include <string>
#include <string_view>

#include "http/message.hpp"

namespace changwat::http {

// Bodies below this size are sent as they are: gzip's header and the CPU cost
// are not worth it.
inline constexpr std::size_t kMinimumCompressedSize = 1024;

std::string gzip_compress(std::string_view data, int level = 6);
// Throws std::runtime_error on corrupt input or output beyond `max_output` bytes.
std::string gzip_decompress(std::string_view data, std::size_t max_output = 64 * 1024 * 1024);

// Accept-Encoding allows gzip (q-values honoured, "*" counts, "gzip;q=0" refuses).
bool accepts_gzip(std::string_view accept_encoding);
// json, text/*, JavaScript, CSS, SVG, HTML.
bool is_compressible(std::string_view content_type);

// Whether compress_if_worthwhile would gzip this body (before trying).
bool wants_gzip(const Request& request, const Response& response);

// Compresses the body in place when the client accepts gzip, the body is at least
// kMinimumCompressedSize, the type is compressible and the response is not already
// encoded; sets Content-Encoding. Adds Vary: Accept-Encoding for every compressible
// response, compressed or not, so caches keep the variants apart.
void compress_if_worthwhile(const Request& request, Response& response);

}  // namespace changwat::http
