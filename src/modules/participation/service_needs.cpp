// Needs recorded by officers: reading, editing, status, merging, votes and links.
#include <algorithm>
#include <iterator>
#include <unordered_map>

#include "base/secret.hpp"
#include "modules/participation/forum_store.hpp"
#include "modules/participation/json.hpp"
#include "modules/participation/need_store.hpp"
#include "modules/participation/rules.hpp"
#include "modules/participation/service.hpp"
#include "modules/participation/service_detail.hpp"
#include "platform/audit/audit_log.hpp"
#include "thai/text.hpp"

namespace changwat::participation {
namespace {

std::string search_text_of(const Need& need) {
  return thai::search_text(need.title + "\n" + need.description);
}

// Loads a need of the principal's province for a change, checking the version.
Need need_for_change(db::Connection& connection, const Principal& principal, std::int64_t need_id,
                     std::int64_t expected_version) {
  std::optional<Need> need = NeedStore(connection).find_need(need_id);
  if (!need || need->province_code != principal.province_code) rules::throw_need_not_found();
  if (need->version != expected_version) throw_stale_version();
  return *need;
}

void save_or_conflict(db::Connection& connection, Need& need) {
  if (!NeedStore(connection).save_need(need, search_text_of(need))) throw_stale_version();
  need.version += 1;
}

// The forum a need is raised at must belong to the same plan.
void check_forum(db::Connection& connection, std::int64_t forum_id, std::int64_t plan_id) {
  std::optional<Forum> forum = ForumStore(connection).find_forum(forum_id);
  if (!forum || forum->plan_id != plan_id)
    throw Error(ErrorKind::validation, "invalid_input", {"ข้อมูลไม่ถูกต้อง", "Invalid input"},
                {{"forum_id", {"ไม่พบเวทีประชาคมนี้ในแผนเดียวกัน", "is not a forum of the same plan"}}});
}

[[noreturn]] void throw_closed(const Need& need) {
  if (need.status == NeedStatus::merged)
    throw_rule("need_merged", {"ความต้องการนี้ถูกรวมกับเรื่องอื่นแล้ว กรุณาดำเนินการที่เรื่องหลัก",
                               "This need was merged into another; act on that one instead"});
  if (need.status == NeedStatus::declined)
    throw_rule("need_declined", {"ความต้องการนี้ไม่ได้รับการพิจารณาแล้ว", "This need was declined"});
  throw_rule("need_not_published",
             {"ความต้องการนี้ยังไม่ผ่านการพิจารณา", "This need has not been published"});
}

[[noreturn]] void throw_invalid_element(Message why) {
  throw Error(ErrorKind::validation, "invalid_input", {"ข้อมูลไม่ถูกต้อง", "Invalid input"},
              {{"element_id", std::move(why)}});
}

// Sorting the distinct titles with thai::sort_thai (one ICU sort key per title)
// is far cheaper than collating each pair a sort compares; needs with the same
// title keep their order.
std::vector<Need> in_thai_title_order(std::vector<Need> needs) {
  std::unordered_map<std::string, std::vector<std::size_t>> by_title;
  std::vector<std::string> titles;
  for (std::size_t i = 0; i < needs.size(); ++i) {
    auto [entry, added] = by_title.try_emplace(needs[i].title);
    if (added) titles.push_back(needs[i].title);
    entry->second.push_back(i);
  }
  thai::sort_thai(titles);
  std::vector<Need> sorted;
  sorted.reserve(needs.size());
  for (const std::string& title : titles)
    for (std::size_t i : by_title[title]) sorted.push_back(std::move(needs[i]));
  return sorted;
}

bool is_open(NeedStatus status) {
  return status == NeedStatus::new_ || status == NeedStatus::accepted ||
         status == NeedStatus::linked;
}

}  // namespace

Need ParticipationService::create_need(const Actor& actor, const NeedInput& input) {
  const Principal& principal = rules::require_recorder(actor);
  FieldErrors errors;
  rules::check_text(errors, "title", input.title, kTitleMax);
  rules::check_text(errors, "description", input.description, kDescriptionMax);
  std::optional<rules::Placement> placement =
      place_record(actor, principal, input.area_code, input.plan_id, errors);
  errors.throw_if_any();

  Need need = detail::need_from(input, *placement);
  need.province_code = principal.province_code;
  need.plan_id = input.plan_id;
  need.receipt = random_token(9);
  need.source = input.forum_id ? NeedSource::forum : NeedSource::officer;
  need.forum_id = input.forum_id;
  need.status = NeedStatus::new_;
  need.created_by = principal.user_id;
  need.created_at = now_iso();
  need.updated_at = need.created_at;

  return database_.write([&](db::Connection& connection) {
    if (need.forum_id) check_forum(connection, *need.forum_id, need.plan_id);
    need.id =
        NeedStore(connection)
            .insert_need({need, search_text_of(need), std::nullopt, std::nullopt, std::nullopt});
    audit::record(connection, actor, "need", std::to_string(need.id), "create", nullptr,
                  need_json(need, false));
    return need;
  });
}

NeedView ParticipationService::get_need(const Actor& actor, std::int64_t need_id) const {
  return database_.read([&](db::Connection& connection) {
    std::optional<Need> need = NeedStore(connection).find_need(need_id);
    // Unpublished needs exist only for the strategy office.
    if (!need || (!is_published(need->status) && !rules::is_strategy_office(actor)))
      rules::throw_need_not_found();
    return view_of(connection, actor, std::move(*need));
  });
}

NeedPage ParticipationService::list_needs(const Actor& actor, const NeedFilter& filter,
                                          NeedOrder order, std::int64_t limit,
                                          std::int64_t offset) const {
  if (filter.status && !is_published(*filter.status)) rules::require_strategy_office(actor);
  NeedPage page = database_.read([&](db::Connection& connection) {
    if (order != NeedOrder::title_thai)
      return NeedStore(connection).list_needs(filter, order, limit, offset);
    // Thai dictionary order is ICU's, not the database's: sort every match here.
    NeedPage all = NeedStore(connection).list_needs(filter, order, std::nullopt, 0);
    all.items = in_thai_title_order(std::move(all.items));
    std::size_t first = std::min<std::size_t>(all.items.size(), static_cast<std::size_t>(offset));
    std::size_t last = std::min<std::size_t>(all.items.size(), first + limit);
    all.items = std::vector<Need>(std::make_move_iterator(all.items.begin() + first),
                                  std::make_move_iterator(all.items.begin() + last));
    return all;
  });
  // Contact details are never part of a list.
  for (Need& need : page.items) need.contact = {};
  return page;
}

std::vector<DistrictCount> ParticipationService::district_counts(
    const Actor& actor, std::optional<std::int64_t> plan_id) const {
  std::string province = areas::province_for(areas_, actor);
  std::vector<DistrictCount> counted = database_.read(
      [&](db::Connection& connection) { return NeedStore(connection).count_by_district(plan_id); });
  // Every district of the province appears, with zeros where nothing was gathered.
  std::vector<DistrictCount> result;
  for (const areas::Area& district : areas_.children(province)) {
    auto found = std::find_if(counted.begin(), counted.end(), [&](const DistrictCount& count) {
      return count.district_code == district.code;
    });
    if (found != counted.end()) {
      result.push_back(*found);
    } else {
      DistrictCount empty;
      empty.district_code = district.code;
      result.push_back(empty);
    }
  }
  return result;
}

Need ParticipationService::update_need(const Actor& actor, std::int64_t need_id,
                                       const NeedChange& change) {
  const Principal& principal = rules::require_strategy_office(actor);
  FieldErrors errors;
  if (change.title) rules::check_text(errors, "title", *change.title, kTitleMax);
  if (change.description)
    rules::check_text(errors, "description", *change.description, kDescriptionMax);
  std::optional<rules::Placement> placement;
  if (change.area_code)
    placement = rules::place_for(areas_, principal, *change.area_code, "area_code", errors);
  errors.throw_if_any();

  return database_.write([&](db::Connection& connection) {
    Need need = need_for_change(connection, principal, need_id, change.expected_version);
    if (need.status == NeedStatus::rejected || need.status == NeedStatus::merged)
      throw_rule("need_read_only", {"ความต้องการที่ถูกปฏิเสธหรือถูกรวมแล้วแก้ไขไม่ได้",
                                    "A rejected or merged need cannot be edited"});
    Need before = need;
    if (change.title) need.title = *change.title;
    if (change.description) need.description = *change.description;
    if (change.dimension) need.dimension = *change.dimension;
    if (change.sector) need.sector = *change.sector;
    if (placement) {
      need.area_code = placement->area_code;
      need.district_code = placement->district_code;
      need.subdistrict_code = placement->subdistrict_code;
    }
    if (change.forum_id) {
      need.forum_id = *change.forum_id;
      if (need.forum_id) check_forum(connection, *need.forum_id, need.plan_id);
      // A public submission stays "public"; an officer's record follows its forum.
      if (need.source != NeedSource::public_form)
        need.source = need.forum_id ? NeedSource::forum : NeedSource::officer;
    }
    need.updated_at = now_iso();
    save_or_conflict(connection, need);
    audit::record(connection, actor, "need", std::to_string(need_id), "update",
                  need_json(before, false), need_json(need, false));
    return need;
  });
}

Need ParticipationService::change_status(const Actor& actor, std::int64_t need_id,
                                         NeedStatus status, std::optional<std::string> reason,
                                         std::int64_t expected_version) {
  const Principal& principal = rules::require_strategy_office(actor);
  FieldErrors errors;
  if (status != NeedStatus::new_ && status != NeedStatus::accepted &&
      status != NeedStatus::declined)
    errors.add("status", {"เปลี่ยนได้เป็น new, accepted หรือ declined เท่านั้น (การรวม การเชื่อมโยง "
                          "และการกลั่นกรองมีคำสั่งของตนเอง)",
                          "must be new, accepted or declined (merging, linking and moderation "
                          "have their own actions)"});
  rules::check_optional_text(errors, "reason", reason, kReasonMax);
  errors.throw_if_any();
  if (status == NeedStatus::declined && (!reason || reason->empty())) {
    rules::throw_reason_required({"เหตุผลที่ไม่สามารถดำเนินการ", "the reason for declining"});
  }

  return database_.write([&](db::Connection& connection) {
    Need need = need_for_change(connection, principal, need_id, expected_version);
    if (need.status == NeedStatus::linked)
      throw_rule("need_linked", {"ความต้องการนี้เชื่อมโยงกับแผนแล้ว กรุณายกเลิกการเชื่อมโยงก่อน",
                                 "This need is linked to the plan; remove its links first"});
    if (need.status != NeedStatus::new_ && need.status != NeedStatus::accepted &&
        need.status != NeedStatus::declined)
      throw_closed(need);
    if (need.status == status)
      throw_rule("status_unchanged",
                 {"ความต้องการอยู่ในสถานะนี้อยู่แล้ว", "The need already has this status"});
    Need before = need;
    need.status = status;
    need.decline_reason = status == NeedStatus::declined ? reason : std::nullopt;
    need.updated_at = now_iso();
    save_or_conflict(connection, need);
    audit::record(connection, actor, "need", std::to_string(need_id), "status",
                  need_json(before, false), need_json(need, false));
    return need;
  });
}

Need ParticipationService::merge(const Actor& actor, std::int64_t need_id, std::int64_t into_id,
                                 std::int64_t expected_version) {
  const Principal& principal = rules::require_strategy_office(actor);
  if (need_id == into_id)
    throw Error(ErrorKind::validation, "invalid_input", {"ข้อมูลไม่ถูกต้อง", "Invalid input"},
                {{"into_id", {"ต้องเป็นความต้องการอื่น", "must be another need"}}});

  return database_.write([&](db::Connection& connection) {
    Need duplicate = need_for_change(connection, principal, need_id, expected_version);
    if (!is_open(duplicate.status)) throw_closed(duplicate);
    std::optional<Need> target = NeedStore(connection).find_need(into_id);
    if (!target || target->province_code != principal.province_code ||
        !is_published(target->status) || target->plan_id != duplicate.plan_id)
      throw Error(ErrorKind::validation, "invalid_input", {"ข้อมูลไม่ถูกต้อง", "Invalid input"},
                  {{"into_id",
                    {"ไม่พบความต้องการนี้ในแผนเดียวกัน", "is not a published need of the same plan"}}});
    if (!is_open(target->status)) throw_closed(*target);

    Need duplicate_before = duplicate;
    Need target_before = *target;
    // Support and answers follow the need into the one it duplicates.
    std::int64_t copied = NeedStore(connection).copy_votes(duplicate.id, target->id);
    NeedStore(connection).copy_links(duplicate.id, target->id);
    target->vote_count = NeedStore(connection).add_votes(target->id, copied);
    if (!NeedStore(connection).links_of(target->id).empty()) target->status = NeedStatus::linked;
    target->updated_at = now_iso();
    save_or_conflict(connection, *target);

    duplicate.status = NeedStatus::merged;
    duplicate.merged_into_id = target->id;
    duplicate.updated_at = target->updated_at;
    save_or_conflict(connection, duplicate);

    audit::record(connection, actor, "need", std::to_string(duplicate.id), "merge",
                  need_json(duplicate_before, false), need_json(duplicate, false));
    audit::record(connection, actor, "need", std::to_string(target->id), "merge_into",
                  need_json(target_before, false), need_json(*target, false));
    return duplicate;
  });
}

VoteResult ParticipationService::vote(const Actor& actor, std::int64_t need_id) {
  const Principal& principal = actor.require_signed_in();
  return database_.write([&](db::Connection& connection) {
    std::optional<Need> need = NeedStore(connection).find_need(need_id);
    if (!need || !is_published(need->status)) rules::throw_need_not_found();
    if (!is_open(need->status)) throw_closed(*need);
    // The primary key decides a duplicate (also two votes sent at once), and the
    // counter moves in the same transaction by exactly the row inserted.
    if (!NeedStore(connection).insert_vote(need_id, principal.user_id, now_iso()))
      throw_conflict("already_voted",
                     {"คุณลงคะแนนให้ความต้องการนี้แล้ว", "You have already voted for this need"});
    std::int64_t count = NeedStore(connection).add_votes(need_id, 1);
    audit::record(connection, actor, "need", std::to_string(need_id), "vote",
                  boost::json::object{{"vote_count", count - 1}},
                  boost::json::object{{"vote_count", count}});
    return VoteResult{need_id, count, true};
  });
}

VoteResult ParticipationService::withdraw_vote(const Actor& actor, std::int64_t need_id) {
  const Principal& principal = actor.require_signed_in();
  return database_.write([&](db::Connection& connection) {
    std::optional<Need> need = NeedStore(connection).find_need(need_id);
    if (!need || !is_published(need->status)) rules::throw_need_not_found();
    if (!NeedStore(connection).delete_vote(need_id, principal.user_id))
      throw_not_found("คะแนนของคุณสำหรับความต้องการนี้", "Your vote for this need");
    std::int64_t count = NeedStore(connection).add_votes(need_id, -1);
    audit::record(connection, actor, "need", std::to_string(need_id), "withdraw_vote",
                  boost::json::object{{"vote_count", count + 1}},
                  boost::json::object{{"vote_count", count}});
    return VoteResult{need_id, count, false};
  });
}

NeedView ParticipationService::link(const Actor& actor, std::int64_t need_id,
                                    std::int64_t element_id, std::int64_t expected_version) {
  const Principal& principal = rules::require_strategy_office(actor);
  return database_.write([&](db::Connection& connection) {
    // The plan module reads inside this transaction (Database::read joins it), so
    // the element checked is the element linked.
    std::optional<plan::ElementSummary> element = plans_.find_element(element_id);
    if (!element) throw_invalid_element({"ไม่พบองค์ประกอบของแผนนี้", "is not a plan element"});
    if (element->kind != plan::ElementKind::guideline &&
        element->kind != plan::ElementKind::project)
      throw_invalid_element({"ต้องเป็นแนวทางการพัฒนาหรือโครงการ", "must be a guideline or a project"});
    Need need = need_for_change(connection, principal, need_id, expected_version);
    if (!is_open(need.status)) throw_closed(need);
    if (element->plan_id != need.plan_id)
      throw_invalid_element(
          {"ต้องเป็นองค์ประกอบของแผนเดียวกับความต้องการ", "must belong to the need's plan"});
    NeedLink link{need_id, element_id, std::string(plan::to_string(element->kind)), now_iso(),
                  principal.user_id};
    if (!NeedStore(connection).insert_link(link))
      throw_conflict("already_linked",
                     {"เชื่อมโยงกับองค์ประกอบนี้อยู่แล้ว", "The need is already linked to this element"});
    Need before = need;
    need.status = NeedStatus::linked;
    need.updated_at = link.linked_at;
    save_or_conflict(connection, need);
    audit::record(connection, actor, "need", std::to_string(need_id), "link",
                  need_json(before, false),
                  boost::json::object{{"need", need_json(need, false)},
                                      {"element_id", element_id},
                                      {"element_kind", link.element_kind}});
    return view_of(connection, actor, need);
  });
}

NeedView ParticipationService::unlink(const Actor& actor, std::int64_t need_id,
                                      std::int64_t element_id, std::int64_t expected_version) {
  const Principal& principal = rules::require_strategy_office(actor);
  return database_.write([&](db::Connection& connection) {
    Need need = need_for_change(connection, principal, need_id, expected_version);
    if (!NeedStore(connection).delete_link(need_id, element_id))
      throw_not_found("การเชื่อมโยงนี้", "Link");
    Need before = need;
    if (need.status == NeedStatus::linked && NeedStore(connection).links_of(need_id).empty())
      need.status = NeedStatus::accepted;
    need.updated_at = now_iso();
    save_or_conflict(connection, need);
    audit::record(
        connection, actor, "need", std::to_string(need_id), "unlink",
        boost::json::object{{"need", need_json(before, false)}, {"element_id", element_id}},
        need_json(need, false));
    return view_of(connection, actor, need);
  });
}

}  // namespace changwat::participation
