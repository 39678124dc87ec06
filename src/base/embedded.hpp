#pragma once
// Files compiled into the binary (migrations, reference data), see cmake/embed.cmake.
#include <string_view>
#include <vector>

namespace changwat {

struct EmbeddedFile {
  std::string_view name;  // file name without directory, e.g. "0001_platform.sql"
  std::string_view content;
};

// SQL migrations from migrations/*.sql, sorted by name.
const std::vector<EmbeddedFile>& embedded_migrations();
// Reference and demo data from data/*, sorted by name.
const std::vector<EmbeddedFile>& embedded_data();

}  // namespace changwat
