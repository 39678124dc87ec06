#include "http/compression.hpp"

#include <gtest/gtest.h>

#include <random>

namespace changwat::http {
namespace {

std::string repetitive_json(std::size_t approximate_size) {
  std::string json = "[";
  while (json.size() < approximate_size)
    json += R"({"code":"2301","name_th":"อำเภอเมืองตราด","name_en":"Mueang Trat"},)";
  json.back() = ']';
  return json;
}

TEST(Gzip, RoundTripsTextAndBinary) {
  std::string text = repetitive_json(50'000);
  std::string packed = gzip_compress(text);
  EXPECT_LT(packed.size(), text.size() / 5);
  // gzip magic bytes, so browsers and curl recognise the wrapper.
  ASSERT_GE(packed.size(), 2u);
  EXPECT_EQ(static_cast<unsigned char>(packed[0]), 0x1f);
  EXPECT_EQ(static_cast<unsigned char>(packed[1]), 0x8b);
  EXPECT_EQ(gzip_decompress(packed), text);

  std::mt19937 generator(7);
  std::string binary(10'000, '\0');
  for (char& c : binary) c = static_cast<char>(generator());
  EXPECT_EQ(gzip_decompress(gzip_compress(binary)), binary);
  EXPECT_EQ(gzip_decompress(gzip_compress("")), "");
}

TEST(Gzip, CorruptInputThrows) {
  std::string packed = gzip_compress(repetitive_json(5000));
  EXPECT_THROW(gzip_decompress(packed.substr(0, packed.size() / 2)), std::runtime_error);
  EXPECT_THROW(gzip_decompress("not gzip at all"), std::runtime_error);
  EXPECT_THROW(gzip_decompress(packed, 100), std::runtime_error);
}

TEST(Gzip, AcceptEncodingNegotiation) {
  EXPECT_TRUE(accepts_gzip("gzip"));
  EXPECT_TRUE(accepts_gzip("gzip, deflate, br"));
  EXPECT_TRUE(accepts_gzip("br;q=1.0, GZIP;q=0.5"));
  EXPECT_TRUE(accepts_gzip("*"));
  EXPECT_FALSE(accepts_gzip(""));
  EXPECT_FALSE(accepts_gzip("identity"));
  EXPECT_FALSE(accepts_gzip("deflate, br"));
  EXPECT_FALSE(accepts_gzip("gzip;q=0"));
  EXPECT_FALSE(accepts_gzip("*, gzip;q=0"));
  EXPECT_FALSE(accepts_gzip("gzipper"));
}

TEST(Gzip, CompressibleTypes) {
  EXPECT_TRUE(is_compressible("application/json; charset=utf-8"));
  EXPECT_TRUE(is_compressible("text/html; charset=utf-8"));
  EXPECT_TRUE(is_compressible("text/css"));
  EXPECT_TRUE(is_compressible("text/javascript; charset=utf-8"));
  EXPECT_TRUE(is_compressible("application/javascript"));
  EXPECT_TRUE(is_compressible("image/svg+xml"));
  EXPECT_FALSE(is_compressible("image/png"));
  EXPECT_FALSE(is_compressible("font/woff2"));
  EXPECT_FALSE(is_compressible("application/pdf"));
}

TEST(Gzip, CompressIfWorthwhile) {
  Request request;
  request.headers.emplace_back("accept-encoding", "gzip, deflate");
  std::string body = repetitive_json(4000);

  Response big = Response::text(body, "application/json");
  compress_if_worthwhile(request, big);
  EXPECT_EQ(big.header("content-encoding").value_or(""), "gzip");
  EXPECT_EQ(big.header("vary").value_or(""), "Accept-Encoding");
  EXPECT_EQ(gzip_decompress(big.body), body);

  Response small = Response::text(body.substr(0, kMinimumCompressedSize - 1), "application/json");
  compress_if_worthwhile(request, small);
  EXPECT_FALSE(small.header("content-encoding"));
  EXPECT_EQ(small.header("vary").value_or(""), "Accept-Encoding");

  Response image = Response::text(body, "image/png");
  compress_if_worthwhile(request, image);
  EXPECT_FALSE(image.header("content-encoding"));
  EXPECT_FALSE(image.header("vary"));
  EXPECT_EQ(image.body, body);

  Request no_gzip;
  Response plain = Response::text(body, "application/json");
  compress_if_worthwhile(no_gzip, plain);
  EXPECT_FALSE(plain.header("content-encoding"));
  EXPECT_EQ(plain.body, body);
}

}  // namespace
}  // namespace changwat::http
