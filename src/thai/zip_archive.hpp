#pragma once
// Read-only view of a ZIP archive held in memory (an .xlsx is one), on libzip.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace changwat::thai {

class ZipArchive {
 public:
  // Takes the archive bytes. Throws Error(unsupported_media_type, "not_xlsx") when
  // they are not a ZIP archive (an old .xls gets its own message).
  explicit ZipArchive(std::string bytes);
  ~ZipArchive();
  ZipArchive(ZipArchive&&) noexcept;
  ZipArchive& operator=(ZipArchive&&) noexcept;

  // The uncompressed entry, or nullopt when there is none by that name. Throws
  // Error(payload_too_large) past `max_bytes` (a zip bomb), Error(validation,
  // "xlsx_corrupt") when the entry cannot be inflated.
  std::optional<std::string> read(std::string_view name, std::size_t max_bytes) const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// A new ZIP archive (deflated) of the named files, in order, as bytes: exports that
// are a set of files (a GTFS feed). Throws Error(internal) if libzip fails.
std::string zip_files(const std::vector<std::pair<std::string, std::string>>& files);

}  // namespace changwat::thai
