#pragma once
// The audit log: every change is recorded in the same transaction as the change
// (who, when, from which address, entity, before -> after). Append-only: no API
// edits or deletes it.
#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/principal.hpp"
#include "db/database.hpp"

namespace changwat::audit {

// Call inside the transaction that makes the change. `action` is "create",
// "update", "delete", "approve", …; before/after are null for create/delete.
// The entry belongs to the signed-in user's province; without a signed-in user (the
// command line, the public form) to the deployment's only province, and an internal
// error says to use record_in when the deployment serves several.
void record(db::Connection& transaction, const Actor& actor, std::string_view entity,
            std::string_view entity_id, std::string_view action, const boost::json::value& before,
            const boost::json::value& after);
// The same, in the province of the changed record (for callers that may have no
// signed-in user: it keeps a multi-province deployment's log apart).
void record_in(db::Connection& transaction, std::string_view province_code, const Actor& actor,
               std::string_view entity, std::string_view entity_id, std::string_view action,
               const boost::json::value& before, const boost::json::value& after);

struct Entry {
  std::int64_t id = 0;
  std::optional<std::string> username;  // null for anonymous (public forms)
  // The user's display name; "ผู้ดูแลระบบ (คำสั่ง)" for the command line; null for
  // anonymous.
  std::optional<std::string> user_name;
  std::string at;  // ISO 8601 UTC
  std::string address;
  std::string entity;
  std::string entity_id;
  std::string action;
  std::string before_json;
  std::string after_json;
};

struct Filter {
  // Stored entity names (any of them); empty: every entity.
  std::vector<std::string> entities;
  // A username, or part of a display name.
  std::optional<std::string> username;
  // Stamps (UTC, as stored): from `from_at` on, before `before_at`. The API turns
  // days in Thailand into these (thai/timestamp.hpp).
  std::optional<std::string> from_at;
  std::optional<std::string> before_at;
  std::int64_t limit = 100;
  std::optional<std::int64_t> before_id;  // paging: entries older than this id
};

// What people read for an action of the command line (audit log, documents).
inline constexpr std::string_view kCommandLineName = "ผู้ดูแลระบบ (คำสั่ง)";

// The name people read for who did something, from the username a record keeps
// (approved_by, created_by …): the user's display name, kCommandLineName for the
// command line ("command-line"), else the text itself.
std::string person_name(db::Connection& connection, std::string_view username);

// Every entry about one record, oldest first, inside the caller's transaction. No
// rights check: the caller shows only what its reader may see (a citizen following
// a receipt sees the status changes of their need, never who made them).
std::vector<Entry> entries_for(db::Connection& connection, std::string_view entity,
                               std::string_view entity_id);

// admin and auditor only; newest first.
std::vector<Entry> search(db::Database& database, const Actor& actor, const Filter& filter);

}  // namespace changwat::audit
