#include "platform/areas/api.hpp"

#include <boost/json.hpp>
#include <memory>
#include <shared_mutex>
#include <unordered_map>

#include "base/error.hpp"
#include "http/json_body.hpp"
#include "platform/areas/json.hpp"
#include "thai/calendar.hpp"

namespace changwat::areas {
namespace {

void check_area_code(const std::string& code) {
  bool digits = !code.empty() && code.find_first_not_of("0123456789") == std::string::npos;
  if (!digits || (code.size() != 2 && code.size() != 4 && code.size() != 6 && code.size() != 8)) {
    throw Error(
        ErrorKind::validation, "invalid_input", {"ข้อมูลไม่ถูกต้อง", "Invalid input"},
        {{"code", {"รหัสพื้นที่ต้องเป็นตัวเลข 2, 4, 6 หรือ 8 หลัก", "An area code is 2, 4, 6 or 8 digits"}}});
  }
}

// Area answers are reference data that never change while the server runs, so each
// code's JSON is built once, on first request, and served from memory after that.
class AreaJsonCache {
 public:
  explicit AreaJsonCache(AreaService& areas) : areas_(areas) {}

  // The cached answer, or nullptr before the first request for this code.
  std::shared_ptr<const std::string> find(const std::string& code) {
    std::shared_lock lock(mutex_);
    if (auto it = cache_.find(code); it != cache_.end()) return it->second;
    return nullptr;
  }

  std::shared_ptr<const std::string> get(const std::string& code) {
    if (auto cached = find(code)) return cached;
    auto body = std::make_shared<const std::string>(build(code));
    std::unique_lock lock(mutex_);
    return cache_.try_emplace(code, std::move(body)).first->second;
  }

 private:
  std::string build(const std::string& code) const {
    auto area = areas_.find(code);
    if (!area) throw_not_found("พื้นที่รหัส " + code, "Area " + code);
    boost::json::object out = area_json(*area);
    boost::json::array children;
    for (const auto& child : areas_.children(code)) children.push_back(area_json(child));
    out["children"] = std::move(children);
    // Breadcrumbs from the province down to this area's parent.
    boost::json::array path;
    for (auto parent = areas_.find(area->parent_code); parent;
         parent = areas_.find(parent->parent_code)) {
      path.insert(path.begin(), area_json(*parent));
      if (parent->parent_code.empty()) break;
    }
    out["path"] = std::move(path);
    return boost::json::serialize(out);
  }

  AreaService& areas_;
  std::shared_mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const std::string>> cache_;
};

}  // namespace

void register_routes(http::Router& router, AreaService& areas, AgencyService& agencies) {
  using http::Method;
  router.add(Method::get, "/api/v1/areas", [&areas](http::Context&) {
    boost::json::array provinces;
    for (const auto& p : areas.children("")) provinces.push_back(area_json(p));
    return http::Response::json(boost::json::object{{"areas", std::move(provinces)}});
  });

  auto area_cache = std::make_shared<AreaJsonCache>(areas);
  // Answered on the I/O thread once cached; the first request for a code (and any
  // unknown code) reads the database on a worker.
  router.add(
      Method::get, "/api/v1/areas/{code}",
      [area_cache](http::Context& ctx) {
        const std::string& code = ctx.request.param("code");
        check_area_code(code);
        auto body = area_cache->find(code);
        if (!body) {
          ctx.require_worker();
          body = area_cache->get(code);
        }
        auto response = http::Response::text(*body, "application/json; charset=utf-8");
        response.add_header("Cache-Control", "public, max-age=300");
        return response;
      },
      http::Lane::fast);

  // A signed-in user sees the agencies of their province; anyone else those of every
  // province this deployment serves (each agency names its province).
  router.add(Method::get, "/api/v1/agencies", [&areas](http::Context& ctx) {
    std::vector<std::string> provinces = areas.deployment_provinces();
    if (ctx.actor.principal) provinces = {ctx.actor.principal->province_code};
    boost::json::array list;
    for (const auto& province : provinces)
      for (const auto& a : areas.agencies(province)) list.push_back(agency_json(a));
    return http::Response::json(boost::json::object{{"agencies", std::move(list)}});
  });

  router.add(Method::get, "/api/v1/agencies/{code}", [&areas](http::Context& ctx) {
    auto agency = areas.find_agency(ctx.request.param("code"));
    if (!agency) throw_not_found("หน่วยงาน", "Agency");
    return http::Response::json(agency_json(*agency));
  });

  router.add(Method::post, "/api/v1/agencies", [&agencies](http::Context& ctx) {
    ctx.actor.require_role({Role::admin});
    http::JsonBody body(ctx.request);
    Agency agency;
    agency.code = body.text("code", 40);
    agency.name_th = body.text("name_th", 300);
    agency.name_en = body.text("name_en", 300);
    agency.kind = body.text("kind", 40);
    body.finish();
    return http::Response::json(agency_json(agencies.create(ctx.actor, agency)), 201);
  });

  router.add(Method::patch, "/api/v1/agencies/{code}", [&agencies](http::Context& ctx) {
    ctx.actor.require_role({Role::admin});
    http::JsonBody body(ctx.request);
    AgencyChange change;
    change.version = body.integer("version");
    change.name_th = body.optional_text("name_th", 300);
    change.name_en = body.optional_text("name_en", 300);
    change.kind = body.optional_text("kind", 40);
    body.finish();
    return http::Response::json(
        agency_json(agencies.update(ctx.actor, ctx.request.param("code"), change)));
  });

  router.add(Method::get, "/api/v1/fiscal-years", [](http::Context&) {
    int current = thai::fiscal_year(thai::today_in_thailand());
    boost::json::array years;
    // The span a five-year plan and its revisions need around today.
    for (int year = current - 5; year <= current + 5; ++year) {
      auto range = thai::fiscal_year_range(year);
      years.push_back({{"year", year},
                       {"first_day", thai::to_iso(range.first)},
                       {"last_day", thai::to_iso(range.last)},
                       {"current", year == current}});
    }
    return http::Response::json(boost::json::object{{"fiscal_years", std::move(years)}});
  });
}

}  // namespace changwat::areas
