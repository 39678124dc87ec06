#pragma once
// Stores write `?` placeholders (SQLite's syntax); PostgreSQL wants $1..$n.
#include <string>
#include <string_view>

namespace changwat::db::postgres {

struct NumberedSql {
  std::string text;
  int parameter_count = 0;
};

// Replaces each `?` with $1, $2, … in order, except inside '…' and E'…' strings,
// "…" identifiers, $tag$…$tag$ bodies and -- or /* */ comments. PostgreSQL's
// jsonb `?` operators are therefore not usable in store SQL (use the
// jsonb_exists function instead).
NumberedSql number_placeholders(std::string_view sql);

}  // namespace changwat::db::postgres
