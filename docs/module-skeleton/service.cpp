#include "modules/sample/service.hpp"

#include "base/error.hpp"
#include "modules/sample/item_store.hpp"
#include "modules/sample/json.hpp"
#include "modules/sample/rules.hpp"
#include "platform/audit/audit_log.hpp"

namespace changwat::sample {

std::vector<Item> SampleService::list(const Actor& actor, std::int64_t plan_id) const {
  return database_.read([&](db::Connection& connection) {
    plans_.get_plan(actor, plan_id);  // 404 for a plan the caller cannot see
    return ItemStore(connection).list(plan_id);
  });
}

Item SampleService::create(const Actor& actor, const NewItem& input) {
  const Principal& principal = rules::require_editor(actor);
  FieldErrors errors;
  rules::check_title(errors, input.title);
  errors.throw_if_any();
  return database_.write([&](db::Connection& connection) {
    // The item belongs to the plan's province; a plan of another province is not yours.
    plan::Plan plan = plans_.get_plan(actor, input.plan_id);
    if (plan.province_code != principal.province_code) throw_forbidden();
    Item item;
    item.province_code = plan.province_code;
    item.plan_id = plan.id;
    item.title = input.title;
    item.id = ItemStore(connection).insert(item, std::nullopt);
    audit::record(connection, actor, "sample_item", std::to_string(item.id), "create", nullptr,
                  item_json(item));
    return item;
  });
}

Item SampleService::update(const Actor& actor, std::int64_t id, const ItemChange& change) {
  const Principal& principal = rules::require_editor(actor);
  return database_.write([&](db::Connection& connection) {
    ItemStore store(connection);
    std::optional<Item> found = store.find(id);
    if (!found || found->province_code != principal.province_code)
      throw_not_found("รายการนี้", "Item");
    Item before = *found;
    Item item = *found;
    item.version = change.version;
    if (change.title) item.title = *change.title;
    if (change.status) item.status = *change.status;
    FieldErrors errors;
    rules::check_title(errors, item.title);
    errors.throw_if_any();
    if (!store.update(item)) throw_stale_version();
    item.version = change.version + 1;
    audit::record(connection, actor, "sample_item", std::to_string(id), "update",
                  item_json(before), item_json(item));
    return item;
  });
}

}  // namespace changwat::sample
