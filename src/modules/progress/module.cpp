#include "modules/progress/module.hpp"

#include "modules/progress/api_routes.hpp"

namespace changwat::progress {

platform::ModuleInfo module_info() {
  return {"progress",
          platform::every_role(),
          {{"Progress"},
           {"/api/v1/projects/{element_id}/progress", "/api/v1/projects/{element_id}/photos",
            "/api/v1/photos"}}};
}

void register_routes(http::Router& router, ProgressService& service) {
  api::add_progress_routes(router, service);
  api::add_photo_routes(router, service);
}

}  // namespace changwat::progress
