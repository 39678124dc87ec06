#pragma once
// The Thai words for what the audit log records, so people read "ความต้องการของประชาชน
// · สถานะ: รอตรวจสอบ → ใหม่" instead of "need · status pending_moderation→new":
// the names of entities, actions and fields, the names of stored values (statuses,
// roles, dimensions …), and readable forms of timestamps, booleans and numbers.
// One table for every module (plain strings, no module's code): a module that
// records a new entity, action or field adds its words in vocabulary.cpp.
#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace changwat::audit {

// "need" → "ความต้องการของประชาชน"; unknown: nullopt.
std::optional<std::string_view> entity_label_th(std::string_view entity);
// "update" → "แก้ไข"; unknown: nullopt.
std::optional<std::string_view> action_label_th(std::string_view action);
// "status" → "สถานะ"; unknown: nullopt.
std::optional<std::string_view> field_label_th(std::string_view field);

struct EntityName {
  std::string_view entity;
  std::string_view label_th;
};
// Every entity with a Thai name, in the table's order.
const std::vector<EntityName>& entity_names();

// The entities a filter text means: the stored name itself ("need"), or every entity
// whose Thai name contains the text after normalization ("ความต้องการ", "แผน").
std::vector<std::string> entities_matching(std::string_view text);

// A stored value as people read it: a known name of `field` ("pending_moderation" →
// "รอตรวจสอบ"), a UTC timestamp → "1 ธ.ค. 2569 17:30 น.", an ISO date → "1 ธ.ค. 2569",
// true/false → "ใช่"/"ไม่ใช่", a number with thousands separators, null → "-",
// a list joined with ", ". Other text is shown as it is.
std::string value_text_th(std::string_view field, const boost::json::value& value);

}  // namespace changwat::audit
