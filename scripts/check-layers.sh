#!/usr/bin/env bash
# States the layer rules of src/ and checks them by reading #include lines
# (docs/decisions/0001-layers-and-errors.md, 0005-module-shape.md). Exits non-zero,
# naming file, line and rule, if any include breaks one. The CMake libraries enforce
# part of this at build time (libpq-fe.h is only on changwat_db's include path); this
# script covers what a shared include path cannot: Beast/Asio and sqlite3.h live in
# /usr/include, and every module's headers sit under the same src/ root.
#
#   1. Only src/http and src/main include boost/beast or boost/asio.
#   2. Only src/db/sqlite includes sqlite3.h; only src/db/postgres includes libpq-fe.h.
#   3. src/base and src/thai include nothing from db, http, platform, auth, modules, main.
#   4. src/db includes nothing from http, platform, auth, modules, main;
#      src/http nothing from db, platform, auth, modules, main.
#   5. src/platform includes nothing from auth, modules or main.
#   6. src/auth includes nothing from src/modules or main.
#   7. src/modules/<m> includes nothing from auth or main, and never another module's
#      store (*store*.hpp), routes (api*.hpp) or internals (*_detail.hpp): it calls the
#      other module's service.
#   8. Domain code (platform, auth, modules) includes db engines only through
#      db/database.hpp: never db/sqlite/… or db/postgres/….
set -uo pipefail
cd "$(dirname "$0")/.."

# One pass of awk over every #include "…" / <…> line of src/ (fast enough to run on
# every test command).
grep -rnE --include='*.hpp' --include='*.cpp' --include='*.h' \
  '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"][^>"]+[>"]' src |
  awk '
    function fail(rule) {
      printf "layer rule broken: %s:%s: #include %s\n    rule: %s\n", file, line, target, rule
      failures++
    }
    {
      split($0, parts, ":"); file = parts[1]; line = parts[2]
      target = $0; sub(/^[^#]*#[[:space:]]*include[[:space:]]*[<"]/, "", target); sub(/[>"].*$/, "", target)
      layer = target; sub(/\/.*$/, "", layer)
      split(file, path, "/")   # src, <layer>, <module or file>, …

      if (target ~ /^boost\/(beast|asio)/ && file !~ /^src\/(http|main)\//)
        fail("only src/http and src/main include Boost.Beast or Boost.Asio")
      if (target == "sqlite3.h" && file !~ /^src\/db\/sqlite\//)
        fail("only src/db/sqlite includes sqlite3.h")
      if (target ~ /(^|\/)libpq-fe\.h$/ && file !~ /^src\/db\/postgres\//)
        fail("only src/db/postgres includes libpq-fe.h")

      if (file ~ /^src\/(base|thai)\// && layer ~ /^(db|http|platform|auth|modules|main)$/)
        fail("src/base and src/thai are the bottom layers: no db, http, platform, auth, modules or main")
      if (file ~ /^src\/db\// && layer ~ /^(http|platform|auth|modules|main)$/)
        fail("src/db sits below http, platform, auth and the modules")
      if (file ~ /^src\/http\// && layer ~ /^(db|platform|auth|modules|main)$/)
        fail("src/http knows requests, not storage or domain code")
      if (file ~ /^src\/platform\// && layer ~ /^(auth|modules|main)$/)
        fail("src/platform (audit, reference data) sits below auth and every module")
      if (file ~ /^src\/auth\// && layer ~ /^(modules|main)$/)
        fail("src/auth includes nothing from src/modules or src/main (it uses platform interfaces)")
      if (file ~ /^src\/modules\//) {
        if (layer ~ /^(auth|main)$/)
          fail("a module never includes auth or main (the actor carries the principal)")
        if (layer == "modules") {
          split(target, t, "/")
          if (t[2] != path[3] && (t[3] ~ /store/ || t[3] ~ /^api/ || t[3] ~ /_detail\.hpp$/))
            fail("module " path[3] " never includes the store, routes or internals of module " t[2] " (it calls that module\047s service)")
        }
      }
      if (file ~ /^src\/(platform|auth|modules)\// && target ~ /^db\/(sqlite|postgres)\//)
        fail("domain code reaches the database only through db/database.hpp")
    }
    END {
      if (failures > 0) {
        printf "check-layers: %d include(s) break the layer rules (see the rule under each)\n", failures
        exit 1
      }
      print "check-layers: every #include in src/ follows the layer rules"
    }'
