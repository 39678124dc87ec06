// SWOT items of a plan (strengths, weaknesses, opportunities, threats), each with
// the evidence that supports it. The strategy office edits; everyone reads.
#include <algorithm>

#include "modules/participation/json.hpp"
#include "modules/participation/rules.hpp"
#include "modules/participation/service.hpp"
#include "modules/participation/service_detail.hpp"
#include "modules/participation/swot_store.hpp"
#include "platform/audit/audit_log.hpp"

namespace changwat::participation {
namespace {

constexpr std::size_t kEvidenceSourceMax = 500;

void check_position(const std::optional<std::int64_t>& position, FieldErrors& errors) {
  if (position && (*position < 0 || *position > 10000))
    errors.add("position", {"ต้องเป็นจำนวนตั้งแต่ 0 ถึง 10000", "must be between 0 and 10000"});
}

SwotItem item_for_change(db::Connection& connection, const Principal& principal,
                         std::int64_t item_id, std::int64_t expected_version) {
  std::optional<SwotItem> item = SwotStore(connection).find_swot_item(item_id);
  if (!item || item->province_code != principal.province_code) rules::throw_swot_not_found();
  if (item->version != expected_version) throw_stale_version();
  return *item;
}

}  // namespace

std::vector<SwotItem> ParticipationService::list_swot(const Actor& actor,
                                                      std::int64_t plan_id) const {
  // The SWOT of a plan is as visible as the plan itself.
  std::vector<plan::Plan> visible = plans_.list_plans(actor);
  if (std::none_of(visible.begin(), visible.end(),
                   [&](const plan::Plan& plan) { return plan.id == plan_id; }))
    rules::throw_plan_not_found();
  return database_.read(
      [&](db::Connection& connection) { return SwotStore(connection).list_swot_items(plan_id); });
}

SwotItem ParticipationService::create_swot(const Actor& actor, std::int64_t plan_id,
                                           const SwotInput& input) {
  const Principal& principal = rules::require_strategy_office(actor);
  FieldErrors errors;
  rules::check_text(errors, "text_th", input.text_th, kSwotTextMax);
  rules::check_optional_text(errors, "text_en", input.text_en, kSwotTextMax);
  rules::check_text(errors, "evidence", input.evidence, kEvidenceMax);
  rules::check_optional_text(errors, "evidence_source", input.evidence_source, kEvidenceSourceMax);
  check_position(input.position, errors);
  check_plan(actor, plan_id, errors);
  errors.throw_if_any();

  SwotItem item;
  item.province_code = principal.province_code;
  item.plan_id = plan_id;
  item.kind = input.kind;
  item.text_th = input.text_th;
  item.text_en = input.text_en;
  item.evidence = input.evidence;
  item.evidence_source = input.evidence_source;
  item.dimension = input.dimension;
  return database_.write([&](db::Connection& connection) {
    item.position =
        input.position.value_or(SwotStore(connection).next_swot_position(plan_id, input.kind));
    item.id =
        SwotStore(connection).insert_swot_item(item, principal.user_id, now_iso(), std::nullopt);
    audit::record(connection, actor, "swot_item", std::to_string(item.id), "create", nullptr,
                  swot_json(item));
    return item;
  });
}

SwotItem ParticipationService::update_swot(const Actor& actor, std::int64_t item_id,
                                           const SwotChange& change) {
  const Principal& principal = rules::require_strategy_office(actor);
  FieldErrors errors;
  if (change.text_th) rules::check_text(errors, "text_th", *change.text_th, kSwotTextMax);
  rules::check_optional_text(errors, "text_en", change.text_en, kSwotTextMax);
  if (change.evidence) rules::check_text(errors, "evidence", *change.evidence, kEvidenceMax);
  if (change.evidence_source)
    rules::check_optional_text(errors, "evidence_source", *change.evidence_source,
                               kEvidenceSourceMax);
  check_position(change.position, errors);
  errors.throw_if_any();

  return database_.write([&](db::Connection& connection) {
    SwotItem item = item_for_change(connection, principal, item_id, change.expected_version);
    SwotItem before = item;
    if (change.kind) item.kind = *change.kind;
    if (change.text_th) item.text_th = *change.text_th;
    if (change.text_en) item.text_en = *change.text_en;
    if (change.evidence) item.evidence = *change.evidence;
    if (change.evidence_source) item.evidence_source = *change.evidence_source;
    if (change.dimension) item.dimension = *change.dimension;
    if (change.position) item.position = *change.position;
    detail::save_edit(
        connection, actor, "swot_item", before, item,
        [&](const SwotItem& changed) { return SwotStore(connection).save_swot_item(changed); },
        swot_json);
    return item;
  });
}

void ParticipationService::delete_swot(const Actor& actor, std::int64_t item_id,
                                       std::int64_t expected_version) {
  const Principal& principal = rules::require_strategy_office(actor);
  database_.write([&](db::Connection& connection) {
    SwotItem item = item_for_change(connection, principal, item_id, expected_version);
    if (!SwotStore(connection).delete_swot_item(item_id, expected_version)) throw_stale_version();
    audit::record(connection, actor, "swot_item", std::to_string(item_id), "delete",
                  swot_json(item), nullptr);
  });
}

}  // namespace changwat::participation
