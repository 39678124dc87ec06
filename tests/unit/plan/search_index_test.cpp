#include "modules/plan/search_index.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace changwat::plan {
namespace {

ProjectSearchIndex::Document doc(std::int64_t id, const std::string& code,
                                 const std::string& text) {
  ProjectSearchIndex::Document document;
  document.hit.element_id = id;
  document.hit.code = code;
  document.hit.text_th = text;
  document.text = code + " " + text;
  return document;
}

class SearchIndex : public ::testing::Test {
 protected:
  ProjectSearchIndex index_{{doc(1, "P01", "พัฒนาแหล่งท่องเที่ยวชุมชนเกาะช้าง"),
                             doc(2, "P02", "ส่งเสริมการตลาดท่องเที่ยวเมืองรองผ่านสื่อออนไลน์"),
                             doc(3, "P03", "ปลูกและฟื้นฟูป่าชายเลน"),
                             doc(4, "P04", "ระบบจัดการขยะบนเกาะกูด")}};
};

TEST_F(SearchIndex, FindsAWordInsideThaiTextWithoutSpaces) {
  auto hits = index_.search("ท่องเที่ยว", 10);
  ASSERT_EQ(hits.size(), 2u);
  std::vector<std::int64_t> ids{hits[0].element_id, hits[1].element_id};
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<std::int64_t>{1, 2}));
}

TEST_F(SearchIndex, EveryQueryWordMustOccur) {
  auto hits = index_.search("ท่องเที่ยว ชุมชน", 10);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].element_id, 1);
  EXPECT_TRUE(index_.search("ท่องเที่ยว ขยะ", 10).empty());
}

TEST_F(SearchIndex, FindsAWordInTheMiddleNotOnlyPrefixes) {
  auto hits = index_.search("ป่าชายเลน", 10);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].code, "P03");
  auto island = index_.search("เกาะกูด", 10);
  ASSERT_EQ(island.size(), 1u);
  EXPECT_EQ(island[0].element_id, 4);
}

TEST_F(SearchIndex, LimitAndEmptyQueries) {
  EXPECT_EQ(index_.search("ท่องเที่ยว", 1).size(), 1u);
  EXPECT_TRUE(index_.search("", 10).empty());
  EXPECT_TRUE(index_.search("   ", 10).empty());
  EXPECT_TRUE(index_.search("ท่องเที่ยว", 0).empty());
  EXPECT_TRUE(index_.search("ไม่มีคำนี้แน่นอน", 10).empty());
  EXPECT_EQ(index_.search("p01", 10).size(), 1u);  // codes, case-insensitive
}

}  // namespace
}  // namespace changwat::plan
