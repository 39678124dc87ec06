#pragma once
// A generated wave of an outbreak: invented people (identity numbers DEMO-…, marked
// demo), cases spread over days with chains and clusters, contacts of them and every
// follow-up visit, written with multi-row inserts in the caller's transaction. The
// demo's past wave (300 cases, 2,000 contacts) and the benchmarks (20,000 cases,
// 100,000 contacts) use it.
#include <cstdint>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "modules/health/model.hpp"

namespace changwat::health {

struct WaveSpec {
  std::string key;  // the outbreak's demo key; also in the people's DEMO- numbers
  Outbreak outbreak;
  std::string cases_from;
  std::string cases_to;
  int cases = 0;
  int contacts = 0;
  std::vector<std::string> clusters;
};

struct WavePeople {
  std::vector<std::string> first_names;
  std::vector<std::string> last_names;
};

// Visits before `today` are done (seen; the first contact had a fever at its last);
// the rest open. Returns the outbreak's id.
std::int64_t generate_wave(db::Connection& connection, const std::string& province_code,
                           const std::vector<std::string>& districts,
                           const std::vector<std::int64_t>& teams, const std::string& today,
                           const WavePeople& names, const WaveSpec& spec);

}  // namespace changwat::health
