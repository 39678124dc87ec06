// The throughput ceiling for docs/performance.md: the smallest useful Boost.Beast
// keep-alive server, built like changwat's (C++20 coroutines, a strand per
// connection, beast::tcp_stream with timeouts, request_parser with limits) but
// answering "Hello, world!" straight from the I/O thread with no routing, worker
// pool, metrics or JSON. bench/http_load.sh runs wrk against it and against changwat.
//
//   bench_hello_server [--port N] [--threads N]
// prints "listening on 127.0.0.1:PORT" once ready; SIGINT/SIGTERM stop it.
#include <algorithm>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace wire = boost::beast::http;
using tcp = asio::ip::tcp;

constexpr auto kTuple = asio::as_tuple(asio::use_awaitable);

asio::awaitable<void> session(beast::tcp_stream stream) {
  beast::flat_buffer buffer;
  while (true) {
    wire::request_parser<wire::string_body> parser;
    parser.header_limit(16 * 1024);
    parser.body_limit(1024 * 1024);
    stream.expires_after(std::chrono::seconds(60));
    auto [read_error, read_bytes] = co_await wire::async_read(stream, buffer, parser, kTuple);
    if (read_error) break;
    const auto& request = parser.get();
    wire::response<wire::string_body> response{wire::status::ok, request.version()};
    response.set(wire::field::content_type, "text/plain; charset=utf-8");
    response.keep_alive(request.keep_alive());
    response.body() = "Hello, world!";
    response.prepare_payload();
    stream.expires_after(std::chrono::seconds(30));
    auto [write_error, written] = co_await wire::async_write(stream, response, kTuple);
    if (write_error || !response.keep_alive()) break;
  }
  beast::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
}

asio::awaitable<void> accept_loop(tcp::acceptor& acceptor, asio::io_context& io) {
  while (true) {
    auto [error, socket] = co_await acceptor.async_accept(asio::make_strand(io), kTuple);
    if (error) {
      if (!acceptor.is_open()) co_return;
      continue;
    }
    socket.set_option(tcp::no_delay(true));
    asio::co_spawn(socket.get_executor(), session(beast::tcp_stream(std::move(socket))),
                   asio::detached);
  }
}

int parse_number(std::string_view text, const char* what) {
  char* end = nullptr;
  std::string copy(text);
  long value = std::strtol(copy.c_str(), &end, 10);
  if (end == copy.c_str() || *end != '\0' || value < 0 || value > 65535) {
    std::fprintf(stderr, "bench_hello_server: bad %s '%s'\n", what, copy.c_str());
    std::exit(2);
  }
  return static_cast<int>(value);
}

}  // namespace

int main(int argc, char** argv) {
  int port = 0;
  int threads = 1;
  for (int i = 1; i < argc; ++i) {
    std::string_view argument = argv[i];
    if (argument == "--port" && i + 1 < argc) {
      port = parse_number(argv[++i], "port");
    } else if (argument == "--threads" && i + 1 < argc) {
      threads = std::max(1, parse_number(argv[++i], "thread count"));
    } else {
      std::fprintf(stderr, "usage: bench_hello_server [--port N] [--threads N]\n");
      return 2;
    }
  }
  asio::io_context io(threads);
  tcp::acceptor acceptor(
      io, tcp::endpoint(asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(port)));
  std::printf("listening on 127.0.0.1:%u\n", acceptor.local_endpoint().port());
  std::fflush(stdout);
  asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](const beast::error_code&, int) { io.stop(); });
  asio::co_spawn(io, accept_loop(acceptor, io), asio::detached);
  std::vector<std::thread> extra;
  for (int i = 1; i < threads; ++i) extra.emplace_back([&io] { io.run(); });
  io.run();
  for (auto& thread : extra) thread.join();
  return 0;
}
