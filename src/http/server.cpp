// The Beast/Asio side of the HTTP layer: accept within connection caps, read with
// limits and timeouts, match the route once, answer Lane::fast routes on the I/O
// thread and hand the others to a worker pool, write the response, graceful stop.
// Modelled on Beast's http_server_awaitable and advanced_server examples.
#include "http/server.hpp"

#include <fcntl.h>
#include <poll.h>
#include <spdlog/spdlog.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <csignal>
#include <cstring>
#include <map>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <unordered_map>
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

// Fast-lane answers up to this size are gzipped on the I/O thread (tens of
// microseconds); bigger ones are compressed on a worker so the I/O thread never
// spends milliseconds on one client.
constexpr std::size_t kInlineGzipLimit = 8 * 1024;

// Refused connections get their 503 from a short-lived coroutine; beyond this many
// at once they are closed without an answer (each holds a descriptor).
constexpr int kMaxRefusing = 32;

std::int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch())
      .count();
}

struct Connection {
  Connection(tcp::socket socket, std::string address)
      : stream(std::move(socket)), address(std::move(address)) {}
  beast::tcp_stream stream;
  const std::string address;  // the peer's IP, "" if unknown
  // Waiting for the first byte of a request (also a new connection): the acceptor
  // may close it to make room. Written on the connection's strand, read by the
  // acceptor.
  std::atomic<bool> idle{true};
  std::atomic<std::int64_t> idle_since{now_ns()};
  std::atomic<bool> evicting{false};  // chosen to make room; acceptor only
  bool busy() const { return !idle.load(std::memory_order_relaxed); }
};

// A pool of threads running one io_context, each thread at `nice` (Linux keeps
// a nice value per thread). Joined by finish(): returns once all posted work ran.
class ThreadPool {
 public:
  ThreadPool(int threads, int nice) : guard_(asio::make_work_guard(io_)) {
    for (int i = 0; i < std::max(1, threads); ++i)
      threads_.emplace_back([this, nice] {
        if (nice != 0 &&
            setpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)), nice) != 0)
          spdlog::warn("could not lower the priority of a slow-lane thread: {}",
                       std::strerror(errno));
        io_.run();
      });
  }
  ~ThreadPool() { finish(); }
  asio::io_context::executor_type executor() { return io_.get_executor(); }
  void finish() {
    guard_.reset();
    for (std::thread& thread : threads_)
      if (thread.joinable()) thread.join();
  }

 private:
  asio::io_context io_;
  asio::executor_work_guard<asio::io_context::executor_type> guard_;
  std::vector<std::thread> threads_;
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

Error server_busy() {
  return Error(ErrorKind::unavailable, "server_busy",
               {"มีการเชื่อมต่อมากเกินไป กรุณาลองใหม่อีกครั้ง", "Too many connections; please try again"});
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

// The caps in force: the options, or derived from the open-file limit.
ConnectionLimits resolve_limits(const ServerOptions& options) {
  std::uint64_t files = open_file_limit();
  ConnectionLimits derived = default_connection_limits(files);
  ConnectionLimits limits;
  limits.total = options.max_connections > 0 ? options.max_connections : derived.total;
  limits.per_address = options.max_connections_per_address > 0
                           ? options.max_connections_per_address
                           : std::max<std::size_t>(1, limits.total / 2);
  limits.per_address = std::min(limits.per_address, limits.total);
  if (limits.total > derived.total)
    spdlog::warn("max_connections {} is above {} that the open-file limit {} leaves room for",
                 limits.total, derived.total, files);
  return limits;
}

struct Server::Impl {
  Impl(const Router& router, Metrics& metrics, ServerOptions options)
      : router(router),
        metrics(metrics),
        options(std::move(options)),
        limits(resolve_limits(this->options)),
        workers(this->options.worker_threads, 0),
        slow(this->options.slow_threads, this->options.slow_nice),
        io(std::max(1, this->options.io_threads)) {}

  ~Impl() {
    if (reserve_fd >= 0) ::close(reserve_fd);
  }

  const Router& router;
  Metrics& metrics;
  const ServerOptions options;
  const ConnectionLimits limits;
  // Declared before io: coroutine frames that io destroys deregister here.
  std::mutex connections_mutex;
  std::map<std::uint64_t, std::shared_ptr<Connection>> connections;
  std::unordered_map<std::string, std::size_t> per_address;  // open connections
  std::uint64_t next_connection_id = 0;
  std::atomic<int> refusing{0};
  std::atomic<bool> stopping{false};
  ThreadPool workers;
  ThreadPool slow;
  asio::io_context io;
  // The acceptor, signals and shutdown bookkeeping share one strand so several
  // I/O threads never touch them at once.
  asio::strand<asio::io_context::executor_type> control{asio::make_strand(io)};
  tcp::acceptor acceptor{control};
  asio::signal_set signals{control};
  bool shutdown_started = false;  // control strand only
  // Kept open so that, out of descriptors, one can be freed to accept and drop a
  // waiting connection instead of leaving it in the backlog (control strand).
  int reserve_fd = -1;
  Clock::time_point last_accept_warning{};  // control strand only
  std::uint64_t accept_warnings_suppressed = 0;

  // Removes a finished connection from the registry, however its coroutine ends.
  struct Registration {
    Impl* impl;
    std::uint64_t id;
    const std::string& address;
    ~Registration() {
      std::lock_guard lock(impl->connections_mutex);
      impl->connections.erase(id);
      if (auto found = impl->per_address.find(address); found != impl->per_address.end())
        if (--found->second == 0) impl->per_address.erase(found);
      impl->metrics.connection_closed();
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
      if (reserve_fd < 0) reserve_fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
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
    spdlog::info("connections: at most {} open, {} per address (open-file limit {})", limits.total,
                 limits.per_address, open_file_limit());
    asio::co_spawn(control, accept_loop(), log_failure);
    std::vector<std::thread> extra_threads;
    for (int i = 1; i < options.io_threads; ++i) extra_threads.emplace_back([this] { io.run(); });
    io.run();
    for (std::thread& thread : extra_threads) thread.join();
    // Handlers still running (only after a forced stop) finish before we return,
    // so nothing they post lands in a destroyed io_context.
    workers.finish();
    slow.finish();
  }

  void stop() {
    asio::post(control, [this] { begin_shutdown(); });
  }

  std::vector<std::shared_ptr<Connection>> open_connections() {
    std::vector<std::shared_ptr<Connection>> open;
    std::lock_guard lock(connections_mutex);
    open.reserve(connections.size());
    for (const auto& [id, connection] : connections) open.push_back(connection);
    return open;
  }

  void begin_shutdown() {
    if (shutdown_started) return;
    shutdown_started = true;
    stopping = true;
    beast::error_code ignored;
    acceptor.close(ignored);
    signals.cancel(ignored);
    // Idle keep-alive connections close now; busy ones close after their response.
    for (const auto& connection : open_connections())
      asio::post(connection->stream.get_executor(), [connection] {
        if (!connection->busy()) close_idle(*connection);
      });
    asio::co_spawn(control, watch_shutdown(), log_failure);
  }

  // Closes a connection that waits for a request (on its strand). Its session sees
  // `idle` false after a read that completed meanwhile and drops those bytes.
  static void close_idle(Connection& connection) {
    connection.idle = false;
    close_connection(connection.stream);
  }

  asio::awaitable<void> watch_shutdown() {
    auto deadline = Clock::now() + options.shutdown_grace;
    asio::steady_timer timer(control);
    while (true) {
      std::vector<std::shared_ptr<Connection>> open = open_connections();
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

  // A warning at most every 5 s, so a flood of failures cannot flood the log.
  template <typename... Args>
  void warn_sometimes(fmt::format_string<Args...> format, Args&&... args) {
    auto now = Clock::now();
    if (now - last_accept_warning < std::chrono::seconds(5)) {
      ++accept_warnings_suppressed;
      return;
    }
    last_accept_warning = now;
    std::string text = fmt::format(format, std::forward<Args>(args)...);
    if (accept_warnings_suppressed > 0)
      text += fmt::format(" ({} similar message(s) suppressed)", accept_warnings_suppressed);
    accept_warnings_suppressed = 0;
    spdlog::warn("{}", text);
  }

  asio::awaitable<void> accept_loop() {
    asio::steady_timer backoff(control);
    while (!stopping) {
      auto [error, socket] = co_await acceptor.async_accept(asio::make_strand(io), kTuple);
      if (stopping) co_return;
      if (error) {
        bool no_descriptors =
            error == asio::error::no_descriptors ||
            (error.category() == boost::system::system_category() && error.value() == ENFILE);
        // Out of descriptors the waiting connection stays in the backlog and every
        // accept fails at once: drop it, then pause instead of spinning.
        if (no_descriptors) drop_waiting_connection();
        warn_sometimes("accept failed: {}{}", error.message(),
                       no_descriptors ? " (a waiting connection was closed)" : "");
        backoff.expires_after(std::chrono::milliseconds(no_descriptors ? 10 : 100));
        co_await backoff.async_wait(kTuple);
        continue;
      }
      try {
        admit(std::move(socket));
      } catch (const std::exception& failure) {
        // Memory and the like: this connection is lost (its socket closes with the
        // exception), the acceptor goes on.
        spdlog::error("accepting a connection failed: {}", failure.what());
      }
    }
  }

  // Frees the reserve descriptor, accepts one waiting connection and closes it.
  void drop_waiting_connection() {
    if (reserve_fd >= 0) {
      ::close(reserve_fd);
      reserve_fd = -1;
    }
    pollfd waiting{acceptor.native_handle(), POLLIN, 0};
    if (::poll(&waiting, 1, 0) == 1) {
      int fd = ::accept4(acceptor.native_handle(), nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (fd >= 0) ::close(fd);
    }
    reserve_fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  }

  // The idle connection waiting longest (of `address` if given), not yet chosen.
  std::shared_ptr<Connection> longest_idle(const std::string* address) {
    std::shared_ptr<Connection> oldest;
    std::int64_t oldest_since = 0;
    for (const auto& [id, connection] : connections) {
      if (connection->busy() || connection->evicting.load(std::memory_order_relaxed)) continue;
      if (address && connection->address != *address) continue;
      std::int64_t since = connection->idle_since.load(std::memory_order_relaxed);
      if (!oldest || since < oldest_since) {
        oldest = connection;
        oldest_since = since;
      }
    }
    return oldest;
  }

  // Registers a new connection within the caps and starts its session. Over a cap
  // the longest idle connection (of the same address when that address is full)
  // makes room: its client reconnects when it needs to, while refusing newcomers
  // would let whoever holds idle connections lock everyone else out. With none
  // idle, the newcomer gets a 503.
  void admit(tcp::socket socket) {
    beast::error_code error;
    socket.set_option(tcp::no_delay(true), error);
    tcp::endpoint peer = socket.remote_endpoint(error);
    std::string address = error ? std::string() : peer.address().to_string();
    auto connection = std::make_shared<Connection>(std::move(socket), std::move(address));
    std::shared_ptr<Connection> victim;
    bool refused = false;
    std::uint64_t id = 0;
    {
      std::lock_guard lock(connections_mutex);
      std::size_t& from_address = per_address[connection->address];
      bool address_full = from_address >= limits.per_address;
      if (address_full || connections.size() >= limits.total) {
        victim = longest_idle(address_full ? &connection->address : nullptr);
        if (victim)
          victim->evicting = true;
        else
          refused = true;
      }
      if (refused) {
        if (from_address == 0) per_address.erase(connection->address);
      } else {
        ++from_address;
        id = next_connection_id++;
        connections.emplace(id, connection);
      }
    }
    if (victim) {
      metrics.connection_evicted();
      asio::post(victim->stream.get_executor(), [victim] {
        if (victim->busy())
          victim->evicting = false;  // a request arrived meanwhile; it stays
        else
          close_idle(*victim);
      });
    }
    if (refused) {
      refuse(std::move(connection));
      return;
    }
    metrics.connection_opened();
    asio::co_spawn(connection->stream.get_executor(), session(connection, id), log_failure);
  }

  void refuse(std::shared_ptr<Connection> connection) {
    metrics.connection_refused();
    warn_sometimes(
        "connection from {} refused: every one of {} connections ({} per address) "
        "is busy",
        connection->address, limits.total, limits.per_address);
    if (refusing.fetch_add(1) >= kMaxRefusing) {
      --refusing;
      close_connection(connection->stream);
      return;
    }
    asio::co_spawn(connection->stream.get_executor(), answer_busy(connection),
                   [this](std::exception_ptr failure) {
                     --refusing;
                     log_failure(failure);
                   });
  }

  asio::awaitable<void> answer_busy(std::shared_ptr<Connection> connection) {
    std::string request_id = random_request_id();
    Response response = error_response(server_busy(), request_id);
    wire::response<wire::string_body> out{wire::status::service_unavailable, 11};
    out.set(wire::field::content_type, response.content_type);
    out.set(wire::field::retry_after, "1");
    out.set("X-Request-Id", request_id);
    out.keep_alive(false);
    out.body() = std::move(response.body);
    out.prepare_payload();
    co_await write_and_linger(connection->stream, out, std::chrono::seconds(1));
    close_connection(connection->stream);
  }

  asio::awaitable<void> session(std::shared_ptr<Connection> connection, std::uint64_t id) {
    Registration registration{this, id, connection->address};
    beast::tcp_stream& stream = connection->stream;
    beast::flat_buffer buffer;
    bool first = true;
    while (!stopping) {
      if (buffer.size() == 0) {
        // Waiting for the first byte of a request is the idle (keep-alive) wait.
        connection->idle_since.store(now_ns(), std::memory_order_relaxed);
        connection->idle = true;
        stream.expires_after(first ? options.read_timeout : options.idle_timeout);
        auto [read_error, bytes] = co_await stream.async_read_some(buffer.prepare(4096), kTuple);
        if (read_error) co_return;  // client left, idle timeout, or stop() closed it
        // close_idle() ran while these bytes were on their way: the connection is gone.
        if (!connection->idle) co_return;
        buffer.commit(bytes);
      }
      first = false;
      connection->idle = false;
      bool keep_alive = co_await serve_one(stream, buffer, connection->address);
      if (!keep_alive) break;
    }
    close_connection(stream);
  }

  // Reads, handles and answers one request; returns whether to keep the connection.
  asio::awaitable<bool> serve_one(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                  const std::string& peer) {
    wire::request_parser<wire::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(options.max_header_bytes));
    // Beast checks a Content-Length against the limit while it reads the header, so
    // the header is read under the largest limit any route allows (file imports) and
    // the request's own limit is applied right after.
    parser.body_limit(std::max(options.max_body_bytes, router.largest_body_limit()));
    stream.expires_after(options.read_timeout);
    auto [header_error, header_bytes] =
        co_await wire::async_read_header(stream, buffer, parser, kTuple);
    if (header_error) {
      co_await reject(stream, parser, header_error, options.max_body_bytes);
      co_return false;
    }
    // A body over the server's limit may still fit its route's own: only such
    // requests (and chunked ones) pay for a route match before the body is read.
    std::size_t body_limit = options.max_body_bytes;
    if (!parser.is_done()) {
      auto length = parser.content_length();
      if (!length || *length > body_limit) {
        body_limit = std::max(body_limit, route_body_limit(parser.get()));
      }
      if (length && *length > body_limit) {
        co_await reject(stream, parser, wire::error::body_limit, body_limit);
        co_return false;
      }
      parser.body_limit(body_limit);
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
        co_await reject(stream, parser, body_error, body_limit);
        co_return false;
      }
    }

    auto started = Clock::now();
    InFlight in_flight(metrics);
    wire::request<wire::string_body>& message = parser.get();
    Request request = to_request(message, peer);
    Response response;
    std::string_view label = "unmatched";
    bool target_valid = true;
    try {
      parse_target(request);
    } catch (const Error& error) {
      target_valid = false;
      response = error_response(error, request.request_id);
      label = "rejected";
    }
    if (target_valid) {
      // The one route match of this request: label, lane and handler come from it.
      RouteMatch match = router.match(request);
      if (!match.label().empty()) label = match.label();
      std::exception_ptr failure;
      try {
        response = co_await answer(request, match);
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

  // Lane::fast: on this I/O thread, unless the route asks for a worker; the others
  // on their pool. Handlers may block on the database or Argon2id: never here.
  asio::awaitable<Response> answer(Request& request, const RouteMatch& match) {
    if (match.lane() == Lane::fast) {
      if (std::optional<Response> ready = router.dispatch_on_io_thread(request, match)) {
        if (ready->body.size() <= kInlineGzipLimit || !wants_gzip(request, *ready)) {
          compress_if_worthwhile(request, *ready);
          co_return std::move(*ready);
        }
        Response big = std::move(*ready);
        co_return co_await on_pool(workers, [&request, &big] {
          compress_if_worthwhile(request, big);
          return std::move(big);
        });
      }
    }
    ThreadPool& pool = match.lane() == Lane::slow ? slow : workers;
    co_return co_await on_pool(pool, [this, &request, &match] {
      Response response = router.dispatch(request, match);
      compress_if_worthwhile(request, response);
      return response;
    });
  }

  // Runs `work` on the pool; the session coroutine resumes on its own strand.
  template <typename Work>
  asio::awaitable<Response> on_pool(ThreadPool& pool, Work work) {
    co_return co_await asio::co_spawn(
        pool.executor(), [&work]() -> asio::awaitable<Response> { co_return work(); },
        asio::use_awaitable);
  }

  // The body limit of the route a request's header names; 0 when it has none of its
  // own or the target cannot be parsed (the request then fails as usual).
  std::size_t route_body_limit(const wire::request<wire::string_body>& message) const {
    Request probe;
    probe.method = parse_method(message.method_string());
    probe.target = std::string(message.target());
    try {
      parse_target(probe);
    } catch (const Error&) {
      return 0;
    }
    return router.match(probe).max_body_bytes();
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
                               const beast::error_code& error, std::size_t body_limit) {
    std::optional<Response> response;
    std::string request_id = parser.is_header_done()
                                 ? choose_request_id(std::string_view(parser.get()["x-request-id"]))
                                 : random_request_id();
    if (error == wire::error::body_limit) {
      response = error_response(payload_too_large(body_limit), request_id);
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
    metrics.observe("rejected", method, response->status, 0);
    co_await write_and_linger(stream, out, kLingerTime);
  }

  // Writes a final answer, then reads (and drops) what the client still sends for
  // a moment before the caller closes: closing with unread data would reset the
  // connection before the client has read the answer (nginx's lingering close).
  asio::awaitable<void> write_and_linger(beast::tcp_stream& stream,
                                         wire::response<wire::string_body>& out,
                                         std::chrono::steady_clock::duration linger) {
    stream.expires_after(options.read_timeout);
    auto [write_error, written] = co_await wire::async_write(stream, out, kTuple);
    if (write_error) co_return;
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream.expires_after(linger);
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

ConnectionLimits Server::connection_limits() const { return impl_->limits; }

ConnectionLimits default_connection_limits(std::uint64_t open_file_limit) {
  std::uint64_t reserve = std::max<std::uint64_t>(64, open_file_limit / 8);
  ConnectionLimits limits;
  limits.total = open_file_limit > reserve + 1
                     ? static_cast<std::size_t>(std::min<std::uint64_t>(open_file_limit - reserve,
                                                                        kMaxDefaultConnections))
                     : 1;
  limits.per_address = std::max<std::size_t>(1, limits.total / 2);
  return limits;
}

std::uint64_t open_file_limit() {
  rlimit limit{};
  if (::getrlimit(RLIMIT_NOFILE, &limit) != 0) return 1024;  // the usual default
  return limit.rlim_cur == RLIM_INFINITY ? kMaxDefaultConnections * 2 : limit.rlim_cur;
}

std::uint64_t raise_open_file_limit() {
  rlimit limit{};
  if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
    rlimit raised = limit;
    raised.rlim_cur = limit.rlim_max;
    if (::setrlimit(RLIMIT_NOFILE, &raised) != 0)
      spdlog::warn("could not raise the open-file limit from {} to {}: {}", limit.rlim_cur,
                   limit.rlim_max, std::strerror(errno));
  }
  return open_file_limit();
}

}  // namespace changwat::http
