// Loads data/tourism-demo-trat.json: 12 demo communities in real Trat subdistricts
// with products, experiences (offered every day of the year) and split rules; piers
// and two island routes with ferry legs; a few bookings; and a year of sales, sent
// through the same receipt chain as a manager's phone. Keys stored as demo_key make a
// second load skip what is there. The province is the first community area's.
#include <boost/json.hpp>
#include <chrono>
#include <map>

#include "base/clock.hpp"
#include "db/sql.hpp"
#include "modules/tourism/catalog_store.hpp"
#include "modules/tourism/json.hpp"
#include "modules/tourism/module.hpp"
#include "modules/tourism/rules.hpp"
#include "modules/tourism/sale_store.hpp"
#include "modules/tourism/travel_store.hpp"
#include "platform/audit/audit_log.hpp"
#include "platform/demo_file.hpp"

namespace changwat::tourism {
namespace {

// Demo prices hold "since always", so the year of back-dated demo sales matches them.
constexpr const char* kDemoPriceSince = "2000-01-01T00:00:00Z";

std::vector<std::string> texts(const platform::DemoFile& file, const boost::json::object& object,
                               const char* key) {
  std::vector<std::string> list;
  for (const auto& value : file.array(object, key)) list.emplace_back(value.as_string());
  return list;
}

std::string day_from_today(int days) {
  return iso_utc(Clock::now() + std::chrono::hours(24 * days)).substr(0, 10);
}

Community demo_community(const platform::DemoFile& file, const boost::json::object& o,
                         const std::string& province) {
  Community c;
  c.province_code = province;
  c.area_code = file.text(o, "area_code");
  c.name_th = file.text(o, "name_th");
  c.name_en = file.text(o, "name_en");
  c.story = file.text(o, "story");
  c.contact_phone = file.optional_text(o, "contact_phone");
  c.payee_name = file.text(o, "payee_name");
  c.payee_kind = file.enumerated(o, "payee_kind", parse_payee_kind);
  c.promptpay_id = file.optional_text(o, "promptpay_id");
  if (c.promptpay_id && !rules::normalise_promptpay_id(*c.promptpay_id))
    file.fail("promptpay_id " + *c.promptpay_id + " is not a valid phone or ID");
  c.biller_id = file.optional_text(o, "biller_id");
  const auto& scores = file.array(o, "cbt_scores");
  for (std::size_t i = 0; i < c.cbt_scores.size() && i < scores.size(); ++i)
    c.cbt_scores[i] = static_cast<int>(scores[i].as_int64());
  c.carrying_capacity_per_day = file.integer(o, "carrying_capacity_per_day");
  c.offered_capacity_per_day = file.integer(o, "offered_capacity_per_day");
  c.fund_opening_satang = file.integer(o, "fund_opening_satang");
  c.joined_on = file.text(o, "joined_on");
  c.demo = true;
  return c;
}

// What products and experiences share: whose, what, and the price (demo).
Item demo_item(const platform::DemoFile& file, const boost::json::object& o, const Community& c,
               ItemKind kind) {
  Item item;
  item.province_code = c.province_code;
  item.community_id = c.id;
  item.kind = kind;
  item.name_th = file.text(o, "name_th");
  item.name_en = file.optional_text(o, "name_en");
  item.price_satang = file.integer(o, "price_satang");
  item.demo = true;
  return item;
}

void load_items(const platform::DemoFile& file, CatalogStore& store, const Community& c,
                const boost::json::object& o) {
  for (const auto& value : file.array(o, "products")) {
    const auto& p = file.as_object(value);
    std::string key = file.text(p, "key");
    if (store.item_by_demo_key(key)) continue;
    Item item = demo_item(file, p, c, ItemKind::product);
    item.producer_name = file.optional_text(p, "producer_name");
    item.producer_kind = file.enumerated(p, "producer_kind", parse_producer_kind);
    item.otop_group = file.enumerated(p, "otop_group", parse_otop_group);
    item.cdd_group = file.enumerated(p, "cdd_group", parse_cdd_group);
    item.standards = texts(file, p, "standards");
    item.stock = file.integer(p, "stock");
    const auto& ratings = file.array(p, "ratings");
    // The first round's rating with the item, each later round as an update: the
    // program view counts upgrades between rounds.
    for (std::size_t i = 0; i < ratings.size(); ++i) {
      const auto& pair = ratings[i].as_array();
      item.star_round = static_cast<int>(pair[0].as_int64());
      item.stars = static_cast<int>(pair[1].as_int64());
      if (i == 0) {
        item.id = store.insert_item(item, kDemoPriceSince, key);
      } else {
        store.update_item(item, false, kDemoPriceSince);
        ++item.version;
      }
    }
  }
  for (const auto& value : file.array(o, "experiences")) {
    const auto& e = file.as_object(value);
    std::string key = file.text(e, "key");
    if (store.item_by_demo_key(key)) continue;
    Item item = demo_item(file, e, c, ItemKind::experience);
    item.duration_minutes = file.integer(e, "duration_minutes");
    item.capacity = file.integer(e, "capacity");
    item.languages = texts(file, e, "languages");
    item.guide_licence = file.optional_text(e, "guide_licence");
    // No season: offered every day of the year.
    store.insert_item(item, kDemoPriceSince, key);
  }
}

std::vector<SplitRule> demo_split(const platform::DemoFile& file, const boost::json::object& o) {
  const auto& split = o.at("split").as_object();
  std::vector<SplitRule> rules;
  for (ItemKind kind : {ItemKind::product, ItemKind::experience}) {
    const auto& parts = file.array(split, std::string(to_string(kind)).c_str());
    rules.push_back({kind, static_cast<int>(parts[0].as_int64()),
                     static_cast<int>(parts[1].as_int64()), static_cast<int>(parts[2].as_int64()),
                     static_cast<int>(parts[3].as_int64())});
  }
  rules::check_split(rules);
  return rules;
}

// Two sales a week for `weeks` weeks up to yesterday on the community's demo phone,
// each chained to the one before; the ones older than a week are paid and verified.
void load_sales(TourismService& service, db::Connection& connection, const Actor& loader,
                const Community& community, const std::string& key, std::int64_t weeks) {
  std::string device = "demo-" + key;
  SaleStore sales(connection);
  if (sales.find_by_device(device, 1)) return;
  CatalogStore catalog(connection);
  auto products = catalog.items(community.id, ItemKind::product);
  auto experiences = catalog.items(community.id, ItemKind::experience);
  std::string previous(rules::kFirstPreviousHash);
  std::int64_t sequence = 0;
  auto now = Clock::now();
  for (std::int64_t week = weeks; week >= 1; --week) {
    for (int visit = 0; visit < 2; ++visit) {
      NewSale sale;
      sale.device_id = device;
      sale.sequence = ++sequence;
      sale.sold_at = iso_utc(now - std::chrono::hours(24 * 7 * week - 24 * 3 * visit - 3));
      const Item& product = products[static_cast<std::size_t>(sequence) % products.size()];
      sale.lines.push_back(
          {ItemKind::product, product.id, 1 + sequence % 3, product.price_satang, 0, 0, 0, 0});
      if (visit == 1 && !experiences.empty()) {
        const Item& experience = experiences[static_cast<std::size_t>(week) % experiences.size()];
        sale.lines.push_back({ItemKind::experience, experience.id, 1 + week % 4,
                              experience.price_satang, 0, 0, 0, 0});
      }
      sale.previous_hash = previous;
      sale.receipt_hash =
          rules::receipt_hash(previous, device, sale.sequence, sale.sold_at,
                              rules::total_satang(sale.lines), rules::lines_text(sale.lines));
      Sale stored = service.record_sale_in(connection, loader, community, sale, true).sale;
      if (week > 1)
        sales.verify_payment(stored.id, "DEMO-SLIP-" + std::to_string(stored.id), 0, sale.sold_at);
      previous = stored.receipt_hash;
    }
  }
}

}  // namespace

void load_demo(TourismService& service) {
  platform::DemoFile file("tourism-demo-trat.json");
  const auto& root = file.root();
  Actor loader = Actor::command_line();
  const auto& community_list = file.array(root, "communities");
  if (community_list.empty()) file.fail("communities is empty");
  auto first_area = service.areas().find(file.text(file.as_object(community_list[0]), "area_code"));
  if (!first_area) file.fail("the first community's area_code is not in the reference data");
  std::string province = first_area->province_code;

  service.database().write([&](db::Connection& connection) {
    CatalogStore catalog(connection);
    std::map<std::string, std::int64_t> community_ids;
    for (const auto& value : community_list) {
      const auto& o = file.as_object(value);
      std::string key = file.text(o, "key");
      Community c = demo_community(file, o, province);
      if (!service.areas().is_within(c.area_code, province))
        file.fail(key + ": area_code " + c.area_code + " is not in province " + province);
      if (auto id = catalog.community_by_demo_key(key)) {
        c.id = *id;
      } else {
        c.id = catalog.insert_community(c, key);
        catalog.replace_split_rules(c.id, demo_split(file, o));
        audit::record_in(connection, province, loader, "tourism_community", std::to_string(c.id),
                         "demo_load", nullptr, community_json(c));
      }
      community_ids[key] = c.id;
      load_items(file, catalog, c, o);
    }
    // The demo's community manager sells for the first community. Auth has no call
    // for a user's community scope, and this runs after the demo users are added.
    connection.execute(
        "UPDATE app_user SET community_id = ? WHERE username = ? AND community_id IS NULL",
        {community_ids.begin()->second, file.text(root, "manager_username")});

    TravelStore travel(connection);
    std::map<std::string, std::int64_t> stop_ids;
    for (const auto& value : file.array(root, "stops")) {
      const auto& o = file.as_object(value);
      std::string key = file.text(o, "key");
      if (auto id = travel.stop_by_demo_key(key)) {
        stop_ids[key] = *id;
        continue;
      }
      Stop stop;
      stop.province_code = province;
      stop.name_th = file.text(o, "name_th");
      stop.name_en = file.text(o, "name_en");
      stop.latitude = o.at("latitude").to_number<double>();
      stop.longitude = o.at("longitude").to_number<double>();
      if (auto community = file.optional_text(o, "community"))
        stop.community_id = community_ids.at(*community);
      stop.demo = true;
      stop_ids[key] = travel.insert_stop(stop, key);
    }
    for (const auto& value : file.array(root, "routes")) {
      const auto& o = file.as_object(value);
      std::string key = file.text(o, "key");
      if (travel.route_by_demo_key(key)) continue;
      Route route;
      route.province_code = province;
      route.name_th = file.text(o, "name_th");
      route.name_en = file.text(o, "name_en");
      for (const auto& stop : texts(file, o, "stops")) route.stop_ids.push_back(stop_ids.at(stop));
      route.demo = true;
      route.id = travel.insert_route(route, key);
      for (const auto& trip_value : file.array(o, "trips")) {
        const auto& t = file.as_object(trip_value);
        Trip trip;
        trip.province_code = province;
        trip.route_id = route.id;
        trip.mode = file.enumerated(t, "mode", parse_trip_mode);
        trip.operator_name = file.text(t, "operator_name");
        trip.operator_url = file.text(t, "operator_url");
        trip.headsign = file.text(t, "headsign");
        trip.start_date = day_from_today(-30);
        trip.end_date = day_from_today(365);
        for (const auto& st : file.array(t, "stop_times")) {
          const auto& triple = st.as_array();
          trip.stop_times.push_back({stop_ids.at(std::string(triple[0].as_string())),
                                     std::string(triple[1].as_string()),
                                     std::string(triple[2].as_string())});
        }
        rules::check_stop_times(trip.stop_times);
        trip.demo = true;
        travel.insert_trip(trip);
      }
      if (o.contains("notice")) {
        const auto& n = o.at("notice").as_object();
        Notice notice;
        notice.province_code = province;
        notice.route_id = route.id;
        notice.text_th = file.text(n, "text_th");
        notice.text_en = file.text(n, "text_en");
        notice.valid_until = iso_utc(Clock::now() + std::chrono::hours(24 * 30));
        notice.created_at = iso_utc_now();
        notice.demo = true;
        travel.insert_notice(notice);
      }
    }

    std::int64_t weeks = file.integer(root, "sales_weeks");
    for (const auto& value : community_list) {
      const auto& o = file.as_object(value);
      std::string key = file.text(o, "key");
      auto community = catalog.find_community(community_ids.at(key));
      load_sales(service, connection, loader, *community, key, weeks);
    }

    SaleStore sales(connection);
    if (!db::query_integer(connection, "SELECT 1 FROM tourism_booking WHERE demo = 1")) {
      for (const auto& value : file.array(root, "bookings")) {
        const auto& triple = value.as_array();
        auto experience = catalog.item_by_demo_key(std::string(triple[0].as_string()));
        if (!experience) file.fail("booking of an unknown experience");
        Item item = *catalog.find_item(*experience);
        Booking booking;
        booking.province_code = province;
        booking.community_id = item.community_id;
        booking.experience_id = item.id;
        booking.day = day_from_today(static_cast<int>(triple[1].as_int64()));
        booking.party_size = triple[2].as_int64();
        booking.contact_name = "ผู้จองตัวอย่าง (ตัวอย่าง)";
        booking.contact_phone = "0800000000";
        booking.created_at = iso_utc_now();
        booking.demo = true;
        sales.take_capacity({"community", item.community_id, 1000000}, booking.day,
                            booking.party_size);
        sales.take_capacity({"experience", item.id, 1000000}, booking.day, booking.party_size);
        sales.insert_booking(booking);
      }
    }
  });
}

}  // namespace changwat::tourism
