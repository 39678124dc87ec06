#include "modules/follow_up/json_columns.hpp"

#include <boost/json.hpp>

#include "base/json_or_null.hpp"

namespace changwat::follow_up::columns {
namespace {

boost::json::array array_of(const std::string& text) {
  if (text.empty()) return {};
  boost::json::value value = boost::json::parse(text);
  return value.is_array() ? value.get_array() : boost::json::array{};
}

std::string string_at(const boost::json::object& object, const char* key) {
  const boost::json::value* value = object.if_contains(key);
  return value && value->is_string() ? std::string(value->get_string()) : std::string();
}

constexpr std::string_view kAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

}  // namespace

std::string ids_text(const std::vector<std::int64_t>& ids) {
  boost::json::array array;
  for (std::int64_t id : ids) array.push_back(id);
  return boost::json::serialize(array);
}

std::vector<std::int64_t> ids_of(const std::string& text) {
  std::vector<std::int64_t> ids;
  for (const auto& value : array_of(text))
    if (value.is_int64()) ids.push_back(value.get_int64());
  return ids;
}

std::string texts_text(const std::vector<std::string>& texts) {
  boost::json::array array;
  for (const auto& text : texts) array.push_back(boost::json::string(text));
  return boost::json::serialize(array);
}

std::vector<std::string> texts_of(const std::string& text) {
  std::vector<std::string> texts;
  for (const auto& value : array_of(text))
    if (value.is_string()) texts.emplace_back(value.get_string());
  return texts;
}

std::string attendees_text(const std::vector<Attendee>& attendees) {
  boost::json::array array;
  for (const Attendee& attendee : attendees)
    array.push_back(boost::json::object{{"agency", json_or_null(attendee.agency_code)},
                                        {"name_th", attendee.name_th},
                                        {"position_th", attendee.position_th}});
  return boost::json::serialize(array);
}

std::vector<Attendee> attendees_of(const std::string& text) {
  std::vector<Attendee> attendees;
  for (const auto& value : array_of(text)) {
    if (!value.is_object()) continue;
    const auto& object = value.get_object();
    Attendee attendee;
    std::string agency = string_at(object, "agency");
    if (!agency.empty()) attendee.agency_code = agency;
    attendee.name_th = string_at(object, "name_th");
    attendee.position_th = string_at(object, "position_th");
    attendees.push_back(std::move(attendee));
  }
  return attendees;
}

std::string agenda_text(const std::array<AgendaItem, kAgendaItems>& agenda) {
  boost::json::array array;
  for (const AgendaItem& item : agenda) array.push_back(boost::json::string(item.details_th));
  return boost::json::serialize(array);
}

std::array<AgendaItem, kAgendaItems> agenda_of(const std::string& text) {
  std::array<AgendaItem, kAgendaItems> agenda = standard_agenda();
  std::vector<std::string> details = texts_of(text);
  for (std::size_t i = 0; i < agenda.size() && i < details.size(); ++i)
    agenda[i].details_th = details[i];
  return agenda;
}

std::string base64_encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    auto n = (std::uint32_t(std::uint8_t(bytes[i])) << 16) |
             (std::uint32_t(std::uint8_t(bytes[i + 1])) << 8) | std::uint8_t(bytes[i + 2]);
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += kAlphabet[(n >> 6) & 63];
    out += kAlphabet[n & 63];
  }
  if (i < bytes.size()) {
    std::uint32_t n = std::uint32_t(std::uint8_t(bytes[i])) << 16;
    bool two = i + 1 < bytes.size();
    if (two) n |= std::uint32_t(std::uint8_t(bytes[i + 1])) << 8;
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += two ? kAlphabet[(n >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

std::string base64_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size() / 4 * 3);
  std::uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    std::size_t value = kAlphabet.find(c);
    if (value == std::string_view::npos) continue;  // '=' and line breaks
    buffer = (buffer << 6) | static_cast<std::uint32_t>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  return out;
}

}  // namespace changwat::follow_up::columns
