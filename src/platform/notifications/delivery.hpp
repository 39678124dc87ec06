#pragma once
// The notification worker: a background thread that sends the outbox's e-mail and
// LINE deliveries. Each due delivery is claimed with a conditional update (so several
// servers never send one twice), sent outside any transaction, then marked sent, or
// put back with a doubling wait (config.retry_base, 2×, 4×, … at most an hour), or
// failed after config.max_attempts or a refusal that retrying cannot mend. LINE pushes
// are counted per month; at the plan's quota the rest of the month's LINE deliveries
// are marked over_quota (and logged) instead of sent.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

#include "db/database.hpp"
#include "platform/notifications/config.hpp"

namespace changwat::notifications {

class DeliveryWorker {
 public:
  DeliveryWorker(db::Database& database, ChannelConfig config);
  ~DeliveryWorker();  // stops and joins
  DeliveryWorker(const DeliveryWorker&) = delete;
  DeliveryWorker& operator=(const DeliveryWorker&) = delete;

  void start();
  void stop();
  // Sends what is due now, at most `limit`; returns how many were tried (benchmarks,
  // tests, and the thread's loop).
  std::int64_t drain_once(std::int64_t limit = 100);

 private:
  struct Due;
  void run();
  void send(const Due& due);
  // Takes one LINE push from this month's quota; false when it is used up.
  bool take_line_push();

  db::Database& database_;
  ChannelConfig config_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
};

}  // namespace changwat::notifications
