#pragma once
// What this module's route files share: path ids, project answers, lists in JSON
// bodies. Path ids, query integers and enums come from http/params.hpp, so their
// errors read the same as every other module's.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "http/json_body.hpp"
#include "http/message.hpp"
#include "http/params.hpp"
#include "modules/action_plan/service.hpp"

namespace changwat::action_plan::api {

std::int64_t plan_id_of(const http::Request& request);     // {id}: 404 if not an id
std::int64_t element_id_of(const http::Request& request);  // {element_id}
Month month_of(const http::Request& request);              // {month}: 400 if not YYYY-MM

// The project as GET /action-plans/{id} shows it.
http::Response project_response(const ActionPlanService& service, std::int64_t id,
                                const ProjectBook& book, int status = 200);

// A list of objects under `field`, each read by `read` with its own JsonBody;
// problems of item i are reported as "field[i].name".
void read_list(http::JsonBody& body, const char* field, std::size_t max_items,
               const std::function<void(http::JsonBody& item)>& read);

}  // namespace changwat::action_plan::api
