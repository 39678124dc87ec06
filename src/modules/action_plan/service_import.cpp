// ActionPlanService::import_positions: a GFMIS-style month-end report or the simple
// satang CSV, all or nothing.
#include <algorithm>
#include <boost/json.hpp>
#include <unordered_map>

#include "base/clock.hpp"
#include "modules/action_plan/import.hpp"
#include "modules/action_plan/service_detail.hpp"
#include "platform/audit/audit_log.hpp"

namespace changwat::action_plan {

using namespace detail;

namespace {

bool content_type_is(std::string_view content_type, std::string_view wanted) {
  std::string_view bare = content_type.substr(0, content_type.find(';'));
  while (!bare.empty() && bare.back() == ' ') bare.remove_suffix(1);
  if (bare.size() != wanted.size()) return false;
  for (std::size_t i = 0; i < bare.size(); ++i) {
    char c = bare[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != wanted[i]) return false;
  }
  return true;
}

[[noreturn]] void throw_rejected(std::vector<ImportProblem> problems, std::size_t total) {
  std::vector<ImportRowProblem> rows;
  rows.reserve(problems.size());
  for (auto& problem : problems) {
    rows.push_back({problem.row, std::move(problem.column), std::move(problem.message)});
  }
  throw ImportRejected(std::move(rows), total);
}

// The ledger after an import: the one the rows were checked against, with the
// written months put into their lines (untouched projects shared, not copied), so
// the next read needs no reload of the whole plan.
std::shared_ptr<const Ledger> with_positions(const Ledger& ledger, const ActionPlan& header,
                                             const ValidatedImport& valid) {
  std::unordered_map<std::int64_t, std::vector<const Position*>> by_line;
  for (const auto* rows : {&valid.inserts, &valid.updates}) {
    for (const auto& row : *rows) by_line[row.line_id].push_back(&row.position);
  }
  std::vector<std::shared_ptr<const ProjectBook>> books;
  books.reserve(ledger.books.size());
  for (const auto& book : ledger.books) {
    bool touched = std::any_of(book->lines.begin(), book->lines.end(),
                               [&](const LineBook& line) { return by_line.count(line.line.id); });
    if (!touched) {
      books.push_back(book);
      continue;
    }
    auto copy = std::make_shared<ProjectBook>(*book);
    for (auto& line : copy->lines) {
      auto found = by_line.find(line.line.id);
      if (found == by_line.end()) continue;
      for (const Position* position : found->second) {
        auto at = std::lower_bound(
            line.positions.begin(), line.positions.end(), position->month,
            [](const Position& stored, const Month& month) { return stored.month < month; });
        if (at != line.positions.end() && at->month == position->month) {
          *at = *position;
        } else {
          line.positions.insert(at, *position);
        }
      }
    }
    books.push_back(std::move(copy));
  }
  return Ledger::make(header, std::move(books));
}

}  // namespace

ImportResult ActionPlanService::import_positions(const Actor& actor, std::int64_t id,
                                                 std::string_view bytes,
                                                 std::string_view content_type) {
  ActionPlanView current = view(id);
  const ActionPlan& known = current.ledger->header;
  // Who may import: as for entering positions; an agency officer only rows of
  // their own agency's projects (checked per row).
  require_position_writer(actor, known,
                          actor.principal ? actor.principal->agency_code : std::nullopt);
  if (bytes.size() >= kMaxImportBytes) {
    throw Error(ErrorKind::payload_too_large, "import_too_large",
                {"ไฟล์ต้องเล็กกว่า 50 MB (แบ่งไฟล์แล้วนำเข้าทีละส่วน)",
                 "The file must be smaller than 50 MB (split it and import each part)"});
  }
  bool csv = content_type_is(content_type, "text/csv") ||
             content_type_is(content_type, "application/csv") ||
             content_type_is(content_type, "text/plain");
  bool xlsx = content_type_is(content_type,
                              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  bool octets = content_type_is(content_type, "application/octet-stream");
  if (!csv && !xlsx && !octets) {
    throw Error(ErrorKind::unsupported_media_type, "unsupported_media_type",
                {"ส่งไฟล์ CSV (text/csv) หรือ Excel (.xlsx) เท่านั้น",
                 "Send a CSV (text/csv) or Excel (.xlsx) file"});
  }
  require_open(known);

  ParsedImport parsed = parse_position_file(bytes);
  ImportScope scope;
  if (actor.principal && actor.principal->role == Role::agency_officer) {
    scope.agency_code = actor.principal->agency_code.value_or("");
  }
  std::string who = actor_name(actor);
  std::string now = iso_utc_now();

  std::size_t imported = 0;
  std::shared_ptr<const Ledger> updated;
  database_.write([&](db::Connection& c) {
    ActionPlanStore store(c);
    ActionPlan header = begin_change(store, id);
    require_open(header);
    // The ledger read before the transaction may be older than the one the
    // transaction now sees: validate against the latest.
    std::shared_ptr<const Ledger> ledger = current.ledger;
    if (ledger->header.revision != header.revision - 1) {
      std::vector<std::shared_ptr<const ProjectBook>> books;
      for (auto& book : store.load_books(id)) {
        books.push_back(std::make_shared<const ProjectBook>(std::move(book)));
      }
      ledger = Ledger::make(header, std::move(books));
    }
    ValidatedImport valid = validate_import(*ledger, *current.index, parsed, scope, who, now);
    if (valid.problem_count > 0) throw_rejected(std::move(valid.problems), valid.problem_count);
    // The ledger checked above is the one this transaction sees and no other writer
    // of this plan runs meanwhile (begin_change holds its row): it tells new months
    // from stored ones.
    store.insert_positions(id, header.province_code, valid.inserts);
    store.update_positions(valid.updates);
    imported = valid.accepted();
    audit::record_in(c, header.province_code, actor, "action_plan", std::to_string(id),
                     "import_positions", nullptr,
                     boost::json::object{{"rows", imported},
                                         {"new_months", valid.inserts.size()},
                                         {"changed_months", valid.updates.size()},
                                         {"layout", std::string(to_string(parsed.layout))},
                                         {"bytes", bytes.size()}});
    updated = with_positions(*ledger, header, valid);
  });
  remember(std::move(updated));
  return {imported, std::string(to_string(parsed.layout))};
}

}  // namespace changwat::action_plan
