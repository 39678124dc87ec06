#include "modules/portal/service.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <set>
#include <unordered_map>

#include "base/error.hpp"
#include "base/secret.hpp"
#include "base/utf8.hpp"
#include "modules/portal/feedback_store.hpp"
#include "modules/portal/json.hpp"
#include "modules/portal/rules.hpp"
#include "platform/areas/directory.hpp"
#include "platform/audit/audit_log.hpp"
#include "platform/notifications/outbox.hpp"
#include "thai/text.hpp"

namespace changwat::portal {

// The projects of one province and fiscal year with the read models they were built
// from: while the action plans' ledgers, the plan trees and the progress snapshot are
// the same objects (each module swaps its read model after a write), the board
// stands and a list is a filter over it.
struct PortalService::Board {
  std::string province_code;
  int fiscal_year = 0;
  std::vector<const void*> sources;
  std::vector<PublicProject> projects;
  std::unordered_map<std::int64_t, std::size_t> by_element;
};

namespace {

const Actor kSystem = Actor::command_line();

std::optional<std::string> district_of(const std::string& area_code) {
  if (area_code.size() < 4) return std::nullopt;
  return area_code.substr(0, 4);
}

[[noreturn]] void throw_project_not_found() { throw_not_found("โครงการ", "Project"); }

[[noreturn]] void throw_feedback_not_found() { throw_not_found("ความคิดเห็น", "Feedback"); }

}  // namespace

PortalService::PortalService(db::Database& database, areas::AreaService& areas, Sources sources,
                             PortalOptions options)
    : database_(database), areas_(areas), sources_(sources), options_(std::move(options)) {}

PortalService::~PortalService() = default;

std::shared_ptr<const PortalService::Board> PortalService::board(
    const std::string& province_code, std::optional<int> fiscal_year) const {
  // The action plans of the province and year, each with its read models.
  struct Slot {
    action_plan::ActionPlanView view;
    std::shared_ptr<const plan::PlanTree> tree;
  };
  std::vector<Slot> slots;
  std::shared_ptr<const progress::ProgressSnapshot> progress;
  int year = fiscal_year.value_or(0);
  database_.read([&](db::Connection&) {
    std::vector<action_plan::ActionPlan> headers = sources_.action_plans.list(kSystem);
    std::erase_if(headers, [&](const action_plan::ActionPlan& header) {
      return header.province_code != province_code;
    });
    if (!fiscal_year) {
      for (const auto& header : headers) year = std::max(year, header.fiscal_year);
    }
    for (const auto& header : headers) {
      if (header.fiscal_year != year) continue;
      Slot slot{sources_.action_plans.view(header.id), nullptr};
      try {
        slot.tree = sources_.plans.tree(kSystem, header.plan_id, std::nullopt);
      } catch (const Error& error) {
        if (error.kind() != ErrorKind::not_found) throw;
      }
      slots.push_back(std::move(slot));
    }
    progress = sources_.progress.snapshot(year);
    return 0;
  });

  std::vector<const void*> stamp{progress.get()};
  for (const auto& slot : slots) {
    stamp.push_back(slot.view.ledger.get());
    stamp.push_back(slot.view.index.get());
    stamp.push_back(slot.tree.get());
  }
  {
    std::lock_guard lock(mutex_);
    if (board_ && board_->province_code == province_code && board_->fiscal_year == year &&
        board_->sources == stamp)
      return board_;
  }

  auto built = std::make_shared<Board>();
  built->province_code = province_code;
  built->fiscal_year = year;
  built->sources = std::move(stamp);
  for (const auto& slot : slots) {
    std::unordered_map<std::int64_t, const plan::Element*> elements;
    if (slot.tree) {
      for (const auto& element : slot.tree->elements)
        elements.emplace(element.element_id, &element);
    }
    const action_plan::Ledger& ledger = *slot.view.ledger;
    for (std::size_t i = 0; i < ledger.books.size(); ++i) {
      const action_plan::ProjectBook& book = *ledger.books[i];
      action_plan::ProjectMeta fallback;
      const auto& meta = action_plan::meta_ref(*slot.view.index, book.project, fallback);
      PublicProject project;
      project.element_id = book.project.element_id;
      project.code = meta.code;
      project.name_th = meta.name_th;
      project.agency_code = meta.agency_code;
      project.fiscal_year = year;
      project.allocated_satang = ledger.figures[i]->allocated;
      project.disbursed_satang = ledger.figures[i]->disbursed;
      project.cancelled = book.project.status == action_plan::ProjectStatus::cancelled;
      if (auto element = elements.find(project.element_id);
          element != elements.end() && element->second->project) {
        std::set<std::string> districts;
        for (const auto& area : element->second->project->area_codes)
          if (auto district = district_of(area)) districts.insert(*district);
        project.districts.assign(districts.begin(), districts.end());
      }
      if (progress) {
        if (auto latest = progress->latest(project.element_id)) {
          project.physical_percent = latest->physical_percent;
          project.progress_status = std::string(progress::name_th(latest->status));
        }
      }
      built->by_element.emplace(project.element_id, built->projects.size());
      built->projects.push_back(std::move(project));
    }
  }
  std::lock_guard lock(mutex_);
  board_ = built;
  return built;
}

// A list's board, province and the count of approved feedback: approval is final (no
// transition leaves `approved`) and an approved rating never changes, so the count
// stamps the ratings.
struct PortalService::Listing {
  std::string province;
  std::shared_ptr<const Board> board;
  std::int64_t approved = 0;
};

struct PortalService::Ratings {
  std::int64_t approved = 0;
  std::unordered_map<std::int64_t, Rating> by_element;
};

// The province's ratings, read again only when its count of approved feedback moved.
std::shared_ptr<const PortalService::Ratings> PortalService::ratings(const Listing& listing) const {
  {
    std::lock_guard lock(mutex_);
    auto found = ratings_.find(listing.province);
    if (found != ratings_.end() && found->second->approved == listing.approved)
      return found->second;
  }
  auto fresh = std::make_shared<Ratings>();
  fresh->approved = listing.approved;
  fresh->by_element = database_.read([&](db::Connection& connection) {
    return FeedbackStore(connection).ratings(listing.province);
  });
  std::lock_guard lock(mutex_);
  ratings_[listing.province] = fresh;
  return fresh;
}

struct PortalService::Document {
  std::shared_ptr<const Board> board;
  std::int64_t approved = 0;
  std::shared_ptr<const std::string> json;
};

PortalService::Listing PortalService::listing(const std::optional<std::string>& district,
                                              std::optional<int> fiscal_year) const {
  std::optional<std::string> named;
  if (district) {
    if (district->size() != 4 || !areas_.find(*district))
      throw_invalid_field("district",
                          {"ไม่พบอำเภอนี้ (รหัส 4 หลัก)", "is not a district code (4 digits)"});
    named = district->substr(0, 2);
  }
  Listing listing;
  listing.province = areas::province_for(areas_, Actor{}, named, "district");
  listing.board = board(listing.province, fiscal_year);
  listing.approved = database_.read([&](db::Connection& connection) {
    return FeedbackStore(connection).count_approved(listing.province);
  });
  return listing;
}

std::vector<PublicProject> PortalService::select(const Listing& listing,
                                                 const std::optional<std::string>& district) const {
  const std::shared_ptr<const Ratings> known = ratings(listing);
  std::vector<PublicProject> items;
  for (const PublicProject& project : listing.board->projects) {
    if (project.cancelled) continue;
    if (district && std::find(project.districts.begin(), project.districts.end(), *district) ==
                        project.districts.end())
      continue;
    items.push_back(project);
    if (auto rating = known->by_element.find(project.element_id); rating != known->by_element.end())
      items.back().rating = rating->second;
  }
  return items;
}

std::vector<PublicProject> PortalService::projects(std::optional<std::string> district,
                                                   std::optional<int> fiscal_year) const {
  return select(listing(district, fiscal_year), district);
}

std::shared_ptr<const std::string> PortalService::projects_document(
    std::optional<std::string> district, std::optional<int> fiscal_year) const {
  const Listing listing = this->listing(district, fiscal_year);
  const std::string key = district.value_or("") + "/" + std::to_string(listing.board->fiscal_year);
  {
    std::lock_guard lock(mutex_);
    auto found = documents_.find(key);
    if (found != documents_.end() && found->second->board == listing.board &&
        found->second->approved == listing.approved)
      return found->second->json;
  }
  boost::json::array items;
  for (const PublicProject& project : select(listing, district))
    items.push_back(project_json(project));
  auto document = std::make_shared<Document>(
      Document{listing.board, listing.approved,
               std::make_shared<const std::string>(
                   boost::json::serialize(boost::json::object{{"items", std::move(items)}}))});
  std::lock_guard lock(mutex_);
  documents_[key] = document;
  return document->json;
}

ProjectPage PortalService::project(std::int64_t element_id) const {
  std::optional<plan::ElementSummary> element = sources_.plans.find_element(element_id);
  if (!element) throw_project_not_found();
  const std::string province = areas::province_for(areas_, Actor{}, std::nullopt);
  std::shared_ptr<const Board> board = this->board(province, std::nullopt);
  auto found = board->by_element.find(element_id);
  if (found == board->by_element.end() || board->projects[found->second].cancelled)
    throw_project_not_found();
  ProjectPage page;
  page.project = board->projects[found->second];
  std::shared_ptr<const procurement::Snapshot> snapshot = sources_.procurement.snapshot();
  for (const auto& view : sources_.procurement.list_for_project(kSystem, element_id)) {
    const procurement::Procurement& p = view.procurement;
    PublicProcurement item;
    item.title_th = p.title_th;
    item.method = std::string(procurement::name_th(p.method));
    item.reference_price_satang = p.reference_price_satang;
    if (p.winner) item.winner_name = p.winner->name;
    item.contract_value_satang = p.contract_value_satang;
    item.contract_signed = p.stages.contract_signed;
    for (const auto& summary : snapshot->procurements)
      if (summary.id == p.id) item.stage = std::string(procurement::name_th(summary.stage));
    page.procurements.push_back(std::move(item));
  }
  database_.read([&](db::Connection& connection) {
    FeedbackStore store(connection);
    for (const Feedback& f : store.approved_for(element_id, 50))
      page.comments.push_back({f.rating, f.comment_th, f.answer_th, f.created_at, f.demo});
    auto ratings = store.ratings(province);
    if (auto rating = ratings.find(element_id); rating != ratings.end())
      page.project.rating = rating->second;
    return 0;
  });
  return page;
}

Overview PortalService::overview(std::optional<int> fiscal_year) const {
  const std::string province = areas::province_for(areas_, Actor{}, std::nullopt);
  std::shared_ptr<const Board> board = this->board(province, fiscal_year);
  Overview overview;
  overview.fiscal_year = board->fiscal_year;
  for (const auto& project : board->projects) {
    if (project.cancelled) continue;
    ++overview.projects;
    overview.allocated_satang += project.allocated_satang;
    overview.disbursed_satang += project.disbursed_satang;
  }
  for (const plan::Plan& plan : sources_.plans.list_plans(Actor{})) {
    if (plan.province_code != province || !plan.approved_version ||
        !plan.period.contains(board->fiscal_year))
      continue;
    overview.plan = plan;
  }
  if (!overview.plan) return overview;
  if (auto scores = sources_.kpis.scores(overview.plan->id, board->fiscal_year)) {
    overview.province_score = scores->province;
    for (const auto& kpi : scores->kpis)
      overview.kpis.push_back(
          {kpi.code, kpi.text_th, kpi.value, kpi.target, kpi.score, kpi.on_track});
  }
  participation::NeedFilter filter;
  filter.plan_id = overview.plan->id;
  filter.status = participation::NeedStatus::new_;
  participation::NeedPage needs = sources_.participation.list_needs(
      Actor{}, filter, participation::NeedOrder::most_votes, 20, 0);
  overview.open_needs_total = needs.total;
  for (const auto& need : needs.items)
    overview.open_needs.push_back({need.title, need.district_code, need.vote_count});
  return overview;
}

const std::string& PortalService::secret() const {
  std::lock_guard lock(mutex_);
  if (!secret_) {
    secret_ = database_.write([&](db::Connection& connection) {
      return FeedbackStore(connection).secret_or_create(random_token(32));
    });
  }
  return *secret_;
}

FeedbackForm PortalService::feedback_form(std::int64_t element_id) const {
  project(element_id);  // 404 for a project the portal does not show
  return {public_form::issue_form_token(secret(), options_.now()),
          options_.form_limits.min_fill_time.count(), options_.form_limits.token_max_age.count()};
}

FeedbackReceipt PortalService::post_feedback(const Actor& caller, std::int64_t element_id,
                                             const FeedbackInput& input) {
  const Clock::time_point now = options_.now();
  // A rating outside the scale is a rule of the scale (422), whatever the form sent.
  if (input.rating < rules::kRatingMin || input.rating > rules::kRatingMax)
    throw Error(ErrorKind::rule, "rating_out_of_range",
                {"คะแนนต้องเป็น 1 ถึง 5 ดาว", "The rating must be 1 to 5 stars"},
                {{"rating", {"ต้องเป็น 1 ถึง 5", "must be 1 to 5"}}});
  FieldErrors errors;
  if (utf8::count_code_points(input.comment_th) > rules::kCommentMax)
    errors.add("comment_th", {"ความคิดเห็นยาวเกิน 2,000 ตัวอักษร", "is longer than 2,000 characters"});
  if (input.form_token.empty())
    errors.add("form_token", {"ต้องโหลดแบบฟอร์มก่อนส่ง", "is required; load the form first"});
  errors.throw_if_any();
  const public_form::FormToken token =
      public_form::check_form_token(secret(), input.form_token, now, options_.form_limits);
  ProjectPage page = project(element_id);  // 404 before anything is stored

  FeedbackRecord record;
  Feedback& f = record.feedback;
  f.province_code = areas::province_for(areas_, Actor{}, std::nullopt);
  f.element_id = element_id;
  f.rating = input.rating;
  // Masked before it is stored: the database never holds the number.
  f.comment_th = rules::mask_personal_numbers(thai::normalize(input.comment_th));
  f.status = FeedbackStatus::held;
  if (caller.principal) f.user_id = caller.principal->user_id;
  f.created_at = iso_utc(now);
  const std::string receipt = random_token(12);
  record.receipt_hash = sha256_hex(receipt);
  record.address_hash = public_form::address_hash(secret(), caller.address);
  record.form_nonce = token.nonce;
  const std::string since = iso_utc(now - std::chrono::hours(1));
  const Actor anonymous{std::nullopt, caller.address, caller.request_id};

  f.id = database_.write([&](db::Connection& connection) {
    FeedbackStore store(connection);
    if (store.form_nonce_used(token.nonce))
      throw_conflict("form_already_submitted", {"แบบฟอร์มนี้ถูกส่งไปแล้ว กรุณาโหลดแบบฟอร์มใหม่",
                                                "This form was already sent; reload it"});
    public_form::check_rate(store.count_from_address_since(*record.address_hash, since),
                            options_.form_limits, {"ความคิดเห็น", "comments"});
    std::int64_t id = store.insert(record);
    Feedback stored = f;
    stored.id = id;
    audit::record_in(connection, f.province_code, anonymous, "portal_feedback", std::to_string(id),
                     "submit_public", nullptr, feedback_json(stored));
    return id;
  });
  return {receipt, f};
}

std::optional<FeedbackFollow> PortalService::follow(const std::string& receipt) const {
  if (receipt.empty() || receipt.size() > 64) return std::nullopt;
  return database_.read([&](db::Connection& connection) -> std::optional<FeedbackFollow> {
    std::optional<Feedback> f = FeedbackStore(connection).find_by_receipt_hash(sha256_hex(receipt));
    if (!f) return std::nullopt;
    FeedbackFollow follow{*f, ""};
    if (auto element = sources_.plans.find_element(f->element_id))
      follow.project_name_th = element->text_th;
    return follow;
  });
}

std::vector<Feedback> PortalService::moderation_queue(const Actor& actor, FeedbackStatus status,
                                                      std::int64_t limit,
                                                      std::int64_t offset) const {
  const Principal& principal = rules::require_moderator(actor);
  return database_.read([&](db::Connection& connection) {
    return FeedbackStore(connection).list(principal.province_code, status, limit, offset);
  });
}

Feedback PortalService::change(const Actor& actor, std::int64_t id, std::int64_t expected_version,
                               const std::function<void(Feedback&)>& apply,
                               std::string_view action) {
  const Principal& principal = rules::require_moderator(actor);
  return database_.write([&](db::Connection& connection) {
    FeedbackStore store(connection);
    std::optional<Feedback> found = store.find(id);
    if (!found || found->province_code != principal.province_code) throw_feedback_not_found();
    if (found->version != expected_version) throw_stale_version();
    const Feedback before = *found;
    Feedback after = before;
    apply(after);
    after.moderated_by = principal.username;
    after.moderated_at = iso_utc(options_.now());
    if (!store.save(after)) throw_stale_version();
    after.version += 1;
    audit::record(connection, actor, "portal_feedback", std::to_string(id), action,
                  feedback_json(before), feedback_json(after));
    // A signed-in sender hears of the answer; an anonymous one follows the receipt.
    if (after.answer_th && after.answer_th != before.answer_th && after.user_id)
      notifications::enqueue(connection,
                             {.topic = notifications::Topic::comment_answered,
                              .province_code = after.province_code,
                              .agency_code = std::nullopt,
                              .user_id = after.user_id,
                              .subject_th = "ความคิดเห็นของคุณได้รับคำตอบแล้ว",
                              .body_th = *after.answer_th,
                              .link = "/portal/projects/" + std::to_string(after.element_id)});
    return after;
  });
}

namespace {

std::optional<std::string> checked_answer(const std::optional<std::string>& answer) {
  if (!answer) return std::nullopt;
  std::string text = thai::normalize(*answer);
  if (utf8::count_code_points(text) > rules::kAnswerMax)
    throw_invalid_field("answer_th",
                        {"คำตอบยาวเกิน 2,000 ตัวอักษร", "is longer than 2,000 characters"});
  if (text.empty()) return std::nullopt;
  // An officer's answer never repeats a number the sender's comment could have held.
  return rules::mask_personal_numbers(text);
}

}  // namespace

Feedback PortalService::moderate(const Actor& actor, std::int64_t id, Decision decision,
                                 std::optional<std::string> answer_th,
                                 std::int64_t expected_version) {
  std::optional<std::string> answer = checked_answer(answer_th);
  return change(
      actor, id, expected_version,
      [&](Feedback& f) {
        if (f.status != FeedbackStatus::held)
          throw_rule("not_held",
                     {"ความคิดเห็นนี้ผ่านการพิจารณาแล้ว", "This feedback was already moderated"});
        switch (decision) {
          case Decision::approve:
            f.status = FeedbackStatus::approved;
            break;
          case Decision::reject:
            f.status = FeedbackStatus::rejected;
            break;
          case Decision::refer:
            f.status = FeedbackStatus::referred;
            answer = std::string(rules::kReferredAnswer);
            break;
        }
        if (answer) {
          f.answer_th = answer;
          f.answered_at = iso_utc(options_.now());
        }
      },
      std::string("moderation_") + std::string(kDecisionNames.name(decision)));
}

Feedback PortalService::answer(const Actor& actor, std::int64_t id, const std::string& answer_th,
                               std::int64_t expected_version) {
  std::optional<std::string> answer = checked_answer(answer_th);
  if (!answer) throw_invalid_field("answer_th", {"ต้องระบุคำตอบ", "is required"});
  return change(
      actor, id, expected_version,
      [&](Feedback& f) {
        if (f.status == FeedbackStatus::referred)
          throw_rule("referred", {"เรื่องนี้ส่งต่อศูนย์ดำรงธรรมแล้ว",
                                  "This feedback was referred to the complaint centre"});
        f.answer_th = answer;
        f.answered_at = iso_utc(options_.now());
      },
      "answer");
}

void PortalService::add_demo_feedback(const std::string& demo_key, std::int64_t element_id,
                                      int rating, const std::string& comment_th,
                                      std::optional<std::string> answer_th) {
  const std::string province = areas::province_for(areas_, kSystem, std::nullopt);
  database_.write([&](db::Connection& connection) {
    FeedbackStore store(connection);
    if (store.find_by_demo_key(demo_key)) return 0;
    FeedbackRecord record;
    Feedback& f = record.feedback;
    f.province_code = province;
    f.element_id = element_id;
    f.rating = rating;
    f.comment_th = rules::mask_personal_numbers(comment_th);
    f.status = FeedbackStatus::approved;
    f.answer_th = answer_th;
    f.created_at = iso_utc(options_.now());
    if (answer_th) f.answered_at = f.created_at;
    f.moderated_by = "command-line";
    f.moderated_at = f.created_at;
    f.demo = true;
    f.demo_key = demo_key;
    record.receipt_hash = sha256_hex("demo:" + demo_key);
    f.id = store.insert(record);
    audit::record_in(connection, province, kSystem, "portal_feedback", std::to_string(f.id),
                     "create_demo", nullptr, feedback_json(f));
    return 0;
  });
}

}  // namespace changwat::portal
