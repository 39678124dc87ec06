#include "platform/areas/directory.hpp"

#include <algorithm>

#include "base/error.hpp"

namespace changwat::areas {

std::string province_for(const Directory& directory, const Actor& actor,
                         const std::optional<std::string>& named, const char* field) {
  if (actor.principal) return actor.principal->province_code;
  std::vector<std::string> provinces = directory.deployment_provinces();
  FieldErrors errors;
  if (named) {
    if (std::find(provinces.begin(), provinces.end(), *named) != provinces.end()) return *named;
    errors.add(field, {"จังหวัด " + *named + " ไม่อยู่ในระบบนี้ (ไม่มีหน่วยงานของจังหวัดนี้)",
                       "Province " + *named + " is not served here (it has no agencies)"});
  } else if (provinces.size() == 1) {
    return provinces.front();
  } else if (provinces.empty()) {
    errors.add(field, {"ระบบยังไม่มีจังหวัด: โหลดหน่วยงานของจังหวัดก่อน",
                       "No province is served yet: load the province's agencies first"});
  } else {
    errors.add(field, {"ระบบนี้ดูแลหลายจังหวัด ต้องระบุจังหวัด",
                       "This deployment serves several provinces: name one"});
  }
  errors.throw_if_any();
  return {};  // not reached: throw_if_any threw
}

}  // namespace changwat::areas
