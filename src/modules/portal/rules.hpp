#pragma once
// Rules of the portal that need no database: masking of personal numbers, text
// limits, who moderates, the complaint centre's notice.
#include <cstddef>
#include <string>
#include <string_view>

#include "base/principal.hpp"

namespace changwat::portal::rules {

inline constexpr std::size_t kCommentMax = 2000;  // code points
inline constexpr std::size_t kAnswerMax = 2000;
inline constexpr int kRatingMin = 1;
inline constexpr int kRatingMax = 5;

// Every run of 9 or more digits (Arabic or Thai ๐–๙) written together or split by
// spaces, dashes, dots or brackets — Thai phone numbers (9–10 digits, +66 forms) and
// the 13-digit national ID, however they are grouped — with each digit replaced by
// "x", so neither is ever stored or shown. Shorter numbers (years, amounts with
// commas, house numbers) stay. A long plain number (a budget of 9+ digits written
// without commas) is masked too: safer than leaking a phone number.
std::string mask_personal_numbers(std::string_view text);

// The provincial complaint centre (ศูนย์ดำรงธรรม, hotline 1567 of the Ministry of
// Interior): complaints about officials or personal grievances belong there.
inline constexpr std::string_view kComplaintCentreUrl = "https://www.damrongdhama.moi.go.th";
inline constexpr std::string_view kComplaintCentreNotice =
    "เรื่องร้องเรียนหรือร้องทุกข์ (เช่น การทุจริต ความเดือดร้อนส่วนตัว) โปรดติดต่อศูนย์ดำรงธรรมจังหวัด "
    "โทร 1567 หรือ https://www.damrongdhama.moi.go.th";
// The answer a referred comment's receipt shows.
inline constexpr std::string_view kReferredAnswer =
    "เรื่องนี้เป็นเรื่องร้องเรียน ซึ่งอยู่ในความรับผิดชอบของศูนย์ดำรงธรรมจังหวัด จึงไม่เผยแพร่เป็นความคิดเห็น "
    "โปรดยื่นเรื่องที่ศูนย์ดำรงธรรม โทร 1567 หรือ https://www.damrongdhama.moi.go.th";

// strategy_officer or admin moderate and answer.
const Principal& require_moderator(const Actor& actor);

}  // namespace changwat::portal::rules
