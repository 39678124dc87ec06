#pragma once
// Month-end positions from a file: the simple CSV
//   element_id,month,po_outstanding_satang,disbursed_to_date_satang[,gfmis_code]
// (whole satang; thousands separators and Thai digits accepted), or a GFMIS-style
// report (CSV in UTF-8 or TIS-620, or XLSX) whose columns are found by their Thai or
// English headers — รหัสงบประมาณ, เดือน, PO คงค้าง, เบิกจ่ายสะสม — with amounts in baht
// (1,234.50). All or nothing: every bad cell and every row that breaks a rule is
// reported by its row (the header being row 1) and column; nothing is stored then.
// Plain C++: no database, unit-tested on its own.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.hpp"
#include "modules/action_plan/action_plan_store.hpp"
#include "modules/action_plan/ledger.hpp"

namespace changwat::action_plan {

enum class ImportLayout { satang_csv, gfmis };
std::string_view to_string(ImportLayout layout);

struct ImportProblem {
  std::size_t row = 0;
  std::string column;
  Message message;  // a complete sentence naming the row and column
};

struct ParsedRow {
  std::size_t row = 0;
  std::optional<std::int64_t> element_id;
  std::optional<std::string> gfmis_code;
  Month month;
  Satang po_outstanding = 0;
  Satang disbursed_to_date = 0;
};

struct ParsedImport {
  ImportLayout layout = ImportLayout::satang_csv;
  std::vector<ParsedRow> rows;
  std::vector<ImportProblem> problems;
  std::size_t problem_count = 0;
  // Column headers as the file names them, for messages of later checks.
  std::string element_column = "element_id";
  std::string code_column = "gfmis_code";
  std::string month_column = "month";
  std::string po_column = "po_outstanding_satang";
  std::string disbursed_column = "disbursed_to_date_satang";
};

// Reads the file (XLSX when it starts like a zip archive, else CSV). Cell problems
// are collected, not thrown; a file without a header row, or one missing a column
// its layout needs, comes back as problems of row 1.
ParsedImport parse_position_file(std::string_view bytes);

// "2026-03", "2026-03-31", "31/03/2569", "มี.ค. 2569", "มีนาคม 2569".
std::optional<Month> parse_import_month(std::string_view text);

// Who is importing: all projects, or only one agency's.
struct ImportScope {
  std::optional<std::string> agency_code;  // set for an agency officer
};

struct ValidatedImport {
  // Ready to store: months the lines do not have yet, months whose figures change;
  // rows equal to the stored month are counted but not written again.
  std::vector<PositionRow> inserts;
  std::vector<PositionRow> updates;
  std::size_t unchanged = 0;
  std::size_t accepted() const { return inserts.size() + updates.size() + unchanged; }
  std::vector<ImportProblem> problems;
  std::size_t problem_count = 0;
};

// Checks every parsed row against the plan's lines and stored positions: known
// project and budget code, the agency's own projects, months allowed, amounts not
// above the allocation, one row per line and month, disbursement to date never
// decreasing (stored months included).
ValidatedImport validate_import(const Ledger& ledger, const PlanIndex& index,
                                const ParsedImport& parsed, const ImportScope& scope,
                                const std::string& entered_by, const std::string& entered_at);

}  // namespace changwat::action_plan
