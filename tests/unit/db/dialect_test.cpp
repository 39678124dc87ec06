#include "db/dialect.hpp"

#include <gtest/gtest.h>

#include "storage_test_support.hpp"

namespace changwat::db {
namespace {

using testing::CaughtError;
using testing::expect_error;

constexpr const char* schema =
    "CREATE TABLE t (id {{ID}}, name TEXT);\n"
    "--@sqlite\n"
    "CREATE TABLE only_sqlite (x INTEGER);\n"
    "--@end\n"
    "  --@postgres  \n"
    "CREATE TABLE only_postgres (x BIGINT);\n"
    "--@end\n"
    "CREATE INDEX t_name ON t (name);";

TEST(Dialect, RendersForSqlite) {
  EXPECT_EQ(render_dialect(schema, Engine::sqlite),
            "CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT);\n"
            "\n"
            "CREATE TABLE only_sqlite (x INTEGER);\n"
            "\n\n\n\n"
            "CREATE INDEX t_name ON t (name);");
}

TEST(Dialect, RendersForPostgres) {
  EXPECT_EQ(render_dialect(schema, Engine::postgres),
            "CREATE TABLE t (id BIGSERIAL PRIMARY KEY, name TEXT);\n"
            "\n\n\n\n"
            "CREATE TABLE only_postgres (x BIGINT);\n"
            "\n"
            "CREATE INDEX t_name ON t (name);");
}

TEST(Dialect, KeepsLineNumbers) {
  for (Engine engine : {Engine::sqlite, Engine::postgres}) {
    std::string rendered = render_dialect(schema, engine);
    EXPECT_EQ(std::count(rendered.begin(), rendered.end(), '\n'), 7);
  }
}

TEST(Dialect, RefusesMalformedText) {
  for (const char* bad :
       {"--@sqlite\nX;\n", "--@end\n", "--@sqlite\n--@postgres\n--@end\n", "--@mysql\n--@end\n",
        "CREATE TABLE t (id {{id}});", "CREATE TABLE t (id {{ID);"}) {
    CaughtError error = expect_error([&] { render_dialect(bad, Engine::sqlite, "0009_bad.sql"); },
                                     ErrorKind::internal, "database_error");
    EXPECT_NE(error.what.find("0009_bad.sql:"), std::string::npos) << bad;
  }
}

}  // namespace
}  // namespace changwat::db
