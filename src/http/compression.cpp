#include "http/compression.hpp"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <stdexcept>

namespace changwat::http {
namespace {

// windowBits 15 + 16 selects the gzip wrapper instead of zlib's own.
constexpr int kGzipWindowBits = 15 + 16;

std::string lower(std::string_view text) {
  std::string result(text);
  std::transform(result.begin(), result.end(), result.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return result;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// The q-value of one Accept-Encoding element ("gzip;q=0.5" -> 0.5); 1 if absent.
double quality(std::string_view parameters) {
  while (!parameters.empty()) {
    std::size_t end = parameters.find(';');
    std::string_view parameter = trim(parameters.substr(0, end));
    parameters = end == std::string_view::npos ? std::string_view() : parameters.substr(end + 1);
    if (parameter.size() >= 2 && (parameter[0] == 'q' || parameter[0] == 'Q') &&
        parameter[1] == '=') {
      std::string value(parameter.substr(2));
      char* parsed_end = nullptr;
      double q = std::strtod(value.c_str(), &parsed_end);
      if (parsed_end == value.c_str()) return 0;  // unreadable: do not assume consent
      return q;
    }
  }
  return 1;
}

}  // namespace

std::string gzip_compress(std::string_view data, int level) {
  z_stream stream{};
  if (deflateInit2(&stream, level, Z_DEFLATED, kGzipWindowBits, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("gzip: deflateInit2 failed");
  std::string out;
  out.resize(deflateBound(&stream, static_cast<uLong>(data.size())));
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  int result = deflate(&stream, Z_FINISH);
  deflateEnd(&stream);
  // deflateBound guarantees room, so one Z_FINISH call completes the stream.
  if (result != Z_STREAM_END) throw std::runtime_error("gzip: deflate did not finish");
  out.resize(stream.total_out);
  return out;
}

std::string gzip_decompress(std::string_view data, std::size_t max_output) {
  z_stream stream{};
  if (inflateInit2(&stream, kGzipWindowBits) != Z_OK)
    throw std::runtime_error("gzip: inflateInit2 failed");
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  std::string out;
  char chunk[16384];
  int result = Z_OK;
  while (result != Z_STREAM_END) {
    stream.next_out = reinterpret_cast<Bytef*>(chunk);
    stream.avail_out = sizeof chunk;
    result = inflate(&stream, Z_NO_FLUSH);
    if (result != Z_OK && result != Z_STREAM_END) {
      inflateEnd(&stream);
      throw std::runtime_error("gzip: corrupt or truncated data");
    }
    out.append(chunk, sizeof chunk - stream.avail_out);
    if (out.size() > max_output) {
      inflateEnd(&stream);
      throw std::runtime_error("gzip: output larger than allowed");
    }
    if (result == Z_OK && stream.avail_in == 0 && stream.avail_out != 0) {
      inflateEnd(&stream);
      throw std::runtime_error("gzip: truncated data");
    }
  }
  inflateEnd(&stream);
  return out;
}

bool accepts_gzip(std::string_view accept_encoding) {
  std::optional<double> gzip_quality;
  std::optional<double> any_quality;
  while (!accept_encoding.empty()) {
    std::size_t end = accept_encoding.find(',');
    std::string_view element = trim(accept_encoding.substr(0, end));
    accept_encoding =
        end == std::string_view::npos ? std::string_view() : accept_encoding.substr(end + 1);
    std::size_t semicolon = element.find(';');
    std::string coding = lower(trim(element.substr(0, semicolon)));
    double q = semicolon == std::string_view::npos ? 1 : quality(element.substr(semicolon + 1));
    if (coding == "gzip" || coding == "x-gzip")
      gzip_quality = q;
    else if (coding == "*")
      any_quality = q;
  }
  if (gzip_quality) return *gzip_quality > 0;
  return any_quality && *any_quality > 0;
}

bool is_compressible(std::string_view content_type) {
  std::string media = lower(trim(content_type.substr(0, content_type.find(';'))));
  return media.starts_with("text/") || media == "application/json" || media.ends_with("+json") ||
         media == "application/javascript" || media == "application/manifest+json" ||
         media == "image/svg+xml" || media == "application/xml" || media == "application/wasm";
}

bool wants_gzip(const Request& request, const Response& response) {
  if (response.body.size() < kMinimumCompressedSize) return false;
  if (!is_compressible(response.content_type)) return false;
  if (response.header("content-encoding")) return false;
  std::optional<std::string_view> accept = request.header("accept-encoding");
  return accept && accepts_gzip(*accept);
}

void compress_if_worthwhile(const Request& request, Response& response) {
  if (!is_compressible(response.content_type)) return;
  response.add_header("Vary", "Accept-Encoding");
  if (!wants_gzip(request, response)) return;
  std::string compressed = gzip_compress(response.body);
  if (compressed.size() >= response.body.size()) return;
  response.body = std::move(compressed);
  response.add_header("Content-Encoding", "gzip");
}

}  // namespace changwat::http
