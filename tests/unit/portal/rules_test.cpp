// Masking of personal numbers in public comments (rules::mask_personal_numbers).
#include "modules/portal/rules.hpp"

#include <gtest/gtest.h>

namespace changwat::portal::rules {
namespace {

TEST(MaskPersonalNumbers, PhoneNumbersInEveryCommonWriting) {
  EXPECT_EQ(mask_personal_numbers("โทร 081-234-5678 นะ"), "โทร xxx-xxx-xxxx นะ");
  EXPECT_EQ(mask_personal_numbers("0812345678"), "xxxxxxxxxx");
  EXPECT_EQ(mask_personal_numbers("081 234 5678"), "xxx xxx xxxx");
  EXPECT_EQ(mask_personal_numbers("039-511-234"), "xxx-xxx-xxx");  // a landline in Trat
  EXPECT_EQ(mask_personal_numbers("+66 81 234 5678"), "+xx xx xxx xxxx");
  EXPECT_EQ(mask_personal_numbers("(081) 234-5678"), "(xxx) xxx-xxxx");
}

TEST(MaskPersonalNumbers, ThaiDigitsAndTheNationalId) {
  EXPECT_EQ(mask_personal_numbers("๐๘๑-๒๓๔-๕๖๗๘"), "xxx-xxx-xxxx");
  EXPECT_EQ(mask_personal_numbers("บัตร 1-2345-67890-12-3"), "บัตร x-xxxx-xxxxx-xx-x");
  EXPECT_EQ(mask_personal_numbers("1234567890123"), "xxxxxxxxxxxxx");
}

TEST(MaskPersonalNumbers, ShortNumbersStay) {
  EXPECT_EQ(mask_personal_numbers("ปี 2568 งบ 1,500,000 บาท บ้านเลขที่ 12/3"),
            "ปี 2568 งบ 1,500,000 บาท บ้านเลขที่ 12/3");
  EXPECT_EQ(mask_personal_numbers("หมู่ 3 ตำบล 5 จำนวน 120 คน"), "หมู่ 3 ตำบล 5 จำนวน 120 คน");
  EXPECT_EQ(mask_personal_numbers("12345678"), "12345678");  // eight digits: not a phone
  EXPECT_EQ(mask_personal_numbers(""), "");
}

TEST(MaskPersonalNumbers, TwoNumbersApartAreJudgedApart) {
  // Separated by a word, two short numbers do not join into a long one.
  EXPECT_EQ(mask_personal_numbers("12345 และ 6789"), "12345 และ 6789");
  EXPECT_EQ(mask_personal_numbers("ก 0812345678, ข 0898765432"), "ก xxxxxxxxxx, ข xxxxxxxxxx");
}

}  // namespace
}  // namespace changwat::portal::rules
