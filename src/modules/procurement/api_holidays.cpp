// /api/v1/holidays/{year}: the holidays the Cabinet announced for a Common Era year
// (substitution days included). Read by every signed-in role; loaded by the strategy
// office and admins (tag Procurement).
#include <boost/json.hpp>

#include "http/params.hpp"
#include "modules/procurement/api_routes.hpp"
#include "modules/procurement/api_support.hpp"
#include "modules/procurement/json.hpp"
#include "platform/idempotency/idempotency.hpp"

namespace changwat::procurement::api {
namespace {

int year_of(const http::Request& request) {
  auto year = http::parse_integer(request.param("year"));
  if (!year || *year < 1 || *year > 9999) {
    http::throw_bad_parameter("year", {"ต้องเป็นปี ค.ศ. เช่น 2026", "must be a year, e.g. 2026"});
  }
  return static_cast<int>(*year);
}

}  // namespace

void add_holiday_routes(http::Router& router, ProcurementService& service) {
  using http::Method;

  router.add(Method::get, "/api/v1/holidays/{year}", [&service](http::Context& ctx) {
    int year = year_of(ctx.request);
    if (auto loaded = service.holidays(ctx.actor, year)) {
      return http::Response::json(holiday_year_json(*loaded));
    }
    return http::Response::json(boost::json::object{{"year", year},
                                                    {"be_year", year + 543},
                                                    {"loaded", false},
                                                    {"source", nullptr},
                                                    {"demo", false},
                                                    {"holidays", boost::json::array()},
                                                    {"loaded_by", nullptr},
                                                    {"loaded_at", nullptr},
                                                    {"version", nullptr}});
  });

  router.add(Method::put, "/api/v1/holidays/{year}",
             idempotency::idempotent(service.database(), [&service](http::Context& ctx) {
               int year = year_of(ctx.request);
               http::JsonBody body(ctx.request);
               auto version = body.optional_integer("version");
               std::string source = body.text("source", 2000);
               bool demo = body.optional_boolean("demo").value_or(false);
               std::vector<Holiday> holidays;
               if (!body.raw("holidays")) body.fail("holidays", {"ต้องระบุ", "is required"});
               read_optional_list(body, "holidays", 100, [&](http::JsonBody& item) {
                 Holiday holiday;
                 holiday.date = item.text("date", 20);
                 holiday.name_th = item.text("name_th", 300);
                 holiday.name_en = item.optional_text("name_en", 300).value_or("");
                 holidays.push_back(std::move(holiday));
               });
               body.finish();
               return http::Response::json(holiday_year_json(service.set_holidays(
                   ctx.actor, year, source, std::move(holidays), version, demo)));
             }));
}

}  // namespace changwat::procurement::api
