// The Beast/Asio side of the HTTP layer: accept, read with limits and timeouts,
// hand the parsed request to a worker pool, write the response, graceful stop.
// Modelled on Beast's http_server_awaitable and advanced_server examples.
#include "http/server.hpp"

#include <spdlog/spdlog.h>

#include <atomic>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <csignal>
#include <map>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

#include "http/compression.hpp"
#include "http/request_parsing.hpp"

namespace changwat::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace wire = boost::beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

constexpr auto kTuple = asio::as_tuple(asio::use_awaitable);

// After an error response the client may still be sending a body; reading it
// for a moment before closing keeps the kernel from resetting the connection
// before the client has read our answer (nginx calls this lingering close).
constexpr auto kLingerTime = std::chrono::seconds(2);
constexpr std::size_t kLingerBytes = 4 * 1024 * 1024;

struct Connection {
  explicit Connection(tcp::socket socket) : stream(std::move(socket)) {}
  beast::tcp_stream stream;
  bool busy = false;  // a request is being read, handled or written; strand only
};

void close_connection(beast::tcp_stream& stream) {
  beast::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
  stream.close();
}

bool has_line_break(std::string_view text) {
  return text.find_first_of("\r\n") != std::string_view::npos;
}

Error payload_too_large(std::size_t limit) {
  std::string kib = std::to_string(limit / 1024);
  return Error(ErrorKind::payload_too_large, "payload_too_large",
               {"ข้อมูลที่ส่งมามีขนาดเกิน " + kib + " KiB", "The request body is over " + kib + " KiB"});
}

Error headers_too_large() {
  return Error(ErrorKind::validation, "request_header_too_large",
               {"ส่วนหัวของคำขอ (header) มีขนาดใหญ่เกินไป", "The request headers are too large"});
}

Error malformed_request() {
  return Error(ErrorKind::validation, "malformed_request",
               {"คำขอ HTTP ไม่ถูกต้อง", "The HTTP request is malformed"});
}

void log_failure(std::exception_ptr failure) {
  if (!failure) return;
  try {
    std::rethrow_exception(failure);
  } catch (const std::exception& error) {
    spdlog::error("http connection failed: {}", error.what());
  } catch (...) {
    spdlog::error("http connection failed with a non-standard exception");
  }
}

}  // namespace

struct Server::Impl {
  Impl(const Router& router, Metrics& metrics, ServerOptions options)
      : router(router),
        metrics(metrics),
        options(std::move(options)),
        workers(std::max(1, this->options.worker_threads)),
        slow(std::max(1, this->options.slow_threads)),
        io(std::max(1, this->options.io_threads)) {}

  const Router& router;
  Metrics& metrics;
  const ServerOptions options;
  // Declared before io: coroutine frames that io destroys deregister here.
  std::mutex connections_mutex;
  std::map<std::uint64_t, std::shared_ptr<Connection>> connections;
  std::uint64_t next_connection_id = 0;
  std::atomic<bool> stopping{false};
  asio::thread_pool workers;
  asio::thread_pool slow;
  asio::io_context io;
  // The acceptor, signals and shutdown bookkeeping share one strand so several
  // I/O threads never touch them at once.
  asio::strand<asio::io_context::executor_type> control{asio::make_strand(io)};
  tcp::acceptor acceptor{control};
  asio::signal_set signals{control};
  bool shutdown_started = false;  // control strand only

  // Removes a finished connection from the registry, however its coroutine ends.
  struct Registration {
    Impl* impl;
    std::uint64_t id;
    ~Registration() {
      std::lock_guard lock(impl->connections_mutex);
      impl->connections.erase(id);
    }
  };

  // Counts a request in flight for exactly as long as this object lives.
  struct InFlight {
    Metrics& metrics;
    explicit InFlight(Metrics& m) : metrics(m) { metrics.request_started(); }
    ~InFlight() { metrics.request_finished(); }
  };

  std::uint16_t listen() {
    try {
      tcp::resolver resolver(io);
      auto results = resolver.resolve(options.host, std::to_string(options.port),
                                      tcp::resolver::numeric_service);
      tcp::endpoint endpoint = results.begin()->endpoint();
      acceptor.open(endpoint.protocol());
      acceptor.set_option(asio::socket_base::reuse_address(true));
      acceptor.bind(endpoint);
      acceptor.listen(asio::socket_base::max_listen_connections);
      return acceptor.local_endpoint().port();
    } catch (const boost::system::system_error& error) {
      beast::error_code ignored;
      acceptor.close(ignored);
      throw std::runtime_error("cannot listen on " + options.host + ":" +
                               std::to_string(options.port) + ": " + error.code().message());
    }
  }

  void run() {
    if (!acceptor.is_open()) listen();
    if (options.handle_signals) {
      signals.add(SIGINT);
      signals.add(SIGTERM);
      signals.async_wait([this](const beast::error_code& error, int signal_number) {
        if (error) return;
        spdlog::info("signal {} received: stopping after in-flight requests", signal_number);
        begin_shutdown();
      });
    }
    asio::co_spawn(control, accept_loop(), log_failure);
    std::vector<std::thread> extra_threads;
    for (int i = 1; i < options.io_threads; ++i) extra_threads.emplace_back([this] { io.run(); });
    io.run();
    for (std::thread& thread : extra_threads) thread.join();
    // Handlers still running (only after a forced stop) finish before we return,
    // so nothing they post lands in a destroyed io_context.
    workers.join();
    slow.join();
  }

  void stop() {
    asio::post(control, [this] { begin_shutdown(); });
  }

  void begin_shutdown() {
    if (shutdown_started) return;
    shutdown_started = true;
    stopping = true;
    beast::error_code ignored;
    acceptor.close(ignored);
    signals.cancel(ignored);
    std::vector<std::shared_ptr<Connection>> open;
    {
      std::lock_guard lock(connections_mutex);
      for (const auto& [id, connection] : connections) open.push_back(connection);
    }
    // Idle keep-alive connections close now; busy ones close after their response.
    for (const auto& connection : open)
      asio::post(connection->stream.get_executor(), [connection] {
        if (!connection->busy) close_connection(connection->stream);
      });
    asio::co_spawn(control, watch_shutdown(), log_failure);
  }

  asio::awaitable<void> watch_shutdown() {
    auto deadline = Clock::now() + options.shutdown_grace;
    asio::steady_timer timer(control);
    while (true) {
      std::vector<std::shared_ptr<Connection>> open;
      {
        std::lock_guard lock(connections_mutex);
        for (const auto& [id, connection] : connections) open.push_back(connection);
      }
      if (open.empty()) co_return;
      if (Clock::now() >= deadline) {
        spdlog::warn("stop: {} connection(s) still busy after the grace period; closing them",
                     open.size());
        for (const auto& connection : open)
          asio::post(connection->stream.get_executor(),
                     [connection] { close_connection(connection->stream); });
        // Give the posted closes a moment to run: stop() would skip them, and the
        // clients would wait for answers that never come.
        timer.expires_after(std::chrono::milliseconds(50));
        co_await timer.async_wait(kTuple);
        io.stop();
        co_return;
      }
      timer.expires_after(std::chrono::milliseconds(20));
      co_await timer.async_wait(kTuple);
    }
  }

  asio::awaitable<void> accept_loop() {
    asio::steady_timer backoff(control);
    while (!stopping) {
      auto [error, socket] = co_await acceptor.async_accept(asio::make_strand(io), kTuple);
      if (stopping) co_return;
      if (error) {
        // Out of file descriptors and the like: wait instead of spinning.
        spdlog::warn("accept failed: {}", error.message());
        backoff.expires_after(std::chrono::milliseconds(100));
        co_await backoff.async_wait(kTuple);
        continue;
      }
      beast::error_code ignored;
      socket.set_option(tcp::no_delay(true), ignored);
      auto connection = std::make_shared<Connection>(std::move(socket));
      std::uint64_t id;
      {
        std::lock_guard lock(connections_mutex);
        id = next_connection_id++;
        connections.emplace(id, connection);
      }
      asio::co_spawn(connection->stream.get_executor(), session(connection, id), log_failure);
    }
  }

  asio::awaitable<void> session(std::shared_ptr<Connection> connection, std::uint64_t id) {
    Registration registration{this, id};
    beast::tcp_stream& stream = connection->stream;
    beast::error_code error;
    tcp::endpoint peer_endpoint = stream.socket().remote_endpoint(error);
    std::string peer = error ? std::string() : peer_endpoint.address().to_string();
    beast::flat_buffer buffer;
    bool first = true;
    while (!stopping) {
      if (buffer.size() == 0) {
        // Waiting for the first byte of a request is the idle (keep-alive) wait.
        stream.expires_after(first ? options.read_timeout : options.idle_timeout);
        auto [read_error, bytes] = co_await stream.async_read_some(buffer.prepare(4096), kTuple);
        if (read_error) co_return;  // client left, idle timeout, or stop() closed it
        buffer.commit(bytes);
      }
      first = false;
      connection->busy = true;
      bool keep_alive = co_await serve_one(stream, buffer, peer);
      connection->busy = false;
      if (!keep_alive) break;
    }
    close_connection(stream);
  }

  // Reads, handles and answers one request; returns whether to keep the connection.
  asio::awaitable<bool> serve_one(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                  const std::string& peer) {
    wire::request_parser<wire::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(options.max_header_bytes));
    parser.body_limit(options.max_body_bytes);
    stream.expires_after(options.read_timeout);
    auto [header_error, header_bytes] =
        co_await wire::async_read_header(stream, buffer, parser, kTuple);
    if (header_error) {
      co_await reject(stream, parser, header_error);
      co_return false;
    }
    if (parser.get().version() >= 11 &&
        beast::iequals(parser.get()[wire::field::expect], "100-continue") && !parser.is_done()) {
      wire::response<wire::empty_body> go_on{wire::status::continue_, 11};
      auto [continue_error, unused] = co_await wire::async_write(stream, go_on, kTuple);
      if (continue_error) co_return false;
    }
    if (!parser.is_done()) {
      stream.expires_after(options.read_timeout);
      auto [body_error, body_bytes] = co_await wire::async_read(stream, buffer, parser, kTuple);
      if (body_error) {
        co_await reject(stream, parser, body_error);
        co_return false;
      }
    }

    auto started = Clock::now();
    InFlight in_flight(metrics);
    wire::request<wire::string_body>& message = parser.get();
    Request request = to_request(message, peer);
    bool target_valid = true;
    Response response;
    std::string label = "unmatched";
    try {
      parse_target(request);
    } catch (const Error& error) {
      target_valid = false;
      response = error_response(error, request.request_id);
      label = "rejected";
    }
    if (target_valid) {
      if (std::string matched = router.route_label(request); !matched.empty()) label = matched;
      asio::thread_pool& pool = router.lane(request) == Lane::slow ? slow : workers;
      std::exception_ptr failure;
      try {
        response = co_await run_handler(pool, request);
      } catch (...) {
        failure = std::current_exception();
      }
      if (failure) {
        // Router::dispatch maps handler errors itself; this is the server's own
        // failure (compression, memory).
        log_failure(failure);
        response = error_response(internal_error(), request.request_id);
      }
    }

    bool keep_alive = message.keep_alive() && !stopping;
    wire::response<wire::string_body> out =
        to_wire(request, std::move(response), message.version(), keep_alive);
    stream.expires_after(options.read_timeout);
    auto [write_error, written] = co_await wire::async_write(stream, out, kTuple);
    metrics.observe(label, method_name(request.method), out.result_int(),
                    std::chrono::duration<double>(Clock::now() - started).count());
    co_return !write_error && keep_alive;
  }

  asio::awaitable<Response> run_handler(asio::thread_pool& pool, Request& request) {
    // Handlers may block on the database or Argon2id: never on an I/O thread.
    co_return co_await asio::co_spawn(
        pool,
        [this, &request]() -> asio::awaitable<Response> {
          Response response = router.dispatch(request);
          compress_if_worthwhile(request, response);
          co_return response;
        },
        asio::use_awaitable);
  }

  Request to_request(wire::request<wire::string_body>& message, const std::string& peer) {
    Request request;
    request.method = parse_method(message.method_string());
    request.target = std::string(message.target());
    request.headers.reserve(8);
    for (const auto& field : message) {
      std::string name(field.name_string());
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      request.headers.emplace_back(std::move(name), std::string(field.value()));
    }
    request.body = std::move(message.body());
    request.request_id = choose_request_id(request.header("x-request-id"));
    apply_client_address(request, peer, options.trust_proxy);
    return request;
  }

  wire::response<wire::string_body> to_wire(const Request& request, Response response,
                                            unsigned version, bool keep_alive) {
    wire::response<wire::string_body> out{static_cast<wire::status>(response.status), version};
    if (!response.content_type.empty()) out.set(wire::field::content_type, response.content_type);
    for (const auto& [name, value] : response.headers) {
      // A header value from user data must never split the response.
      if (name.empty() || has_line_break(name) || has_line_break(value)) {
        spdlog::error("request {}: dropped response header '{}' with a line break",
                      request.request_id, name);
        continue;
      }
      out.insert(name, value);
    }
    out.set("X-Request-Id", request.request_id);
    out.keep_alive(keep_alive);
    int status = response.status;
    bool bodiless_status = (status >= 100 && status < 200) || status == 204 || status == 304;
    if (bodiless_status) {
      // No body and no Content-Length: RFC 9110 forbids one on 1xx/204.
    } else if (request.method == Method::head) {
      out.content_length(response.head_length.value_or(response.body.size()));
    } else {
      out.body() = std::move(response.body);
      out.prepare_payload();
    }
    return out;
  }

  // Answers a request that could not be read, when there is a useful answer.
  asio::awaitable<void> reject(beast::tcp_stream& stream,
                               wire::request_parser<wire::string_body>& parser,
                               const beast::error_code& error) {
    std::optional<Response> response;
    std::string request_id = parser.is_header_done()
                                 ? choose_request_id(std::string_view(parser.get()["x-request-id"]))
                                 : random_request_id();
    if (error == wire::error::body_limit) {
      response = error_response(payload_too_large(options.max_body_bytes), request_id);
    } else if (error == wire::error::header_limit) {
      response = error_response(headers_too_large(), request_id);
      response->status = 431;
    } else if (error.category() == wire::make_error_code(wire::error::bad_target).category() &&
               error != wire::error::end_of_stream && error != wire::error::partial_message) {
      response = error_response(malformed_request(), request_id);
    }
    if (!response) co_return;  // timeout, reset, or the client stopped mid-request
    std::string method(parser.is_header_done() ? parser.get().method_string() : "");
    wire::response<wire::string_body> out{static_cast<wire::status>(response->status), 11};
    out.set(wire::field::content_type, response->content_type);
    for (const auto& [name, value] : response->headers) out.insert(name, value);
    out.set("X-Request-Id", request_id);
    out.keep_alive(false);
    out.body() = std::move(response->body);
    out.prepare_payload();
    stream.expires_after(options.read_timeout);
    auto [write_error, written] = co_await wire::async_write(stream, out, kTuple);
    metrics.observe("rejected", method, response->status, 0);
    if (write_error) co_return;
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream.expires_after(kLingerTime);
    std::size_t drained = 0;
    char sink[16384];
    while (drained < kLingerBytes) {
      auto [read_error, bytes] = co_await stream.async_read_some(asio::buffer(sink), kTuple);
      if (read_error) break;
      drained += bytes;
    }
  }
};

Server::Server(const Router& router, Metrics& metrics, ServerOptions options)
    : impl_(std::make_unique<Impl>(router, metrics, std::move(options))) {}

Server::~Server() = default;

std::uint16_t Server::listen() { return impl_->listen(); }

void Server::run() { impl_->run(); }

void Server::stop() { impl_->stop(); }

}  // namespace changwat::http
