#include "http/metrics.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <thread>
#include <vector>

namespace changwat::http {
namespace {

// The value of the exposition line that starts with `series` ("name{labels}").
std::optional<double> sample(const std::string& text, const std::string& series) {
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line))
    if (line.starts_with(series + " ")) return std::stod(line.substr(series.size() + 1));
  return std::nullopt;
}

TEST(Metrics, CountsRequestsByRouteMethodAndStatus) {
  Metrics metrics;
  metrics.observe("/api/v1/areas/{code}", "GET", 200, 0.002);
  metrics.observe("/api/v1/areas/{code}", "GET", 200, 0.004);
  metrics.observe("/api/v1/areas/{code}", "GET", 404, 0.001);
  metrics.observe("/api/v1/plans", "POST", 201, 0.3);
  std::string text = metrics.render();
  EXPECT_EQ(
      sample(
          text,
          R"(changwat_http_requests_total{route="/api/v1/areas/{code}",method="GET",status="200"})"),
      2);
  EXPECT_EQ(
      sample(
          text,
          R"(changwat_http_requests_total{route="/api/v1/areas/{code}",method="GET",status="404"})"),
      1);
  EXPECT_EQ(
      sample(text,
             R"(changwat_http_requests_total{route="/api/v1/plans",method="POST",status="201"})"),
      1);
  EXPECT_NE(text.find("# TYPE changwat_http_requests_total counter\n"), std::string::npos);
  EXPECT_NE(text.find("# TYPE changwat_http_request_duration_seconds histogram\n"),
            std::string::npos);
}

TEST(Metrics, HistogramBucketsAreCumulative) {
  Metrics metrics;
  metrics.observe("/x", "GET", 200, 0.0005);  // <= 0.001
  metrics.observe("/x", "GET", 200, 0.003);   // <= 0.005
  metrics.observe("/x", "GET", 200, 0.7);     // <= 1
  metrics.observe("/x", "GET", 200, 30);      // only +Inf
  std::string text = metrics.render();
  std::string prefix =
      R"(changwat_http_request_duration_seconds_bucket{route="/x",method="GET",le=")";
  EXPECT_EQ(sample(text, prefix + "0.001\"}"), 1);
  EXPECT_EQ(sample(text, prefix + "0.0025\"}"), 1);
  EXPECT_EQ(sample(text, prefix + "0.005\"}"), 2);
  EXPECT_EQ(sample(text, prefix + "0.5\"}"), 2);
  EXPECT_EQ(sample(text, prefix + "1\"}"), 3);
  EXPECT_EQ(sample(text, prefix + "10\"}"), 3);
  EXPECT_EQ(sample(text, prefix + "+Inf\"}"), 4);
  EXPECT_EQ(
      sample(text, R"(changwat_http_request_duration_seconds_count{route="/x",method="GET"})"), 4);
  EXPECT_NEAR(
      *sample(text, R"(changwat_http_request_duration_seconds_sum{route="/x",method="GET"})"),
      30.7035, 1e-9);
}

TEST(Metrics, InFlightGaugeAndProviders) {
  Metrics metrics;
  metrics.request_started();
  metrics.request_started();
  metrics.request_finished();
  metrics.add_provider([] { return std::string("changwat_db_pool_idle 3"); });
  metrics.add_provider([] { return std::string("changwat_db_pool_busy 1\n"); });
  std::string text = metrics.render();
  EXPECT_EQ(sample(text, "changwat_http_requests_in_flight"), 1);
  EXPECT_EQ(sample(text, "changwat_db_pool_idle"), 3);
  EXPECT_EQ(sample(text, "changwat_db_pool_busy"), 1);
  EXPECT_EQ(text.back(), '\n');
}

TEST(Metrics, LabelValuesAreEscaped) {
  Metrics metrics;
  metrics.observe("/odd\"route\\\n", "GET", 200, 0.01);
  std::string text = metrics.render();
  EXPECT_NE(text.find(R"(route="/odd\"route\\\n")"), std::string::npos);
}

TEST(Metrics, ObserveIsThreadSafe) {
  Metrics metrics;
  constexpr int kThreads = 4;
  constexpr int kPerThread = 5000;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&metrics, t] {
      for (int i = 0; i < kPerThread; ++i)
        metrics.observe(t % 2 ? "/a" : "/b", "GET", 200, 0.001 * (i % 7));
    });
  for (auto& thread : threads) thread.join();
  std::string text = metrics.render();
  double a = *sample(text, R"(changwat_http_requests_total{route="/a",method="GET",status="200"})");
  double b = *sample(text, R"(changwat_http_requests_total{route="/b",method="GET",status="200"})");
  EXPECT_EQ(a + b, kThreads * kPerThread);
  EXPECT_EQ(a, b);
}

}  // namespace
}  // namespace changwat::http
