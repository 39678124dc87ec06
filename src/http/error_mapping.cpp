// The one place where changwat::Error becomes the error JSON the web UI reads.
#include <boost/json/object.hpp>

#include "base/error.hpp"
#include "http/router.hpp"

namespace changwat::http {

Response error_response(const Error& error, const std::string& request_id) {
  boost::json::object fields;
  for (const auto& [field, why] : error.fields())
    fields[field] = boost::json::object{{"th", why.th}, {"en", why.en}};

  boost::json::object body{
      {"code", error.code()},
      {"message_th", error.message().th},
      {"message_en", error.message().en},
      {"fields", std::move(fields)},
      {"request_id", request_id},
  };
  Response response =
      Response::json(boost::json::object{{"error", std::move(body)}}, http_status(error.kind()));
  // Errors describe one request; caches must not hand them to anyone else.
  response.add_header("Cache-Control", "no-store");
  return response;
}

Error internal_error() {
  return Error(ErrorKind::internal, "internal",
               {"เกิดข้อผิดพลาดภายในระบบ กรุณาลองใหม่อีกครั้ง หากยังพบปัญหาโปรดแจ้งรหัสคำขอแก่ผู้ดูแลระบบ",
                "Something went wrong on the server. Please try again; if it persists, give the "
                "request id to the administrator."});
}

}  // namespace changwat::http
