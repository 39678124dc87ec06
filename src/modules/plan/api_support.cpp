#include "modules/plan/api_support.hpp"

#include "http/compression.hpp"
#include "http/params.hpp"

namespace changwat::plan::api {

using http::Context;
using http::JsonBody;
using http::query_integer;
using http::Response;
using http::throw_bad_parameter;

std::int64_t plan_id_of(const Context& ctx) {
  return http::path_id(ctx.request, "id", {"แผนพัฒนานี้", "Plan"});
}

std::int64_t element_id_of(const Context& ctx) {
  return http::path_id(ctx.request, "element_id", {"องค์ประกอบของแผนนี้", "Plan element"});
}

std::optional<int> version_of(PlanService& service, Context& ctx) {
  auto text = ctx.request.query_param("version");
  if (!text || text->empty()) return std::nullopt;
  if (*text == "draft") {
    Plan plan = service.get_plan(ctx.actor, plan_id_of(ctx));
    if (!plan.draft_version) {
      throw_not_found("ฉบับร่างของแผน", "Open draft of the plan");
    }
    return *plan.draft_version;
  }
  auto number = query_integer(ctx.request, "version");
  if (!number || *number < 1 || *number > 100000) {
    throw_bad_parameter("version", {"ต้องเป็นเลขฉบับหรือ draft", "must be a version number or draft"});
  }
  return static_cast<int>(*number);
}

std::optional<JsonBody> optional_body(const http::Request& request) {
  if (request.body.empty()) return std::nullopt;
  return std::optional<JsonBody>(std::in_place, request);
}

Response cached_json(GzipCache& gzip, const Context& ctx,
                     const std::shared_ptr<const std::string>& json) {
  auto encoding = ctx.request.header("accept-encoding");
  bool compress =
      encoding && http::accepts_gzip(*encoding) && json->size() >= http::kMinimumCompressedSize;
  Response response =
      Response::text(compress ? *gzip.get(json) : *json, "application/json; charset=utf-8");
  if (compress) response.add_header("Content-Encoding", "gzip");
  response.add_header("Vary", "Accept-Encoding");
  return response;
}

std::shared_ptr<const std::string> GzipCache::get(
    const std::shared_ptr<const std::string>& document) {
  {
    std::lock_guard lock(mutex_);
    for (auto it = entries_.begin(); it != entries_.end();) {
      if (it->first.expired()) {
        it = entries_.erase(it);
        continue;
      }
      if (it->first.lock() == document) return it->second;
      ++it;
    }
  }
  auto compressed = std::make_shared<const std::string>(http::gzip_compress(*document));
  std::lock_guard lock(mutex_);
  entries_.emplace_back(document, compressed);
  return compressed;
}

}  // namespace changwat::plan::api
