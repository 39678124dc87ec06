// ParticipationService: construction and the helpers its other files share.
// The operations are grouped by subject in service_*.cpp.
#include "modules/participation/service.hpp"

#include <algorithm>

#include "base/secret.hpp"
#include "modules/participation/need_store.hpp"
#include "modules/participation/rules.hpp"
#include "modules/participation/setting_store.hpp"

namespace changwat::participation {
ParticipationService::ParticipationService(db::Database& database, areas::AreaService& areas,
                                           plan::PlanService& plans, Options options)
    : database_(database), areas_(areas), plans_(plans), options_(std::move(options)) {
  // A plan element that answers needs is not deleted silently: the planner first
  // moves or removes the links, so no need loses its answer unnoticed.
  plans_.add_delete_guard([](db::Connection& connection,
                             std::int64_t element_id) -> std::optional<Message> {
    std::int64_t links = NeedStore(connection).count_links_to_element(element_id);
    if (links == 0) return std::nullopt;
    std::string n = std::to_string(links);
    return Message{
        "องค์ประกอบนี้ตอบสนองความต้องการของประชาชน " + n + " รายการ กรุณายกเลิกการเชื่อมโยงก่อนลบ",
        "This element answers " + n + " people's need(s); remove those links before deleting it"};
  });
}

const std::string& ParticipationService::form_secret() const {
  std::lock_guard lock(secret_mutex_);
  if (!secret_) {
    secret_ = database_.write([&](db::Connection& connection) {
      return SettingStore(connection)
          .setting_or_create(SettingStore::kFormSecretName, random_token(32));
    });
  }
  return *secret_;
}

std::string ParticipationService::address_hash(const std::string& address) const {
  // Only a keyed hash of the address is kept: enough to count submissions per
  // address, useless for finding out who sent a need.
  return public_form::address_hash(form_secret(), address);
}

void ParticipationService::check_plan(const Actor& actor, std::int64_t plan_id,
                                      FieldErrors& errors) const {
  std::vector<plan::Plan> visible = plans_.list_plans(actor);
  auto found = std::find_if(visible.begin(), visible.end(),
                            [&](const plan::Plan& plan) { return plan.id == plan_id; });
  if (found == visible.end()) {
    errors.add("plan_id", {"ไม่พบแผนพัฒนานี้", "is not a plan you can see"});
    return;
  }
  if (actor.principal && found->province_code != actor.principal->province_code)
    errors.add("plan_id", {"แผนนี้ไม่ใช่แผนของจังหวัดคุณ", "is not a plan of your province"});
}

std::optional<rules::Placement> ParticipationService::place_record(const Actor& actor,
                                                                   const Principal& principal,
                                                                   const std::string& area_code,
                                                                   std::int64_t plan_id,
                                                                   FieldErrors& errors) const {
  std::optional<rules::Placement> placement =
      rules::place_for(areas_, principal, area_code, "area_code", errors);
  check_plan(actor, plan_id, errors);
  return placement;
}

std::vector<LinkedElement> ParticipationService::resolve_links(
    const std::vector<NeedLink>& links) const {
  std::vector<LinkedElement> resolved;
  resolved.reserve(links.size());
  for (const NeedLink& link : links)
    resolved.push_back({link, plans_.find_element(link.element_id)});
  return resolved;
}

NeedView ParticipationService::view_of(db::Connection& connection, const Actor& actor,
                                       Need need) const {
  NeedView view;
  view.links = resolve_links(NeedStore(connection).links_of(need.id));
  if (actor.principal)
    view.voted = NeedStore(connection).has_vote(need.id, actor.principal->user_id);
  if (!rules::is_strategy_office(actor)) need.contact = {};
  view.need = std::move(need);
  return view;
}

std::string ParticipationService::now_iso() const { return iso_utc(options_.now()); }

}  // namespace changwat::participation
