#pragma once
// A demo data file (data/<name>-demo-trat.json, embedded in the program) as a module's
// load_demo reads it. Demo files ship with the program, so anything wrong in one — not
// embedded, not a JSON object, a field missing or of the wrong type — is a bug: an
// internal error that names the file and the field, raised at `serve --demo`.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace changwat::platform {

class DemoFile {
 public:
  // `name`: the file's name in data/, e.g. "progress-demo-trat.json".
  explicit DemoFile(std::string_view name);

  const boost::json::object& root() const { return document_.get_object(); }

  // Fields of `object`: the root or an item of one of its arrays.
  std::string text(const boost::json::object& object, const char* key) const;
  // Absent or null: nullopt.
  std::optional<std::string> optional_text(const boost::json::object& object,
                                           const char* key) const;
  std::int64_t integer(const boost::json::object& object, const char* key) const;
  std::optional<std::int64_t> optional_integer(const boost::json::object& object,
                                               const char* key) const;
  // Absent: false.
  bool flag(const boost::json::object& object, const char* key) const;
  const boost::json::array& array(const boost::json::object& object, const char* key) const;
  // An item of an array that must be an object.
  const boost::json::object& as_object(const boost::json::value& item) const;
  // A text field read by an enum's parser (parse_x of a model.hpp); unknown -> error.
  template <class Enum>
  Enum enumerated(const boost::json::object& object, const char* key,
                  std::optional<Enum> (*parse)(std::string_view)) const {
    std::string value = text(object, key);
    std::optional<Enum> parsed = parse(value);
    if (!parsed) fail(std::string(key) + " '" + value + "' is unknown");
    return *parsed;
  }

  [[noreturn]] void fail(const std::string& why) const;

 private:
  std::string name_;
  boost::json::value document_;
};

}  // namespace changwat::platform
