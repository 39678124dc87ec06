#include "modules/plan/tree_writer.hpp"

#include <charconv>
#include <cmath>
#include <unordered_map>
#include <vector>

namespace changwat::plan {
namespace {

// Appends JSON tokens; commas are placed by tracking whether a container is empty.
class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  void key(std::string_view name) {
    separate();
    out_ += '"';
    out_ += name;  // keys are our own ASCII names
    out_ += "\":";
    after_key_ = true;
  }
  void text(std::string_view value) {
    separate();
    out_ += '"';
    for (char c : value) {
      auto byte = static_cast<unsigned char>(c);
      if (c == '"' || c == '\\') {
        out_ += '\\';
        out_ += c;
      } else if (byte < 0x20) {
        static constexpr char kHex[] = "0123456789abcdef";
        out_ += "\\u00";
        out_ += kHex[byte >> 4];
        out_ += kHex[byte & 0xf];
      } else {
        out_ += c;
      }
    }
    out_ += '"';
  }
  void integer(std::int64_t value) {
    separate();
    char buffer[24];
    auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
    out_.append(buffer, end);
  }
  void number(double value) {
    if (!std::isfinite(value)) return null();
    if (std::trunc(value) == value && std::fabs(value) < 9.0e15) {
      return integer(static_cast<std::int64_t>(value));
    }
    separate();
    char buffer[32];
    auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
    out_.append(buffer, end);
  }
  void null() {
    separate();
    out_ += "null";
  }
  void boolean(bool value) {
    separate();
    out_ += value ? "true" : "false";
  }

  // Optional values.
  void text_or_null(const std::optional<std::string>& value) { value ? text(*value) : null(); }
  void integer_or_null(const std::optional<int>& value) { value ? integer(*value) : null(); }
  void number_or_null(const std::optional<double>& value) { value ? number(*value) : null(); }

  // Object members: the key, then the value.
  void text(std::string_view name, std::string_view value) {
    key(name);
    text(value);
  }
  void integer(std::string_view name, std::int64_t value) {
    key(name);
    integer(value);
  }
  void number(std::string_view name, double value) {
    key(name);
    number(value);
  }
  void boolean(std::string_view name, bool value) {
    key(name);
    boolean(value);
  }
  void text_or_null(std::string_view name, const std::optional<std::string>& value) {
    key(name);
    text_or_null(value);
  }
  void integer_or_null(std::string_view name, const std::optional<int>& value) {
    key(name);
    integer_or_null(value);
  }
  void number_or_null(std::string_view name, const std::optional<double>& value) {
    key(name);
    number_or_null(value);
  }

 private:
  void separate() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (!first_.empty()) {
      if (!first_.back()) out_ += ',';
      first_.back() = false;
    }
  }
  void open(char bracket) {
    separate();
    out_ += bracket;
    first_.push_back(true);
  }
  void close(char bracket) {
    out_ += bracket;
    first_.pop_back();
  }

  std::string& out_;
  std::vector<bool> first_;  // per open container: nothing written in it yet
  bool after_key_ = false;
};

void write_period(Writer& w, const PlanPeriod& period) {
  w.begin_object();
  w.integer("first_fiscal_year", period.first_fiscal_year);
  w.integer("last_fiscal_year", period.last_fiscal_year);
  w.text("text",
         std::to_string(period.first_fiscal_year) + "–" + std::to_string(period.last_fiscal_year));
  w.end_object();
}

void write_texts(Writer& w, const std::vector<std::string>& items) {
  w.begin_array();
  for (const auto& item : items) w.text(item);
  w.end_array();
}

void write_kpi(Writer& w, const KpiDetails& kpi) {
  w.text("unit_th", kpi.unit_th);
  w.text("unit_en", kpi.unit_en);
  w.text("direction", to_string(kpi.direction));
  w.number_or_null("range_low", kpi.range_low);
  w.number_or_null("range_high", kpi.range_high);
  w.key("baseline");
  w.begin_object();
  w.number_or_null("value", kpi.baseline_value);
  w.integer_or_null("fiscal_year", kpi.baseline_year);
  w.end_object();
  w.key("targets");
  w.begin_object();
  for (const auto& target : kpi.targets) {
    w.number_or_null(std::to_string(target.fiscal_year), target.value);
  }
  w.end_object();
  w.text_or_null("owner_agency", kpi.owner_agency_code);
  w.text("frequency", kpi.frequency);
}

void write_project(Writer& w, const ProjectDetails& project) {
  w.text("project_kind", to_string(project.kind));
  w.key("project");
  w.begin_object();
  w.text("kind", to_string(project.kind));
  w.integer_or_null("ranking", project.ranking);
  w.text("proposal", to_string(project.proposal));
  w.text("budget_source", to_string(project.budget_source));
  w.integer_or_null("first_fiscal_year", project.first_fiscal_year);
  w.integer_or_null("last_fiscal_year", project.last_fiscal_year);
  w.text("term", to_string(project.term));
  w.end_object();
  w.integer_or_null("ranking", project.ranking);
  w.integer("budget_satang", project.budget_satang);
  w.text_or_null("agency", project.agency_code);
  w.key("supporting_agencies");
  write_texts(w, project.supporting_agency_codes);
  w.key("areas");
  write_texts(w, project.area_codes);
  w.key("guideline_ids");
  w.begin_array();
  for (auto id : project.guideline_ids) w.integer(id);
  w.end_array();
}

// Opens the element's object and writes its fields; the caller writes children.
void write_node_fields(Writer& w, const Element& element) {
  w.begin_object();
  w.integer("id", element.element_id);
  w.text("kind", to_string(element.kind));
  w.key("code");
  element.code.empty() ? w.null() : w.text(element.code);
  w.text("text_th", element.text_th);
  w.text("text_en", element.text_en);
  w.key("parent_id");
  element.parent_id ? w.integer(*element.parent_id) : w.null();
  w.integer("position", element.position);
  w.integer("version", element.version);
  w.boolean("demo", element.demo);
  w.key("dimensions");
  w.begin_array();
  for (auto dimension : element.dimensions) w.text(to_string(dimension));
  w.end_array();
  w.key("alignments");
  write_texts(w, element.alignment_codes);
  if (element.kpi) write_kpi(w, *element.kpi);
  if (element.project) write_project(w, *element.project);
}

}  // namespace

std::string write_tree_json(const PlanTree& tree) {
  // Children by parent, in the tree order the elements already have.
  std::unordered_map<std::int64_t, std::vector<const Element*>> children;
  std::vector<const Element*> top;
  children.reserve(tree.elements.size());
  std::unordered_map<std::int64_t, bool> present;
  present.reserve(tree.elements.size());
  for (const auto& element : tree.elements) present.emplace(element.element_id, true);
  for (const auto& element : tree.elements) {
    if (element.parent_id && present.contains(*element.parent_id)) {
      children[*element.parent_id].push_back(&element);
    } else {
      top.push_back(&element);
    }
  }
  std::string out;
  out.reserve(tree.elements.size() * 600);
  Writer w(out);
  w.begin_object();
  w.integer("plan_id", tree.plan.id);
  w.integer("version", tree.version.number);
  w.text("status", to_string(tree.version.status));
  w.text("name_th", tree.plan.name_th);
  w.text("name_en", tree.plan.name_en);
  w.key("period");
  write_period(w, tree.plan.period);
  w.text_or_null("approved_by", tree.version.approved_by);
  w.text_or_null("approved_by_name", tree.version.approved_by_name);
  w.text_or_null("approved_at", tree.version.approved_at);
  w.integer("revision", tree.version.revision);
  w.integer("element_count", static_cast<std::int64_t>(tree.elements.size()));
  w.key("children");
  w.begin_array();
  // Depth first with an explicit stack: (element, index of the next child).
  std::vector<std::pair<const std::vector<const Element*>*, std::size_t>> stack{{&top, 0}};
  while (!stack.empty()) {
    auto& [list, next] = stack.back();
    if (next == list->size()) {
      stack.pop_back();
      w.end_array();  // the children array of the element (or the top level)
      if (!stack.empty()) w.end_object();
      continue;
    }
    const Element* element = (*list)[next++];
    write_node_fields(w, *element);
    w.key("children");
    w.begin_array();
    static const std::vector<const Element*> kNone;
    auto found = children.find(element->element_id);
    stack.emplace_back(found == children.end() ? &kNone : &found->second, 0);
  }
  w.end_object();
  return out;
}

}  // namespace changwat::plan
