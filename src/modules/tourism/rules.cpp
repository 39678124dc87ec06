#include "modules/tourism/rules.hpp"

#include <chrono>
#include <cstdio>
#include <map>
#include <numeric>
#include <regex>

#include "base/clock.hpp"
#include "base/secret.hpp"
#include "base/utf8.hpp"
#include "thai/calendar.hpp"

namespace changwat::tourism::rules {

const Principal& require_keeper(const Actor& actor) {
  return actor.require_role({Role::strategy_officer, Role::admin});
}

const Principal& require_manager(const Actor& actor) {
  const Principal& principal = actor.require_role({Role::community_manager});
  if (!principal.community_id) throw_forbidden();
  return principal;
}

const Principal& require_program_reader(const Actor& actor) {
  return actor.require_role({Role::strategy_officer, Role::admin, Role::executive, Role::auditor});
}

bool is_valid_thai_id(std::string_view digits) {
  if (digits.size() != 13) return false;
  int sum = 0;
  for (std::size_t i = 0; i < 12; ++i) sum += (digits[i] - '0') * static_cast<int>(13 - i);
  return (11 - sum % 11) % 10 == digits[12] - '0';
}

std::optional<std::string> normalise_promptpay_id(std::string_view text) {
  std::string digits;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
    } else if (c != '-' && c != ' ') {
      return std::nullopt;
    }
  }
  if (digits.size() == 10 && digits[0] == '0' && digits[1] != '0') return digits;
  if (is_valid_thai_id(digits)) return digits;
  return std::nullopt;
}

void check_name(FieldErrors& errors, const char* field, const std::string& value) {
  if (value.empty()) {
    errors.add(field, {"ต้องระบุ", "is required"});
  } else if (utf8::count_code_points(value) > kNameMax) {
    errors.add(field, {"ยาวได้ไม่เกิน 200 ตัวอักษร", "must be at most 200 characters"});
  }
}

void check_cbt_scores(FieldErrors& errors, const CbtScores& scores) {
  for (std::size_t i = 0; i < scores.size(); ++i)
    if (scores[i] < 0 || scores[i] > 5)
      errors.add(
          "cbt_scores." + std::string(kCbtDimensions[i]),
          {"คะแนนมาตรฐานการท่องเที่ยวโดยชุมชนต้องอยู่ระหว่าง 0 ถึง 5", "a CBT score must be from 0 to 5"});
}

void check_capacity(FieldErrors& errors, std::int64_t carrying, std::int64_t offered) {
  if (carrying < 1 || carrying > 100000)
    errors.add("carrying_capacity_per_day",
               {"ขีดความสามารถในการรองรับต้องเป็น 1 ถึง 100,000 คนต่อวัน",
                "carrying capacity must be 1 to 100,000 people a day"});
  if (offered < 0 || offered > carrying)
    errors.add("offered_capacity_per_day",
               {"จำนวนที่เปิดขายผ่านระบบต้องไม่เกินขีดความสามารถในการรองรับ",
                "the capacity offered here must be from 0 to the carrying capacity"});
}

void check_price(FieldErrors& errors, const char* field, std::int64_t price_satang) {
  if (price_satang < 0 || price_satang > kMaxPriceSatang)
    errors.add(field, {"ราคาต้องเป็น 0 ถึง 1,000,000 บาท (หน่วยสตางค์)",
                       "price must be 0 to 1,000,000 baht (in satang)"});
}

void check_item(FieldErrors& errors, const Item& item) {
  check_name(errors, "name_th", item.name_th);
  check_price(errors, "price_satang", item.price_satang);
  if (item.kind == ItemKind::product) {
    if (!item.otop_group) errors.add("otop_group", {"ต้องระบุกลุ่มผลิตภัณฑ์ OTOP", "is required"});
    if (item.stars && (*item.stars < 1 || *item.stars > 5))
      errors.add("stars", {"ดาวต้องเป็น 1 ถึง 5", "stars must be 1 to 5"});
    if (item.stars && !item.star_round)
      errors.add("star_round", {"ต้องระบุรอบการคัดสรรที่ได้ดาว (ปี พ.ศ.)",
                                "the rating round (Buddhist-era year) is required with stars"});
    if (item.star_round && (*item.star_round < 2545 || *item.star_round > 2700))
      errors.add("star_round", {"รอบการคัดสรรต้องเป็นปี พ.ศ. 2545–2700",
                                "the round must be a Buddhist-era year 2545–2700"});
    if (item.stock && *item.stock < 0)
      errors.add("stock", {"จำนวนคงเหลือต้องไม่ติดลบ", "stock must not be negative"});
    for (const auto& standard : item.standards)
      if (standard != "fda" && standard != "mpc" && standard != "tis" && standard != "halal")
        errors.add("standards", {"มาตรฐานต้องเป็น fda, mpc (มผช.), tis (มอก.) หรือ halal",
                                 "standards must be fda, mpc, tis or halal"});
  } else {
    if (!item.capacity || *item.capacity < 1 || *item.capacity > 10000)
      errors.add("capacity", {"จำนวนรับได้ต้องเป็น 1 ถึง 10,000 คนต่อวัน",
                              "capacity must be 1 to 10,000 people a day"});
    if (item.duration_minutes && (*item.duration_minutes < 1 || *item.duration_minutes > 20160))
      errors.add("duration_minutes",
                 {"ระยะเวลาต้องเป็น 1 นาทีถึง 14 วัน", "duration must be 1 minute to 14 days"});
    auto month_ok = [](const std::optional<int>& month) {
      return !month || (*month >= 1 && *month <= 12);
    };
    if (!month_ok(item.season_from_month) || !month_ok(item.season_to_month) ||
        item.season_from_month.has_value() != item.season_to_month.has_value())
      errors.add("season_from_month", {"ฤดูกาลต้องระบุเดือนเริ่มและเดือนสิ้นสุด (1–12) คู่กัน",
                                       "a season needs both months, 1 to 12"});
  }
}

void check_split(const std::vector<SplitRule>& rules) {
  FieldErrors errors;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const SplitRule& r = rules[i];
    std::string at = "rules[" + std::to_string(i) + "]";
    for (int part : {r.producer_percent, r.guide_percent, r.homestay_percent, r.fund_percent})
      if (part < 0 || part > 100)
        errors.add(at, {"สัดส่วนแต่ละส่วนต้องเป็น 0 ถึง 100", "each share must be 0 to 100"});
  }
  errors.throw_if_any();
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const SplitRule& r = rules[i];
    int sum = r.producer_percent + r.guide_percent + r.homestay_percent + r.fund_percent;
    if (sum != 100)
      throw Error(
          ErrorKind::rule, "split_not_100",
          {"สัดส่วนการแบ่งรายได้ต้องรวมได้ 100% (ได้ " + std::to_string(sum) + "%)",
           "revenue split shares must sum to 100% (they sum to " + std::to_string(sum) + "%)"},
          {{"rules[" + std::to_string(i) + "]", {"รวมต้องเท่ากับ 100", "must sum to 100"}}});
  }
}

std::string lines_text(const std::vector<SaleLine>& lines) {
  std::string text;
  for (const SaleLine& line : lines) {
    if (!text.empty()) text += ';';
    text += std::string(to_string(line.kind)) + ':' + std::to_string(line.item_id) + ':' +
            std::to_string(line.quantity) + ':' + std::to_string(line.unit_price_satang);
  }
  return text;
}

std::int64_t total_satang(const std::vector<SaleLine>& lines) {
  return std::accumulate(lines.begin(), lines.end(), std::int64_t{0},
                         [](std::int64_t sum, const SaleLine& line) {
                           return sum + line.quantity * line.unit_price_satang;
                         });
}

std::string receipt_hash(std::string_view previous_hash, std::string_view device_id,
                         std::int64_t sequence, std::string_view sold_at, std::int64_t total_satang,
                         std::string_view lines_text) {
  std::string text;
  text.append(previous_hash).append("|").append(device_id).append("|");
  text.append(std::to_string(sequence)).append("|").append(sold_at).append("|");
  text.append(std::to_string(total_satang)).append("|").append(sha256_hex(lines_text));
  return sha256_hex(text);
}

std::optional<std::string> canonical_utc(std::string_view text) {
  static const std::regex kUtc(R"(^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?Z$)");
  std::match_results<std::string_view::const_iterator> match;
  if (!std::regex_match(text.begin(), text.end(), match, kUtc)) return std::nullopt;
  int year = std::stoi(match[1].str()), month = std::stoi(match[2].str()),
      day = std::stoi(match[3].str());
  if (!thai::is_valid_date(year, month, day) || std::stoi(match[4].str()) > 23 ||
      std::stoi(match[5].str()) > 59 || std::stoi(match[6].str()) > 59)
    return std::nullopt;
  return std::string(text);
}

std::string utc_now_millis() {
  auto now = std::chrono::system_clock::now();
  auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()) % 1000;
  std::string seconds = iso_utc(now);  // "…:SSZ"
  char fraction[8];
  std::snprintf(fraction, sizeof fraction, ".%03dZ", static_cast<int>(millis.count()));
  return seconds.substr(0, seconds.size() - 1) + fraction;
}

std::string thai_month(std::string_view utc) {
  using namespace std::chrono;
  int year = std::stoi(std::string(utc.substr(0, 4)));
  unsigned month = static_cast<unsigned>(std::stoi(std::string(utc.substr(5, 2))));
  unsigned day = static_cast<unsigned>(std::stoi(std::string(utc.substr(8, 2))));
  int hour = std::stoi(std::string(utc.substr(11, 2)));
  sys_days days{std::chrono::year{year} / std::chrono::month{month} / std::chrono::day{day}};
  // Thailand is UTC+7 all year.
  auto local = floor<std::chrono::days>(days + hours(hour + 7));
  year_month_day ymd{local};
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()));
  return buffer;
}

void split_line(SaleLine& line, const std::optional<SplitRule>& rule) {
  std::int64_t amount = line.quantity * line.unit_price_satang;
  // Without a published rule everything goes to the producer (or the guide for an
  // experience): the seller is a resident; the fund gets nothing it was not given.
  SplitRule r = rule.value_or(SplitRule{line.kind, line.kind == ItemKind::product ? 100 : 0,
                                        line.kind == ItemKind::experience ? 100 : 0, 0, 0});
  line.to_producer_satang = amount * r.producer_percent / 100;
  line.to_guide_satang = amount * r.guide_percent / 100;
  line.to_homestay_satang = amount * r.homestay_percent / 100;
  line.to_fund_satang =
      amount - line.to_producer_satang - line.to_guide_satang - line.to_homestay_satang;
}

namespace {

std::string tlv(std::string_view tag, std::string_view value) {
  char length[8];
  std::snprintf(length, sizeof length, "%02zu", value.size());
  return std::string(tag) + length + std::string(value);
}

}  // namespace

std::uint16_t crc16_ccitt_false(std::string_view data) {
  std::uint16_t crc = 0xFFFF;
  for (unsigned char byte : data) {
    crc ^= static_cast<std::uint16_t>(byte << 8);
    for (int bit = 0; bit < 8; ++bit)
      crc = (crc & 0x8000) != 0 ? static_cast<std::uint16_t>((crc << 1) ^ 0x1021)
                                : static_cast<std::uint16_t>(crc << 1);
  }
  return crc;
}

std::string promptpay_payload(const std::optional<std::string>& promptpay_id,
                              const std::optional<std::string>& biller_id,
                              std::string_view reference, std::int64_t amount_satang) {
  std::string payload = tlv("00", "01") + tlv("01", "12");
  if (biller_id) {
    payload +=
        tlv("30", tlv("00", "A000000677010112") + tlv("01", *biller_id) + tlv("02", reference));
  } else {
    const std::string& id = promptpay_id.value();
    // A phone travels as 0066 and the number without its leading 0 (13 characters).
    std::string account = id.size() == 10 ? tlv("01", "0066" + id.substr(1)) : tlv("02", id);
    payload += tlv("29", tlv("00", "A000000677010111") + account);
  }
  char amount[32];
  std::snprintf(amount, sizeof amount, "%lld.%02lld", static_cast<long long>(amount_satang / 100),
                static_cast<long long>(amount_satang % 100));
  payload += tlv("53", "764") + tlv("58", "TH") + tlv("54", amount) + "6304";
  char crc[8];
  std::snprintf(crc, sizeof crc, "%04X", crc16_ccitt_false(payload));
  return payload + crc;
}

std::optional<int> parse_gtfs_time(std::string_view text) {
  static const std::regex kTime(R"(^(\d{1,2}):([0-5]\d):([0-5]\d)$)");
  std::match_results<std::string_view::const_iterator> match;
  if (!std::regex_match(text.begin(), text.end(), match, kTime)) return std::nullopt;
  int hours = std::stoi(match[1].str());
  if (hours > 47) return std::nullopt;
  return hours * 3600 + std::stoi(match[2].str()) * 60 + std::stoi(match[3].str());
}

void check_stop_times(const std::vector<StopTime>& stop_times) {
  if (stop_times.size() < 2)
    throw_invalid_field("stop_times",
                        {"เที่ยวหนึ่งต้องมีอย่างน้อย 2 ป้าย/ท่า", "a trip needs at least 2 stops"});
  FieldErrors malformed;
  std::vector<std::pair<int, int>> times;
  for (std::size_t i = 0; i < stop_times.size(); ++i) {
    std::string at = "stop_times[" + std::to_string(i) + "].";
    auto arrival = parse_gtfs_time(stop_times[i].arrival);
    auto departure = parse_gtfs_time(stop_times[i].departure);
    if (!arrival) malformed.add(at + "arrival", {"เวลาต้องเป็น ชช:นน:วว", "time must be HH:MM:SS"});
    if (!departure)
      malformed.add(at + "departure", {"เวลาต้องเป็น ชช:นน:วว", "time must be HH:MM:SS"});
    times.emplace_back(arrival.value_or(0), departure.value_or(0));
  }
  malformed.throw_if_any();
  // Well-formed times in the wrong order are a rule of the timetable: 422.
  std::map<std::string, Message> order;
  int previous = -1;
  for (std::size_t i = 0; i < times.size(); ++i) {
    std::string at = "stop_times[" + std::to_string(i) + "].";
    if (times[i].first < previous)
      order[at + "arrival"] = {"เวลาถึงต้องไม่ก่อนเวลาออกจากป้าย/ท่าก่อนหน้า",
                               "arrival must not be before the previous stop's departure"};
    if (times[i].second < times[i].first)
      order[at + "departure"] = {"เวลาออกต้องไม่ก่อนเวลาถึง", "departure must not be before arrival"};
    previous = times[i].second;
  }
  if (!order.empty())
    throw Error(
        ErrorKind::rule, "stop_times_out_of_order",
        {"เวลาในตารางเดินเรือ/เดินรถไม่เรียงตามลำดับ", "the timetable's stop times are out of order"},
        order);
}

}  // namespace changwat::tourism::rules
