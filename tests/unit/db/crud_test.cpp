// Reads and writes every value type through both engines.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "db/database_error.hpp"
#include "storage_test_support.hpp"

namespace changwat::db {
namespace {

using testing::CaughtError;
using testing::EngineTest;
using testing::expect_error;

constexpr const char* sample_schema =
    "CREATE TABLE sample (id {{ID}}, whole BIGINT, fraction DOUBLE PRECISION, words TEXT)";
constexpr const char* insert_sample =
    "INSERT INTO sample (whole, fraction, words) VALUES (?, ?, ?) RETURNING id";

class Crud : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (HasFatalFailure()) return;
    database_ = open();
    create_schema(*database_, sample_schema);
  }

  std::int64_t insert(const Value& whole, const Value& fraction, const Value& words) {
    return database_->write([&](Connection& c) {
      return c.insert_returning_id(insert_sample, {whole, fraction, words});
    });
  }

  Row fetch(std::int64_t id) {
    return database_->read([&](Connection& c) {
      std::optional<Row> row =
          c.query_one("SELECT whole, fraction, words FROM sample WHERE id = ?", {id});
      if (!row) throw std::runtime_error("row " + std::to_string(id) + " missing");
      return *row;
    });
  }

  std::unique_ptr<Database> database_;
};

TEST_P(Crud, EngineMatchesTheUrl) { EXPECT_EQ(database_->engine(), engine()); }

TEST_P(Crud, RoundTripsEveryValueType) {
  struct Sample {
    std::int64_t whole;
    double fraction;
    std::string words;
  };
  const Sample samples[] = {
      {0, 0.0, ""},
      {std::numeric_limits<std::int64_t>::max(), 0.1, "จังหวัดตราด"},
      {std::numeric_limits<std::int64_t>::min(), -1e300, "emoji 🌴🐘🇹🇭 and ไทย ๑๒๓"},
      {123456789012, 3.141592653589793, "'; DROP TABLE sample; --"},
      {-1, 2.5e-300, "? $1 \\ \" '' %s {{ID}} --@sqlite /* */"},
      {42, 1.0 / 3.0, "line one\nline two\ttab"},
  };
  std::vector<std::int64_t> ids;
  for (const Sample& sample : samples) {
    ids.push_back(insert(sample.whole, sample.fraction, sample.words));
  }
  for (std::size_t i = 0; i < ids.size(); ++i) {
    Row row = fetch(ids[i]);
    EXPECT_EQ(row.integer(0), samples[i].whole);
    EXPECT_EQ(std::get<std::int64_t>(row.value(0)), samples[i].whole);
    EXPECT_EQ(row.real(1), samples[i].fraction);  // exact round trip, not approximate
    EXPECT_TRUE(std::holds_alternative<double>(row.value(1)));
    EXPECT_EQ(row.text(2), samples[i].words);
  }
  // The table survived the metacharacters.
  EXPECT_EQ(database_->read([](Connection& c) {
    return c.query_one("SELECT COUNT(*) FROM sample")->integer(0);
  }),
            static_cast<std::int64_t>(std::size(samples)));
}

TEST_P(Crud, StoresNullsAndTellsThemFromEmptyText) {
  std::int64_t nulls = insert(nullptr, nullptr, nullptr);
  std::int64_t empty = insert(nullable(std::optional<std::int64_t>(0)), 0.0,
                              nullable(std::optional<std::string>("")));
  Row null_row = fetch(nulls);
  EXPECT_TRUE(null_row.is_null(0));
  EXPECT_TRUE(null_row.is_null(1));
  EXPECT_TRUE(null_row.is_null(2));
  EXPECT_EQ(null_row.optional_text(2), std::nullopt);
  Row empty_row = fetch(empty);
  EXPECT_FALSE(empty_row.is_null(2));
  EXPECT_EQ(empty_row.optional_text(2), std::optional<std::string>(""));
  EXPECT_EQ(database_->read([](Connection& c) {
    return c.query_one("SELECT COUNT(*) FROM sample WHERE words IS NULL")->integer(0);
  }),
            1);
}

TEST_P(Crud, ReturningIdsGrow) {
  std::int64_t first = insert(std::int64_t{1}, 1.0, "a");
  std::int64_t second = insert(std::int64_t{2}, 2.0, "b");
  EXPECT_GT(first, 0);
  EXPECT_GT(second, first);
}

TEST_P(Crud, ExecuteCountsChangedRows) {
  for (int i = 0; i < 5; ++i) insert(std::int64_t{i}, 0.5, "row");
  database_->write([](Connection& c) {
    EXPECT_EQ(c.execute("UPDATE sample SET words = ? WHERE whole >= ?", {"big", std::int64_t{3}}),
              2);
    EXPECT_EQ(c.execute("UPDATE sample SET words = ? WHERE whole > ?", {"none", std::int64_t{99}}),
              0);
    EXPECT_EQ(c.execute("CREATE TABLE other (x BIGINT)"), 0);  // DDL reports nothing changed
    EXPECT_EQ(c.execute("DELETE FROM sample WHERE words = ?", {"row"}), 3);
  });
  EXPECT_EQ(database_->read([](Connection& c) {
    return c.query_one("SELECT COUNT(*) FROM sample")->integer(0);
  }),
            2);
}

TEST_P(Crud, QueryOneIsEmptyWhenNothingMatches) {
  database_->read([](Connection& c) {
    EXPECT_EQ(c.query_one("SELECT id FROM sample WHERE id = ?", {std::int64_t{12345}}),
              std::nullopt);
    EXPECT_TRUE(c.query("SELECT id FROM sample").empty());
  });
}

TEST_P(Crud, ForEachStreamsRowsInOrder) {
  for (int i = 0; i < 300; ++i) insert(std::int64_t{i}, i * 0.5, "row " + std::to_string(i));
  std::vector<std::int64_t> seen;
  database_->read([&](Connection& c) {
    c.for_each("SELECT whole, words FROM sample WHERE whole >= ? ORDER BY whole",
               {std::int64_t{100}}, [&](const Row& row) {
                 EXPECT_EQ(row.text(1), "row " + std::to_string(row.integer(0)));
                 seen.push_back(row.integer(0));
               });
  });
  ASSERT_EQ(seen.size(), 200u);
  for (std::size_t i = 0; i < seen.size(); ++i) EXPECT_EQ(seen[i], 100 + std::int64_t(i));
}

TEST_P(Crud, ForEachPassesOnACallbackErrorAndTheConnectionStaysUsable) {
  for (int i = 0; i < 50; ++i) insert(std::int64_t{i}, 0.0, "x");
  Lease lease = database_->acquire(false);
  int delivered = 0;
  EXPECT_THROW(lease->for_each("SELECT whole FROM sample ORDER BY whole", {},
                               [&](const Row& row) {
                                 ++delivered;
                                 if (row.integer(0) == 9) throw std::runtime_error("stop here");
                               }),
               std::runtime_error);
  EXPECT_EQ(delivered, 10);
  EXPECT_TRUE(lease->healthy());
  EXPECT_EQ(lease->query_one("SELECT COUNT(*) FROM sample")->integer(0), 50);
}

TEST_P(Crud, ReusesTheSameStatementWithNewParameters) {
  for (int i = 0; i < 20; ++i) insert(std::int64_t{i}, 0.0, "n" + std::to_string(i));
  database_->read([](Connection& c) {
    for (int i = 0; i < 20; ++i) {
      auto row = c.query_one("SELECT words FROM sample WHERE whole = ?", {std::int64_t{i}});
      ASSERT_TRUE(row.has_value());
      EXPECT_EQ(row->text(0), "n" + std::to_string(i));
    }
  });
}

TEST_P(Crud, WrongParameterCountIsAnInternalError) {
  expect_error(
      [&] {
        database_->read([](Connection& c) {
          c.query("SELECT id FROM sample WHERE whole = ? AND words = ?", {std::int64_t{1}});
        });
      },
      ErrorKind::internal, "database_error");
}

TEST_P(Crud, TextWithNulIsRefusedTheSameWayOnBothEngines) {
  expect_error([&] { insert(std::int64_t{1}, 0.0, std::string("a\0b", 3)); }, ErrorKind::validation,
               "invalid_text");
}

TEST_P(Crud, EngineErrorsStayOutOfUserMessages) {
  CaughtError error = expect_error(
      [&] { database_->read([](Connection& c) { c.query("SELECT no_such_column FROM sample"); }); },
      ErrorKind::internal, "database_error");
  EXPECT_EQ(error.message.en, "An internal error occurred");
  EXPECT_EQ(error.message.en.find("no_such_column"), std::string::npos);
  EXPECT_EQ(error.message.th.find("no_such_column"), std::string::npos);
  EXPECT_NE(error.what.find("no_such_column"), std::string::npos);
}

TEST_P(Crud, ExecuteScriptRunsSeveralStatements) {
  database_->write([](Connection& c) {
    c.execute_script(
        "INSERT INTO sample (whole, words) VALUES (1, 'a');"
        "INSERT INTO sample (whole, words) VALUES (2, 'b; still text');");
  });
  EXPECT_EQ(database_->read([](Connection& c) {
    return c.query_one("SELECT words FROM sample WHERE whole = 2")->text(0);
  }),
            "b; still text");
}

TEST_P(Crud, PingAnswers) { EXPECT_TRUE(database_->ping()); }

INSTANTIATE_TEST_SUITE_P(Engines, Crud, ::testing::Values(Engine::sqlite, Engine::postgres),
                         testing::engine_name);

}  // namespace
}  // namespace changwat::db
