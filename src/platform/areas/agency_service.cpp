#include "platform/areas/agency_service.hpp"

#include <array>
#include <boost/json.hpp>

#include "base/error.hpp"
#include "platform/areas/json.hpp"
#include "platform/audit/audit_log.hpp"

namespace changwat::areas {
namespace {

constexpr std::array<std::string_view, 6> kKinds{
    "provincial", "central_regional", "local_government", "district_office", "state_enterprise",
    "other"};

void check_names(FieldErrors& errors, const std::string& name_th, const std::string& name_en) {
  if (name_th.empty())
    errors.add("name_th", {"ต้องระบุชื่อภาษาไทย", "Thai name is required"});
  if (name_en.empty())
    errors.add("name_en", {"ต้องระบุชื่อภาษาอังกฤษ", "English name is required"});
}

}  // namespace

bool is_agency_kind(std::string_view kind) {
  for (auto k : kKinds)
    if (k == kind) return true;
  return false;
}

AgencyService::AgencyService(db::Database& database, AreaService& areas)
    : database_(database), areas_(areas) {}

Agency AgencyService::create(const Actor& actor, const Agency& agency) {
  const Principal& principal = actor.require_role({Role::admin});
  FieldErrors errors;
  if (agency.code.empty() || agency.code.size() > 40)
    errors.add("code", {"รหัสต้องยาว 1–40 ตัวอักษร", "Code must be 1–40 characters"});
  check_names(errors, agency.name_th, agency.name_en);
  if (!is_agency_kind(agency.kind))
    errors.add("kind", {"ประเภทหน่วยงานไม่ถูกต้อง", "Unknown agency kind"});
  errors.throw_if_any();
  Agency created = agency;
  created.province_code = principal.province_code;
  created.version = 1;
  database_.write([&](db::Connection& c) {
    if (c.query_one("SELECT 1 FROM agency WHERE code = ?", {agency.code}))
      throw_conflict("duplicate", {"มีหน่วยงานรหัสนี้แล้ว", "An agency with this code exists"});
    c.execute(
        "INSERT INTO agency (code, province_code, name_th, name_en, kind) VALUES (?, ?, ?, ?, ?)",
        {created.code, created.province_code, created.name_th, created.name_en, created.kind});
    audit::record(c, actor, "agency", created.code, "create", nullptr, agency_json(created));
  });
  areas_.reload();
  return created;
}

Agency AgencyService::update(const Actor& actor, const std::string& code,
                             const AgencyChange& change) {
  const Principal& principal = actor.require_role({Role::admin});
  auto current = areas_.find_agency(code);
  if (!current || current->province_code != principal.province_code)
    throw_not_found("หน่วยงาน", "Agency");
  Agency updated = *current;
  if (change.name_th) updated.name_th = *change.name_th;
  if (change.name_en) updated.name_en = *change.name_en;
  if (change.kind) updated.kind = *change.kind;
  FieldErrors errors;
  check_names(errors, updated.name_th, updated.name_en);
  if (!is_agency_kind(updated.kind))
    errors.add("kind", {"ประเภทหน่วยงานไม่ถูกต้อง", "Unknown agency kind"});
  errors.throw_if_any();

  database_.write([&](db::Connection& c) {
    // Read the stored row inside the transaction: the cache may lag another server.
    auto row = c.query_one(
        "SELECT name_th, name_en, kind, version FROM agency WHERE code = ? AND province_code = ?",
        {code, principal.province_code});
    if (!row) throw_not_found("หน่วยงาน", "Agency");
    Agency before = *current;
    before.name_th = row->text(0);
    before.name_en = row->text(1);
    before.kind = row->text(2);
    before.version = row->integer(3);
    auto changed = c.execute(
        "UPDATE agency SET name_th = ?, name_en = ?, kind = ?, version = version + 1 "
        "WHERE code = ? AND version = ?",
        {updated.name_th, updated.name_en, updated.kind, code, change.version});
    if (changed == 0) throw_stale_version();
    updated.version = change.version + 1;
    audit::record(c, actor, "agency", code, "update", agency_json(before), agency_json(updated));
  });
  areas_.reload();
  return updated;
}

}  // namespace changwat::areas
