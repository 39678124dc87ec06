#include "db/postgres/placeholders.hpp"

#include <algorithm>
#include <cctype>

namespace changwat::db::postgres {
namespace {

bool is_identifier_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// Index just past a quoted run that starts at `start` (the opening quote).
// `backslash_escapes` is for E'…' strings; doubled quotes escape in all forms.
std::size_t skip_quoted(std::string_view sql, std::size_t start, char quote,
                        bool backslash_escapes) {
  std::size_t i = start + 1;
  while (i < sql.size()) {
    if (backslash_escapes && sql[i] == '\\') {
      i += 2;
    } else if (sql[i] == quote) {
      if (i + 1 < sql.size() && sql[i + 1] == quote) {
        i += 2;
      } else {
        return i + 1;
      }
    } else {
      ++i;
    }
  }
  return sql.size();
}

// PostgreSQL block comments nest.
std::size_t skip_block_comment(std::string_view sql, std::size_t start) {
  int depth = 0;
  std::size_t i = start;
  while (i < sql.size()) {
    if (sql.compare(i, 2, "/*") == 0) {
      ++depth;
      i += 2;
    } else if (sql.compare(i, 2, "*/") == 0) {
      i += 2;
      if (--depth == 0) return i;
    } else {
      ++i;
    }
  }
  return sql.size();
}

// If a dollar quote ($$ or $tag$) opens at `start`, the index past its end.
std::size_t skip_dollar_quoted(std::string_view sql, std::size_t start) {
  std::size_t i = start + 1;
  if (i < sql.size() && std::isdigit(static_cast<unsigned char>(sql[i]))) return start;  // $1
  while (i < sql.size() && is_identifier_char(sql[i])) ++i;
  if (i >= sql.size() || sql[i] != '$') return start;
  std::string_view tag = sql.substr(start, i - start + 1);
  std::size_t close = sql.find(tag, i + 1);
  return close == std::string_view::npos ? sql.size() : close + tag.size();
}

}  // namespace

NumberedSql number_placeholders(std::string_view sql) {
  NumberedSql result;
  result.text.reserve(sql.size() + 8);
  std::size_t i = 0;
  while (i < sql.size()) {
    char c = sql[i];
    std::size_t end = i + 1;
    if (c == '?') {
      result.text += '$';
      result.text += std::to_string(++result.parameter_count);
      i = end;
      continue;
    }
    bool after_identifier = i > 0 && is_identifier_char(sql[i - 1]);
    if (c == '\'') {
      bool escape_string = i > 0 && (sql[i - 1] == 'E' || sql[i - 1] == 'e') &&
                           !(i > 1 && is_identifier_char(sql[i - 2]));
      end = skip_quoted(sql, i, '\'', escape_string);
    } else if (c == '"') {
      end = skip_quoted(sql, i, '"', false);
    } else if (c == '-' && sql.compare(i, 2, "--") == 0) {
      std::size_t newline = sql.find('\n', i);
      end = newline == std::string_view::npos ? sql.size() : newline;
    } else if (c == '/' && sql.compare(i, 2, "/*") == 0) {
      end = skip_block_comment(sql, i);
    } else if (c == '$' && !after_identifier) {
      end = std::max(end, skip_dollar_quoted(sql, i));
    }
    result.text.append(sql.substr(i, end - i));
    i = end;
  }
  return result;
}

}  // namespace changwat::db::postgres
