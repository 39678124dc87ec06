#include "db/postgres/placeholders.hpp"

#include <gtest/gtest.h>

namespace changwat::db::postgres {
namespace {

TEST(Placeholders, NumbersEachQuestionMarkInOrder) {
  NumberedSql numbered = number_placeholders("UPDATE t SET a = ?, b = ? WHERE id = ? AND v = ?");
  EXPECT_EQ(numbered.text, "UPDATE t SET a = $1, b = $2 WHERE id = $3 AND v = $4");
  EXPECT_EQ(numbered.parameter_count, 4);
}

TEST(Placeholders, LeavesQuotedTextAndCommentsAlone) {
  struct Case {
    const char* sql;
    const char* expected;
    int count;
  };
  for (const Case& c : {
           Case{"SELECT '?', ?", "SELECT '?', $1", 1},
           Case{"SELECT 'it''s ?' || ?", "SELECT 'it''s ?' || $1", 1},
           Case{"SELECT E'\\' ?' , ?", "SELECT E'\\' ?' , $1", 1},
           Case{"SELECT \"odd?name\" FROM t WHERE x = ?", "SELECT \"odd?name\" FROM t WHERE x = $1",
                1},
           Case{"SELECT ? -- why?\n, ?", "SELECT $1 -- why?\n, $2", 2},
           Case{"SELECT /* a /* nested? */ b? */ ?", "SELECT /* a /* nested? */ b? */ $1", 1},
           Case{"SELECT $$ what? $$, $tag$ ?'$$ $tag$, ?",
                "SELECT $$ what? $$, $tag$ ?'$$ $tag$, $1", 1},
           Case{"SELECT 'ตราด?' , ?", "SELECT 'ตราด?' , $1", 1},
           Case{"SELECT 1", "SELECT 1", 0},
       }) {
    NumberedSql numbered = number_placeholders(c.sql);
    EXPECT_EQ(numbered.text, c.expected) << c.sql;
    EXPECT_EQ(numbered.parameter_count, c.count) << c.sql;
  }
}

TEST(Placeholders, SurvivesUnterminatedQuotes) {
  // The server reports the syntax error; the rewrite must just not crash or loop.
  EXPECT_EQ(number_placeholders("SELECT ?, 'open ?").text, "SELECT $1, 'open ?");
  EXPECT_EQ(number_placeholders("SELECT $x$ ?").parameter_count, 0);
}

}  // namespace
}  // namespace changwat::db::postgres
