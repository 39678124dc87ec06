// Communities, what they sell, split rules, bookings, income and the program view.
#include <algorithm>
#include <map>

#include "base/clock.hpp"
#include "modules/tourism/catalog_store.hpp"
#include "modules/tourism/json.hpp"
#include "modules/tourism/rules.hpp"
#include "modules/tourism/sale_store.hpp"
#include "modules/tourism/service.hpp"
#include "platform/audit/audit_log.hpp"
#include "thai/calendar.hpp"

namespace changwat::tourism {
namespace {

const Message kCommunity{"ชุมชน", "Community"};

Community found_community(CatalogStore& store, std::int64_t id) {
  auto community = store.find_community(id);
  if (!community) throw_not_found(kCommunity.th, kCommunity.en);
  return *community;
}

std::string two_digits(unsigned value) { return (value < 10 ? "0" : "") + std::to_string(value); }

std::string month_text(int year, unsigned month) {
  return std::to_string(year) + "-" + two_digits(month);
}

// The twelve months of a Buddhist-era fiscal year, October first.
std::vector<std::string> fiscal_months(int fiscal_year) {
  thai::DateRange range = thai::fiscal_year_range(fiscal_year);
  std::vector<std::string> months;
  int year = range.first.year;
  unsigned month = static_cast<unsigned>(range.first.month);
  for (int i = 0; i < 12; ++i) {
    months.push_back(month_text(year, month));
    if (++month == 13) {
      month = 1;
      ++year;
    }
  }
  return months;
}

bool in_season(const Item& experience, int month) {
  if (!experience.season_from_month || !experience.season_to_month) return true;
  int from = *experience.season_from_month, to = *experience.season_to_month;
  return from <= to ? (month >= from && month <= to) : (month >= from || month <= to);
}

}  // namespace

FullyBooked::FullyBooked(std::int64_t remaining)
    : Error(ErrorKind::conflict, "fully_booked",
            {"วันนั้นรับได้อีก " + std::to_string(remaining) + " คน ไม่พอสำหรับจำนวนที่จอง",
             "only " + std::to_string(remaining) + " places are left that day"},
            {{"party_size",
              {"เหลือที่ว่าง " + std::to_string(remaining) + " คน",
               std::to_string(remaining) + " places left"}}}),
      remaining_(remaining) {}

std::string sale_number(std::int64_t id) {
  std::string digits = std::to_string(id);
  return "S" + std::string(digits.size() < 8 ? 8 - digits.size() : 0, '0') + digits;
}

std::vector<Community> TourismService::communities() const {
  return database_.read([&](db::Connection& connection) {
    return CatalogStore(connection).communities(std::nullopt);
  });
}

Community TourismService::community(std::int64_t id) const {
  return database_.read([&](db::Connection& connection) {
    CatalogStore store(connection);
    return found_community(store, id);
  });
}

std::vector<Item> TourismService::items(std::int64_t community_id, ItemKind kind) const {
  return database_.read([&](db::Connection& connection) {
    CatalogStore store(connection);
    found_community(store, community_id);
    return store.items(community_id, kind);
  });
}

Community TourismService::writable_community(db::Connection& connection, const Actor& actor,
                                             std::int64_t community_id) const {
  const Principal& principal = actor.require_signed_in();
  CatalogStore store(connection);
  auto community = store.find_community(community_id);
  if (!community || community->province_code != principal.province_code)
    throw_not_found(kCommunity.th, kCommunity.en);
  if (principal.role == Role::community_manager) {
    if (principal.community_id != community_id) throw_forbidden();
  } else {
    rules::require_keeper(actor);
  }
  return *community;
}

Community TourismService::create_community(const Actor& actor, Community c) {
  const Principal& principal = rules::require_keeper(actor);
  FieldErrors errors;
  rules::check_name(errors, "name_th", c.name_th);
  rules::check_name(errors, "name_en", c.name_en);
  rules::check_name(errors, "payee_name", c.payee_name);
  rules::check_cbt_scores(errors, c.cbt_scores);
  rules::check_capacity(errors, c.carrying_capacity_per_day, c.offered_capacity_per_day);
  auto area = areas_.find(c.area_code);
  if (!area || !areas_.is_within(c.area_code, principal.province_code))
    errors.add("area_code", {"ต้องเป็นรหัสพื้นที่ (ตำบลหรือหมู่บ้าน) ในจังหวัดของท่าน",
                             "must be an area code (subdistrict or village) in your province"});
  if (c.promptpay_id) {
    auto normalised = rules::normalise_promptpay_id(*c.promptpay_id);
    if (!normalised)
      errors.add("promptpay_id",
                 {"พร้อมเพย์ต้องเป็นเบอร์โทรศัพท์ 10 หลัก หรือเลขประจำตัว 13 หลักที่เลขตรวจสอบถูกต้อง",
                  "PromptPay id must be a 10-digit phone number or a 13-digit ID with a valid "
                  "check digit"});
    else
      c.promptpay_id = normalised;
  }
  if (c.biller_id && (c.biller_id->size() != 15 ||
                      !std::all_of(c.biller_id->begin(), c.biller_id->end(), ::isdigit)))
    errors.add("biller_id",
               {"รหัสผู้เรียกเก็บเงิน (Biller ID) ต้องเป็นตัวเลข 15 หลัก", "biller id must be 15 digits"});
  if (!c.promptpay_id && !c.biller_id && !c.bank_account)
    errors.add("promptpay_id", {"ต้องระบุบัญชีรับเงินของผู้รับเงิน (พร้อมเพย์ รหัสผู้เรียกเก็บเงิน หรือบัญชีธนาคาร)",
                                "the payee needs a PromptPay id, a biller id or a bank account"});
  errors.throw_if_any();
  c.province_code = principal.province_code;
  if (c.joined_on.empty()) c.joined_on = iso_utc_now().substr(0, 10);
  return database_.write([&](db::Connection& connection) {
    c.id = CatalogStore(connection).insert_community(c, std::nullopt);
    audit::record(connection, actor, "tourism_community", std::to_string(c.id), "create", nullptr,
                  community_json(c));
    return c;
  });
}

Item TourismService::create_item(const Actor& actor, Item item) {
  FieldErrors errors;
  rules::check_item(errors, item);
  errors.throw_if_any();
  return database_.write([&](db::Connection& connection) {
    Community community = writable_community(connection, actor, item.community_id);
    item.province_code = community.province_code;
    item.id = CatalogStore(connection).insert_item(item, rules::utc_now_millis(), std::nullopt);
    audit::record(connection, actor, "tourism_item", std::to_string(item.id), "create", nullptr,
                  item_json(item));
    return item;
  });
}

Item TourismService::update_item(const Actor& actor, std::int64_t id, const ItemChange& change) {
  actor.require_signed_in();
  return database_.write([&](db::Connection& connection) {
    CatalogStore store(connection);
    auto found = store.find_item(id);
    if (!found) throw_not_found("สินค้าหรือกิจกรรมนี้", "Product or experience");
    writable_community(connection, actor, found->community_id);
    Item item = *found;
    item.version = change.version;
    if (change.price_satang) item.price_satang = *change.price_satang;
    if (change.stock) item.stock = *change.stock;
    if (change.stars) item.stars = *change.stars;
    if (change.star_round) item.star_round = *change.star_round;
    FieldErrors errors;
    rules::check_item(errors, item);
    errors.throw_if_any();
    // A new price applies from now on; sales already made keep the price they carry.
    if (!store.update_item(item, item.price_satang != found->price_satang, rules::utc_now_millis()))
      throw_stale_version();
    item.version = change.version + 1;
    audit::record(connection, actor, "tourism_item", std::to_string(id), "update",
                  item_json(*found), item_json(item));
    return item;
  });
}

std::vector<SplitRule> TourismService::split_rules(std::int64_t community_id) const {
  return database_.read([&](db::Connection& connection) {
    CatalogStore store(connection);
    found_community(store, community_id);
    return store.split_rules(community_id);
  });
}

std::vector<SplitRule> TourismService::set_split_rules(const Actor& actor,
                                                       std::int64_t community_id,
                                                       const std::vector<SplitRule>& rules) {
  actor.require_signed_in();
  rules::check_split(rules);
  for (std::size_t i = 0; i < rules.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (rules[i].applies_to == rules[j].applies_to)
        throw_invalid_field("rules[" + std::to_string(i) + "].applies_to",
                            {"มีกติกาสำหรับประเภทนี้แล้ว", "a rule for this kind is already given"});
  return database_.write([&](db::Connection& connection) {
    writable_community(connection, actor, community_id);
    CatalogStore store(connection);
    boost::json::array before, after;
    for (const auto& rule : store.split_rules(community_id))
      before.push_back(split_rule_json(rule));
    store.replace_split_rules(community_id, rules);
    for (const auto& rule : rules) after.push_back(split_rule_json(rule));
    audit::record(connection, actor, "tourism_split_rule", std::to_string(community_id), "replace",
                  boost::json::object{{"rules", before}}, boost::json::object{{"rules", after}});
    return rules;
  });
}

std::int64_t TourismService::book(const Actor& actor, const NewBooking& input) {
  FieldErrors errors;
  thai::Date date = thai::parse_date(input.date, "date");
  if (input.party_size < 1 || input.party_size > 10000)
    errors.add("party_size", {"จำนวนคนต้องเป็น 1 ถึง 10,000", "party size must be 1 to 10,000"});
  if (!rules::normalise_promptpay_id(input.contact_phone) || input.contact_phone.size() > 20)
    errors.add("contact_phone", {"เบอร์โทรศัพท์ต้องเป็นตัวเลข 10 หลักขึ้นต้นด้วย 0",
                                 "phone must be 10 digits starting with 0"});
  rules::check_name(errors, "contact_name", input.contact_name);
  errors.throw_if_any();
  thai::Date today = thai::today_in_thailand();
  if (std::tie(date.year, date.month, date.day) < std::tie(today.year, today.month, today.day))
    throw_rule("date_in_past", {"จองย้อนหลังไม่ได้", "a booking cannot be for a past date"});
  char day[16];
  std::snprintf(day, sizeof day, "%04d-%02d-%02d", date.year, date.month, date.day);
  return database_.write([&](db::Connection& connection) {
    CatalogStore catalog(connection);
    auto experience = catalog.find_item(input.experience_id);
    if (!experience || experience->kind != ItemKind::experience)
      throw_not_found("กิจกรรมนี้", "Experience");
    if (!in_season(*experience, date.month))
      throw_rule("out_of_season",
                 {"กิจกรรมนี้ไม่เปิดในเดือนนั้น", "this experience is not offered that month"});
    Community community = found_community(catalog, experience->community_id);
    SaleStore sales(connection);
    // The village's share offered here and the experience's own limit: both must
    // have room; the first that has none says how many places are left.
    DayLimit village{"community", community.id, community.offered_capacity_per_day};
    DayLimit activity{"experience", experience->id, experience->capacity.value_or(0)};
    for (const DayLimit* limit : {&village, &activity}) {
      if (!sales.take_capacity(*limit, day, input.party_size)) {
        std::int64_t left = std::min(village.limit - sales.booked(village, day),
                                     activity.limit - sales.booked(activity, day));
        throw FullyBooked(std::max<std::int64_t>(0, left));
      }
    }
    Booking booking;
    booking.province_code = community.province_code;
    booking.community_id = community.id;
    booking.experience_id = experience->id;
    booking.day = day;
    booking.party_size = input.party_size;
    booking.contact_name = input.contact_name;
    booking.contact_phone = input.contact_phone;
    booking.created_at = iso_utc_now();
    booking.id = sales.insert_booking(booking);
    // The contact is personal data: the audit keeps who and how many, not the phone.
    audit::record_in(connection, community.province_code, actor, "tourism_booking",
                     std::to_string(booking.id), "create", nullptr,
                     boost::json::object{{"experience_id", booking.experience_id},
                                         {"date", booking.day},
                                         {"party_size", booking.party_size}});
    return booking.id;
  });
}

CommunityIncome TourismService::income(std::int64_t community_id, int fiscal_year) const {
  std::vector<std::string> months = fiscal_months(fiscal_year);
  return database_.read([&](db::Connection& connection) {
    CatalogStore catalog(connection);
    CommunityIncome income;
    income.community = found_community(catalog, community_id);
    income.fiscal_year = fiscal_year;
    SaleStore sales(connection);
    std::map<std::string, IncomeMonth> found;
    for (auto& month : sales.income(community_id, months.front(), months.back()))
      found[month.month] = month;
    for (const auto& month : months) {
      IncomeMonth m = found.count(month) ? found[month] : IncomeMonth{};
      m.month = month;
      income.months.push_back(m);
    }
    income.fund_balance_satang =
        income.community.fund_opening_satang + sales.fund_total(community_id);
    return income;
  });
}

ProgramView TourismService::program(const Actor& actor, int fiscal_year) const {
  const Principal& principal = rules::require_program_reader(actor);
  std::vector<std::string> months = fiscal_months(fiscal_year);
  return database_.read([&](db::Connection& connection) {
    ProgramView view;
    view.fiscal_year = fiscal_year;
    CatalogStore catalog(connection);
    SaleStore sales(connection);
    std::string now = iso_utc_now();
    // "Still active after 12 months": joined a year ago or more and sold in the last 90 days.
    std::string year_ago = std::to_string(std::stoi(now.substr(0, 4)) - 1) + now.substr(4, 6);
    std::string recent = iso_utc(Clock::now() - std::chrono::hours(24 * 90));
    std::map<int, std::int64_t> upgrades_by_round;
    for (Community& c : catalog.communities(principal.province_code)) {
      ProgramVillage village;
      village.verified_revenue_satang = sales.verified_total(c.id, months.front(), months.back());
      village.repeat_visitors = sales.repeat_visitors(c.id);
      village.last_sale_at = sales.last_sale_at(c.id);
      village.active_after_12_months =
          c.joined_on <= year_ago && village.last_sale_at && *village.last_sale_at >= recent;
      for (const Item& product : catalog.items(c.id, ItemKind::product)) {
        auto ratings = catalog.star_ratings(product.id);
        for (std::size_t i = 1; i < ratings.size(); ++i)
          if (ratings[i].second > ratings[i - 1].second) {
            ++village.star_upgrades;
            ++upgrades_by_round[ratings[i].first];
          }
      }
      village.community = std::move(c);
      view.villages.push_back(std::move(village));
    }
    std::stable_sort(view.villages.begin(), view.villages.end(),
                     [](const ProgramVillage& a, const ProgramVillage& b) {
                       return std::tie(a.verified_revenue_satang, a.repeat_visitors) >
                              std::tie(b.verified_revenue_satang, b.repeat_visitors);
                     });
    for (const auto& [round, count] : upgrades_by_round)
      view.star_upgrades.push_back({round, count});
    return view;
  });
}

}  // namespace changwat::tourism
