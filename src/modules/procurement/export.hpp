#pragma once
// The procurement documents: the สขร.1 summary of an action plan and the monthly ITA
// procurement summary, as XLSX (thai::XlsxWriter) or CSV (UTF-8 with a byte order
// mark so Excel reads Thai; the header row first). Buddhist-era dates, baht with
// thousands separators.
#include <string>
#include <vector>

#include "modules/procurement/service.hpp"

namespace changwat::procurement {

enum class DocumentFormat { xlsx, csv };

// The สขร.1 column headers, in order.
const std::vector<std::string>& summary_headers();
const std::vector<std::string>& ita_headers();

std::string summary_document(const std::vector<SummaryRow>& rows, DocumentFormat format);
std::string ita_document(const ItaSummary& summary, DocumentFormat format);

// One CSV record (RFC 4180 quoting), ending in CRLF.
std::string csv_record(const std::vector<std::string>& fields);

}  // namespace changwat::procurement
