#pragma once
// Prometheus text metrics: requests by route and status, latency histogram, and
// gauges contributed by other parts (database pool) through providers.
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace changwat::http {

class Metrics {
 public:
  Metrics();
  ~Metrics();
  // Thread-safe; called by the server after each response. `route` is the route
  // pattern (bounded label set), `method` the request method name.
  void observe(std::string_view route, std::string_view method, int status, double seconds);
  // Same, for callers without a method: recorded with method="".
  void observe(std::string_view route, int status, double seconds);
  // The in-flight gauge: the server calls these around each request.
  void request_started();
  void request_finished();
  long in_flight() const;
  // Connections: the server counts them as they open and close, and those closed
  // to stay within its caps (an idle one evicted for a newcomer, or a newcomer
  // refused with 503 because every connection was busy).
  void connection_opened();
  void connection_closed();
  void connection_evicted();
  void connection_refused();
  long open_connections() const;
  // Extra exposition text appended to render() (e.g. db pool gauges).
  void add_provider(std::function<std::string()> provider);
  std::string render() const;  // Prometheus text format 0.0.4

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace changwat::http
