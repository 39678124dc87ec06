#include "thai/text.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

namespace changwat::thai {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::Not;

std::string joined(const std::vector<std::string>& parts) {
  std::string result;
  for (const std::string& part : parts) result += part;
  return result;
}

TEST(Normalize, CollapsesAndTrimsWhiteSpace) {
  EXPECT_EQ(normalize("  a \t\n b  "), "a b");
  EXPECT_EQ(normalize("ตราด\u00a0\u3000เมือง"), "ตราด เมือง");  // no-break and ideographic
  EXPECT_EQ(normalize(""), "");
  EXPECT_EQ(normalize(" \n\t "), "");
}

TEST(Normalize, StripsZeroWidthCharacters) {
  EXPECT_EQ(normalize("ท่อง\u200bเที่ยว"), "ท่องเที่ยว");
  EXPECT_EQ(normalize("\ufeffตราด\u200c\u200d"), "ตราด");
  EXPECT_EQ(normalize("a \u200b b"), "a b");
}

TEST(Normalize, ThaiDigitsBecomeArabic) { EXPECT_EQ(normalize("ปี ๒๕๖๘ ข้อ ๑๐"), "ปี 2568 ข้อ 10"); }

TEST(Normalize, ComposesToNfc) {
  EXPECT_EQ(normalize("Cafe\u0301"), "Caf\u00e9");
  EXPECT_EQ(normalize("\u212b"), "\u00c5");  // ANGSTROM SIGN has a canonical equivalent
}

TEST(Normalize, RepairsSaraAmTypedAsTwoCharacters) {
  EXPECT_EQ(normalize("น\u0e4d\u0e32"), "นำ");
  EXPECT_EQ(normalize("น\u0e4d\u0e49\u0e32"), "น้ำ");  // tone mark typed in between
  EXPECT_EQ(normalize("นา"), "นา");                   // a plain SARA AA stays
}

TEST(Normalize, IllFormedBytesBecomeReplacementCharacters) {
  EXPECT_EQ(normalize("a\xff"
                      "b"),
            "a\ufffd"
            "b");
  EXPECT_TRUE(is_valid_utf8(normalize("\xe0\xb8 \xc0\x80 ok")));
}

TEST(SegmentWords, WhatIcuYieldsForACompoundPhrase) {
  // ICU 72's dictionary splits ท่องเที่ยว into its two parts.
  EXPECT_THAT(segment_words("การส่งเสริมการท่องเที่ยวชุมชน"),
              ElementsAre("การ", "ส่ง", "เสริม", "การ", "ท่อง", "เที่ยว", "ชุมชน"));
  EXPECT_THAT(segment_words("ยุทธศาสตร์การพัฒนาจังหวัดตราด"),
              ElementsAre("ยุทธศาสตร์", "การ", "พัฒนา", "จังหวัด", "ตราด"));
}

TEST(SegmentWords, WordsOnlyNoSpacesOrPunctuation) {
  EXPECT_THAT(segment_words("ราคา 1,234 บาท, ok! (Trat)"),
              ElementsAre("ราคา", "1,234", "บาท", "ok", "Trat"));
  EXPECT_TRUE(segment_words("").empty());
  EXPECT_TRUE(segment_words(" .,;!? ").empty());
}

TEST(SegmentWords, KeepsEveryLetterOfUnspacedThai) {
  const std::string text = "ตราดเมืองมั่งคั่งชุมชนมั่นคงทรัพยากรธรรมชาติและสิ่งแวดล้อมยั่งยืน";
  const std::vector<std::string> words = segment_words(text);
  EXPECT_GT(words.size(), 8u);
  EXPECT_EQ(joined(words), text);
  EXPECT_THAT(words, Contains("ชุมชน"));
}

TEST(SegmentWords, MapsOffsetsPastCharactersOutsideTheBasicPlane) {
  // U+20BB7 takes two UTF-16 units and four UTF-8 bytes; the words after it
  // must still be cut at the right bytes.
  EXPECT_THAT(segment_words("\U00020BB7ข้าว 😀 ท่อง"), ElementsAre("\U00020BB7", "ข้าว", "ท่อง"));
}

TEST(SegmentWords, SurvivesIllFormedUtf8) {
  EXPECT_THAT(segment_words("abc \xff def"), ElementsAre("abc", "def"));
  // Ill-formed bytes and a real U+FFFD (EF BF BD) sit between Thai words; each
  // word must still be cut at its own bytes.
  EXPECT_THAT(segment_words("ข้าว\xff\xfeท่อง \xef\xbf\xbdนา\xe0\xb8 ok"),
              ElementsAre("ข้าว", "ท่อง", "นา", "ok"));
}

TEST(SegmentWords, SegmentsTextLongerThanOneSlice) {
  const std::string sentence = "การพัฒนาการท่องเที่ยวชุมชนจังหวัดตราด 2568 ";
  const std::size_t words_per_sentence = segment_words(sentence).size();
  std::string text;
  std::size_t copies = 0;
  for (; text.size() < (3u << 20); ++copies) text += sentence;
  const std::vector<std::string> words = segment_words(text);
  EXPECT_EQ(words.size(), words_per_sentence * copies);
  EXPECT_EQ(words.back(), "2568");
}

TEST(SegmentWords, LongRunsWithoutSpacesOrValidCharacters) {
  // No white space to cut at: slices end on code point boundaries instead.
  std::string thai;
  while (thai.size() < (2u << 20) + 1) thai += "ตราด";
  EXPECT_EQ(joined(segment_words(thai)), thai);
  // Two MiB of stray continuation bytes: no words, and segmentation ends.
  EXPECT_TRUE(segment_words(std::string((2u << 20) + 5, '\x80')).empty());
}

TEST(SearchTokens, CompoundIsFoundInsideLongerPhrase) {
  const std::vector<std::string> document = search_tokens("การส่งเสริมการท่องเที่ยวชุมชน");
  EXPECT_THAT(document, Contains("ท่องเที่ยว"));
  EXPECT_THAT(document, Contains("ส่งเสริม"));
  // Every term of the query is among the document's terms, so an all-terms
  // full-text query matches.
  for (const std::string& term : search_tokens("ท่องเที่ยว")) {
    EXPECT_THAT(document, Contains(term)) << term;
  }
}

TEST(SearchTokens, NoCompoundAcrossASpace) {
  EXPECT_THAT(search_tokens("ท่อง เที่ยว"), Not(Contains("ท่องเที่ยว")));
  EXPECT_THAT(search_tokens("ท่อง, เที่ยว"), Not(Contains("ท่องเที่ยว")));
}

TEST(SearchTokens, LowercasesAndDropsPunctuation) {
  EXPECT_THAT(search_tokens("Trat TOURISM, (OTOP)!"), ElementsAre("trat", "tourism", "otop"));
  EXPECT_THAT(search_tokens("ÉCOLE"), ElementsAre("école"));
}

TEST(SearchTokens, NormalizesDigitsAndGrouping) {
  EXPECT_THAT(search_tokens("งบ ๑,๒๓๔ บาท"), ElementsAre("งบ", "1234", "บาท"));
  EXPECT_EQ(search_tokens("1,234"), search_tokens("1234"));
  EXPECT_THAT(search_tokens("ท่อง\u200bเที่ยว"), Contains("ท่องเที่ยว"));
}

TEST(SearchText, SingleSpacesBetweenTokens) {
  const std::string text = search_text("  โครงการ   ท่องเที่ยว  Trat!! ");
  EXPECT_EQ(text, "โครงการ ท่อง เที่ยว ท่องเที่ยว trat");
  EXPECT_EQ(search_text("..."), "");
}

TEST(CompareThai, DictionaryOrderNotCodePointOrder) {
  // Code point order would put เขา (U+0E40 first) after คน; Thai order reads the
  // consonant ข first.
  EXPECT_LT(compare_thai("เขา", "คน"), 0);
  EXPECT_LT(compare_thai("ขา", "เขา"), 0);
  EXPECT_GT(compare_thai("ไก่", "กา"), 0);
  EXPECT_EQ(compare_thai("ตราด", "ตราด"), 0);
}

TEST(SortThai, LeadingVowelsSortByTheirConsonant) {
  std::vector<std::string> words = {"ไก่", "ขา", "เกม", "กา", "แก้ว", "โกง", "ใกล้", "คน", "เขา"};
  sort_thai(words);
  EXPECT_THAT(words, ElementsAre("กา", "เกม", "แก้ว", "โกง", "ใกล้", "ไก่", "ขา", "เขา", "คน"));
}

TEST(SortThai, EmptyAndEqualItems) {
  std::vector<std::string> none;
  sort_thai(none);
  EXPECT_TRUE(none.empty());
  std::vector<std::string> same = {"ตราด", "กา", "ตราด"};
  sort_thai(same);
  EXPECT_THAT(same, ElementsAre("กา", "ตราด", "ตราด"));
}

TEST(CompareThai, SafeAcrossThreads) {
  std::vector<std::thread> threads;
  std::vector<int> mistakes(4, 0);
  for (std::size_t thread = 0; thread < mistakes.size(); ++thread) {
    threads.emplace_back([&mistakes, thread] {
      for (int round = 0; round < 2000; ++round) {
        if (compare_thai("เขา", "คน") >= 0 || compare_thai("คน", "เขา") <= 0) ++mistakes[thread];
        if (segment_words("การท่องเที่ยว").size() != 3) ++mistakes[thread];
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_THAT(mistakes, ::testing::Each(0));
}

TEST(CountCodePoints, CountsCharactersNotBytes) {
  EXPECT_EQ(count_code_points(""), 0u);
  EXPECT_EQ(count_code_points("abc"), 3u);
  EXPECT_EQ(count_code_points("ท่องเที่ยว"), 10u);  // marks are code points too
  EXPECT_EQ(count_code_points("😀"), 1u);
}

TEST(IsValidUtf8, StrictDecoding) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("ตราด abc 😀"));
  EXPECT_FALSE(is_valid_utf8("\xc0\x80"));          // overlong NUL
  EXPECT_FALSE(is_valid_utf8("\xe0\x80\xaf"));      // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xed\xa0\x80"));      // UTF-16 surrogate
  EXPECT_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(is_valid_utf8("\xe0\xb8"));          // truncated
  EXPECT_FALSE(is_valid_utf8("\x80"));              // lone continuation
  EXPECT_FALSE(is_valid_utf8("\xff"));
}

}  // namespace
}  // namespace changwat::thai
