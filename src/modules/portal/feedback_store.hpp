#pragma once
// SQL of portal_feedback and portal_setting.
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "db/database.hpp"
#include "modules/portal/model.hpp"

namespace changwat::portal {

// What is stored with a new feedback besides its fields.
struct FeedbackRecord {
  Feedback feedback;
  std::string receipt_hash;                 // SHA-256 of the receipt
  std::optional<std::string> address_hash;  // public posts: the hourly limit
  std::optional<std::string> form_nonce;    // public posts: single use
};

class FeedbackStore {
 public:
  explicit FeedbackStore(db::Connection& connection) : connection_(connection) {}

  std::int64_t insert(const FeedbackRecord& record);
  std::optional<Feedback> find(std::int64_t id);
  std::optional<Feedback> find_by_receipt_hash(const std::string& receipt_hash);
  std::optional<Feedback> find_by_demo_key(const std::string& demo_key);
  bool form_nonce_used(const std::string& nonce);
  // Posts from one address hash since `since` (ISO UTC), any status.
  std::int64_t count_from_address_since(const std::string& address_hash, const std::string& since);
  // A province's feedback of one status, oldest first.
  std::vector<Feedback> list(const std::string& province_code, FeedbackStatus status,
                             std::int64_t limit, std::int64_t offset);
  // Approved feedback of a project, newest first.
  std::vector<Feedback> approved_for(std::int64_t element_id, std::int64_t limit);
  // Approved feedback of a province (it only grows: approval is final).
  std::int64_t count_approved(const std::string& province_code);
  // Average and count of approved ratings by project, for a province.
  std::unordered_map<std::int64_t, Rating> ratings(const std::string& province_code);
  // Conditional on `feedback.version` (the stored one); false when stale.
  bool save(const Feedback& feedback);

  // The portal's HMAC key (created by the first server that asks).
  std::string secret_or_create(const std::string& value_if_missing);

 private:
  db::Connection& connection_;
};

}  // namespace changwat::portal
