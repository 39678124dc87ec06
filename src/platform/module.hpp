#pragma once
// The shape of a module (docs/adding-a-module.md, docs/decisions/0005-module-shape.md).
// `src/main/modules.cpp` builds the one list of modules; the program then asks each
// for its routes and its demo data, and `changwat modules` prints what each declares.
// A module owns its services; another module that needs one gets it through the
// constructor, so the dependency is visible in the list and in CMake.
#include <string>
#include <string_view>
#include <vector>

#include "base/principal.hpp"
#include "http/router.hpp"

namespace changwat::platform {

// A module's part of api/openapi.yaml. A unit test (tests/unit/app) checks that every
// route the module registers starts with one of `path_prefixes` and is described in
// api/openapi.yaml by an operation tagged with one of `tags`.
struct OpenApiPart {
  std::vector<std::string> tags;
  std::vector<std::string> path_prefixes;
};

class Module {
 public:
  virtual ~Module() = default;

  // Short name, the folder's ("plan", "participation", …).
  virtual std::string_view name() const = 0;
  // The roles its rules name (who reads, who writes).
  virtual std::vector<Role> roles() const = 0;
  virtual OpenApiPart openapi() const = 0;
  virtual void register_routes(http::Router& router) = 0;
  // `serve --demo`: loads the module's demo data from data/. Idempotent. Modules load
  // in list order, so a module whose demo names another's records comes after it.
  virtual void load_demo() {}
};

}  // namespace changwat::platform
