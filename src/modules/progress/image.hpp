#pragma once
// Photos as images: what an uploaded file is (checked against its content type), its
// size in pixels, the GPS position and capture time its EXIF carries, and a small
// JPEG thumbnail. Built on Debian's libjpeg-turbo (scaled decoding), libpng and
// libexif; their C headers stay inside image.cpp. No database, no HTTP.
#include <optional>
#include <string>
#include <string_view>

namespace changwat::progress::image {

// Larger images (in pixels) are refused: a small file may decode to gigabytes.
inline constexpr long long kMaxPixels = 60'000'000;
// The longest side of a thumbnail, in pixels.
inline constexpr int kThumbnailSide = 320;

struct Info {
  int width = 0;
  int height = 0;
  std::optional<double> latitude;  // EXIF GPS, decimal degrees (south and west negative)
  std::optional<double> longitude;
  std::optional<std::string> taken_at;  // EXIF DateTimeOriginal as ISO, local time +07:00
};

// `content_type` is "image/jpeg" or "image/png" (others: Error 415). Bytes that are
// not such an image: Error(rule, "image_invalid") (422), field "body"; a file of the
// other supported type: Error 415 "image_type_mismatch".
Info inspect(std::string_view content_type, std::string_view bytes);

// A baseline JPEG whose longest side is at most `side` pixels (never upscaled).
// Throws Error(rule, "image_invalid") if the image cannot be decoded.
std::string thumbnail(std::string_view content_type, std::string_view bytes,
                      int side = kThumbnailSide);

}  // namespace changwat::progress::image
