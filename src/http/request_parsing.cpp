#include "http/request_parsing.hpp"

#include <array>
#include <boost/url/parse.hpp>
#include <cctype>
#include <random>

#include "base/error.hpp"
#include "http/message.hpp"

namespace changwat::http {
namespace {

[[noreturn]] void invalid_target() {
  throw Error(ErrorKind::validation, "invalid_target",
              {"ที่อยู่ (URL) ที่ร้องขอไม่ถูกต้อง", "The requested address (URL) is malformed"});
}

}  // namespace

Method parse_method(std::string_view name) {
  if (name == "GET") return Method::get;
  if (name == "HEAD") return Method::head;
  if (name == "POST") return Method::post;
  if (name == "PUT") return Method::put;
  if (name == "PATCH") return Method::patch;
  if (name == "DELETE") return Method::delete_;
  if (name == "OPTIONS") return Method::options;
  return Method::other;
}

void parse_target(Request& request) {
  auto parsed = boost::urls::parse_origin_form(request.target);
  if (!parsed) invalid_target();
  const boost::urls::url_view& url = *parsed;
  request.path = url.path();
  if (request.path.find('\0') != std::string::npos) invalid_target();
  request.query.clear();
  if (!url.has_query()) return;
  boost::urls::encoding_opts form_encoding;
  form_encoding.space_as_plus = true;
  for (const boost::urls::param& param : url.params(form_encoding)) {
    if (param.key.empty() && !param.has_value) continue;  // "?a=1&&b=2"
    request.query.emplace_back(param.key, param.value);
  }
}

std::string choose_request_id(std::optional<std::string_view> incoming) {
  if (incoming && !incoming->empty() && incoming->size() <= 64) {
    bool sane = true;
    for (char c : *incoming)
      sane =
          sane && (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-');
    if (sane) return std::string(*incoming);
  }
  return random_request_id();
}

std::string random_request_id() {
  // Ids only need to be unique enough to find a request in the logs, not secret.
  thread_local std::mt19937_64 generator{std::random_device{}()};
  constexpr std::array<char, 16> kHex{'0', '1', '2', '3', '4', '5', '6', '7',
                                      '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
  std::string id(32, '0');
  for (int half = 0; half < 2; ++half) {
    std::uint64_t bits = generator();
    for (int i = 0; i < 16; ++i, bits >>= 4) id[half * 16 + i] = kHex[bits & 0xF];
  }
  return id;
}

void apply_client_address(Request& request, std::string socket_address, bool trust_proxy) {
  request.remote_address = std::move(socket_address);
  request.secure = false;
  if (!trust_proxy) return;
  if (auto forwarded = request.header("x-forwarded-for")) {
    std::string_view list = *forwarded;
    std::size_t comma = list.rfind(',');
    std::string_view last =
        trim_header_space(comma == std::string_view::npos ? list : list.substr(comma + 1));
    if (!last.empty()) request.remote_address = std::string(last);
  }
  if (auto proto = request.header("x-forwarded-proto")) {
    std::string_view value = trim_header_space(*proto);
    std::string lowered(value);
    for (char& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    request.secure = lowered == "https";
  }
}

}  // namespace changwat::http
