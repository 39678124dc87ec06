// Directives (ข้อสั่งการ) and findings of audits and inspections: who enters them,
// who answers them, the order of a directive's statuses, closure with evidence.
#include <boost/json.hpp>

#include "base/clock.hpp"
#include "base/error.hpp"
#include "base/secret.hpp"
#include "modules/follow_up/json.hpp"
#include "modules/follow_up/meeting_store.hpp"
#include "modules/follow_up/rules.hpp"
#include "modules/follow_up/service.hpp"
#include "modules/follow_up/service_detail.hpp"
#include "platform/audit/audit_log.hpp"
#include "platform/notifications/outbox.hpp"

namespace changwat::follow_up {

using detail::actor_name;
using detail::province_of;
using detail::require_same_province;

namespace {

constexpr const char* kDirectiveTh = "ข้อสั่งการ";
constexpr const char* kDirectiveEn = "Directive";
constexpr const char* kFindingTh = "ข้อตรวจพบ";
constexpr const char* kFindingEn = "Finding";

Directive directive_in(DirectiveStore& store, const Actor& actor, std::int64_t id) {
  return detail::found_in(store.find(id), actor, kDirectiveTh, kDirectiveEn);
}

Finding finding_in(FindingStore& store, const Actor& actor, std::int64_t id) {
  return detail::found_in(store.find(id), actor, kFindingTh, kFindingEn);
}

// Who reads findings: the auditors, the strategy office, executives, admins, and an
// agency's officers for their own agency's (an audit finding is not the province's
// public business until it is answered).
void require_finding_reader(const Principal& principal) {
  switch (principal.role) {
    case Role::admin:
    case Role::auditor:
    case Role::strategy_officer:
    case Role::executive:
    case Role::agency_officer:
      return;
    default:
      throw_forbidden();
  }
}

// Tells the agency's users who chose the topic, inside the change's transaction (the
// outbox delivers later; a channel that fails never undoes the change).
void notify_agency(db::Connection& connection, const std::string& province_code,
                   const std::string& agency_code, notifications::Topic topic,
                   std::string subject_th, std::string body_th, std::string link) {
  notifications::enqueue(connection, {.topic = topic,
                                      .province_code = province_code,
                                      .agency_code = agency_code,
                                      .user_id = std::nullopt,
                                      .subject_th = std::move(subject_th),
                                      .body_th = std::move(body_th),
                                      .link = std::move(link)});
}

}  // namespace

// ---- Directives ----

std::vector<DirectiveView> FollowUpService::directives(const Actor& actor,
                                                       const DirectiveFilter& filter,
                                                       bool overdue_only) const {
  const std::string& province = province_of(actor);
  std::string today = today_iso();
  return database_.read([&](db::Connection& connection) {
    std::vector<DirectiveView> views;
    for (Directive& directive : DirectiveStore(connection).list(province, filter)) {
      bool overdue = is_overdue(directive, today);
      if (overdue_only && !overdue) continue;
      views.push_back({std::move(directive), overdue, {}});
    }
    return views;
  });
}

DirectiveView FollowUpService::directive(const Actor& actor, std::int64_t id) const {
  actor.require_signed_in();
  return database_.read([&](db::Connection& connection) {
    DirectiveStore store(connection);
    DirectiveView view;
    view.directive = directive_in(store, actor, id);
    view.overdue = is_overdue(view.directive, today_iso());
    view.evidence = EvidenceStore(connection).of(EvidenceOwner::directive, id);
    return view;
  });
}

Directive FollowUpService::create_directive(const Actor& actor, const NewDirective& input) {
  const Principal& principal = rules::require_secretary(actor);
  FieldErrors errors;
  rules::check_text(errors, "text_th", input.text_th, rules::kTextMax);
  check_assignment(errors, principal.province_code,
                   {input.agency_code, input.due_on, input.element_ids, true});
  return database_.write([&](db::Connection& connection) {
    auto meeting = MeetingStore(connection).find(input.meeting_id);
    if (!meeting || meeting->province_code != principal.province_code)
      throw Error(ErrorKind::rule, "unknown_meeting", {"ไม่พบการประชุมนี้", "Unknown meeting"},
                  {{"meeting_id", {"ไม่พบการประชุมนี้", "unknown meeting"}}});
    DirectiveStore store(connection);
    Directive directive;
    directive.province_code = principal.province_code;
    directive.meeting_id = meeting->id;
    directive.text_th = input.text_th;
    directive.agency_code = input.agency_code;
    directive.due_on = input.due_on;
    directive.element_ids = input.element_ids;
    directive.created_by = actor_name(actor);
    directive.created_at = iso_utc_now();
    directive.updated_at = directive.created_at;
    directive.id = store.insert(directive, std::nullopt);
    store.add_update(directive.id, {DirectiveStatus::open, "", false, directive.created_by,
                                    directive.created_at});
    Directive stored = *store.find(directive.id);
    audit::record(connection, actor, "follow_up_directive", std::to_string(stored.id), "create",
                  nullptr, directive_json(stored, false));
    notify_agency(connection, stored.province_code, stored.agency_code,
                  notifications::Topic::directive_assigned,
                  "ข้อสั่งการใหม่ กำหนดแล้วเสร็จ " + thai::format_date(thai::parse_date(stored.due_on)),
                  stored.text_th, "/follow-up/directives/" + std::to_string(stored.id));
    return stored;
  });
}

DirectiveView FollowUpService::report(const Actor& actor, std::int64_t id,
                                      const DirectiveReport& input) {
  const Principal& principal = actor.require_signed_in();
  FieldErrors errors;
  if (input.status != DirectiveStatus::cancelled)
    rules::check_text(errors, "note_th", input.note_th, rules::kTextMax);
  errors.throw_if_any();
  std::string today = today_iso();
  return database_.write([&](db::Connection& connection) {
    DirectiveStore store(connection);
    Directive before = directive_in(store, actor, id);
    rules::check_directive_writer(principal, before, input.status);
    if (input.expected_version && *input.expected_version != before.version) throw_stale_version();
    rules::check_move(before.status, input.status, input.note_th);
    Directive after = before;
    after.status = input.status;
    after.updated_at = iso_utc_now();
    if (!store.update_status(after)) throw_stale_version();
    store.add_update(id, {input.status, input.note_th, false, actor_name(actor), after.updated_at});
    DirectiveView view;
    view.directive = *store.find(id);
    view.overdue = is_overdue(view.directive, today);
    view.evidence = EvidenceStore(connection).of(EvidenceOwner::directive, id);
    audit::record(connection, actor, "follow_up_directive", std::to_string(id), "update",
                  directive_json(before, false), directive_json(view.directive, view.overdue));
    return view;
  });
}

// ---- Findings ----

std::vector<FindingView> FollowUpService::findings(const Actor& actor,
                                                   const FindingFilter& filter) const {
  const Principal& principal = actor.require_signed_in();
  require_finding_reader(principal);
  FindingFilter scoped = filter;
  if (principal.role == Role::agency_officer) {
    if (filter.agency_code && filter.agency_code != principal.agency_code) return {};
    scoped.agency_code = principal.agency_code.value_or("");
  }
  std::string today = today_iso();
  return database_.read([&](db::Connection& connection) {
    std::vector<FindingView> views;
    for (Finding& finding : FindingStore(connection).list(principal.province_code, scoped)) {
      bool overdue = finding.status != FindingStatus::closed && finding.due_on < today;
      views.push_back({std::move(finding), overdue, {}});
    }
    return views;
  });
}

FindingView FollowUpService::finding(const Actor& actor, std::int64_t id) const {
  const Principal& principal = actor.require_signed_in();
  require_finding_reader(principal);
  return database_.read([&](db::Connection& connection) {
    FindingStore store(connection);
    FindingView view;
    view.finding = finding_in(store, actor, id);
    if (principal.role == Role::agency_officer)
      rules::require_own_agency(principal, view.finding.agency_code);
    view.overdue =
        view.finding.status != FindingStatus::closed && view.finding.due_on < today_iso();
    view.evidence = EvidenceStore(connection).of(EvidenceOwner::finding, id);
    return view;
  });
}

Finding FollowUpService::create_finding(const Actor& actor, const NewFinding& input) {
  const Principal& principal = rules::require_auditor(actor);
  FieldErrors errors;
  rules::check_text(errors, "finding_th", input.finding_th, rules::kTextMax);
  rules::check_text(errors, "recommendation_th", input.recommendation_th, rules::kTextMax);
  check_assignment(errors, principal.province_code,
                   {input.agency_code, input.due_on, input.element_ids, false});
  return database_.write([&](db::Connection& connection) {
    FindingStore store(connection);
    Finding finding;
    finding.province_code = principal.province_code;
    finding.kind = input.kind;
    finding.agency_code = input.agency_code;
    finding.element_ids = input.element_ids;
    finding.finding_th = input.finding_th;
    finding.risk = input.risk;
    finding.recommendation_th = input.recommendation_th;
    finding.due_on = input.due_on;
    finding.created_by = actor_name(actor);
    finding.created_at = iso_utc_now();
    finding.id = store.insert(finding, std::nullopt);
    Finding stored = *store.find(finding.id);
    audit::record(connection, actor, "follow_up_finding", std::to_string(stored.id), "create",
                  nullptr, finding_json(stored, false));
    notify_agency(connection, stored.province_code, stored.agency_code,
                  notifications::Topic::finding_entered,
                  "ข้อตรวจพบใหม่ (" + std::string(name_th(stored.kind)) + ")", stored.finding_th,
                  "/follow-up/findings/" + std::to_string(stored.id));
    return stored;
  });
}

FindingView FollowUpService::respond(const Actor& actor, std::int64_t id,
                                     const std::string& response_th,
                                     std::optional<std::int64_t> expected_version) {
  const Principal& principal = actor.require_signed_in();
  FieldErrors errors;
  rules::check_text(errors, "response_th", response_th, rules::kTextMax);
  errors.throw_if_any();
  return database_.write([&](db::Connection& connection) {
    FindingStore store(connection);
    Finding before = finding_in(store, actor, id);
    rules::require_own_agency(principal, before.agency_code);
    if (expected_version && *expected_version != before.version) throw_stale_version();
    if (before.status == FindingStatus::closed)
      throw_conflict("finding_closed", {"ข้อตรวจพบนี้ปิดแล้ว", "The finding is closed"});
    Finding after = before;
    after.status = FindingStatus::responded;
    after.response_th = response_th;
    after.responded_by = actor_name(actor);
    after.responded_at = iso_utc_now();
    if (!store.update(after)) throw_stale_version();
    FindingView view{*store.find(id), false,
                     EvidenceStore(connection).of(EvidenceOwner::finding, id)};
    view.overdue = view.finding.due_on < today_iso();
    audit::record(connection, actor, "follow_up_finding", std::to_string(id), "respond",
                  finding_json(before, false), finding_json(view.finding, view.overdue));
    return view;
  });
}

FindingView FollowUpService::close(const Actor& actor, std::int64_t id, const Closure& closure) {
  rules::require_auditor(actor);
  FieldErrors errors;
  rules::check_text(errors, "note_th", closure.note_th, rules::kTextMax);
  errors.throw_if_any();
  bool has_evidence = false;
  for (const std::string& item : closure.evidence) has_evidence = has_evidence || !item.empty();
  if (!has_evidence)
    throw Error(ErrorKind::rule, "evidence_required",
                {"ปิดข้อตรวจพบได้เมื่อมีหลักฐานการแก้ไข", "A finding is closed only with evidence"},
                {{"evidence", {"ต้องระบุหลักฐานอย่างน้อยหนึ่งรายการ", "at least one item is required"}}});
  return database_.write([&](db::Connection& connection) {
    FindingStore store(connection);
    Finding before = finding_in(store, actor, id);
    if (closure.expected_version && *closure.expected_version != before.version)
      throw_stale_version();
    if (before.status == FindingStatus::closed)
      throw_conflict("finding_closed", {"ข้อตรวจพบนี้ปิดแล้ว", "The finding is closed"});
    if (before.status != FindingStatus::responded)
      throw_conflict("response_required", {"ต้องให้หน่วยงานชี้แจงก่อนปิดข้อตรวจพบ",
                                           "The agency must respond before the finding is closed"});
    Finding after = before;
    after.status = FindingStatus::closed;
    after.closure_note_th = closure.note_th;
    after.closure_evidence = closure.evidence;
    after.closed_by = actor_name(actor);
    after.closed_at = iso_utc_now();
    if (!store.update(after)) throw_stale_version();
    FindingView view{*store.find(id), false,
                     EvidenceStore(connection).of(EvidenceOwner::finding, id)};
    audit::record(connection, actor, "follow_up_finding", std::to_string(id), "close",
                  finding_json(before, false), finding_json(view.finding, false));
    return view;
  });
}

// ---- Evidence files ----

EvidenceFile FollowUpService::add_evidence(const Actor& actor, EvidenceOwner owner,
                                           std::int64_t owner_id, const EvidenceUpload& upload) {
  const Principal& principal = actor.require_signed_in();
  if (upload.content_type != "application/pdf" && upload.content_type != "image/jpeg" &&
      upload.content_type != "image/png")
    throw Error(ErrorKind::unsupported_media_type, "unsupported_file",
                {"รับไฟล์ PDF, JPEG หรือ PNG เท่านั้น", "Only PDF, JPEG or PNG files are accepted"});
  if (upload.bytes.empty()) throw_invalid_field("file", {"ไฟล์ว่าง", "the file is empty"});
  if (upload.bytes.size() > rules::kEvidenceFileMax)
    throw Error(ErrorKind::payload_too_large, "file_too_large",
                {"ไฟล์ต้องมีขนาดไม่เกิน 10 MB", "The file must be at most 10 MB"});
  return database_.write([&](db::Connection& connection) {
    std::string province;
    if (owner == EvidenceOwner::directive) {
      DirectiveStore store(connection);
      Directive directive = directive_in(store, actor, owner_id);
      if (principal.role != Role::strategy_officer && principal.role != Role::admin)
        rules::require_own_agency(principal, directive.agency_code);
      province = directive.province_code;
    } else {
      FindingStore store(connection);
      Finding finding = finding_in(store, actor, owner_id);
      if (principal.role != Role::auditor && principal.role != Role::admin)
        rules::require_own_agency(principal, finding.agency_code);
      province = finding.province_code;
    }
    EvidenceFile file;
    file.province_code = province;
    file.owner = owner;
    file.owner_id = owner_id;
    file.file_name = upload.file_name.empty() ? "evidence" : upload.file_name;
    file.content_type = upload.content_type;
    file.size_bytes = static_cast<std::int64_t>(upload.bytes.size());
    file.sha256 = sha256_hex(upload.bytes);
    file.uploaded_by = actor_name(actor);
    file.uploaded_at = iso_utc_now();
    file.id = EvidenceStore(connection).insert(file, upload.bytes);
    audit::record(connection, actor, "follow_up_evidence", std::to_string(file.id), "create",
                  nullptr, evidence_json(file));
    return file;
  });
}

std::pair<EvidenceFile, std::string> FollowUpService::evidence_file(const Actor& actor,
                                                                    EvidenceOwner owner,
                                                                    std::int64_t owner_id,
                                                                    std::int64_t file_id) const {
  if (owner == EvidenceOwner::directive) {
    directive(actor, owner_id);  // its rights and 404
  } else {
    finding(actor, owner_id);
  }
  return database_.read([&](db::Connection& connection) {
    auto found = EvidenceStore(connection).read(file_id);
    if (!found || found->first.owner != owner || found->first.owner_id != owner_id)
      throw_not_found("ไฟล์หลักฐาน", "Evidence file");
    return *found;
  });
}

}  // namespace changwat::follow_up
