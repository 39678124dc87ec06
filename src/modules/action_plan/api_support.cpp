#include "modules/action_plan/api_support.hpp"

#include <boost/json.hpp>

#include "modules/action_plan/json.hpp"

namespace changwat::action_plan::api {

std::int64_t plan_id_of(const http::Request& request) {
  return http::path_id(request, "id", {"แผนปฏิบัติราชการประจำปี", "Action plan"});
}

std::int64_t element_id_of(const http::Request& request) {
  return http::path_id(request, "element_id",
                       {"โครงการในแผนปฏิบัติราชการประจำปี", "Project of the action plan"});
}

Month month_of(const http::Request& request) {
  auto month = parse_month(request.param("month"));
  if (!month) {
    http::throw_bad_parameter("month", {"ต้องเป็นเดือนแบบ YYYY-MM (ค.ศ.) เช่น 2026-03",
                                        "must be a Gregorian month as YYYY-MM, e.g. 2026-03"});
  }
  return *month;
}

http::Response project_response(const ActionPlanService& service, std::int64_t id,
                                const ProjectBook& book, int status) {
  auto view = service.view(id);
  return http::Response::json(
      project_to_json(book, meta_of(*view.index, book.project), service.areas()), status);
}

http::Response write_project(http::JsonBody& body, const http::Request& request,
                             const ActionPlanService& service, const ProjectWrite& write) {
  std::int64_t version = body.integer("version");
  body.finish();
  std::int64_t id = plan_id_of(request);
  auto book = write(id, element_id_of(request), version);
  return project_response(service, id, *book);
}

}  // namespace changwat::action_plan::api
