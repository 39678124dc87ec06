#pragma once
// Lists kept in one TEXT column as JSON (element ids, attendees, the agenda,
// evidence references): the stores' one way to write and read them back.
#include <cstdint>
#include <string>
#include <vector>

#include "modules/follow_up/model.hpp"

namespace changwat::follow_up::columns {

std::string ids_text(const std::vector<std::int64_t>& ids);
std::vector<std::int64_t> ids_of(const std::string& text);
std::string texts_text(const std::vector<std::string>& texts);
std::vector<std::string> texts_of(const std::string& text);
std::string attendees_text(const std::vector<Attendee>& attendees);
std::vector<Attendee> attendees_of(const std::string& text);
std::string agenda_text(const std::array<AgendaItem, kAgendaItems>& agenda);
std::array<AgendaItem, kAgendaItems> agenda_of(const std::string& text);

// Base64 (RFC 4648, padded) for the bytes of documents kept in TEXT columns.
std::string base64_encode(std::string_view bytes);
std::string base64_decode(std::string_view text);

}  // namespace changwat::follow_up::columns
