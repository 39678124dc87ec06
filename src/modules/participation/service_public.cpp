// The public needs form (no sign-in) and its moderation by the strategy office.
#include <algorithm>
#include <boost/json.hpp>
#include <ctime>

#include "base/secret.hpp"
#include "modules/participation/json.hpp"
#include "modules/participation/need_store.hpp"
#include "modules/participation/rules.hpp"
#include "modules/participation/service.hpp"
#include "modules/participation/service_detail.hpp"
#include "modules/participation/setting_store.hpp"
#include "platform/audit/audit_log.hpp"
#include "thai/calendar.hpp"
#include "thai/text.hpp"

namespace changwat::participation {
namespace {

// The fiscal year a moment falls in on the Thai civil calendar (UTC+7).
int thai_fiscal_year(Clock::time_point when) {
  std::time_t t = Clock::to_time_t(when + std::chrono::hours(7));
  std::tm parts{};
  gmtime_r(&t, &parts);
  return thai::fiscal_year({parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday});
}

std::string upper_ascii(std::string text) {
  for (char& ch : text) {
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
  }
  return text;
}

// The statuses a need went through, from its audit entries (submission, moderation,
// status changes, merging): each entry whose `after` names another status.
std::vector<ReceiptStep> status_history(db::Connection& connection, const Need& need) {
  std::vector<ReceiptStep> steps;
  for (const audit::Entry& entry :
       audit::entries_for(connection, "need", std::to_string(need.id))) {
    if (entry.after_json.empty()) continue;
    boost::json::value after = boost::json::parse(entry.after_json);
    const boost::json::object* fields = after.if_object();
    const boost::json::value* status = fields ? fields->if_contains("status") : nullptr;
    if (!status || !status->is_string()) continue;
    std::optional<NeedStatus> parsed = parse_status(std::string_view(status->get_string()));
    if (!parsed || (!steps.empty() && steps.back().status == *parsed)) continue;
    steps.push_back({*parsed, entry.at});
  }
  if (steps.empty()) steps.push_back({need.status, need.created_at});
  return steps;
}

}  // namespace

PublicForm ParticipationService::public_form() {
  Clock::time_point now = options_.now();
  PublicForm form;
  form.token = public_form::issue_form_token(form_secret(), now);
  form.issued_at = iso_utc(now);
  form.min_fill_seconds = options_.form_limits.min_fill_time.count();
  form.max_age_seconds = options_.form_limits.token_max_age.count();
  form.plans = plans_.list_plans(Actor{});
  return form;
}

Receipt ParticipationService::submit_public(const Actor& caller, const PublicNeedInput& input) {
  // Whatever session the browser carried, this submission is anonymous.
  const Actor anonymous{std::nullopt, caller.address, caller.request_id};

  // People never see the hidden field, so anything in it was typed by a robot.
  if (!input.honeypot.empty())
    throw_rule("spam_suspected", {"ระบบสงสัยว่าเป็นการส่งอัตโนมัติ จึงไม่รับข้อมูลนี้",
                                  "This looks like an automated submission and was refused"});

  Clock::time_point now = options_.now();
  const public_form::FormToken token =
      public_form::check_form_token(form_secret(), input.form_token, now, options_.form_limits);

  FieldErrors errors;
  rules::check_text(errors, "title", input.title, kTitleMax);
  rules::check_text(errors, "description", input.description, kDescriptionMax);
  rules::check_optional_text(errors, "name", input.contact.name, kNameMax);
  if (input.contact.phone &&
      (input.contact.phone->size() > kPhoneMax || !rules::is_phone_number(*input.contact.phone)))
    errors.add("phone", {"หมายเลขโทรศัพท์ไม่ถูกต้อง", "is not a valid phone number"});
  std::optional<rules::Placement> placement =
      rules::place_public(areas_, input.area_code, "area_code", errors);

  std::optional<std::int64_t> plan_id;
  if (placement) {
    std::vector<plan::Plan> open = plans_.list_plans(anonymous);
    std::erase_if(open, [&](const plan::Plan& plan) {
      return plan.province_code != placement->province_code;
    });
    if (input.plan_id) {
      if (std::any_of(open.begin(), open.end(),
                      [&](const plan::Plan& plan) { return plan.id == *input.plan_id; }))
        plan_id = input.plan_id;
      else
        errors.add("plan_id", {"ไม่พบแผนพัฒนานี้ของจังหวัดในพื้นที่ที่เลือก",
                               "is not a published plan of the chosen area's province"});
    } else {
      int fiscal_year = thai_fiscal_year(now);
      for (const plan::Plan& plan : open)
        if (plan.period.contains(fiscal_year)) plan_id = plan.id;
      if (!plan_id)
        errors.add("plan_id", {"ต้องระบุแผนพัฒนา (ไม่มีแผนที่ใช้อยู่ในปีงบประมาณนี้)",
                               "is required: no plan is in force this fiscal year"});
    }
  }
  errors.throw_if_any();

  Need need = detail::need_from(input, *placement);
  need.province_code = placement->province_code;
  need.plan_id = *plan_id;
  need.receipt = rules::new_receipt();
  need.source = NeedSource::public_form;
  need.status = NeedStatus::pending_moderation;
  need.contact = input.contact;
  need.created_at = iso_utc(now);
  need.updated_at = need.created_at;

  NeedRecord record{need, thai::search_text(need.title + "\n" + need.description),
                    address_hash(caller.address), token.nonce, std::nullopt};
  std::string since = iso_utc(now - std::chrono::hours(1));

  need.id = database_.write([&](db::Connection& connection) {
    SettingStore(connection).lock_setting(SettingStore::kFormSecretName);
    if (NeedStore(connection).form_nonce_used(token.nonce))
      throw_conflict("form_already_submitted",
                     {"แบบฟอร์มนี้ถูกส่งไปแล้ว กรุณาโหลดแบบฟอร์มใหม่หากต้องการส่งเรื่องอื่น",
                      "This form was already sent; reload the form to send another need"});
    public_form::check_rate(NeedStore(connection).count_public_since(*record.address_hash, since),
                            options_.form_limits, {"ความต้องการ", "needs"});
    std::int64_t id = NeedStore(connection).insert_need(record);
    Need stored = record.need;
    stored.id = id;
    audit::record_in(connection, stored.province_code, anonymous, "need", std::to_string(id),
                     "submit_public", nullptr, need_json(stored, false));
    return id;
  });
  return Receipt{need.receipt,
                 need.title,
                 need.status,
                 need.created_at,
                 std::nullopt,
                 std::nullopt,
                 {{need.status, need.created_at}}};
}

std::optional<Receipt> ParticipationService::receipt(const std::string& receipt) const {
  // Receipts are issued in capitals; one typed in small letters is the same one.
  const std::string typed = thai::normalize(receipt);
  if (typed.empty() || typed.size() > 64) return std::nullopt;
  return database_.read([&](db::Connection& connection) -> std::optional<Receipt> {
    NeedStore store(connection);
    std::optional<Need> need = store.find_need_by_receipt(typed);
    if (!need) need = store.find_need_by_receipt(upper_ascii(typed));
    // Receipts issued before they were capitals (URL-safe base64) in another case.
    if (!need) need = store.find_need_by_receipt_any_case(upper_ascii(typed));
    if (!need) return std::nullopt;
    Receipt result{need->receipt,
                   need->title,
                   need->status,
                   need->created_at,
                   std::nullopt,
                   std::nullopt,
                   status_history(connection, *need)};
    if (need->status == NeedStatus::declined || need->status == NeedStatus::rejected)
      result.reason = need->decline_reason;
    if (is_published(need->status)) result.need_id = need->id;
    return result;
  });
}

NeedPage ParticipationService::moderation_queue(const Actor& actor, std::int64_t limit,
                                                std::int64_t offset) const {
  const Principal& principal = rules::require_strategy_office(actor);
  NeedFilter filter;
  filter.status = NeedStatus::pending_moderation;
  NeedPage page = database_.read([&](db::Connection& connection) {
    return NeedStore(connection).list_needs(filter, NeedOrder::oldest, limit, offset);
  });
  // Each province moderates its own submissions.
  std::erase_if(page.items,
                [&](const Need& need) { return need.province_code != principal.province_code; });
  return page;
}

Need ParticipationService::moderate(const Actor& actor, std::int64_t need_id, bool approve,
                                    std::optional<std::string> reason,
                                    std::int64_t expected_version) {
  const Principal& principal = rules::require_strategy_office(actor);
  FieldErrors errors;
  rules::check_optional_text(errors, "reason", reason, kReasonMax);
  errors.throw_if_any();
  if (!approve && (!reason || reason->empty())) {
    rules::throw_reason_required({"เหตุผลที่ไม่อนุมัติเผยแพร่", "the reason for rejecting"});
  }

  return database_.write([&](db::Connection& connection) {
    std::optional<Need> need = NeedStore(connection).find_need(need_id);
    if (!need || need->province_code != principal.province_code) rules::throw_need_not_found();
    if (need->version != expected_version) throw_stale_version();
    if (need->status != NeedStatus::pending_moderation)
      throw_rule("not_pending_moderation",
                 {"ความต้องการนี้ผ่านการพิจารณาแล้ว", "This need has already been moderated"});
    Need before = *need;
    need->status = approve ? NeedStatus::new_ : NeedStatus::rejected;
    need->decline_reason = approve ? std::nullopt : reason;
    need->updated_at = now_iso();
    if (!NeedStore(connection)
             .save_need(*need, thai::search_text(need->title + "\n" + need->description)))
      throw_stale_version();
    need->version += 1;
    audit::record(connection, actor, "need", std::to_string(need_id),
                  approve ? "moderation_approve" : "moderation_reject", need_json(before, false),
                  need_json(*need, false));
    return *need;
  });
}

}  // namespace changwat::participation
