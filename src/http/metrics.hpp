#pragma once
// Prometheus text metrics: requests by route and status, latency histogram, and
// gauges contributed by other parts (database pool) through providers.
#include <functional>
#include <memory>
#include <string>

namespace changwat::http {

class Metrics {
 public:
  Metrics();
  ~Metrics();
  // Thread-safe; called by the server after each response.
  void observe(const std::string& route, int status, double seconds);
  // Extra exposition text appended to render() (e.g. db pool gauges).
  void add_provider(std::function<std::string()> provider);
  std::string render() const;  // Prometheus text format 0.0.4

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace changwat::http
