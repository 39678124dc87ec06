#include "db/dialect.hpp"

#include "db/database_error.hpp"

namespace changwat::db {
namespace {

std::string_view trim(std::string_view text) {
  constexpr std::string_view blanks = " \t\r";
  std::size_t first = text.find_first_not_of(blanks);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(blanks) - first + 1);
}

std::string_view id_column(Engine engine) {
  return engine == Engine::sqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "BIGSERIAL PRIMARY KEY";
}

[[noreturn]] void throw_bad_dialect(std::string_view source, int line, std::string why) {
  throw_internal(std::string(source) + ":" + std::to_string(line) + ": " + why);
}

// Replaces {{ID}}; any other {{…}} is a typo that must not reach the database.
void append_rendered_line(std::string& out, std::string_view line, Engine engine,
                          std::string_view source, int line_number) {
  std::size_t start = 0;
  while (true) {
    std::size_t open = line.find("{{", start);
    if (open == std::string_view::npos) break;
    std::size_t close = line.find("}}", open);
    if (close == std::string_view::npos) {
      throw_bad_dialect(source, line_number, "unclosed {{ token");
    }
    std::string_view token = line.substr(open + 2, close - open - 2);
    if (token != "ID") {
      throw_bad_dialect(source, line_number, "unknown token {{" + std::string(token) + "}}");
    }
    out.append(line.substr(start, open - start));
    out.append(id_column(engine));
    start = close + 2;
  }
  out.append(line.substr(start));
}

}  // namespace

std::string render_dialect(std::string_view sql, Engine engine, std::string_view source) {
  std::string out;
  out.reserve(sql.size() + 64);
  bool in_block = false;  // inside --@sqlite / --@postgres
  Engine block_engine = engine;
  int block_start = 0;
  int line_number = 0;
  std::size_t position = 0;
  while (position < sql.size()) {
    std::size_t newline = sql.find('\n', position);
    std::size_t end = newline == std::string_view::npos ? sql.size() : newline;
    std::string_view line = sql.substr(position, end - position);
    ++line_number;

    std::string_view marker = trim(line);
    if (marker.starts_with("--@")) {
      if (marker == "--@sqlite" || marker == "--@postgres") {
        if (in_block) {
          throw_bad_dialect(
              source, line_number,
              "blocks cannot nest (open since line " + std::to_string(block_start) + ")");
        }
        in_block = true;
        block_engine = marker == "--@sqlite" ? Engine::sqlite : Engine::postgres;
        block_start = line_number;
      } else if (marker == "--@end") {
        if (!in_block) throw_bad_dialect(source, line_number, "--@end without an open block");
        in_block = false;
      } else {
        throw_bad_dialect(source, line_number, "unknown marker " + std::string(marker));
      }
    } else if (!in_block || block_engine == engine) {
      append_rendered_line(out, line, engine, source, line_number);
    }
    if (newline != std::string_view::npos) out += '\n';
    position = end + 1;
  }
  if (in_block) {
    throw_bad_dialect(source, block_start, "block is not closed with --@end");
  }
  return out;
}

}  // namespace changwat::db
