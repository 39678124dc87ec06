#pragma once
// What the plan module's route files share: path ids, ?version=, an optional body,
// and gzip of big cached documents. Parameter parsing common to every module is in
// http/params.hpp.
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "http/json_body.hpp"
#include "http/router.hpp"
#include "modules/plan/service.hpp"

namespace changwat::plan::api {

std::int64_t plan_id_of(const http::Context& ctx);
std::int64_t element_id_of(const http::Context& ctx);
// ?version=N, or ?version=draft for the open draft; none = the version in force.
std::optional<int> version_of(PlanService& service, http::Context& ctx);
// A body that may be left out entirely (approve, revisions).
std::optional<http::JsonBody> optional_body(const http::Request& request);

// Gzip of big cached documents (a whole tree is megabytes), made once per
// document and kept as long as the document itself is cached.
class GzipCache {
 public:
  // The gzip of `document`, compressed on first use.
  std::shared_ptr<const std::string> get(const std::shared_ptr<const std::string>& document);

 private:
  std::mutex mutex_;
  std::vector<std::pair<std::weak_ptr<const std::string>, std::shared_ptr<const std::string>>>
      entries_;
};

// A cached JSON document, gzip-encoded from the cache when the client accepts it
// (compressing megabytes on every request would cost more than everything else).
http::Response cached_json(GzipCache& gzip, const http::Context& ctx,
                           const std::shared_ptr<const std::string>& json);

}  // namespace changwat::plan::api
