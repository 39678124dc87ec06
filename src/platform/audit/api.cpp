#include "platform/audit/api.hpp"

#include <boost/json.hpp>
#include <regex>

#include "base/error.hpp"
#include "base/json_or_null.hpp"
#include "http/params.hpp"
#include "platform/audit/audit_log.hpp"

namespace changwat::audit {
namespace {

boost::json::value parse_stored(const std::string& text) {
  if (text.empty()) return nullptr;
  return boost::json::parse(text);
}

std::optional<std::int64_t> parse_positive(const std::optional<std::string>& text,
                                           const char* field, FieldErrors& errors) {
  if (!text) return std::nullopt;
  std::optional<std::int64_t> value = http::parse_integer(*text);
  if (!value || *value <= 0) {
    errors.add(field, {"ต้องเป็นจำนวนเต็มบวก", "Must be a positive whole number"});
    return std::nullopt;
  }
  return value;
}

}  // namespace

void register_routes(http::Router& router, db::Database& database) {
  router.add(http::Method::get, "/api/v1/audit", [&database](http::Context& ctx) {
    const auto& request = ctx.request;
    Filter filter;
    FieldErrors errors;
    filter.entity = request.query_param("entity");
    filter.username = request.query_param("user");
    static const std::regex kDate("^\\d{4}-\\d{2}-\\d{2}$");
    for (auto [name, target] : {std::pair{"from", &filter.from_date}, {"to", &filter.to_date}}) {
      auto value = request.query_param(name);
      if (!value || value->empty()) continue;
      if (!std::regex_match(*value, kDate))
        errors.add(name,
                   {"วันที่ต้องอยู่ในรูปแบบ ปปปป-ดด-วว (ค.ศ.)", "Date must be YYYY-MM-DD (Common Era)"});
      else
        *target = *value;
    }
    filter.before_id = parse_positive(request.query_param("before_id"), "before_id", errors);
    if (auto limit = parse_positive(request.query_param("limit"), "limit", errors))
      filter.limit = std::min<std::int64_t>(*limit, 500);
    errors.throw_if_any();

    boost::json::array entries;
    for (const auto& e : search(database, ctx.actor, filter)) {
      entries.push_back({{"id", e.id},
                         {"user", json_or_null(e.username)},
                         {"at", e.at},
                         {"address", e.address},
                         {"entity", e.entity},
                         {"entity_id", e.entity_id},
                         {"action", e.action},
                         {"before", parse_stored(e.before_json)},
                         {"after", parse_stored(e.after_json)}});
    }
    return http::Response::json(boost::json::object{{"entries", std::move(entries)}});
  });
}

}  // namespace changwat::audit
