#include "platform/audit/api.hpp"

#include <boost/json.hpp>

#include "base/error.hpp"
#include "base/json_or_null.hpp"
#include "http/params.hpp"
#include "platform/audit/audit_log.hpp"
#include "platform/audit/vocabulary.hpp"
#include "thai/calendar.hpp"
#include "thai/timestamp.hpp"

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

boost::json::value optional_label(std::optional<std::string_view> label) {
  if (!label) return nullptr;
  return boost::json::value(*label);
}

// One row per field that differs between before and after (every field of a
// created or deleted record), with its Thai name and readable values.
boost::json::array changes_of(const boost::json::value& before, const boost::json::value& after) {
  boost::json::array changes;
  const boost::json::object* old_fields = before.if_object();
  const boost::json::object* new_fields = after.if_object();
  if (!old_fields && !new_fields) return changes;
  static const boost::json::value kNull;
  auto add = [&](std::string_view field) {
    const boost::json::value* old_value = old_fields ? old_fields->if_contains(field) : nullptr;
    const boost::json::value* new_value = new_fields ? new_fields->if_contains(field) : nullptr;
    const boost::json::value& from = old_value ? *old_value : kNull;
    const boost::json::value& to = new_value ? *new_value : kNull;
    if (old_fields && new_fields && from == to) return;
    auto label = field_label_th(field);
    changes.push_back({{"field", field},
                       {"label_th", label ? boost::json::value(*label) : boost::json::value(field)},
                       {"before", from},
                       {"after", to},
                       {"before_th", value_text_th(field, from)},
                       {"after_th", value_text_th(field, to)}});
  };
  if (new_fields) {
    for (const auto& field : *new_fields) add(field.key());
  }
  if (old_fields) {
    for (const auto& field : *old_fields) {
      if (!new_fields || !new_fields->contains(field.key())) add(field.key());
    }
  }
  return changes;
}

boost::json::object entry_json(const Entry& e) {
  boost::json::value before = parse_stored(e.before_json);
  boost::json::value after = parse_stored(e.after_json);
  boost::json::array changes = changes_of(before, after);
  return {{"id", e.id},
          {"user", json_or_null(e.username)},
          {"user_name", json_or_null(e.user_name)},
          {"at", e.at},
          {"at_th", json_or_null(thai::format_utc_timestamp(e.at))},
          {"address", e.address},
          {"entity", e.entity},
          {"entity_th", optional_label(entity_label_th(e.entity))},
          {"entity_id", e.entity_id},
          {"action", e.action},
          {"action_th", optional_label(action_label_th(e.action))},
          {"before", std::move(before)},
          {"after", std::move(after)},
          {"changes", std::move(changes)}};
}

}  // namespace

void register_routes(http::Router& router, db::Database& database) {
  router.add(http::Method::get, "/api/v1/audit", [&database](http::Context& ctx) {
    const auto& request = ctx.request;
    Filter filter;
    FieldErrors errors;
    if (auto entity = request.query_param("entity"); entity && !entity->empty()) {
      // The stored name ("need") or words of the Thai name people see ("ความต้องการ").
      // A name the table does not know is matched as it is.
      filter.entities = entities_matching(*entity);
      if (filter.entities.empty()) filter.entities.push_back(*entity);
    }
    if (auto user = request.query_param("user"); user && !user->empty()) filter.username = *user;
    // Days in Thailand (UTC+7), typed as 2026-12-02 or 2 ธ.ค. 2569 (thai::parse_date);
    // an entry stamped 2026-12-01T20:00:00Z is on 2 Dec.
    std::optional<thai::Date> from;
    std::optional<thai::Date> to;
    for (auto [name, target] : {std::pair{"from", &from}, {"to", &to}}) {
      auto value = request.query_param(name);
      if (!value || value->empty()) continue;
      try {
        *target = thai::parse_date(*value, name);
      } catch (const Error& error) {
        errors.add(name, error.message());
      }
    }
    if (from && to && *to < *from) {
      errors.add("to", {"วันที่สิ้นสุดต้องไม่ก่อนวันที่เริ่ม", "The end date must not be before the start"});
    }
    if (from) filter.from_at = thai::thai_day_start_utc(*from);
    if (to) filter.before_at = thai::thai_day_end_utc(*to);
    filter.before_id = parse_positive(request.query_param("before_id"), "before_id", errors);
    if (auto limit = parse_positive(request.query_param("limit"), "limit", errors))
      filter.limit = std::min<std::int64_t>(*limit, 500);
    errors.throw_if_any();

    boost::json::array entries;
    for (const auto& e : search(database, ctx.actor, filter)) entries.push_back(entry_json(e));
    return http::Response::json(boost::json::object{{"entries", std::move(entries)}});
  });

  // The entity names with their Thai names, for a filter list.
  router.add(http::Method::get, "/api/v1/audit/entities", [](http::Context& ctx) {
    ctx.actor.require_role({Role::admin, Role::auditor});
    boost::json::array entities;
    for (const auto& name : entity_names()) {
      entities.push_back({{"entity", name.entity}, {"label_th", name.label_th}});
    }
    return http::Response::json(boost::json::object{{"entities", std::move(entities)}});
  });
}

}  // namespace changwat::audit
