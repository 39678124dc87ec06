// Site photos (api/openapi.yaml, tag Progress): upload from a phone with its position,
// the list of a project's photos, the image and its thumbnail (202 until the
// background worker has made it).
#include <boost/json.hpp>

#include "http/params.hpp"
#include "modules/progress/api_routes.hpp"
#include "modules/progress/json.hpp"
#include "modules/progress/rules.hpp"
#include "platform/idempotency/idempotency.hpp"

namespace changwat::progress::api {
namespace {

// The media type without parameters, lower case ("" when absent).
std::string media_type(const http::Request& request) {
  std::string type(http::trim_header_space(request.header("content-type").value_or("")));
  type = type.substr(0, type.find(';'));
  type = std::string(http::trim_header_space(type));
  for (auto& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return type;
}

std::optional<std::string_view> header(const http::Request& request, std::string_view name) {
  auto value = request.header(name);
  if (!value || http::trim_header_space(*value).empty()) return std::nullopt;
  return value;
}

}  // namespace

void add_photo_routes(http::Router& router, ProgressService& service) {
  using http::Method;
  idempotency::Options photo_headers{{"x-latitude", "x-longitude", "x-accuracy-m", "x-taken-at"}};
  router.add(
      Method::post, "/api/v1/projects/{element_id}/photos",
      idempotency::idempotent(
          service.database(),
          [&service](http::Context& ctx) {
            std::int64_t element_id =
                http::path_id(ctx.request, "element_id", {"โครงการ", "Project"});
            PhotoUpload upload;
            upload.content_type = media_type(ctx.request);
            upload.bytes = ctx.request.body;
            rules::Position position = rules::parse_position(header(ctx.request, "x-latitude"),
                                                             header(ctx.request, "x-longitude"),
                                                             header(ctx.request, "x-accuracy-m"));
            upload.latitude = position.latitude;
            upload.longitude = position.longitude;
            upload.accuracy_m = position.accuracy_m;
            if (auto taken = header(ctx.request, "x-taken-at")) {
              upload.taken_at = rules::parse_taken_at(http::trim_header_space(*taken));
              if (!upload.taken_at) {
                Message why{"ต้องเป็นวันเวลา ISO 8601 พร้อมเขตเวลา เช่น 2026-03-05T10:15:00+07:00",
                            "must be an ISO 8601 date-time with its zone, e.g. "
                            "2026-03-05T10:15:00+07:00"};
                throw Error(ErrorKind::rule, "invalid_taken_at", why, {{"X-Taken-At", why}});
              }
            }
            Photo photo = service.add_photo(ctx.actor, element_id, upload);
            http::Response response = http::Response::json(photo_json(photo), 201);
            response.add_header("Location", "/api/v1/photos/" + std::to_string(photo.id));
            return response;
          },
          photo_headers),
      http::Lane::normal, kPhotoBodyLimit);

  router.add(Method::get, "/api/v1/projects/{element_id}/photos", [&service](http::Context& ctx) {
    std::int64_t element_id = http::path_id(ctx.request, "element_id", {"โครงการ", "Project"});
    boost::json::array items;
    for (const auto& photo : service.photos(ctx.actor, element_id))
      items.push_back(photo_json(photo));
    return http::Response::json(boost::json::object{{"items", std::move(items)}});
  });

  router.add(Method::get, "/api/v1/photos/{id}", [&service](http::Context& ctx) {
    std::int64_t id = http::path_id(ctx.request, "id", {"ภาพถ่าย", "Photo"});
    auto [photo, bytes] = service.photo_file(ctx.actor, id);
    http::Response response = http::Response::text(std::move(bytes), photo.content_type);
    response.add_header("Cache-Control", "private, max-age=86400, immutable");
    return response;
  });

  router.add(Method::get, "/api/v1/photos/{id}/thumbnail", [&service](http::Context& ctx) {
    std::int64_t id = http::path_id(ctx.request, "id", {"ภาพถ่าย", "Photo"});
    auto jpeg = service.thumbnail(ctx.actor, id);
    if (!jpeg) {
      http::Response pending = http::Response::json(
          boost::json::object{{"status", "pending"},
                              {"message_th", "กำลังสร้างภาพย่อ ลองใหม่อีกครู่"},
                              {"message_en", "The thumbnail is being made; try again shortly"}},
          202);
      pending.add_header("Retry-After", "1");
      pending.add_header("Cache-Control", "no-store");
      return pending;
    }
    http::Response response = http::Response::text(std::move(*jpeg), "image/jpeg");
    response.add_header("Cache-Control", "private, max-age=86400, immutable");
    return response;
  });
}

}  // namespace changwat::progress::api
