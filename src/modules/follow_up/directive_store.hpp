#pragma once
// SQL for directives and their status history, findings, evidence files and the
// yearly review's entries, nothing else: made on the transaction's connection.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "modules/follow_up/model.hpp"

namespace changwat::follow_up {

struct DirectiveFilter {
  std::optional<DirectiveStatus> status;
  std::optional<std::string> agency_code;
  std::optional<std::int64_t> meeting_id;
};

class DirectiveStore {
 public:
  explicit DirectiveStore(db::Connection& connection) : connection_(connection) {}

  std::int64_t insert(const Directive& directive, const std::optional<std::string>& demo_key);
  // With its history, oldest first.
  std::optional<Directive> find(std::int64_t id);
  std::vector<Directive> list(const std::string& province_code, const DirectiveFilter& filter);
  // One conditional statement (status, updated_at) on `directive.version`; false = stale.
  bool update_status(const Directive& directive);
  void add_update(std::int64_t directive_id, const DirectiveUpdate& update);
  std::optional<std::int64_t> id_by_demo_key(const std::string& demo_key);

 private:
  db::Connection& connection_;
};

struct FindingFilter {
  std::optional<FindingStatus> status;
  std::optional<std::string> agency_code;
  std::optional<FindingKind> kind;
};

class FindingStore {
 public:
  explicit FindingStore(db::Connection& connection) : connection_(connection) {}

  std::int64_t insert(const Finding& finding, const std::optional<std::string>& demo_key);
  std::optional<Finding> find(std::int64_t id);
  std::vector<Finding> list(const std::string& province_code, const FindingFilter& filter);
  // Writes the response and closure fields and the status, conditional on
  // `finding.version`; false = stale.
  bool update(const Finding& finding);
  std::optional<std::int64_t> id_by_demo_key(const std::string& demo_key);

 private:
  db::Connection& connection_;
};

class EvidenceStore {
 public:
  explicit EvidenceStore(db::Connection& connection) : connection_(connection) {}

  std::int64_t insert(const EvidenceFile& file, const std::string& bytes);
  std::vector<EvidenceFile> of(EvidenceOwner owner, std::int64_t owner_id);
  // The file and its bytes.
  std::optional<std::pair<EvidenceFile, std::string>> read(std::int64_t id);

 private:
  db::Connection& connection_;
};

class ReviewStore {
 public:
  explicit ReviewStore(db::Connection& connection) : connection_(connection) {}

  std::optional<ReviewNotes> find(const std::string& province_code, int fiscal_year);
  // Insert when `expected_version` is 0 (false if a row appeared meanwhile), else a
  // conditional update; false = stale.
  bool write(const ReviewNotes& notes, std::int64_t expected_version);

 private:
  db::Connection& connection_;
};

}  // namespace changwat::follow_up
