#include "modules/sample/json.hpp"

#include <boost/json.hpp>

namespace changwat::sample {

boost::json::object item_json(const Item& item) {
  return {{"id", item.id},
          {"plan_id", item.plan_id},
          {"title", item.title},
          {"status", std::string(to_string(item.status))},
          {"demo", item.demo},
          {"version", item.version}};
}

}  // namespace changwat::sample
