#include "thai/timestamp.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstdio>

namespace changwat::thai {

std::string thai_day_start_utc(const Date& day) {
  using namespace std::chrono;
  const sys_days start{year{day.year} / month{static_cast<unsigned>(day.month)} /
                       std::chrono::day{static_cast<unsigned>(day.day)}};
  const year_month_day utc_day{start - std::chrono::days{1}};
  // 00:00 at UTC+7 is 17:00 UTC the day before.
  return fmt::format("{:04}-{:02}-{:02}T17:00:00Z", static_cast<int>(utc_day.year()),
                     static_cast<unsigned>(utc_day.month()), static_cast<unsigned>(utc_day.day()));
}

std::string thai_day_end_utc(const Date& day) {
  using namespace std::chrono;
  const year_month_day next{sys_days{year{day.year} / month{static_cast<unsigned>(day.month)} /
                                     std::chrono::day{static_cast<unsigned>(day.day)}} +
                            std::chrono::days{1}};
  return thai_day_start_utc(Date{static_cast<int>(next.year()),
                                 static_cast<int>(static_cast<unsigned>(next.month())),
                                 static_cast<int>(static_cast<unsigned>(next.day()))});
}

std::optional<std::string> format_utc_timestamp(std::string_view iso_utc, bool with_time,
                                                Digits digits) {
  int y = 0;
  int mo = 0;
  int d = 0;
  int h = 0;
  int mi = 0;
  int se = 0;
  const std::string text(iso_utc);
  char tail = 0;
  const int read =
      std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c", &y, &mo, &d, &h, &mi, &se, &tail);
  const bool date_only = read == 3 && text.size() == 10;
  if (!date_only && !(read == 7 && (tail == 'Z' || tail == '.'))) return std::nullopt;
  if (!is_valid_date(y, mo, d) || h > 23 || mi > 59 || se > 60) return std::nullopt;
  if (date_only) return format_date(Date{y, mo, d}, MonthStyle::abbreviated, digits);
  using namespace std::chrono;
  const sys_seconds utc =
      sys_days{year{y} / month{static_cast<unsigned>(mo)} / day{static_cast<unsigned>(d)}} +
      hours{h} + minutes{mi} + seconds{se};
  const sys_seconds thai = utc + hours{7};
  const sys_days thai_day = floor<days>(thai);
  const year_month_day calendar_day{thai_day};
  const hh_mm_ss clock{thai - thai_day};
  std::string out = format_date(Date{static_cast<int>(calendar_day.year()),
                                     static_cast<int>(static_cast<unsigned>(calendar_day.month())),
                                     static_cast<int>(static_cast<unsigned>(calendar_day.day()))},
                                MonthStyle::abbreviated, digits);
  if (with_time) {
    std::string time =
        fmt::format(" {:02}:{:02} น.", clock.hours().count(), clock.minutes().count());
    out += digits == Digits::thai ? to_thai_digits(time) : time;
  }
  return out;
}

}  // namespace changwat::thai
