#include "modules/plan/alignment_catalog.hpp"

#include <boost/json.hpp>

#include "base/embedded.hpp"
#include "base/error.hpp"

namespace changwat::plan {
namespace {

constexpr std::string_view kCatalogFile = "alignment-catalog.json";

[[noreturn]] void malformed(const std::string& why) {
  throw Error(ErrorKind::internal, "alignment_catalog_invalid",
              {"รายการอ้างอิงแผนระดับชาติไม่ถูกต้อง: " + why,
               "the national alignment catalog is invalid: " + why});
}

std::string text_field(const boost::json::object& object, const char* name, bool required) {
  const auto* value = object.if_contains(name);
  if (!value || !value->is_string()) {
    if (required) malformed(std::string("missing text field ") + name);
    return {};
  }
  return std::string(value->get_string());
}

std::string_view embedded_catalog() {
  for (const auto& file : embedded_data()) {
    if (file.name == kCatalogFile) return file.content;
  }
  malformed("data/alignment-catalog.json is not embedded");
}

}  // namespace

AlignmentCatalog::AlignmentCatalog() : AlignmentCatalog(embedded_catalog()) {}

AlignmentCatalog::AlignmentCatalog(std::string_view json_text) {
  boost::system::error_code error;
  auto document = boost::json::parse(json_text, error);
  if (error || !document.is_object()) malformed("not a JSON object");
  const auto& root = document.get_object();
  const auto* frameworks = root.if_contains("frameworks");
  const auto* targets = root.if_contains("targets");
  if (!frameworks || !frameworks->is_array() || !targets || !targets->is_array()) {
    malformed("frameworks and targets must be arrays");
  }
  for (const auto& item : frameworks->get_array()) {
    if (!item.is_object()) malformed("a framework is not an object");
    const auto& object = item.get_object();
    frameworks_.push_back({text_field(object, "key", true), text_field(object, "name_th", true),
                           text_field(object, "name_en", true), text_field(object, "source", true),
                           text_field(object, "wording", true)});
  }
  for (const auto& item : targets->get_array()) {
    if (!item.is_object()) malformed("a target is not an object");
    const auto& object = item.get_object();
    AlignmentTarget target;
    target.code = text_field(object, "code", true);
    target.framework = text_field(object, "framework", true);
    auto parent = text_field(object, "parent_code", false);
    if (!parent.empty()) target.parent_code = parent;
    const auto* number = object.if_contains("number");
    if (!number || !number->is_int64()) malformed("target " + target.code + " has no number");
    target.number = static_cast<int>(number->as_int64());
    target.name_th = text_field(object, "name_th", true);
    target.name_en = text_field(object, "name_en", true);
    target.short_th = text_field(object, "short_th", false);
    target.short_en = text_field(object, "short_en", false);
    if (target.short_th.empty()) target.short_th = target.name_th;
    if (target.short_en.empty()) target.short_en = target.name_en;
    bool known_framework = false;
    for (const auto& framework : frameworks_) known_framework |= framework.key == target.framework;
    if (!known_framework) malformed("target " + target.code + " names an unknown framework");
    if (!index_.emplace(target.code, targets_.size()).second) {
      malformed("duplicate code " + target.code);
    }
    targets_.push_back(std::move(target));
  }
  for (const auto& target : targets_) {
    if (target.parent_code && !index_.contains(*target.parent_code)) {
      malformed("target " + target.code + " points at unknown parent " + *target.parent_code);
    }
  }
}

const AlignmentTarget* AlignmentCatalog::find(const std::string& code) const {
  auto found = index_.find(code);
  return found == index_.end() ? nullptr : &targets_[found->second];
}

}  // namespace changwat::plan
