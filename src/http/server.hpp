#pragma once
// The HTTP server (Boost.Beast + Asio, C++20 coroutines). Only server*.cpp include
// Beast/Asio. I/O threads parse, write and run Lane::fast routes (answers from
// memory); Lane::normal handlers run on a worker pool (database work never runs on
// an I/O thread); Lane::slow routes run on a separate low-priority pool.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "http/metrics.hpp"
#include "http/router.hpp"

namespace changwat::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  // 0 picks a free port
  // Threads that accept, read, write and run Lane::fast routes.
  int io_threads = 1;
  // Threads for Lane::normal routes (database work).
  int worker_threads = 4;
  // Threads for Lane::slow routes (Argon2id), at a lower CPU priority (nice
  // slow_nice) so hashing yields the cores to everything else.
  int slow_threads = 1;
  int slow_nice = 10;
  // Open connections at most, in total and per client address; 0 derives them
  // from the open-file limit (default_connection_limits). Over a cap the longest
  // idle keep-alive connection is closed to make room (of that address, or of any
  // address); when none is idle the new connection gets a 503 and is closed.
  std::size_t max_connections = 0;
  std::size_t max_connections_per_address = 0;
  std::size_t max_header_bytes = 16 * 1024;
  std::size_t max_body_bytes = 1024 * 1024;  // beyond -> 413
  std::chrono::seconds read_timeout{30};
  std::chrono::seconds idle_timeout{60};  // keep-alive
  // After stop(), in-flight requests get this long before connections are cut.
  std::chrono::milliseconds shutdown_grace{10'000};
  // Believe X-Forwarded-For / X-Forwarded-Proto (only behind your own proxy).
  bool trust_proxy = false;
  // Stop on SIGTERM/SIGINT; off for servers embedded in tests or tools.
  bool handle_signals = true;
};

struct ConnectionLimits {
  std::size_t total = 0;
  std::size_t per_address = 0;
};

// Caps that keep connections below an open-file limit: a reserve of descriptors
// stays free for the database (SQLite files, PostgreSQL sockets), static files,
// logs and the server's own (epoll, timers, acceptor): max(64, limit / 8). The
// total is at most kMaxDefaultConnections (memory, not descriptors, is the limit
// beyond that); one address may hold half of the total.
inline constexpr std::size_t kMaxDefaultConnections = 16384;
ConnectionLimits default_connection_limits(std::uint64_t open_file_limit);

// Raises this process's soft RLIMIT_NOFILE to its hard limit and returns the soft
// limit now in force (call once at start-up, before the Server is built).
std::uint64_t raise_open_file_limit();
// The soft RLIMIT_NOFILE in force now.
std::uint64_t open_file_limit();

class Server {
 public:
  Server(const Router& router, Metrics& metrics, ServerOptions options);
  ~Server();
  // Binds and listens; returns the actual port (useful with port 0). Throws
  // std::runtime_error naming the address if it is taken or invalid.
  std::uint16_t listen();
  // Serves until stop() or SIGTERM/SIGINT; in-flight requests finish first (up
  // to shutdown_grace), then returns. Calls listen() first if it was not called.
  void run();
  // Thread-safe; may be called before or during run().
  void stop();
  // The connection caps in force (options or derived).
  ConnectionLimits connection_limits() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace changwat::http
