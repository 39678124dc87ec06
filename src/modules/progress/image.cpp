#include "modules/progress/image.hpp"

#include <cairo.h>
#include <jpeglib.h>
#include <libexif/exif-data.h>
#include <png.h>

#include <algorithm>
#include <cmath>
#include <csetjmp>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

#include "base/error.hpp"

namespace changwat::progress::image {
namespace {

// libjpeg writes pixels in the byte order of cairo's RGB24 (a native-endian 0x00RRGGBB).
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
constexpr J_COLOR_SPACE kCairoOrder = JCS_EXT_BGRX;
#else
constexpr J_COLOR_SPACE kCairoOrder = JCS_EXT_XRGB;
#endif

[[noreturn]] void throw_invalid(const char* what_th, const char* what_en) {
  throw Error(ErrorKind::rule, "image_invalid", {what_th, what_en}, {{"body", {what_th, what_en}}});
}

[[noreturn]] void throw_not_an_image() {
  throw_invalid("ไฟล์ไม่ใช่รูปภาพตามชนิดที่ระบุ (Content-Type)",
                "The file is not the image its Content-Type says");
}

[[noreturn]] void throw_mismatch(std::string_view declared) {
  std::string th = "ไฟล์เป็นรูปภาพคนละชนิดกับที่ระบุ (" + std::string(declared) + ")";
  std::string en = "The file is another kind of image than its Content-Type (" +
                   std::string(declared) + ") says";
  throw Error(ErrorKind::unsupported_media_type, "image_type_mismatch", {th, en},
              {{"Content-Type", {th, en}}});
}

[[noreturn]] void throw_unsupported() {
  throw Error(ErrorKind::unsupported_media_type, "unsupported_media_type",
              {"รับเฉพาะรูปภาพ image/jpeg หรือ image/png",
               "Only image/jpeg and image/png photos are accepted"},
              {{"Content-Type",
                {"ต้องเป็น image/jpeg หรือ image/png",
                 "must be image/jpeg or "
                 "image/png"}}});
}

bool looks_like_jpeg(std::string_view bytes) {
  return bytes.size() > 3 && static_cast<unsigned char>(bytes[0]) == 0xFF &&
         static_cast<unsigned char>(bytes[1]) == 0xD8 &&
         static_cast<unsigned char>(bytes[2]) == 0xFF;
}

bool looks_like_png(std::string_view bytes) {
  return bytes.size() > 8 &&
         png_sig_cmp(reinterpret_cast<png_const_bytep>(bytes.data()), 0, 8) == 0;
}

// ---- libjpeg: errors leave through longjmp (the library is C; no exceptions through it).

struct JpegError {
  jpeg_error_mgr manager;
  std::jmp_buf jump;
};

void jpeg_fail(j_common_ptr info) {
  std::longjmp(reinterpret_cast<JpegError*>(info->err)->jump, 1);
}
void jpeg_silent(j_common_ptr) {}

// Every libjpeg call of this file: errors jump back to `error.jump`, warnings say nothing.
jpeg_error_mgr* quiet_errors(JpegError& error) {
  jpeg_std_error(&error.manager);
  error.manager.error_exit = jpeg_fail;
  error.manager.output_message = jpeg_silent;
  return &error.manager;
}

// Reads the size into *width and *height; with `surface_for`, then decodes at the
// smallest libjpeg scale (n/8) that still gives at least `side` pixels on the longest
// side, straight into `surface_for(width, height)`'s pixels — unless the image has more
// than kMaxPixels pixels (false). Nothing with a destructor lives in this frame across
// setjmp.
struct Target {
  unsigned char* pixels = nullptr;
  int stride = 0;
};
using SurfaceFor = Target (*)(void* context, int width, int height);

bool jpeg_read(const unsigned char* data, std::size_t size, int* width, int* height, int side = 0,
               SurfaceFor surface_for = nullptr, void* context = nullptr) {
  jpeg_decompress_struct info;
  JpegError error;
  info.err = quiet_errors(error);
  if (setjmp(error.jump)) {
    jpeg_destroy_decompress(&info);
    return false;
  }
  jpeg_create_decompress(&info);
  jpeg_mem_src(&info, data, static_cast<unsigned long>(size));
  jpeg_read_header(&info, TRUE);
  *width = static_cast<int>(info.image_width);
  *height = static_cast<int>(info.image_height);
  if (!surface_for || static_cast<long long>(*width) * *height > kMaxPixels) {
    jpeg_destroy_decompress(&info);
    return !surface_for;
  }
  unsigned longest = std::max(info.image_width, info.image_height);
  unsigned numerator = 8;
  while (numerator > 1 && (longest * (numerator - 1) + 7) / 8 >= static_cast<unsigned>(side))
    --numerator;
  info.scale_num = numerator;
  info.scale_denom = 8;
  info.out_color_space = kCairoOrder;
  info.dct_method = JDCT_IFAST;
  jpeg_start_decompress(&info);
  Target target = surface_for(context, static_cast<int>(info.output_width),
                              static_cast<int>(info.output_height));
  if (!target.pixels) {
    jpeg_destroy_decompress(&info);
    return false;
  }
  while (info.output_scanline < info.output_height) {
    JSAMPROW row = target.pixels + static_cast<std::size_t>(info.output_scanline) * target.stride;
    jpeg_read_scanlines(&info, &row, 1);
  }
  jpeg_finish_decompress(&info);
  jpeg_destroy_decompress(&info);
  return true;
}

// Encodes cairo RGB24 pixels as a JPEG into *out (malloc'd by libjpeg).
bool jpeg_encode(const unsigned char* pixels, int width, int height, int stride, int quality,
                 unsigned char** out, unsigned long* out_size) {
  jpeg_compress_struct info;
  JpegError error;
  info.err = quiet_errors(error);
  if (setjmp(error.jump)) {
    jpeg_destroy_compress(&info);
    return false;
  }
  jpeg_create_compress(&info);
  jpeg_mem_dest(&info, out, out_size);
  info.image_width = static_cast<JDIMENSION>(width);
  info.image_height = static_cast<JDIMENSION>(height);
  info.input_components = 4;
  info.in_color_space = kCairoOrder;
  jpeg_set_defaults(&info);
  jpeg_set_quality(&info, quality, TRUE);
  jpeg_start_compress(&info, TRUE);
  while (info.next_scanline < info.image_height) {
    JSAMPROW row =
        const_cast<unsigned char*>(pixels) + static_cast<std::size_t>(info.next_scanline) * stride;
    jpeg_write_scanlines(&info, &row, 1);
  }
  jpeg_finish_compress(&info);
  jpeg_destroy_compress(&info);
  return true;
}

// ---- libexif

struct ExifDeleter {
  void operator()(ExifData* data) const { exif_data_unref(data); }
};

std::optional<double> gps_degrees(ExifData* data, ExifTag value_tag, ExifTag ref_tag,
                                  double limit) {
  ExifContent* gps = data->ifd[EXIF_IFD_GPS];
  if (!gps) return std::nullopt;
  ExifEntry* value = exif_content_get_entry(gps, value_tag);
  ExifEntry* ref = exif_content_get_entry(gps, ref_tag);
  if (!value || value->format != EXIF_FORMAT_RATIONAL || value->components < 3 || !value->data)
    return std::nullopt;
  ExifByteOrder order = exif_data_get_byte_order(data);
  double parts[3];
  for (int i = 0; i < 3; ++i) {
    ExifRational r =
        exif_get_rational(value->data + i * exif_format_get_size(EXIF_FORMAT_RATIONAL), order);
    if (r.denominator == 0) return std::nullopt;
    parts[i] = static_cast<double>(r.numerator) / r.denominator;
  }
  double degrees = parts[0] + parts[1] / 60.0 + parts[2] / 3600.0;
  if (ref && ref->data && ref->size > 0 && (ref->data[0] == 'S' || ref->data[0] == 'W'))
    degrees = -degrees;
  if (!std::isfinite(degrees) || std::fabs(degrees) > limit) return std::nullopt;
  return degrees;
}

std::optional<std::string> exif_taken_at(ExifData* data) {
  ExifContent* exif = data->ifd[EXIF_IFD_EXIF];
  if (!exif) return std::nullopt;
  ExifEntry* entry = exif_content_get_entry(exif, EXIF_TAG_DATE_TIME_ORIGINAL);
  if (!entry || entry->format != EXIF_FORMAT_ASCII || !entry->data || entry->size < 19)
    return std::nullopt;
  std::string text(reinterpret_cast<const char*>(entry->data), 19);  // "YYYY:MM:DD HH:MM:SS"
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18})
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  if (text[4] != ':' || text[7] != ':' || text[10] != ' ' || text[13] != ':' || text[16] != ':')
    return std::nullopt;
  if (text.compare(0, 4, "0000") == 0) return std::nullopt;  // cameras without a clock
  // EXIF carries no time zone: a photo of a Thai site is taken in Thai time (UTC+7).
  return text.substr(0, 4) + "-" + text.substr(5, 2) + "-" + text.substr(8, 2) + "T" +
         text.substr(11, 8) + "+07:00";
}

void read_exif(std::string_view bytes, Info& info) {
  std::unique_ptr<ExifData, ExifDeleter> data(exif_data_new_from_data(
      reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<unsigned>(bytes.size())));
  if (!data) return;
  auto latitude = gps_degrees(data.get(), static_cast<ExifTag>(EXIF_TAG_GPS_LATITUDE),
                              static_cast<ExifTag>(EXIF_TAG_GPS_LATITUDE_REF), 90.0);
  auto longitude = gps_degrees(data.get(), static_cast<ExifTag>(EXIF_TAG_GPS_LONGITUDE),
                               static_cast<ExifTag>(EXIF_TAG_GPS_LONGITUDE_REF), 180.0);
  // 0,0 is what a phone writes without a fix, not a photo in the Gulf of Guinea.
  if (latitude && longitude && !(*latitude == 0 && *longitude == 0)) {
    info.latitude = latitude;
    info.longitude = longitude;
  }
  info.taken_at = exif_taken_at(data.get());
}

// ---- cairo: the thumbnail's scaling

struct SurfaceDeleter {
  void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
using Surface = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;

Target make_surface(void* context, int width, int height) {
  auto* surface = static_cast<Surface*>(context);
  if (width <= 0 || height <= 0) return {};
  surface->reset(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height));
  if (cairo_surface_status(surface->get()) != CAIRO_STATUS_SUCCESS) return {};
  cairo_surface_flush(surface->get());
  return {cairo_image_surface_get_data(surface->get()),
          cairo_image_surface_get_stride(surface->get())};
}

Surface decode_png(std::string_view bytes) {
  png_image png;
  std::memset(&png, 0, sizeof png);
  png.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_memory(&png, bytes.data(), bytes.size())) return nullptr;
  if (static_cast<long long>(png.width) * png.height > kMaxPixels) {
    png_image_free(&png);
    return nullptr;
  }
  // Transparent parts are laid on white; three bytes a pixel, then widened for cairo.
  png.format = PNG_FORMAT_RGB;
  std::vector<unsigned char> rgb(PNG_IMAGE_SIZE(png));
  png_color white{255, 255, 255};
  if (!png_image_finish_read(&png, &white, rgb.data(), 0, nullptr)) {
    png_image_free(&png);
    return nullptr;
  }
  Surface surface;
  Target target = make_surface(&surface, static_cast<int>(png.width), static_cast<int>(png.height));
  if (!target.pixels) return nullptr;
  for (std::size_t y = 0; y < png.height; ++y) {
    auto* row = reinterpret_cast<std::uint32_t*>(target.pixels + y * target.stride);
    const unsigned char* in = rgb.data() + y * png.width * 3;
    for (std::size_t x = 0; x < png.width; ++x, in += 3)
      row[x] = (std::uint32_t{in[0]} << 16) | (std::uint32_t{in[1]} << 8) | in[2];
  }
  cairo_surface_mark_dirty(surface.get());
  return surface;
}

}  // namespace

Info inspect(std::string_view content_type, std::string_view bytes) {
  Info info;
  if (content_type == "image/jpeg") {
    if (!looks_like_jpeg(bytes)) {
      if (looks_like_png(bytes)) throw_mismatch(content_type);
      throw_not_an_image();
    }
    if (!jpeg_read(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), &info.width,
                   &info.height)) {
      throw_not_an_image();
    }
    read_exif(bytes, info);
  } else if (content_type == "image/png") {
    if (!looks_like_png(bytes)) {
      if (looks_like_jpeg(bytes)) throw_mismatch(content_type);
      throw_not_an_image();
    }
    png_image png;
    std::memset(&png, 0, sizeof png);
    png.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&png, bytes.data(), bytes.size())) throw_not_an_image();
    info.width = static_cast<int>(png.width);
    info.height = static_cast<int>(png.height);
    png_image_free(&png);
  } else {
    throw_unsupported();
  }
  if (info.width <= 0 || info.height <= 0) throw_not_an_image();
  if (static_cast<long long>(info.width) * info.height > kMaxPixels) {
    throw_invalid("รูปภาพมีจำนวนพิกเซลมากเกินไป (เกิน 60 ล้านพิกเซล)",
                  "The image has too many pixels (over 60 million)");
  }
  return info;
}

std::string thumbnail(std::string_view content_type, std::string_view bytes, int side) {
  Surface source;
  if (content_type == "image/jpeg") {
    int width = 0;
    int height = 0;
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
    if (!jpeg_read(data, bytes.size(), &width, &height, side, make_surface, &source)) {
      throw_not_an_image();
    }
  } else if (content_type == "image/png") {
    source = decode_png(bytes);
  } else {
    throw_unsupported();
  }
  if (!source) throw_not_an_image();
  cairo_surface_mark_dirty(source.get());
  int width = cairo_image_surface_get_width(source.get());
  int height = cairo_image_surface_get_height(source.get());
  double scale = std::min(1.0, static_cast<double>(side) / std::max(width, height));
  int out_width = std::max(1, static_cast<int>(std::lround(width * scale)));
  int out_height = std::max(1, static_cast<int>(std::lround(height * scale)));
  Surface target;
  if (!make_surface(&target, out_width, out_height).pixels) throw_not_an_image();
  cairo_t* cr = cairo_create(target.get());
  cairo_scale(cr, static_cast<double>(out_width) / width, static_cast<double>(out_height) / height);
  cairo_set_source_surface(cr, source.get(), 0, 0);
  cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
  cairo_paint(cr);
  cairo_destroy(cr);
  cairo_surface_flush(target.get());

  unsigned char* out = nullptr;
  unsigned long out_size = 0;
  bool encoded = jpeg_encode(cairo_image_surface_get_data(target.get()), out_width, out_height,
                             cairo_image_surface_get_stride(target.get()), 80, &out, &out_size);
  std::string jpeg;
  if (encoded && out) jpeg.assign(reinterpret_cast<const char*>(out), out_size);
  std::free(out);
  if (!encoded) throw_not_an_image();
  return jpeg;
}

}  // namespace changwat::progress::image
