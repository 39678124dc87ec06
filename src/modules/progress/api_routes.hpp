#pragma once
// The route groups of the progress module; ProgressModule::register_routes adds them.
#include "db/database.hpp"
#include "http/router.hpp"
#include "modules/progress/service.hpp"

namespace changwat::progress::api {

// GET/PUT /api/v1/projects/{element_id}/progress[/{month}]
void add_progress_routes(http::Router& router, ProgressService& service);
// /api/v1/projects/{element_id}/photos, /api/v1/photos/{id}[/thumbnail]
void add_photo_routes(http::Router& router, ProgressService& service);

}  // namespace changwat::progress::api
