// Pieces every route group of the module reads: the access reason, a person, a day.
#include "http/json_lists.hpp"
#include "http/params.hpp"
#include "modules/health/api_routes.hpp"

namespace changwat::health::api {

std::optional<std::string> access_reason(const http::Request& request) {
  auto header = request.header("x-access-reason");
  if (!header) return std::nullopt;
  std::string text;
  std::string_view raw = http::trim_header_space(*header);
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '%' && i + 2 < raw.size() &&
        std::isxdigit(static_cast<unsigned char>(raw[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(raw[i + 2]))) {
      text += static_cast<char>(std::stoi(std::string(raw.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      text += raw[i];
    }
  }
  if (text.empty()) return std::nullopt;
  if (text.size() > rules::kMaxReasonChars * 4) text.resize(rules::kMaxReasonChars * 4);
  return text;
}

PersonInput read_person(http::JsonBody& body) {
  PersonInput person;
  person.id_type =
      http::body_enum(body, "id_type", parse_id_type, kIdTypes, true).value_or(IdType::other);
  person.id_number = body.optional_text("id_number", 40);
  person.name = body.text("name", 200);
  person.phone = body.optional_text("phone", 20);
  return person;
}

PersonInput read_person_field(http::JsonBody& body) {
  PersonInput person;
  if (!http::read_object(body, "person", [&](http::JsonBody& item) { person = read_person(item); }))
    body.fail("person", {"ต้องระบุบุคคล", "is required"});
  return person;
}

std::string query_date(const http::Request& request, const char* name) {
  auto value = request.query_param(name);
  if (!value || value->empty()) http::throw_bad_parameter(name, {"ต้องระบุวันที่", "is required"});
  return *value;
}

}  // namespace changwat::health::api
