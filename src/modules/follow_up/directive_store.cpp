#include "modules/follow_up/directive_store.hpp"

#include <array>

#include "db/conditions.hpp"
#include "db/row_reader.hpp"
#include "db/sql.hpp"
#include "modules/follow_up/json_columns.hpp"

namespace changwat::follow_up {
namespace {

constexpr const char* kDirectiveColumns =
    "province_code, meeting_id, text_th, agency_code, due_on, element_ids, status, demo, "
    "created_by, created_at, updated_at";

Directive directive_from(const db::Row& row) {
  Directive directive;
  std::string element_ids;
  db::RowReader(row).read(
      directive.id, directive.province_code, directive.meeting_id, directive.text_th,
      directive.agency_code, directive.due_on, element_ids,
      db::stored(directive.status, parse_directive_status, "follow_up_directive.status"),
      directive.demo, directive.created_by, directive.created_at, directive.updated_at,
      directive.version);
  directive.element_ids = columns::ids_of(element_ids);
  return directive;
}

constexpr const char* kFindingColumns =
    "province_code, kind, agency_code, element_ids, finding_th, risk, recommendation_th, due_on, "
    "status, response_th, responded_by, responded_at, closure_note_th, closure_evidence, "
    "closed_by, closed_at, demo, created_by, created_at";
// The fields a finding's response and closure change.
constexpr const char* kFindingAnswerColumns =
    "status, response_th, responded_by, responded_at, closure_note_th, closure_evidence, "
    "closed_by, closed_at";

Finding finding_from(const db::Row& row) {
  Finding finding;
  std::string element_ids;
  std::optional<std::string> evidence;
  db::RowReader(row).read(
      finding.id, finding.province_code,
      db::stored(finding.kind, parse_finding_kind, "follow_up_finding.kind"), finding.agency_code,
      element_ids, finding.finding_th,
      db::stored(finding.risk, parse_risk, "follow_up_finding.risk"), finding.recommendation_th,
      finding.due_on, db::stored(finding.status, parse_finding_status, "follow_up_finding.status"),
      finding.response_th, finding.responded_by, finding.responded_at, finding.closure_note_th,
      evidence, finding.closed_by, finding.closed_at, finding.demo, finding.created_by,
      finding.created_at, finding.version);
  finding.element_ids = columns::ids_of(element_ids);
  if (evidence) finding.closure_evidence = columns::texts_of(*evidence);
  return finding;
}

std::vector<db::Value> finding_answer_values(const Finding& finding) {
  std::optional<std::string> evidence;
  if (!finding.closure_evidence.empty()) evidence = columns::texts_text(finding.closure_evidence);
  std::vector<db::Value> values{
      std::string(to_string(finding.status)), db::nullable(finding.response_th),
      db::nullable(finding.responded_by),     db::nullable(finding.responded_at),
      db::nullable(finding.closure_note_th),  db::nullable(evidence),
      db::nullable(finding.closed_by),        db::nullable(finding.closed_at)};
  return values;
}

constexpr const char* kEvidenceColumns =
    "province_code, owner_kind, owner_id, file_name, content_type, size_bytes, sha256, "
    "uploaded_by, uploaded_at";

EvidenceFile evidence_from(const db::Row& row) {
  EvidenceFile file;
  db::RowReader(row).read(
      file.id, file.province_code,
      db::stored(file.owner, parse_evidence_owner, "follow_up_evidence.owner_kind"), file.owner_id,
      file.file_name, file.content_type, file.size_bytes, file.sha256, file.uploaded_by,
      file.uploaded_at);
  return file;
}

constexpr const char* kReviewColumns =
    "lessons_th, proposed_changes, revision_plan_id, revision_version, demo, updated_by, "
    "updated_at";

}  // namespace

// ---- Directives ----

std::int64_t DirectiveStore::insert(const Directive& directive,
                                    const std::optional<std::string>& demo_key) {
  return db::insert_row_returning_id(
      connection_, "follow_up_directive", std::string(kDirectiveColumns) + ", demo_key",
      {directive.province_code, directive.meeting_id, directive.text_th, directive.agency_code,
       directive.due_on, columns::ids_text(directive.element_ids),
       std::string(to_string(directive.status)), std::int64_t{directive.demo ? 1 : 0},
       directive.created_by, directive.created_at, directive.updated_at, db::nullable(demo_key)});
}

std::optional<Directive> DirectiveStore::find(std::int64_t id) {
  auto row = connection_.query_one(std::string("SELECT id, ") + kDirectiveColumns +
                                       ", version FROM follow_up_directive WHERE id = ?",
                                   {id});
  if (!row) return std::nullopt;
  Directive directive = directive_from(*row);
  for (const auto& update_row : connection_.query(
           "SELECT status, note_th, demo, created_by, created_at FROM follow_up_directive_update "
           "WHERE directive_id = ? ORDER BY id",
           {id})) {
    DirectiveUpdate update;
    db::RowReader(update_row)
        .read(
            db::stored(update.status, parse_directive_status, "follow_up_directive_update.status"),
            update.note_th, update.demo, update.created_by, update.created_at);
    directive.history.push_back(std::move(update));
  }
  return directive;
}

std::vector<Directive> DirectiveStore::list(const std::string& province_code,
                                            const DirectiveFilter& filter) {
  db::Conditions where;
  where.add("province_code = ?", province_code);
  if (filter.status) where.add("status = ?", std::string(to_string(*filter.status)));
  where.add_if(filter.agency_code, "agency_code = ?");
  where.add_if(filter.meeting_id, "meeting_id = ?");
  std::vector<Directive> directives;
  for (const auto& row : connection_.query(std::string("SELECT id, ") + kDirectiveColumns +
                                               ", version FROM follow_up_directive" + where.sql() +
                                               " ORDER BY due_on, id",
                                           where.params()))
    directives.push_back(directive_from(row));
  return directives;
}

bool DirectiveStore::update_status(const Directive& directive) {
  return connection_.execute(
             "UPDATE follow_up_directive SET status = ?, updated_at = ?, version = version + 1 "
             "WHERE id = ? AND version = ?",
             {std::string(to_string(directive.status)), directive.updated_at, directive.id,
              directive.version}) == 1;
}

void DirectiveStore::add_update(std::int64_t directive_id, const DirectiveUpdate& update) {
  db::insert_row(connection_, "follow_up_directive_update",
                 "directive_id, status, note_th, demo, created_by, created_at",
                 {directive_id, std::string(to_string(update.status)), update.note_th,
                  std::int64_t{update.demo ? 1 : 0}, update.created_by, update.created_at});
}

std::optional<std::int64_t> DirectiveStore::id_by_demo_key(const std::string& demo_key) {
  return db::query_integer(connection_, "SELECT id FROM follow_up_directive WHERE demo_key = ?",
                           {demo_key});
}

// ---- Findings ----

std::int64_t FindingStore::insert(const Finding& finding,
                                  const std::optional<std::string>& demo_key) {
  std::vector<db::Value> values{finding.province_code,     std::string(to_string(finding.kind)),
                                finding.agency_code,       columns::ids_text(finding.element_ids),
                                finding.finding_th,        std::string(to_string(finding.risk)),
                                finding.recommendation_th, finding.due_on};
  for (db::Value& value : finding_answer_values(finding)) values.push_back(std::move(value));
  values.insert(values.end(), {std::int64_t{finding.demo ? 1 : 0}, finding.created_by,
                               finding.created_at, db::nullable(demo_key)});
  return db::insert_row_returning_id(connection_, "follow_up_finding",
                                     std::string(kFindingColumns) + ", demo_key", values);
}

std::optional<Finding> FindingStore::find(std::int64_t id) {
  auto row = connection_.query_one(std::string("SELECT id, ") + kFindingColumns +
                                       ", version FROM follow_up_finding WHERE id = ?",
                                   {id});
  if (!row) return std::nullopt;
  return finding_from(*row);
}

std::vector<Finding> FindingStore::list(const std::string& province_code,
                                        const FindingFilter& filter) {
  db::Conditions where;
  where.add("province_code = ?", province_code);
  if (filter.status) where.add("status = ?", std::string(to_string(*filter.status)));
  if (filter.kind) where.add("kind = ?", std::string(to_string(*filter.kind)));
  where.add_if(filter.agency_code, "agency_code = ?");
  std::vector<Finding> findings;
  for (const auto& row : connection_.query(std::string("SELECT id, ") + kFindingColumns +
                                               ", version FROM follow_up_finding" + where.sql() +
                                               " ORDER BY due_on, id",
                                           where.params()))
    findings.push_back(finding_from(row));
  return findings;
}

bool FindingStore::update(const Finding& finding) {
  std::vector<db::Value> values = finding_answer_values(finding);
  const std::array<db::Value, 2> key{finding.id, finding.version};
  values.insert(values.end(), key.begin(), key.end());
  return connection_.execute("UPDATE follow_up_finding SET " +
                                 db::assignments(kFindingAnswerColumns) +
                                 ", version = version + 1 WHERE id = ? AND version = ?",
                             values) == 1;
}

std::optional<std::int64_t> FindingStore::id_by_demo_key(const std::string& demo_key) {
  return db::query_integer(connection_, "SELECT id FROM follow_up_finding WHERE demo_key = ?",
                           {demo_key});
}

// ---- Evidence files ----

std::int64_t EvidenceStore::insert(const EvidenceFile& file, const std::string& bytes) {
  return db::insert_row_returning_id(
      connection_, "follow_up_evidence", std::string(kEvidenceColumns) + ", content_base64",
      {file.province_code, std::string(to_string(file.owner)), file.owner_id, file.file_name,
       file.content_type, file.size_bytes, file.sha256, file.uploaded_by, file.uploaded_at,
       columns::base64_encode(bytes)});
}

std::vector<EvidenceFile> EvidenceStore::of(EvidenceOwner owner, std::int64_t owner_id) {
  std::vector<EvidenceFile> files;
  for (const auto& row : connection_.query(std::string("SELECT id, ") + kEvidenceColumns +
                                               " FROM follow_up_evidence WHERE owner_kind = ? "
                                               "AND owner_id = ? ORDER BY id",
                                           {std::string(to_string(owner)), owner_id}))
    files.push_back(evidence_from(row));
  return files;
}

std::optional<std::pair<EvidenceFile, std::string>> EvidenceStore::read(std::int64_t id) {
  auto row = connection_.query_one(std::string("SELECT id, ") + kEvidenceColumns +
                                       ", content_base64 FROM follow_up_evidence WHERE id = ?",
                                   {id});
  if (!row) return std::nullopt;
  return std::pair{evidence_from(*row), columns::base64_decode(row->text(10))};
}

// ---- Review ----

std::optional<ReviewNotes> ReviewStore::find(const std::string& province_code, int fiscal_year) {
  auto row = connection_.query_one(std::string("SELECT ") + kReviewColumns +
                                       ", version FROM follow_up_review WHERE province_code = ? "
                                       "AND fiscal_year = ?",
                                   {province_code, std::int64_t{fiscal_year}});
  if (!row) return std::nullopt;
  ReviewNotes notes;
  notes.province_code = province_code;
  notes.fiscal_year = fiscal_year;
  std::string proposed;
  db::RowReader(*row).read(notes.lessons_th, proposed, notes.revision_plan_id,
                           notes.revision_version, notes.demo, notes.updated_by, notes.updated_at,
                           notes.version);
  notes.proposed_changes = columns::texts_of(proposed);
  return notes;
}

bool ReviewStore::write(const ReviewNotes& notes, std::int64_t expected_version) {
  std::vector<db::Value> values{notes.lessons_th,
                                columns::texts_text(notes.proposed_changes),
                                db::nullable(notes.revision_plan_id),
                                notes.revision_version
                                    ? db::Value(std::int64_t{*notes.revision_version})
                                    : db::Value(nullptr),
                                std::int64_t{notes.demo ? 1 : 0},
                                notes.updated_by,
                                notes.updated_at};
  if (expected_version == 0) {
    // A review another writer stored meanwhile is not overwritten: stale.
    values.insert(values.begin(), {notes.province_code, std::int64_t{notes.fiscal_year}});
    return connection_.execute(
               std::string("INSERT INTO follow_up_review (province_code, fiscal_year, ") +
                   kReviewColumns + ") VALUES (" + db::placeholders(9) +
                   ") ON CONFLICT (province_code, fiscal_year) DO NOTHING",
               values) == 1;
  }
  values.insert(values.end(),
                {notes.province_code, std::int64_t{notes.fiscal_year}, expected_version});
  return connection_.execute("UPDATE follow_up_review SET " + db::assignments(kReviewColumns) +
                                 ", version = version + 1 WHERE province_code = ? AND "
                                 "fiscal_year = ? AND version = ?",
                             values) == 1;
}

}  // namespace changwat::follow_up
