#include "modules/progress/module.hpp"

#include "modules/progress/api_routes.hpp"

namespace changwat::progress {

void register_routes(http::Router& router, ProgressService& service) {
  api::add_progress_routes(router, service);
  api::add_photo_routes(router, service);
}

}  // namespace changwat::progress
