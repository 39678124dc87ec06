#pragma once
// A fixed set of connections shared by threads. take_within() waits on a
// condition variable until one is free, so a burst of requests queues instead of
// opening more connections than the database (or SQLite's single writer) allows;
// the wait has a limit, so a stuck holder costs the waiters an error, never the
// whole server.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

namespace changwat::db {

struct PoolCounts {
  int total = 0;
  int in_use = 0;
  std::int64_t waits = 0;
  std::int64_t timeouts = 0;
};

template <class ConnectionType>
class ConnectionPool {
 public:
  explicit ConnectionPool(std::vector<std::unique_ptr<ConnectionType>> connections)
      : connections_(std::move(connections)) {
    for (auto& connection : connections_) idle_.push_back(connection.get());
  }
  ConnectionPool(const ConnectionPool&) = delete;
  ConnectionPool& operator=(const ConnectionPool&) = delete;

  // A free connection, waiting for one at most `limit`; nullptr (and a counted
  // timeout) if none came free in time.
  ConnectionType* take_within(std::chrono::milliseconds limit) {
    std::unique_lock lock(mutex_);
    if (idle_.empty()) {
      ++waits_;
      if (!freed_.wait_for(lock, limit, [this] { return !idle_.empty(); })) {
        ++timeouts_;
        return nullptr;
      }
    }
    return &pop_idle();
  }

  void give_back(ConnectionType& connection) {
    {
      std::lock_guard lock(mutex_);
      idle_.push_back(&connection);
    }
    freed_.notify_one();
  }

  // A taken connection that was lost (server restart, a file that went away) is
  // restored with `restore` before use; if that fails it goes back to the pool and
  // the error goes on to the caller.
  template <class Restore>
  void restore_if_lost(ConnectionType& connection, Restore restore) {
    if (connection.healthy()) return;
    try {
      restore();
    } catch (...) {
      give_back(connection);
      throw;
    }
  }

  PoolCounts counts() const {
    std::lock_guard lock(mutex_);
    int total = static_cast<int>(connections_.size());
    return {total, total - static_cast<int>(idle_.size()), waits_, timeouts_};
  }

 private:
  ConnectionType& pop_idle() {
    ConnectionType* connection = idle_.back();
    idle_.pop_back();
    return *connection;
  }

  mutable std::mutex mutex_;
  std::condition_variable freed_;
  std::vector<std::unique_ptr<ConnectionType>> connections_;
  std::vector<ConnectionType*> idle_;
  std::int64_t waits_ = 0;
  std::int64_t timeouts_ = 0;
};

}  // namespace changwat::db
