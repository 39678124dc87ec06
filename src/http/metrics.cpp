#include "http/metrics.hpp"

#include <fmt/format.h>

#include <array>
#include <atomic>
#include <map>
#include <mutex>
#include <tuple>
#include <vector>

namespace changwat::http {
namespace {

// Seconds; from a cached read (1 ms) to a slow export (10 s).
constexpr std::array<double, 13> kBuckets{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
                                          0.25,  0.5,    1.0,   2.5,  5.0,   10.0};

struct Histogram {
  std::array<std::uint64_t, kBuckets.size()> counts{};  // per bucket, not cumulative
  std::uint64_t count = 0;
  double sum = 0;
};

// Prometheus label values escape backslash, double quote and newline.
std::string escape(std::string_view value) {
  std::string escaped;
  escaped.reserve(value.size());
  for (char c : value) {
    if (c == '\\')
      escaped += "\\\\";
    else if (c == '"')
      escaped += "\\\"";
    else if (c == '\n')
      escaped += "\\n";
    else
      escaped += c;
  }
  return escaped;
}

std::string format_double(double value) { return fmt::format("{}", value); }

}  // namespace

struct Metrics::Impl {
  mutable std::mutex mutex;
  // route, method, status -> count
  std::map<std::tuple<std::string, std::string, int>, std::uint64_t, std::less<>> requests;
  // route, method -> latency
  std::map<std::tuple<std::string, std::string>, Histogram, std::less<>> durations;
  std::vector<std::function<std::string()>> providers;
  std::atomic<long> in_flight{0};
  std::atomic<long> open_connections{0};
  std::atomic<std::uint64_t> evicted{0};
  std::atomic<std::uint64_t> refused{0};
};

Metrics::Metrics() : impl_(std::make_unique<Impl>()) {}
Metrics::~Metrics() = default;

void Metrics::observe(std::string_view route, std::string_view method, int status, double seconds) {
  std::size_t bucket = 0;
  while (bucket < kBuckets.size() && seconds > kBuckets[bucket]) ++bucket;
  // Look up by views first: after warm-up no request allocates here.
  auto request_key = std::make_tuple(route, method, status);
  auto duration_key = std::make_tuple(route, method);
  std::lock_guard lock(impl_->mutex);
  auto counter = impl_->requests.find(request_key);
  if (counter == impl_->requests.end())
    counter =
        impl_->requests.emplace(std::make_tuple(std::string(route), std::string(method), status), 0)
            .first;
  ++counter->second;
  auto found = impl_->durations.find(duration_key);
  if (found == impl_->durations.end())
    found = impl_->durations
                .emplace(std::make_tuple(std::string(route), std::string(method)), Histogram{})
                .first;
  Histogram& histogram = found->second;
  if (bucket < kBuckets.size()) ++histogram.counts[bucket];
  ++histogram.count;
  histogram.sum += seconds;
}

void Metrics::observe(std::string_view route, int status, double seconds) {
  observe(route, "", status, seconds);
}

void Metrics::request_started() { impl_->in_flight.fetch_add(1, std::memory_order_relaxed); }
void Metrics::request_finished() { impl_->in_flight.fetch_sub(1, std::memory_order_relaxed); }
long Metrics::in_flight() const { return impl_->in_flight.load(std::memory_order_relaxed); }

void Metrics::connection_opened() {
  impl_->open_connections.fetch_add(1, std::memory_order_relaxed);
}
void Metrics::connection_closed() {
  impl_->open_connections.fetch_sub(1, std::memory_order_relaxed);
}
void Metrics::connection_evicted() { impl_->evicted.fetch_add(1, std::memory_order_relaxed); }
void Metrics::connection_refused() { impl_->refused.fetch_add(1, std::memory_order_relaxed); }
long Metrics::open_connections() const {
  return impl_->open_connections.load(std::memory_order_relaxed);
}

void Metrics::add_provider(std::function<std::string()> provider) {
  std::lock_guard lock(impl_->mutex);
  impl_->providers.push_back(std::move(provider));
}

std::string Metrics::render() const {
  std::string out;
  std::vector<std::function<std::string()>> providers;
  {
    std::lock_guard lock(impl_->mutex);
    out +=
        "# HELP changwat_http_requests_total HTTP requests answered, by route pattern, method "
        "and status.\n# TYPE changwat_http_requests_total counter\n";
    for (const auto& [key, count] : impl_->requests) {
      const auto& [route, method, status] = key;
      out += fmt::format(
          "changwat_http_requests_total{{route=\"{}\",method=\"{}\",status=\"{}\"}} {}\n",
          escape(route), escape(method), status, count);
    }
    out +=
        "# HELP changwat_http_request_duration_seconds Time from a parsed request to its "
        "written response.\n# TYPE changwat_http_request_duration_seconds histogram\n";
    for (const auto& [key, histogram] : impl_->durations) {
      std::string labels = fmt::format("route=\"{}\",method=\"{}\"", escape(std::get<0>(key)),
                                       escape(std::get<1>(key)));
      std::uint64_t cumulative = 0;
      for (std::size_t i = 0; i < kBuckets.size(); ++i) {
        cumulative += histogram.counts[i];
        out += fmt::format("changwat_http_request_duration_seconds_bucket{{{},le=\"{}\"}} {}\n",
                           labels, format_double(kBuckets[i]), cumulative);
      }
      out += fmt::format("changwat_http_request_duration_seconds_bucket{{{},le=\"+Inf\"}} {}\n",
                         labels, histogram.count);
      out += fmt::format("changwat_http_request_duration_seconds_sum{{{}}} {}\n", labels,
                         format_double(histogram.sum));
      out += fmt::format("changwat_http_request_duration_seconds_count{{{}}} {}\n", labels,
                         histogram.count);
    }
    providers = impl_->providers;
  }
  out +=
      "# HELP changwat_http_requests_in_flight Requests being handled now.\n"
      "# TYPE changwat_http_requests_in_flight gauge\n";
  out += fmt::format("changwat_http_requests_in_flight {}\n", in_flight());
  out +=
      "# HELP changwat_http_connections_open Client connections open now.\n"
      "# TYPE changwat_http_connections_open gauge\n";
  out += fmt::format("changwat_http_connections_open {}\n", open_connections());
  out +=
      "# HELP changwat_http_connections_shed_total Connections closed to stay within the "
      "connection caps: an idle one evicted for a newcomer, or a newcomer refused with 503.\n"
      "# TYPE changwat_http_connections_shed_total counter\n";
  out += fmt::format("changwat_http_connections_shed_total{{reason=\"evicted\"}} {}\n",
                     impl_->evicted.load(std::memory_order_relaxed));
  out += fmt::format("changwat_http_connections_shed_total{{reason=\"refused\"}} {}\n",
                     impl_->refused.load(std::memory_order_relaxed));
  // Providers run outside the lock: they may take their own locks (db pool).
  for (const auto& provider : providers) {
    std::string text = provider();
    if (text.empty()) continue;
    out += text;
    if (out.back() != '\n') out += '\n';
  }
  return out;
}

}  // namespace changwat::http
