// The one list of modules (src/main/modules.cpp) against what each module declares:
// every route a module registers lies under its path prefixes and is described in
// api/openapi.yaml by an operation carrying one of its tags; no route belongs to two
// modules. A module added to the list without its OpenAPI part fails here.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "main/app.hpp"

namespace changwat {
namespace {

// "/api/v1/plans/{id}/elements/{element_id}" -> "/api/v1/plans/{}/elements/{}"
std::string normalized(const std::string& pattern) {
  static const std::regex kParameter("\\{[^}]*\\}");
  return std::regex_replace(pattern, kParameter, "{}");
}

// "GET /api/v1/areas/{}" -> the operation's tags, read from the YAML's fixed layout:
// paths at two spaces, methods at four, `tags: [A, 'B c']` at six.
std::map<std::string, std::set<std::string>> openapi_operations() {
  std::ifstream file(std::string(CHANGWAT_SOURCE_DIR) + "/api/openapi.yaml");
  EXPECT_TRUE(file.good()) << "api/openapi.yaml not found";
  static const std::regex kPath("^  (/[^:]*):\\s*$");
  static const std::regex kMethod("^    (get|post|put|patch|delete):\\s*$");
  static const std::regex kTags("^      tags:\\s*\\[(.*)\\]\\s*$");
  std::map<std::string, std::set<std::string>> operations;
  std::string line, path, operation;
  bool in_paths = false;
  while (std::getline(file, line)) {
    if (line.rfind("paths:", 0) == 0) {
      in_paths = true;
      continue;
    }
    if (!in_paths) continue;
    if (!line.empty() && line[0] != ' ' && line[0] != '#') break;  // next top-level key
    std::smatch m;
    if (std::regex_match(line, m, kPath)) {
      path = normalized(m[1]);
    } else if (std::regex_match(line, m, kMethod)) {
      std::string method = m[1];
      for (char& c : method) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      operation = method + " " + path;
      operations[operation];
    } else if (std::regex_match(line, m, kTags) && !operation.empty()) {
      std::stringstream list(m[1]);
      std::string tag;
      while (std::getline(list, tag, ',')) {
        tag = std::regex_replace(tag, std::regex("^\\s*'?|'?\\s*$"), "");
        operations[operation].insert(tag);
      }
    }
  }
  return operations;
}

class ModulesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    app::AppOptions options;
    options.database_url = "sqlite::memory:";
    application_ = new app::App(options);
  }
  static void TearDownTestSuite() {
    delete application_;
    application_ = nullptr;
  }
  static app::App* application_;
};
app::App* ModulesTest::application_ = nullptr;

TEST_F(ModulesTest, ListHasThePlatformAndDomainModulesOnce) {
  std::set<std::string> names;
  for (const auto& module : application_->modules()) {
    EXPECT_TRUE(names.insert(std::string(module->name())).second) << module->name();
    EXPECT_FALSE(module->roles().empty()) << module->name() << " declares no roles";
    EXPECT_FALSE(module->openapi().tags.empty()) << module->name() << " declares no OpenAPI tag";
    EXPECT_FALSE(module->openapi().path_prefixes.empty()) << module->name();
  }
  for (const char* expected : {"auth", "audit", "areas", "plan", "participation", "action_plan"})
    EXPECT_TRUE(names.count(expected)) << expected << " is missing from main/modules.cpp";
}

TEST_F(ModulesTest, EveryRouteIsUnderItsModulesPrefixesAndDescribedWithItsTags) {
  auto operations = openapi_operations();
  ASSERT_GT(operations.size(), 50u) << "could not read the paths of api/openapi.yaml";
  std::map<std::string, std::string> owner;  // "GET /…" -> module
  for (const auto& module : application_->modules()) {
    http::Router own;
    module->register_routes(own);
    const platform::OpenApiPart part = module->openapi();
    EXPECT_FALSE(own.routes().empty()) << module->name() << " registers no route";
    for (const auto& route : own.routes()) {
      std::string key =
          std::string(http::method_name(route.method)) + " " + normalized(route.pattern);
      SCOPED_TRACE(std::string(module->name()) + ": " + key);
      bool under = false;
      for (const auto& prefix : part.path_prefixes)
        under = under || route.pattern.rfind(prefix, 0) == 0;
      EXPECT_TRUE(under) << "not under the module's path prefixes";
      auto described = operations.find(key);
      ASSERT_NE(described, operations.end()) << "not described in api/openapi.yaml";
      bool tagged = false;
      for (const auto& tag : part.tags) tagged = tagged || described->second.count(tag) > 0;
      EXPECT_TRUE(tagged) << "its operation carries none of the module's tags";
      auto [it, fresh] = owner.emplace(key, std::string(module->name()));
      EXPECT_TRUE(fresh) << "also registered by " << it->second;
    }
  }
  // The program's router holds exactly the modules' routes plus the platform's own.
  std::set<std::string> program;
  for (const auto& route : application_->router().routes())
    program.insert(std::string(http::method_name(route.method)) + " " + normalized(route.pattern));
  for (const auto& [key, module] : owner) EXPECT_TRUE(program.count(key)) << key;
  for (const auto& key : program) {
    if (!owner.count(key)) {
      EXPECT_TRUE(key == "GET /healthz" || key == "GET /metrics") << key;
    }
  }
}

}  // namespace
}  // namespace changwat
