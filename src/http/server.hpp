#pragma once
// The HTTP server (Boost.Beast + Asio, C++20 coroutines). Only server*.cpp include
// Beast/Asio. I/O threads parse and write; handlers run on a worker pool (database
// work never runs on an I/O thread); Lane::slow routes run on a separate pool.
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
  int io_threads = 1;
  int worker_threads = 4;
  int slow_threads = 1;
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

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace changwat::http
