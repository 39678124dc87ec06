#pragma once
// What this module's route files share: path ids, project answers, lists in JSON
// bodies. Path ids, query integers and enums come from http/params.hpp, so their
// errors read the same as every other module's.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "http/json_body.hpp"
#include "http/json_lists.hpp"
#include "http/message.hpp"
#include "http/params.hpp"
#include "modules/action_plan/service.hpp"

namespace changwat::action_plan::api {

// The names every route file of the module uses.
using http::Context;
using http::JsonBody;
using http::Method;
using http::Response;

std::int64_t plan_id_of(const http::Request& request);     // {id}: 404 if not an id
std::int64_t element_id_of(const http::Request& request);  // {element_id}
Month month_of(const http::Request& request);              // {month}: 400 if not YYYY-MM

// The project as GET /action-plans/{id} shows it.
http::Response project_response(const ActionPlanService& service, std::int64_t id,
                                const ProjectBook& book, int status = 200);

// The end of a route that changes one project: reads `version`, finishes the body (one
// 400 with every problem), calls `write(id, element_id, version)` with the path's ids
// and answers with the changed project as GET /action-plans/{id} shows it.
using ProjectWrite = std::function<std::shared_ptr<const ProjectBook>(
    std::int64_t id, std::int64_t element_id, std::int64_t version)>;
http::Response write_project(http::JsonBody& body, const http::Request& request,
                             const ActionPlanService& service, const ProjectWrite& write);

// Lists of objects in bodies: absent or null is refused (http/json_lists.hpp).
using http::read_list;

}  // namespace changwat::action_plan::api
