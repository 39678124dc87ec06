#include <gtest/gtest.h>

#include <limits>

#include "db/database.hpp"
#include "storage_test_support.hpp"

namespace changwat::db {
namespace {

using testing::expect_error;

TEST(Row, ReadsIntegersFromEveryRepresentation) {
  Row row({std::int64_t{-7}, std::string("42"), std::string("1250.00"), 3.0,
           std::string("-9223372036854775808")});
  EXPECT_EQ(row.integer(0), -7);
  EXPECT_EQ(row.integer(1), 42);
  EXPECT_EQ(row.integer(2), 1250);  // PostgreSQL numeric text
  EXPECT_EQ(row.integer(3), 3);
  EXPECT_EQ(row.integer(4), std::numeric_limits<std::int64_t>::min());
}

TEST(Row, RefusesValuesThatAreNotWholeNumbers) {
  Row row({std::string("abc"), 2.5, nullptr, std::string("12.5"), 1e19});
  for (std::size_t column = 0; column < row.size(); ++column) {
    expect_error([&] { row.integer(column); }, ErrorKind::internal, "database_error");
  }
}

TEST(Row, ReadsRealsAndText) {
  Row row({0.1, std::int64_t{3}, std::string("2.75"), nullptr, std::string("ตราด 🌴")});
  EXPECT_DOUBLE_EQ(row.real(0), 0.1);
  EXPECT_DOUBLE_EQ(row.real(1), 3.0);
  EXPECT_DOUBLE_EQ(row.real(2), 2.75);
  EXPECT_EQ(row.text(0), "0.1");
  EXPECT_EQ(row.text(1), "3");
  EXPECT_EQ(row.text(3), "");
  EXPECT_EQ(row.text(4), "ตราด 🌴");
  expect_error([&] { row.real(4); }, ErrorKind::internal, "database_error");
}

TEST(Row, OptionalAccessorsMapNullToNothing) {
  Row row({nullptr, std::int64_t{5}, std::string("")});
  EXPECT_TRUE(row.is_null(0));
  EXPECT_FALSE(row.is_null(2));
  EXPECT_EQ(row.optional_integer(0), std::nullopt);
  EXPECT_EQ(row.optional_integer(1), 5);
  EXPECT_EQ(row.optional_text(0), std::nullopt);
  EXPECT_EQ(row.optional_text(2), std::optional<std::string>(""));
}

TEST(Row, NullableBuildsParameters) {
  EXPECT_TRUE(std::holds_alternative<std::nullptr_t>(nullable(std::optional<std::string>())));
  EXPECT_EQ(std::get<std::string>(nullable(std::optional<std::string>("x"))), "x");
  EXPECT_TRUE(std::holds_alternative<std::nullptr_t>(nullable(std::optional<std::int64_t>())));
  EXPECT_EQ(std::get<std::int64_t>(nullable(std::optional<std::int64_t>(9))), 9);
}

}  // namespace
}  // namespace changwat::db
