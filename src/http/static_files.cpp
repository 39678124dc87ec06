#include "http/static_files.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <string_view>
#include <system_error>

namespace changwat::http {
namespace {

namespace fs = std::filesystem;

// The whole cache stays small: a built SPA is a few megabytes.
constexpr std::uintmax_t kMaxCachedBytes = 64 * 1024 * 1024;

struct CachedFile {
  fs::file_time_type modified;
  std::uintmax_t size = 0;
  std::string content;
  std::string etag;
};

std::string_view content_type_for(const fs::path& file) {
  static const std::map<std::string, std::string_view, std::less<>> kTypes{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".webp", "image/webp"},
      {".gif", "image/gif"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".ttf", "font/ttf"},
      {".json", "application/json; charset=utf-8"},
      {".webmanifest", "application/manifest+json"},
      {".ico", "image/x-icon"},
      {".txt", "text/plain; charset=utf-8"},
      {".map", "application/json; charset=utf-8"},
      {".wasm", "application/wasm"},
  };
  std::string extension = file.extension().string();
  for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto found = kTypes.find(extension);
  return found == kTypes.end() ? "application/octet-stream" : found->second;
}

// FNV-1a: stable across builds and runs, so ETags survive a restart.
std::string make_etag(std::string_view content) {
  std::uint64_t hash = 1469598103934665603ULL;
  for (unsigned char c : content) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  // Weak: the server may send the same file gzip-encoded or not.
  return fmt::format("W/\"{:016x}-{:x}\"", hash, content.size());
}

std::string_view strip_weak(std::string_view tag) {
  if (tag.starts_with("W/")) tag.remove_prefix(2);
  return tag;
}

bool etag_matches(std::string_view if_none_match, std::string_view etag) {
  while (!if_none_match.empty()) {
    std::size_t comma = if_none_match.find(',');
    std::string_view candidate = if_none_match.substr(0, comma);
    if_none_match =
        comma == std::string_view::npos ? std::string_view() : if_none_match.substr(comma + 1);
    while (!candidate.empty() && candidate.front() == ' ') candidate.remove_prefix(1);
    while (!candidate.empty() && candidate.back() == ' ') candidate.remove_suffix(1);
    if (candidate == "*" || strip_weak(candidate) == strip_weak(etag)) return true;
  }
  return false;
}

[[noreturn]] void throw_file_not_found() {
  throw Error(ErrorKind::not_found, "route_not_found",
              {"ไม่พบที่อยู่ที่ร้องขอ", "There is nothing at this address"});
}

[[noreturn]] void throw_web_not_built() {
  throw Error(
      ErrorKind::not_found, "web_not_built",
      {"ยังไม่ได้สร้างหน้าเว็บ (web UI) สำหรับเซิร์ฟเวอร์นี้ ผู้ดูแลระบบต้องสร้างด้วย npm run build ในโฟลเดอร์ web",
       "The web UI is not built for this server; an administrator has to run "
       "npm run build in web/"});
}

// True if `path` has a segment that is "..", or bytes no file name should have.
bool is_suspicious(std::string_view path) {
  if (path.find('\\') != std::string_view::npos || path.find('\0') != std::string_view::npos)
    return true;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t slash = path.find('/', start);
    std::string_view segment = path.substr(
        start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    if (segment == "..") return true;
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return false;
}

bool is_inside(const fs::path& root, const fs::path& file) {
  auto [root_end, unused] = std::mismatch(root.begin(), root.end(), file.begin(), file.end());
  return root_end == root.end();
}

class StaticFiles {
 public:
  explicit StaticFiles(std::string directory) : directory_(std::move(directory)) {}

  Response serve(const Request& request) {
    const std::string& path = request.path;
    // The API never falls back to the SPA: a client calling a wrong API address
    // must get a JSON 404, not index.html with 200.
    if (path == "/api" || path.starts_with("/api/")) throw_file_not_found();
    if (request.method != Method::get && request.method != Method::head) {
      Response response = error_response(
          Error(ErrorKind::method_not_allowed, "method_not_allowed",
                {"ที่อยู่นี้ไม่รองรับคำสั่ง " + std::string(method_name(request.method)),
                 "This address does not accept " + std::string(method_name(request.method))}),
          request.request_id);
      response.add_header("Allow", "GET, HEAD");
      return response;
    }
    std::error_code error;
    fs::path root = fs::canonical(directory_, error);
    if (error || !fs::is_directory(root, error)) throw_web_not_built();
    if (is_suspicious(path)) throw_file_not_found();

    std::string relative =
        path.substr(path.find_first_not_of('/') == std::string::npos ? path.size()
                                                                     : path.find_first_not_of('/'));
    bool is_asset = path.starts_with("/assets/");
    if (!relative.empty() && relative.back() != '/') {
      fs::path candidate = root / fs::path(relative);
      if (fs::is_regular_file(candidate, error)) {
        fs::path resolved = fs::canonical(candidate, error);
        // A symbolic link that leads out of the directory is treated as absent.
        if (error || !is_inside(root, resolved)) throw_file_not_found();
        return respond(request, resolved, is_asset);
      }
    }
    // Hashed assets never fall back: index.html as a script only confuses browsers.
    if (is_asset) throw_file_not_found();
    fs::path index = root / "index.html";
    if (!fs::is_regular_file(index, error)) throw_web_not_built();
    return respond(request, index, false);
  }

 private:
  Response respond(const Request& request, const fs::path& file, bool immutable) {
    std::shared_ptr<const CachedFile> cached = load(file);
    Response response;
    response.add_header("ETag", cached->etag);
    response.add_header("Cache-Control",
                        immutable ? "public, max-age=31536000, immutable" : "no-cache");
    response.add_header("X-Content-Type-Options", "nosniff");
    if (auto if_none_match = request.header("if-none-match");
        if_none_match && etag_matches(*if_none_match, cached->etag)) {
      response.status = 304;
      response.content_type.clear();
      return response;
    }
    response.content_type = std::string(content_type_for(file));
    response.body = cached->content;
    return response;
  }

  std::shared_ptr<const CachedFile> load(const fs::path& file) {
    std::error_code error;
    fs::file_time_type modified = fs::last_write_time(file, error);
    std::uintmax_t size = error ? 0 : fs::file_size(file, error);
    if (error) throw_file_not_found();
    std::string key = file.string();
    {
      std::lock_guard lock(mutex_);
      auto found = cache_.find(key);
      if (found != cache_.end() && found->second->modified == modified &&
          found->second->size == size)
        return found->second;
    }
    std::ifstream stream(file, std::ios::binary);
    if (!stream) throw_file_not_found();
    auto loaded = std::make_shared<CachedFile>();
    loaded->content.assign(std::istreambuf_iterator<char>(stream),
                           std::istreambuf_iterator<char>());
    loaded->modified = modified;
    loaded->size = loaded->content.size();
    loaded->etag = make_etag(loaded->content);
    std::lock_guard lock(mutex_);
    auto found = cache_.find(key);
    if (found != cache_.end()) cached_bytes_ -= found->second->size;
    if (cached_bytes_ + loaded->size <= kMaxCachedBytes) {
      cache_[key] = loaded;
      cached_bytes_ += loaded->size;
    } else if (found != cache_.end()) {
      cache_.erase(found);
    }
    return loaded;
  }

  std::string directory_;
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const CachedFile>> cache_;
  std::uintmax_t cached_bytes_ = 0;
};

}  // namespace

Handler static_files(std::string directory) {
  auto files = std::make_shared<StaticFiles>(std::move(directory));
  return [files](Context& context) { return files->serve(context.request); };
}

}  // namespace changwat::http
