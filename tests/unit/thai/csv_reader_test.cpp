#include "thai/csv_reader.hpp"

#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "base/error.hpp"

namespace changwat::thai {
namespace {

using Records = std::vector<std::vector<std::string>>;

// Encodes UTF-8 text to Windows-874 with ICU, as an old Thai Excel would save it.
std::string to_windows_874(const std::string& utf8) {
  std::string out(utf8.size() + 16, '\0');
  UErrorCode status = U_ZERO_ERROR;
  int32_t length =
      ucnv_convert("windows-874", "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                   utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  out.resize(static_cast<std::size_t>(length));
  return out;
}

TEST(CsvReader, ReadsPlainRecordsWithLfAndCrlf) {
  EXPECT_EQ(read_csv("a,b,c\n1,2,3\n"), (Records{{"a", "b", "c"}, {"1", "2", "3"}}));
  EXPECT_EQ(read_csv("a,b\r\n1,2\r\n"), (Records{{"a", "b"}, {"1", "2"}}));
  EXPECT_EQ(read_csv("a,b\r\n1,2"), (Records{{"a", "b"}, {"1", "2"}}));  // no final newline
  EXPECT_EQ(read_csv("a,b\r1,2\r"), (Records{{"a", "b"}, {"1", "2"}}));  // old Mac CR
}

TEST(CsvReader, KeepsEmptyFieldsAndBlankLines) {
  EXPECT_EQ(read_csv("a,,c,\n"), (Records{{"a", "", "c", ""}}));
  EXPECT_EQ(read_csv("a\n\nb\n"), (Records{{"a"}, {""}, {"b"}}));
  EXPECT_TRUE(read_csv("").empty());
}

TEST(CsvReader, HandlesQuotesEscapedQuotesAndNewlinesInQuotes) {
  Records records = read_csv(
      "ชื่อ,หมายเหตุ\r\n"
      "\"ถนน, สะพาน\",\"เขาว่า \"\"ดี\"\"\"\r\n"
      "\"สองบรรทัด\r\nบรรทัดที่สอง\",\"\"\r\n");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[1], (std::vector<std::string>{"ถนน, สะพาน", "เขาว่า \"ดี\""}));
  EXPECT_EQ(records[2], (std::vector<std::string>{"สองบรรทัด\r\nบรรทัดที่สอง", ""}));
}

TEST(CsvReader, RecordNumbersCountRowsNotLines) {
  std::vector<std::size_t> numbers;
  std::vector<std::string> first_fields;
  for_each_csv_record("h\n\"a\nb\"\nc\n", {}, [&](const CsvRecord& record) {
    numbers.push_back(record.number);
    first_fields.emplace_back(record.fields[0]);
  });
  EXPECT_EQ(numbers, (std::vector<std::size_t>{1, 2, 3}));
  EXPECT_EQ(first_fields[2], "c");
}

TEST(CsvReader, StripsUtf8Bom) {
  EXPECT_EQ(read_csv("\xEF\xBB\xBFจังหวัด,ตราด\n"), (Records{{"จังหวัด", "ตราด"}}));
}

TEST(CsvReader, DetectsWindows874AndDecodesIt) {
  std::string utf8 = "จังหวัด,อำเภอ\nตราด,เกาะช้าง\n";
  std::string legacy = to_windows_874(utf8);
  ASSERT_NE(legacy, utf8);  // the test really feeds single-byte Thai
  EXPECT_EQ(legacy.size(), 28u);
  EXPECT_EQ(read_csv(legacy), (Records{{"จังหวัด", "อำเภอ"}, {"ตราด", "เกาะช้าง"}}));
  CsvOptions forced;
  forced.encoding = CsvEncoding::windows_874;
  EXPECT_EQ(read_csv(legacy, forced), read_csv(utf8));
}

TEST(CsvReader, ForcedUtf8RejectsLegacyBytes) {
  CsvOptions forced;
  forced.encoding = CsvEncoding::utf8;
  try {
    read_csv(to_windows_874("ตราด\n"), forced);
    FAIL() << "expected an encoding error";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), "csv_encoding");
    EXPECT_EQ(error.kind(), ErrorKind::validation);
  }
}

TEST(CsvReader, DecodesUtf16WithBom) {
  std::string utf16 = "\xFF\xFE";
  for (char16_t unit : std::u16string(u"ตราด\t1\n")) {
    utf16.push_back(static_cast<char>(unit & 0xFF));
    utf16.push_back(static_cast<char>(unit >> 8));
  }
  CsvOptions tabs;
  tabs.delimiter = '\t';
  EXPECT_EQ(read_csv(utf16, tabs), (Records{{"ตราด", "1"}}));
}

TEST(CsvReader, UsesTheDelimiterOption) {
  CsvOptions semicolons;
  semicolons.delimiter = ';';
  EXPECT_EQ(read_csv("a;\"b;c\";d,e\n", semicolons), (Records{{"a", "b;c", "d,e"}}));
}

TEST(CsvReader, ReportsTheRowOfAnUnclosedQuote) {
  try {
    read_csv("a,b\nc,d\n\"never closed,e\n");
    FAIL() << "expected a malformed CSV error";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), "csv_malformed");
    EXPECT_NE(error.message().th.find("แถว 3"), std::string::npos) << error.message().th;
    EXPECT_NE(error.message().en.find("row 3"), std::string::npos) << error.message().en;
    EXPECT_EQ(error.fields().count("row 3"), 1u);
  }
}

TEST(CsvReader, ReportsTextAfterAClosingQuote) {
  try {
    read_csv("a\n\"b\"x,c\n");
    FAIL() << "expected a malformed CSV error";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), "csv_malformed");
    EXPECT_NE(error.message().en.find("row 2"), std::string::npos);
  }
}

TEST(CsvReader, ReadsAFileFromDisk) {
  std::string path = ::testing::TempDir() + "csv_reader_test.csv";
  {
    std::ofstream out(path, std::ios::binary);
    out << "\xEF\xBB\xBFรหัส,ชื่อ\r\n1,ตราด\r\n2,\"คลองใหญ่\"\r\n";
  }
  Records records;
  for_each_csv_record_in_file(path, {}, [&](const CsvRecord& record) {
    records.emplace_back(record.fields.begin(), record.fields.end());
  });
  std::remove(path.c_str());
  EXPECT_EQ(records, (Records{{"รหัส", "ชื่อ"}, {"1", "ตราด"}, {"2", "คลองใหญ่"}}));
  EXPECT_THROW(for_each_csv_record_in_file(path, {}, [](const CsvRecord&) {}), Error);
}

}  // namespace
}  // namespace changwat::thai
