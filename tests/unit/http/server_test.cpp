// Starts the real Server on a free port and talks HTTP to it with a Beast client.
#include "http/server.hpp"

#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json/parse.hpp>
#include <future>
#include <thread>

#include "http/compression.hpp"

namespace changwat::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace wire = boost::beast::http;
using tcp = asio::ip::tcp;
using namespace std::chrono_literals;

class RunningServer {
 public:
  RunningServer(const Router& router, ServerOptions options) {
    options.host = "127.0.0.1";
    options.port = 0;
    options.handle_signals = false;
    server_ = std::make_unique<Server>(router, metrics_, options);
    port_ = server_->listen();
    thread_ = std::thread([this] {
      io_thread_ = std::this_thread::get_id();
      server_->run();
    });
  }
  ~RunningServer() { stop_and_wait(); }

  void stop_and_wait() {
    if (!thread_.joinable()) return;
    server_->stop();
    thread_.join();
  }
  std::uint16_t port() const { return port_; }
  Metrics& metrics() { return metrics_; }
  ConnectionLimits limits() const { return server_->connection_limits(); }
  std::thread::id io_thread() const { return io_thread_; }

 private:
  Metrics metrics_;
  std::unique_ptr<Server> server_;
  std::uint16_t port_ = 0;
  std::thread thread_;
  std::atomic<std::thread::id> io_thread_;
};

class Client {
 public:
  explicit Client(std::uint16_t port) : socket_(io_) {
    socket_.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
    // A broken server must fail the test, not hang it.
    timeval timeout{10, 0};
    ::setsockopt(socket_.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  }

  wire::response<wire::string_body> send(wire::request<wire::string_body> request) {
    request.version(11);
    request.set(wire::field::host, "localhost");
    request.prepare_payload();
    wire::write(socket_, request);
    return receive();
  }

  wire::response<wire::string_body> get(
      std::string target, std::vector<std::pair<std::string, std::string>> headers = {}) {
    wire::request<wire::string_body> request{wire::verb::get, target, 11};
    for (auto& [name, value] : headers) request.set(name, value);
    return send(std::move(request));
  }

  void write_raw(std::string_view bytes) { asio::write(socket_, asio::buffer(bytes)); }

  wire::response<wire::string_body> receive(bool head = false) {
    wire::response_parser<wire::string_body> parser;
    parser.body_limit(64 * 1024 * 1024);
    parser.skip(head);
    wire::read(socket_, buffer_, parser);
    return parser.release();
  }

  // True once the server has closed the connection.
  bool closed_by_server() {
    beast::error_code error;
    char byte;
    std::size_t n = socket_.read_some(asio::buffer(&byte, 1), error);
    return n == 0 && (error == asio::error::eof || error == asio::error::connection_reset);
  }

  tcp::socket& socket() { return socket_; }

 private:
  asio::io_context io_;
  tcp::socket socket_;
  beast::flat_buffer buffer_;
};

std::string error_code_of(const wire::response<wire::string_body>& response) {
  return std::string(boost::json::parse(response.body()).at("error").at("code").as_string());
}

std::string big_json() {
  std::string json = "[";
  for (int i = 0; i < 400; ++i)
    json += R"({"code":"23)" + std::to_string(i) + R"(","name_th":"ตำบลตัวอย่าง"},)";
  json.back() = ']';
  return json;
}

TEST(Server, KeepAliveServesTwoRequestsOnOneConnection) {
  Router router;
  std::atomic<int> calls{0};
  router.add(Method::get, "/hello/{name}", [&calls](Context& context) {
    ++calls;
    return Response::json({{"hello", context.request.param("name")}});
  });
  RunningServer server(router, {});
  Client client(server.port());
  auto first = client.get("/hello/%E0%B8%95%E0%B8%A3%E0%B8%B2%E0%B8%94");
  EXPECT_EQ(first.result_int(), 200);
  EXPECT_TRUE(first.keep_alive());
  EXPECT_EQ(boost::json::parse(first.body()).at("hello").as_string(), "ตราด");
  auto second = client.get("/hello/trat");
  EXPECT_EQ(second.result_int(), 200);
  EXPECT_EQ(boost::json::parse(second.body()).at("hello").as_string(), "trat");
  EXPECT_EQ(calls.load(), 2);
  // Metrics are recorded after the write completes; stopping waits for that.
  server.stop_and_wait();
  std::string metrics = server.metrics().render();
  EXPECT_NE(
      metrics.find(
          R"(changwat_http_requests_total{route="/hello/{name}",method="GET",status="200"} 2)"),
      std::string::npos)
      << metrics;
}

TEST(Server, ConnectionCloseIsHonoured) {
  Router router;
  router.add(Method::get, "/x", [](Context&) { return Response::text("x", "text/plain"); });
  RunningServer server(router, {});
  Client client(server.port());
  auto response = client.get("/x", {{"Connection", "close"}});
  EXPECT_EQ(response.result_int(), 200);
  EXPECT_FALSE(response.keep_alive());
  EXPECT_TRUE(client.closed_by_server());
}

TEST(Server, RequestIdIsEchoedOrGenerated) {
  Router router;
  std::string seen;
  router.add(Method::get, "/x", [&seen](Context& context) {
    seen = context.actor.request_id;
    return Response::text("x", "text/plain");
  });
  RunningServer server(router, {});
  Client client(server.port());
  auto echoed = client.get("/x", {{"X-Request-Id", "trace-42"}});
  EXPECT_EQ(std::string(echoed["X-Request-Id"]), "trace-42");
  EXPECT_EQ(seen, "trace-42");
  auto generated = client.get("/x", {{"X-Request-Id", "bad id with spaces"}});
  std::string id(generated["X-Request-Id"]);
  EXPECT_EQ(id.size(), 32u);
  EXPECT_EQ(seen, id);
}

TEST(Server, HandlersRunOffTheIoThread) {
  Router router;
  std::promise<std::thread::id> handler_thread;
  router.add(Method::get, "/where", [&handler_thread](Context&) {
    handler_thread.set_value(std::this_thread::get_id());
    return Response::text("ok", "text/plain");
  });
  RunningServer server(router, {});
  Client client(server.port());
  EXPECT_EQ(client.get("/where").result_int(), 200);
  EXPECT_NE(handler_thread.get_future().get(), server.io_thread());
}

TEST(Server, FastRoutesRunOnTheIoThreadUnlessTheyAskForAWorker) {
  Router router;
  std::mutex mutex;
  std::vector<std::thread::id> threads;
  router.add(
      Method::get, "/cached/{key}",
      [&](Context& context) {
        if (context.request.param("key") == "miss") context.require_worker();
        std::lock_guard lock(mutex);
        threads.push_back(std::this_thread::get_id());
        return Response::text("value", "text/plain");
      },
      Lane::fast);
  RunningServer server(router, {});
  Client client(server.port());
  auto hit = client.get("/cached/hit");
  auto miss = client.get("/cached/miss");
  EXPECT_EQ(hit.body(), "value");
  EXPECT_EQ(miss.body(), "value");
  std::lock_guard lock(mutex);
  ASSERT_EQ(threads.size(), 2u);
  EXPECT_EQ(threads[0], server.io_thread());
  EXPECT_NE(threads[1], server.io_thread());
}

TEST(Server, OversizedBodyIs413) {
  Router router;
  router.add(Method::post, "/echo",
             [](Context& context) { return Response::text(context.request.body, "text/plain"); });
  ServerOptions options;
  options.max_body_bytes = 1024;
  RunningServer server(router, options);
  {
    Client client(server.port());
    wire::request<wire::string_body> request{wire::verb::post, "/echo", 11};
    request.set(wire::field::content_type, "application/json");
    request.body() = std::string(5000, 'x');
    auto response = client.send(std::move(request));
    EXPECT_EQ(response.result_int(), 413);
    EXPECT_EQ(error_code_of(response), "payload_too_large");
    EXPECT_FALSE(response.keep_alive());
  }
  {
    // Chunked bodies have no length up front; the limit applies while reading.
    Client client(server.port());
    std::string chunk(800, 'y');
    client.write_raw("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
    for (int i = 0; i < 3; ++i) client.write_raw("320\r\n" + chunk + "\r\n");
    client.write_raw("0\r\n\r\n");
    auto response = client.receive();
    EXPECT_EQ(response.result_int(), 413);
  }
  {
    Client client(server.port());
    wire::request<wire::string_body> request{wire::verb::post, "/echo", 11};
    request.body() = std::string(1000, 'z');
    auto response = client.send(std::move(request));
    EXPECT_EQ(response.result_int(), 200);
    EXPECT_EQ(response.body().size(), 1000u);
  }
}

TEST(Server, ARouteMayAllowALargerBodyThanTheServer) {
  Router router;
  auto echo = [](Context& context) { return Response::text(context.request.body, "text/plain"); };
  router.add(Method::post, "/echo", echo);
  router.add(Method::post, "/upload", echo, Lane::normal, 8192);
  EXPECT_EQ(router.largest_body_limit(), 8192u);
  ServerOptions options;
  options.max_body_bytes = 1024;
  RunningServer server(router, options);
  auto post = [&](const char* target, std::size_t size) {
    Client client(server.port());
    wire::request<wire::string_body> request{wire::verb::post, target, 11};
    request.body() = std::string(size, 'x');
    return client.send(std::move(request));
  };
  auto uploaded = post("/upload", 5000);
  EXPECT_EQ(uploaded.result_int(), 200);
  EXPECT_EQ(uploaded.body().size(), 5000u);
  // Over the route's own limit, and over the server's on any other route: 413.
  auto too_big = post("/upload", 9000);
  EXPECT_EQ(too_big.result_int(), 413);
  EXPECT_EQ(error_code_of(too_big), "payload_too_large");
  EXPECT_EQ(post("/echo", 5000).result_int(), 413);
  EXPECT_EQ(post("/echo", 1000).result_int(), 200);
  {
    // Chunked: the route's limit applies while reading.
    Client client(server.port());
    std::string chunk(800, 'y');
    client.write_raw("POST /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
    for (int i = 0; i < 3; ++i) client.write_raw("320\r\n" + chunk + "\r\n");
    client.write_raw("0\r\n\r\n");
    auto response = client.receive();
    EXPECT_EQ(response.result_int(), 200);
    EXPECT_EQ(response.body().size(), 2400u);
  }
}

TEST(Server, GarbageIs400AndCloses) {
  Router router;
  RunningServer server(router, {});
  for (std::string garbage : {std::string("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n"),
                              std::string("GET / HTTP/9.Z\r\n\r\n"),
                              std::string("GET / HTTP/1.1\r\nBad Header Line\r\n\r\n")}) {
    Client client(server.port());
    client.write_raw(garbage);
    auto response = client.receive();
    EXPECT_EQ(response.result_int(), 400);
    EXPECT_EQ(error_code_of(response), "malformed_request");
    EXPECT_TRUE(client.closed_by_server());
  }
}

TEST(Server, BadPercentEncodingIs400AndKeepsTheConnection) {
  Router router;
  router.add(Method::get, "/ok", [](Context&) { return Response::text("ok", "text/plain"); });
  RunningServer server(router, {});
  Client client(server.port());
  auto bad = client.get("/bad%zz");
  EXPECT_EQ(bad.result_int(), 400);
  EXPECT_EQ(error_code_of(bad), "invalid_target");
  EXPECT_EQ(client.get("/ok").result_int(), 200);
}

TEST(Server, OversizedHeadersAre431) {
  Router router;
  router.add(Method::get, "/ok", [](Context&) { return Response::text("ok", "text/plain"); });
  ServerOptions options;
  options.max_header_bytes = 2048;
  RunningServer server(router, options);
  Client client(server.port());
  auto response = client.get("/ok", {{"Cookie", std::string(4096, 'c')}});
  EXPECT_EQ(response.result_int(), 431);
  EXPECT_EQ(error_code_of(response), "request_header_too_large");
}

TEST(Server, GzipWhenAcceptedAndHeadKeepsLength) {
  Router router;
  const std::string body = big_json();
  router.add(Method::get, "/big",
             [&body](Context&) { return Response::text(body, "application/json; charset=utf-8"); });
  RunningServer server(router, {});
  Client client(server.port());
  auto packed = client.get("/big", {{"Accept-Encoding", "gzip, deflate, br"}});
  EXPECT_EQ(packed.result_int(), 200);
  EXPECT_EQ(std::string(packed[wire::field::content_encoding]), "gzip");
  EXPECT_EQ(std::string(packed[wire::field::vary]), "Accept-Encoding");
  EXPECT_LT(packed.body().size(), body.size());
  EXPECT_EQ(gzip_decompress(packed.body()), body);
  auto plain = client.get("/big");
  EXPECT_EQ(std::string(plain[wire::field::content_encoding]), "");
  EXPECT_EQ(plain.body(), body);

  wire::request<wire::string_body> head{wire::verb::head, "/big", 11};
  head.set(wire::field::host, "localhost");
  wire::write(client.socket(), head);
  auto head_response = client.receive(/*head=*/true);
  EXPECT_EQ(head_response.result_int(), 200);
  EXPECT_EQ(std::string(head_response[wire::field::content_length]), std::to_string(body.size()));
  EXPECT_TRUE(head_response.body().empty());
  EXPECT_EQ(client.get("/big").body(), body);  // the connection is still in sync
}

TEST(Server, NoContentHasNoLengthAndKeepsTheConnection) {
  Router router;
  router.add(Method::delete_, "/things/{id}", [](Context&) { return Response::no_content(); });
  router.add(Method::get, "/ok", [](Context&) { return Response::text("ok", "text/plain"); });
  RunningServer server(router, {});
  Client client(server.port());
  wire::request<wire::string_body> request{wire::verb::delete_, "/things/1", 11};
  auto deleted = client.send(std::move(request));
  EXPECT_EQ(deleted.result_int(), 204);
  EXPECT_FALSE(deleted.has_content_length());
  EXPECT_TRUE(deleted.body().empty());
  EXPECT_EQ(client.get("/ok").body(), "ok");
}

TEST(Server, ExpectContinueGetsAnInterimResponse) {
  Router router;
  router.add(Method::post, "/echo",
             [](Context& context) { return Response::text(context.request.body, "text/plain"); });
  RunningServer server(router, {});
  Client client(server.port());
  client.write_raw(
      "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
  std::string interim;
  asio::read_until(client.socket(), asio::dynamic_buffer(interim), "\r\n\r\n");
  EXPECT_TRUE(interim.starts_with("HTTP/1.1 100 Continue")) << interim;
  client.write_raw("hello");
  auto response = client.receive();
  EXPECT_EQ(response.result_int(), 200);
  EXPECT_EQ(response.body(), "hello");
}

TEST(Server, IdleKeepAliveConnectionsTimeOut) {
  Router router;
  router.add(Method::get, "/x", [](Context&) { return Response::text("x", "text/plain"); });
  ServerOptions options;
  options.idle_timeout = std::chrono::seconds(1);
  RunningServer server(router, options);
  Client client(server.port());
  EXPECT_EQ(client.get("/x").result_int(), 200);
  auto started = std::chrono::steady_clock::now();
  EXPECT_TRUE(client.closed_by_server());
  auto waited = std::chrono::steady_clock::now() - started;
  EXPECT_GE(waited, 800ms);
  EXPECT_LT(waited, 5s);
}

TEST(Server, GracefulStopLetsInFlightRequestsFinish) {
  Router router;
  std::promise<void> started;
  router.add(Method::get, "/slow", [&started](Context&) {
    started.set_value();
    std::this_thread::sleep_for(400ms);
    return Response::text("finished", "text/plain");
  });
  RunningServer server(router, {});
  Client idle(server.port());
  Client busy(server.port());
  auto reply = std::async(std::launch::async, [&busy] { return busy.get("/slow"); });
  started.get_future().wait();
  auto stop_began = std::chrono::steady_clock::now();
  server.stop_and_wait();
  auto stop_took = std::chrono::steady_clock::now() - stop_began;
  auto response = reply.get();
  EXPECT_EQ(response.result_int(), 200);
  EXPECT_EQ(response.body(), "finished");
  EXPECT_FALSE(response.keep_alive());
  EXPECT_LT(stop_took, 5s);
  EXPECT_TRUE(idle.closed_by_server());
  asio::io_context io;
  tcp::socket late(io);
  beast::error_code error;
  late.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), server.port()), error);
  EXPECT_TRUE(error) << "still accepting after stop";
}

TEST(Server, StopCutsRequestsThatOutliveTheGrace) {
  Router router;
  std::promise<void> started;
  router.add(Method::get, "/stuck", [&started](Context&) {
    started.set_value();
    std::this_thread::sleep_for(1500ms);
    return Response::text("late", "text/plain");
  });
  ServerOptions options;
  options.shutdown_grace = 200ms;
  RunningServer server(router, options);
  Client client(server.port());
  client.write_raw("GET /stuck HTTP/1.1\r\nHost: x\r\n\r\n");
  started.get_future().wait();
  auto began = std::chrono::steady_clock::now();
  server.stop_and_wait();
  // run() returns once the stuck handler ends (never sooner), but the client got
  // no answer: its connection was cut at the grace deadline.
  EXPECT_LT(std::chrono::steady_clock::now() - began, 3s);
  EXPECT_TRUE(client.closed_by_server());
}

TEST(Server, SlowLaneDoesNotDelayNormalRequests) {
  Router router;
  std::promise<void> slow_started;
  router.add(
      Method::post, "/sign-in",
      [&slow_started](Context&) {
        slow_started.set_value();
        std::this_thread::sleep_for(500ms);  // like Argon2id
        return Response::text("signed in", "text/plain");
      },
      Lane::slow);
  router.add(Method::get, "/fast", [](Context&) { return Response::text("fast", "text/plain"); });
  ServerOptions options;
  options.worker_threads = 1;
  options.slow_threads = 1;
  RunningServer server(router, options);
  Client slow_client(server.port());
  Client fast_client(server.port());
  auto slow_reply = std::async(std::launch::async, [&slow_client] {
    wire::request<wire::string_body> request{wire::verb::post, "/sign-in", 11};
    return slow_client.send(std::move(request));
  });
  slow_started.get_future().wait();
  auto began = std::chrono::steady_clock::now();
  auto fast = fast_client.get("/fast");
  auto fast_took = std::chrono::steady_clock::now() - began;
  EXPECT_EQ(fast.body(), "fast");
  EXPECT_LT(fast_took, 250ms);
  auto slow = slow_reply.get();
  EXPECT_EQ(slow.body(), "signed in");
  EXPECT_GE(std::chrono::steady_clock::now() - began, 300ms);
}

// A client that connects and sends nothing, from `source` (any 127.x.y.z works on
// the loopback interface, which lets one test play several client addresses).
tcp::socket idle_connection(asio::io_context& io, std::uint16_t port,
                            const char* source = "127.0.0.1") {
  tcp::socket socket(io);
  socket.open(tcp::v4());
  socket.bind(tcp::endpoint(asio::ip::make_address(source), 0));
  socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  return socket;
}

// Whether the server closed this connection, waiting up to `wait` for it.
bool closed_within(tcp::socket& socket, std::chrono::milliseconds wait) {
  pollfd ready{socket.native_handle(), POLLIN, 0};
  if (::poll(&ready, 1, static_cast<int>(wait.count())) != 1) return false;
  char byte;
  return ::recv(socket.native_handle(), &byte, 1, MSG_DONTWAIT) <= 0;
}

// Waits until the server's open-connection gauge is at most `most`.
long settle_open_connections(Metrics& metrics, long most) {
  for (int i = 0; i < 200 && metrics.open_connections() > most; ++i)
    std::this_thread::sleep_for(10ms);
  return metrics.open_connections();
}

TEST(Server, DefaultConnectionCapsLeaveDescriptorsForEverythingElse) {
  ConnectionLimits at_512 = default_connection_limits(512);
  EXPECT_EQ(at_512.total, 448u);  // 64 descriptors kept for the database, files, epoll
  EXPECT_EQ(at_512.per_address, 224u);
  ConnectionLimits at_1024 = default_connection_limits(1024);
  EXPECT_EQ(at_1024.total, 896u);
  EXPECT_EQ(default_connection_limits(1'048'576).total, kMaxDefaultConnections);
  EXPECT_GE(default_connection_limits(10).total, 1u);
}

TEST(Server, RaisesTheSoftOpenFileLimitToTheHardLimit) {
  rlimit before{};
  ASSERT_EQ(::getrlimit(RLIMIT_NOFILE, &before), 0);
  rlimit lowered = before;
  lowered.rlim_cur = std::min<rlim_t>(before.rlim_max, 256);
  ASSERT_EQ(::setrlimit(RLIMIT_NOFILE, &lowered), 0);
  EXPECT_EQ(open_file_limit(), lowered.rlim_cur);
  std::uint64_t raised = raise_open_file_limit();
  EXPECT_EQ(raised,
            before.rlim_max == RLIM_INFINITY ? 2 * kMaxDefaultConnections : before.rlim_max);
  ::setrlimit(RLIMIT_NOFILE, &before);
}

TEST(Server, OverTheTotalCapIdleConnectionsMakeRoomAndHealthStillAnswers) {
  Router router;
  router.add(
      Method::get, "/healthz", [](Context&) { return Response::text("ok", "text/plain"); },
      Lane::fast);
  ServerOptions options;
  options.max_connections = 50;
  options.max_connections_per_address = 50;
  RunningServer server(router, options);
  EXPECT_EQ(server.limits().total, 50u);
  asio::io_context io;
  std::vector<tcp::socket> idle;
  for (int i = 0; i < 80; ++i) idle.push_back(idle_connection(io, server.port()));
  Client client(server.port());
  auto health = client.get("/healthz");
  EXPECT_EQ(health.result_int(), 200);
  EXPECT_EQ(health.body(), "ok");
  EXPECT_LE(settle_open_connections(server.metrics(), 50), 50);
  // The longest idle made room; the newest idle ones are still open.
  EXPECT_TRUE(closed_within(idle.front(), 2000ms));
  EXPECT_FALSE(closed_within(idle.back(), 100ms));
  EXPECT_NE(
      server.metrics().render().find("changwat_http_connections_shed_total{reason=\"evicted\"}"),
      std::string::npos);
}

TEST(Server, OneAddressOverItsCapOnlyDisplacesItsOwnConnections) {
  Router router;
  router.add(
      Method::get, "/healthz", [](Context&) { return Response::text("ok", "text/plain"); },
      Lane::fast);
  ServerOptions options;
  options.max_connections = 100;
  options.max_connections_per_address = 10;
  RunningServer server(router, options);
  asio::io_context io;
  std::vector<tcp::socket> others;
  for (int i = 0; i < 10; ++i) others.push_back(idle_connection(io, server.port(), "127.0.0.2"));
  EXPECT_LE(settle_open_connections(server.metrics(), 10), 10);
  std::vector<tcp::socket> flood;
  for (int i = 0; i < 60; ++i) flood.push_back(idle_connection(io, server.port(), "127.0.0.3"));
  Client client(server.port());  // from 127.0.0.1
  EXPECT_EQ(client.get("/healthz").result_int(), 200);
  // 10 from .2, at most 10 from .3, and this client.
  EXPECT_LE(settle_open_connections(server.metrics(), 21), 21);
  for (tcp::socket& other : others) EXPECT_FALSE(closed_within(other, 10ms));
  EXPECT_TRUE(closed_within(flood.front(), 2000ms));
}

TEST(Server, WhenEveryConnectionIsBusyANewcomerGets503) {
  Router router;
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::atomic<int> waiting{0};
  router.add(Method::get, "/wait", [&](Context&) {
    ++waiting;
    released.wait();
    return Response::text("done", "text/plain");
  });
  ServerOptions options;
  options.worker_threads = 2;
  options.max_connections = 2;
  options.max_connections_per_address = 2;
  RunningServer server(router, options);
  Client first(server.port());
  Client second(server.port());
  auto first_reply = std::async(std::launch::async, [&first] { return first.get("/wait"); });
  auto second_reply = std::async(std::launch::async, [&second] { return second.get("/wait"); });
  // Whatever fails below (before the replies are awaited), the two waiting handlers are let go.
  struct Release {
    std::promise<void>& promise;
    bool done = false;
    void now() {
      if (!done) promise.set_value();
      done = true;
    }
    ~Release() { now(); }
  } let_go{release};
  for (int i = 0; i < 500 && waiting < 2; ++i) std::this_thread::sleep_for(10ms);
  ASSERT_EQ(waiting, 2);
  Client third(server.port());
  auto refused = third.get("/wait");
  EXPECT_EQ(refused.result_int(), 503);
  EXPECT_EQ(error_code_of(refused), "server_busy");
  EXPECT_EQ(refused[wire::field::retry_after], "1");
  let_go.now();
  EXPECT_EQ(first_reply.get().body(), "done");
  EXPECT_EQ(second_reply.get().body(), "done");
}

// The reported failure: open-file limit 512, 600 idle connections, /healthz must
// still answer. The server runs in a child process with that limit (this process
// needs room for the 600 client sockets). Forked while this process has no other
// threads: every earlier test has joined its servers.
TEST(Server, OpenFileLimit512With600IdleConnectionsKeepsAnswering) {
  rlimit own{};
  ASSERT_EQ(::getrlimit(RLIMIT_NOFILE, &own), 0);
  ASSERT_GE(own.rlim_max, 1000u) << "this test needs a hard open-file limit of 1000 or more";
  rlimit roomy = own;
  roomy.rlim_cur = std::max<rlim_t>(own.rlim_cur, 1000);
  ASSERT_EQ(::setrlimit(RLIMIT_NOFILE, &roomy), 0);
  int port_pipe[2];
  ASSERT_EQ(::pipe(port_pipe), 0);
  pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::close(port_pipe[0]);
    rlimit limit{512, 512};
    if (::setrlimit(RLIMIT_NOFILE, &limit) != 0) ::_exit(3);
    Router router;
    Metrics metrics;
    router.add(
        Method::get, "/healthz", [](Context&) { return Response::text("ok", "text/plain"); },
        Lane::fast);
    router.add(Method::get, "/metrics",
               [&metrics](Context&) { return Response::text(metrics.render(), "text/plain"); });
    ServerOptions options;
    options.port = 0;
    options.handle_signals = false;
    Server server(router, metrics, options);
    std::uint16_t port = server.listen();
    if (::write(port_pipe[1], &port, sizeof port) != sizeof port) ::_exit(4);
    server.run();
    ::_exit(0);
  }
  ::close(port_pipe[1]);
  std::uint16_t port = 0;
  pollfd ready{port_pipe[0], POLLIN, 0};
  bool started =
      ::poll(&ready, 1, 10'000) == 1 && ::read(port_pipe[0], &port, sizeof port) == sizeof port;
  ::close(port_pipe[0]);
  struct Reaper {
    pid_t pid;
    ~Reaper() {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, nullptr, 0);
    }
  } reaper{child};
  ASSERT_TRUE(started) << "the child server did not start";

  asio::io_context io;
  std::vector<tcp::socket> idle;
  for (int i = 0; i < 600; ++i) idle.push_back(idle_connection(io, port));
  Client client(port);
  auto health = client.get("/healthz");
  EXPECT_EQ(health.result_int(), 200);
  EXPECT_EQ(health.body(), "ok");
  // Under the caps derived from 512: 448 in total, 224 from one address.
  std::string metrics = client.get("/metrics").body();
  const std::string gauge = "\nchangwat_http_connections_open ";
  auto at = metrics.find(gauge);
  ASSERT_NE(at, std::string::npos) << metrics;
  long open = std::stol(metrics.substr(at + gauge.size()));
  EXPECT_LE(open, 224 + 2);  // + evictions still on their way
  EXPECT_GT(open, 100);
  // A second client later still gets in.
  Client another(port);
  EXPECT_EQ(another.get("/healthz").result_int(), 200);
  ::setrlimit(RLIMIT_NOFILE, &own);
}

TEST(Server, ListenOnATakenPortFailsClearly) {
  Router router;
  RunningServer first(router, {});
  Metrics metrics;
  ServerOptions options;
  options.port = first.port();
  options.handle_signals = false;
  Server second(router, metrics, options);
  try {
    second.listen();
    ADD_FAILURE() << "second listen succeeded";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find(std::to_string(first.port())), std::string::npos);
  }
}

}  // namespace
}  // namespace changwat::http
