#pragma once
// The notification outbox: a domain module that wants someone told of a change (a
// directive assigned to an agency, a finding, a warning, an answer to a comment)
// calls enqueue() inside the transaction that makes the change. The message is
// stored with the change (both commit or neither does) and fanned out there to the
// users who chose its topic: the in-app list at once, e-mail and LINE as deliveries
// the background worker (delivery.hpp) sends later with retries. Nothing is sent
// inside the transaction, so a mail server or LINE being down never blocks or
// undoes the change that caused the message (docs/decisions/0014-*.md).
//
//   notifications::enqueue(connection, {.topic = notifications::Topic::directive_assigned,
//                                       .province_code = directive.province_code,
//                                       .agency_code = directive.agency,
//                                       .user_id = std::nullopt,
//                                       .subject_th = "ข้อสั่งการใหม่ …",
//                                       .body_th = "…",
//                                       .link = "/follow-up/directives/12"});
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/enum_names.hpp"
#include "db/database.hpp"

namespace changwat::notifications {

// What a message is about; a user chooses topics and channels (preferences.hpp).
enum class Topic { directive_assigned, finding_entered, warning, comment_answered };
inline constexpr EnumNames<Topic, 4> kTopicNames{
    {"directive_assigned", "finding_entered", "warning", "comment_answered"}};
inline constexpr EnumNames<Topic, 4> kTopicLabels{
    {"ข้อสั่งการที่มอบให้หน่วยงาน", "ข้อตรวจพบ", "คำเตือน", "คำตอบความคิดเห็น"}};
std::optional<Topic> parse_topic(std::string_view name);

struct Notification {
  Topic topic = Topic::warning;
  std::string province_code;
  // Who is told: every user of an agency who chose the topic (and the agency's LINE
  // group, when one is linked), or one user. Exactly one of the two is set.
  std::optional<std::string> agency_code;
  std::optional<std::int64_t> user_id;
  std::string subject_th;  // one line
  std::string body_th;
  std::string link;  // a path in the app ("/follow-up/directives/12"), or empty
};

// Stores the message and its deliveries on `connection`, the caller's write
// transaction; returns the message's id. A message nobody chose to receive is still
// stored (it is the record that the change was announced). Throws Error(internal)
// when neither or both targets are set, or the subject is empty.
std::int64_t enqueue(db::Connection& connection, const Notification& notification);

}  // namespace changwat::notifications
