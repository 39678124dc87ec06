// ActionPlanService: national disbursement targets and commitment deadlines. The
// announced figures ship in data/disbursement-targets.json (each with its source)
// and are added at start when missing; an admin edits them (never overwritten).
#include <boost/json.hpp>

#include "base/clock.hpp"
#include "base/embedded.hpp"
#include "modules/action_plan/json.hpp"
#include "modules/action_plan/service_detail.hpp"
#include "platform/audit/audit_log.hpp"
#include "thai/calendar.hpp"

namespace changwat::action_plan {

using namespace detail;

namespace {

constexpr std::string_view kTargetsFile = "disbursement-targets.json";

[[noreturn]] void bad_data(const std::string& why) {
  throw Error(
      ErrorKind::internal, "targets_data_invalid",
      {"ข้อมูลเป้าหมายการเบิกจ่ายไม่ถูกต้อง: " + why, "the disbursement target data is invalid: " + why});
}

std::string text_of(const boost::json::object& object, const char* key) {
  const auto* value = object.if_contains(key);
  if (!value || !value->is_string()) bad_data(std::string("missing ") + key);
  return std::string(value->as_string());
}

}  // namespace

void ActionPlanService::seed_targets() {
  std::string_view content;
  for (const auto& file : embedded_data()) {
    if (file.name == kTargetsFile) content = file.content;
  }
  if (content.empty()) bad_data("data/disbursement-targets.json is not embedded");
  boost::system::error_code error;
  boost::json::value document = boost::json::parse(content, error);
  if (error || !document.is_object()) bad_data("not a JSON object");
  std::vector<DisbursementTarget> targets;
  for (const auto& item : document.as_object().at("targets").as_array()) {
    const auto& row = item.as_object();
    DisbursementTarget target;
    target.fiscal_year = static_cast<int>(row.at("fiscal_year").as_int64());
    auto category = parse_target_category(text_of(row, "category"));
    auto base = parse_target_base(text_of(row, "base"));
    auto measure = parse_target_measure(text_of(row, "measure"));
    if (!category || !base || !measure) bad_data("unknown category, base or measure");
    target.category = *category;
    target.base = *base;
    target.measure = *measure;
    target.quarter = static_cast<int>(row.at("quarter").as_int64());
    if (const auto* percent = row.if_contains("percent"); percent && !percent->is_null()) {
      target.percent = percent->to_number<double>();
    }
    target.source = text_of(row, "source");
    if (row.if_contains("note")) target.note = text_of(row, "note");
    targets.push_back(std::move(target));
  }
  std::vector<CommitmentDeadline> deadlines;
  for (const auto& item : document.as_object().at("deadlines").as_array()) {
    const auto& row = item.as_object();
    deadlines.push_back({static_cast<int>(row.at("fiscal_year").as_int64()), text_of(row, "key"),
                         text_of(row, "rule_th"), text_of(row, "rule_en"), text_of(row, "deadline"),
                         text_of(row, "source")});
  }
  // Most starts find everything in place: one read, no write.
  bool complete = database_.read([&](db::Connection& c) {
    TargetStore store(c);
    for (const auto& target : targets) {
      if (!store.find_target(target.fiscal_year, target.category, target.quarter, target.base,
                             target.measure)) {
        return false;
      }
    }
    for (const auto& deadline : deadlines) {
      if (!store.has_deadline(deadline.fiscal_year, deadline.key)) return false;
    }
    return true;
  });
  if (complete) return;
  database_.write([&](db::Connection& c) {
    TargetStore store(c);
    for (const auto& target : targets) {
      if (!store.find_target(target.fiscal_year, target.category, target.quarter, target.base,
                             target.measure)) {
        store.insert_target(target);
      }
    }
    for (const auto& deadline : deadlines) {
      if (!store.has_deadline(deadline.fiscal_year, deadline.key)) store.insert_deadline(deadline);
    }
  });
}

TargetsView ActionPlanService::targets(std::optional<int> fiscal_year) const {
  return database_.read([&](db::Connection& c) {
    TargetStore store(c);
    return TargetsView{store.targets(fiscal_year), store.deadlines(fiscal_year)};
  });
}

DisbursementTarget ActionPlanService::set_target(const Actor& actor, const TargetChange& change) {
  if (!actor.local_command) actor.require_role({Role::admin});
  const DisbursementTarget& input = change.target;
  FieldErrors errors;
  if (input.fiscal_year < thai::kFirstAcceptedBeYear ||
      input.fiscal_year > thai::kLastAcceptedBeYear) {
    errors.add("fiscal_year", {"ต้องเป็นปี พ.ศ. เช่น 2569", "must be a Buddhist-era year, e.g. 2569"});
  }
  if (input.quarter < 1 || input.quarter > 4) {
    errors.add("quarter", {"ต้องเป็น 1 ถึง 4 (4 = ทั้งปี)", "must be 1 to 4 (4 = the year)"});
  }
  if (input.percent && (*input.percent < 0 || *input.percent > 100)) {
    errors.add("percent", {"ต้องอยู่ระหว่าง 0 ถึง 100", "must be between 0 and 100"});
  }
  if (input.percent && input.source.empty()) {
    errors.add("source", {"ต้องระบุแหล่งที่มาของตัวเลข", "the figure needs its source"});
  }
  errors.throw_if_any();
  return database_.write([&](db::Connection& c) {
    TargetStore store(c);
    auto existing = store.find_target(input.fiscal_year, input.category, input.quarter, input.base,
                                      input.measure);
    DisbursementTarget saved = input;
    saved.updated_by = actor_name(actor);
    saved.updated_at = iso_utc_now();
    if (existing) {
      if (!change.expected_version) {
        throw Error(
            ErrorKind::validation, "invalid_input", {"ข้อมูลไม่ถูกต้อง", "Invalid input"},
            {{"version",
              {"ต้องระบุ version ของเป้าหมายที่มีอยู่", "the existing target's version is required"}}});
      }
      if (!store.update_target(saved, *change.expected_version)) throw_stale_version();
    } else {
      store.insert_target(saved);
    }
    auto result = store.find_target(input.fiscal_year, input.category, input.quarter, input.base,
                                    input.measure);
    std::string key = std::to_string(input.fiscal_year) + "/" +
                      std::string(to_string(input.category)) + "/q" +
                      std::to_string(input.quarter) + "/" + std::string(to_string(input.base)) +
                      "/" + std::string(to_string(input.measure));
    audit::record(c, actor, "disbursement_target", key, existing ? "update" : "create",
                  existing ? boost::json::value(target_to_json(*existing)) : boost::json::value(),
                  target_to_json(*result));
    return *result;
  });
}

}  // namespace changwat::action_plan
