#include "platform/demo_file.hpp"

#include <boost/json/parse.hpp>

#include "base/embedded.hpp"
#include "base/error.hpp"

namespace changwat::platform {

DemoFile::DemoFile(std::string_view name) : name_(name) {
  for (const EmbeddedFile& file : embedded_data()) {
    if (file.name != name) continue;
    boost::system::error_code error;
    document_ = boost::json::parse(file.content, error);
    if (error) fail("not JSON: " + error.message());
    if (!document_.is_object()) fail("not a JSON object");
    return;
  }
  fail("not embedded in the program");
}

void DemoFile::fail(const std::string& why) const {
  throw Error(ErrorKind::internal, "demo_data_invalid",
              {"ข้อมูลตัวอย่าง data/" + name_ + " ไม่ถูกต้อง: " + why,
               "the demo data data/" + name_ + " is invalid: " + why});
}

std::string DemoFile::text(const boost::json::object& object, const char* key) const {
  const auto* value = object.if_contains(key);
  if (!value || !value->is_string()) fail(std::string("missing text ") + key);
  return std::string(value->get_string());
}

std::optional<std::string> DemoFile::optional_text(const boost::json::object& object,
                                                   const char* key) const {
  const auto* value = object.if_contains(key);
  if (!value || value->is_null()) return std::nullopt;
  if (!value->is_string()) fail(std::string("not a text: ") + key);
  return std::string(value->get_string());
}

std::int64_t DemoFile::integer(const boost::json::object& object, const char* key) const {
  auto value = optional_integer(object, key);
  if (!value) fail(std::string("missing integer ") + key);
  return *value;
}

std::optional<std::int64_t> DemoFile::optional_integer(const boost::json::object& object,
                                                       const char* key) const {
  const auto* value = object.if_contains(key);
  if (!value || value->is_null()) return std::nullopt;
  if (!value->is_int64()) fail(std::string("not an integer: ") + key);
  return value->get_int64();
}

bool DemoFile::flag(const boost::json::object& object, const char* key) const {
  const auto* value = object.if_contains(key);
  if (!value || value->is_null()) return false;
  if (!value->is_bool()) fail(std::string("not true or false: ") + key);
  return value->get_bool();
}

const boost::json::array& DemoFile::array(const boost::json::object& object,
                                          const char* key) const {
  const auto* value = object.if_contains(key);
  if (!value || !value->is_array()) fail(std::string("missing list ") + key);
  return value->get_array();
}

const boost::json::object& DemoFile::as_object(const boost::json::value& item) const {
  if (!item.is_object()) fail("an item of a list is not an object");
  return item.get_object();
}

}  // namespace changwat::platform
