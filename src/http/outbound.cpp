#include "http/outbound.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <boost/url/parse.hpp>
#include <ctime>
#include <istream>

#include "base/secret.hpp"

namespace changwat::http::outbound {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;

// One connection whose every operation shares one deadline: each call runs the
// io_context until the operation ends or the stream's timer fires.
class Connection {
 public:
  Connection(const Endpoint& endpoint, std::chrono::milliseconds timeout) : stream_(ioc_) {
    stream_.expires_after(timeout);
    tcp::resolver resolver(ioc_);
    beast::error_code error;
    auto results = resolver.resolve(endpoint.host, endpoint.port, error);
    if (error) fail("resolve " + endpoint.host, error);
    stream_.async_connect(results, [&](beast::error_code e, const tcp::endpoint&) { error = e; });
    run();
    if (error) fail("connect " + endpoint.host + ":" + endpoint.port, error);
  }

  beast::tcp_stream& stream() { return stream_; }
  void run() {
    ioc_.restart();
    ioc_.run();
  }

  void write(const std::string& text) {
    beast::error_code error;
    asio::async_write(stream_, asio::buffer(text),
                      [&](beast::error_code e, std::size_t) { error = e; });
    run();
    if (error) fail("write", error);
  }

  // One line without its CRLF.
  std::string read_line() {
    beast::error_code error;
    asio::async_read_until(stream_, buffer_, "\r\n",
                           [&](beast::error_code e, std::size_t) { error = e; });
    run();
    if (error) fail("read", error);
    std::istream in(&buffer_);
    std::string line;
    std::getline(in, line);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
  }

  [[noreturn]] static void fail(const std::string& what, const beast::error_code& error) {
    throw DeliveryError(what + ": " + error.message(), true);
  }

 private:
  asio::io_context ioc_;
  beast::tcp_stream stream_;
  asio::streambuf buffer_;
};

// "=?UTF-8?B?…?=" for a header that may hold Thai.
std::string encoded_word(const std::string& text) { return "=?UTF-8?B?" + base64(text) + "?="; }

// base64 in lines of 76 characters (RFC 2045).
std::string mime_body(const std::string& text) {
  std::string encoded = base64(text);
  std::string out;
  for (std::size_t at = 0; at < encoded.size(); at += 76) out += encoded.substr(at, 76) + "\r\n";
  return out;
}

std::string rfc5322_date() {
  std::time_t now = std::time(nullptr);
  std::tm parts{};
  gmtime_r(&now, &parts);
  char text[64];
  std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S +0000", &parts);
  return text;
}

}  // namespace

std::optional<Endpoint> parse_endpoint(const std::string& url, const std::string& scheme) {
  auto parsed = boost::urls::parse_absolute_uri(url);
  if (!parsed || parsed->scheme() != scheme || parsed->host().empty()) return std::nullopt;
  Endpoint endpoint;
  endpoint.host = parsed->host();
  endpoint.port =
      parsed->has_port() ? std::string(parsed->port()) : (scheme == "smtp" ? "25" : "80");
  endpoint.target = std::string(parsed->encoded_target());
  if (endpoint.target.empty()) endpoint.target = "/";
  if (parsed->has_userinfo()) {
    endpoint.user = parsed->user();
    endpoint.password = parsed->password();
  }
  return endpoint;
}

HttpAnswer post(const std::string& url,
                const std::vector<std::pair<std::string, std::string>>& headers,
                const std::string& body, std::chrono::milliseconds timeout) {
  std::optional<Endpoint> endpoint = parse_endpoint(url, "http");
  if (!endpoint) throw DeliveryError("not an http:// URL: " + url, false);
  Connection connection(*endpoint, timeout);
  beast::http::request<beast::http::string_body> request{beast::http::verb::post, endpoint->target,
                                                         11};
  request.set(beast::http::field::host, endpoint->host + ":" + endpoint->port);
  request.set(beast::http::field::user_agent, "changwat");
  for (const auto& [name, value] : headers) request.set(name, value);
  request.body() = body;
  request.prepare_payload();
  beast::error_code error;
  beast::http::async_write(connection.stream(), request,
                           [&](beast::error_code e, std::size_t) { error = e; });
  connection.run();
  if (error) Connection::fail("send", error);
  beast::flat_buffer buffer;
  beast::http::response<beast::http::string_body> response;
  beast::http::async_read(connection.stream(), buffer, response,
                          [&](beast::error_code e, std::size_t) { error = e; });
  connection.run();
  if (error) Connection::fail("answer", error);
  return {static_cast<int>(response.result_int()), response.body()};
}

void send_mail(const std::string& url, const Mail& mail, std::chrono::milliseconds timeout) {
  std::optional<Endpoint> endpoint = parse_endpoint(url, "smtp");
  if (!endpoint) throw DeliveryError("not an smtp:// URL", false);
  Connection connection(*endpoint, timeout);
  // Reads a reply (its continuation lines "250-…" too) and checks its class.
  auto expect = [&](char first, const std::string& step) {
    std::string line;
    do {
      line = connection.read_line();
    } while (line.size() > 3 && line[3] == '-');
    if (line.empty() || line[0] != first)
      throw DeliveryError("SMTP " + step + ": " + line, line.empty() || line[0] == '4');
  };
  auto command = [&](const std::string& text, char first, const std::string& step) {
    connection.write(text + "\r\n");
    expect(first, step);
  };
  expect('2', "greeting");
  command("EHLO changwat", '2', "EHLO");
  if (endpoint->user)
    command("AUTH PLAIN " + base64(std::string(1, '\0') + *endpoint->user + std::string(1, '\0') +
                                   endpoint->password.value_or("")),
            '2', "AUTH");
  command("MAIL FROM:<" + mail.from + ">", '2', "MAIL FROM");
  command("RCPT TO:<" + mail.to + ">", '2', "RCPT TO");
  command("DATA", '3', "DATA");
  std::string message = "From: " + mail.from + "\r\nTo: " + mail.to +
                        "\r\nSubject: " + encoded_word(mail.subject) +
                        "\r\nDate: " + rfc5322_date() +
                        "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8"
                        "\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
                        mime_body(mail.text) + ".\r\n";
  connection.write(message);
  expect('2', "message");
  connection.write("QUIT\r\n");
}

}  // namespace changwat::http::outbound
