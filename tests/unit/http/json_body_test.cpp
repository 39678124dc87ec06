#include "http/json_body.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

namespace changwat::http {
namespace {

Request json_request(std::string body, std::string content_type = "application/json") {
  Request request;
  request.method = Method::post;
  request.headers.emplace_back("content-type", std::move(content_type));
  request.body = std::move(body);
  return request;
}

// Runs `read` on a body and returns the validation error's fields.
template <class Read>
std::map<std::string, Message> problems(const std::string& body, Read read) {
  Request request = json_request(body);
  JsonBody json(request);
  read(json);
  try {
    json.finish();
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::validation);
    return error.fields();
  }
  return {};
}

TEST(JsonBody, ReadsEveryKindOfField) {
  Request request =
      json_request(R"({"title":"  แผนพัฒนาจังหวัดตราด  ","year":2568,"share":0.25,"active":true,)"
                   R"("tags":["ท่องเที่ยว"," เกษตร "],"note":null})");
  JsonBody json(request);
  EXPECT_EQ(json.text("title"), "แผนพัฒนาจังหวัดตราด");
  EXPECT_EQ(json.integer("year"), 2568);
  EXPECT_DOUBLE_EQ(json.number("share"), 0.25);
  EXPECT_TRUE(json.boolean("active"));
  EXPECT_EQ(json.text_list("tags"), (std::vector<std::string>{"ท่องเที่ยว", "เกษตร"}));
  EXPECT_FALSE(json.optional_text("note").has_value());
  EXPECT_FALSE(json.optional_integer("missing").has_value());
  EXPECT_NO_THROW(json.finish());
}

TEST(JsonBody, ContentTypeMustBeJson) {
  for (const char* type : {"text/plain", "application/x-www-form-urlencoded", ""}) {
    Request request = json_request("{}", type);
    try {
      JsonBody json(request);
      ADD_FAILURE() << "accepted content type '" << type << "'";
    } catch (const Error& error) {
      EXPECT_EQ(error.kind(), ErrorKind::unsupported_media_type);
      EXPECT_EQ(http_status(error.kind()), 415);
    }
  }
  Request no_header;
  no_header.body = "{}";
  EXPECT_THROW(JsonBody{no_header}, Error);
  Request with_charset = json_request("{}", "Application/JSON; charset=utf-8");
  EXPECT_NO_THROW(JsonBody{with_charset});
}

TEST(JsonBody, MalformedJsonAndNonObjectsAreValidationErrors) {
  for (const char* body : {"{", "{\"a\":}", "", "{'a':1}", "{\"a\":1} trailing"}) {
    Request request = json_request(body);
    try {
      JsonBody json(request);
      ADD_FAILURE() << "accepted " << body;
    } catch (const Error& error) {
      EXPECT_EQ(error.kind(), ErrorKind::validation);
      EXPECT_EQ(error.code(), "malformed_json");
    }
  }
  for (const char* body : {"[1,2]", "\"text\"", "42", "null"}) {
    Request request = json_request(body);
    try {
      JsonBody json(request);
      ADD_FAILURE() << "accepted " << body;
    } catch (const Error& error) {
      EXPECT_EQ(error.kind(), ErrorKind::validation);
      EXPECT_EQ(error.code(), "body_not_object");
    }
  }
}

TEST(JsonBody, InvalidUtf8IsRefused) {
  Request request = json_request(std::string("{\"title\":\"\xff\xfe\"}"));
  EXPECT_THROW(JsonBody{request}, Error);
  // Objects built in code are not checked by the parser, so the accessor checks.
  boost::json::object object{{"title", std::string("ok\xc3\x28")}};
  JsonBody json(object);
  json.text("title");
  try {
    json.finish();
    ADD_FAILURE() << "invalid UTF-8 accepted";
  } catch (const Error& error) {
    EXPECT_EQ(error.fields().at("title").en, "contains characters that are not valid UTF-8");
  }
}

TEST(JsonBody, MissingAndWrongTypesAreReportedPerField) {
  auto fields =
      problems(R"({"name":5,"count":"3","ratio":"x","flag":1,"tags":"a"})", [](JsonBody& json) {
        json.text("name");
        json.integer("count");
        json.number("ratio");
        json.boolean("flag");
        json.text_list("tags");
        json.text("absent");
        json.integer("absent_number");
      });
  ASSERT_EQ(fields.size(), 7u);
  EXPECT_EQ(fields.at("name").th, "ต้องเป็นข้อความ");
  EXPECT_EQ(fields.at("name").en, "must be text");
  EXPECT_EQ(fields.at("count").en, "must be a whole number");
  EXPECT_EQ(fields.at("ratio").en, "must be a number");
  EXPECT_EQ(fields.at("flag").en, "must be true or false");
  EXPECT_EQ(fields.at("tags").en, "must be a list of text");
  EXPECT_EQ(fields.at("absent").th, "ต้องระบุ");
  EXPECT_EQ(fields.at("absent_number").en, "is required");
}

TEST(JsonBody, RequiredTextMustNotBeBlank) {
  auto fields = problems(R"({"title":"   \u00a0 "})", [](JsonBody& json) { json.text("title"); });
  ASSERT_EQ(fields.count("title"), 1u);
  EXPECT_EQ(fields.at("title").en, "must not be empty");
}

TEST(JsonBody, LengthCountsCodePointsNotBytes) {
  // 5 Thai characters are 15 bytes in UTF-8; the limit is in characters.
  auto ok = problems(R"({"name":"ตราดดี"})", [](JsonBody& json) { json.text("name", 6); });
  EXPECT_TRUE(ok.empty());
  auto too_long = problems(R"({"name":"ตราดดีมาก"})", [](JsonBody& json) { json.text("name", 6); });
  ASSERT_EQ(too_long.count("name"), 1u);
  EXPECT_EQ(too_long.at("name").en, "must be at most 6 characters");
  EXPECT_EQ(too_long.at("name").th, "ยาวได้ไม่เกิน 6 ตัวอักษร");
  // An emoji outside the BMP is one code point (four bytes, two UTF-16 units).
  auto emoji = problems(R"({"name":"🏝️ok"})", [](JsonBody& json) { json.text("name", 4); });
  EXPECT_TRUE(emoji.empty());
  auto emoji_long =
      problems(R"({"name":"🏝🏝🏝"})", [](JsonBody& json) { json.text("name", 2); });
  EXPECT_EQ(emoji_long.count("name"), 1u);
}

TEST(JsonBody, ThaiAndEmojiRoundTripUnchanged) {
  Request request = json_request(
      R"({"name":"วิสาหกิจชุมชนบ้านน้ำเชี่ยว 🛶"})");
  JsonBody json(request);
  EXPECT_EQ(json.text("name"),
            "วิสาหกิจชุมชนบ้านน้ำเชี่ยว 🛶");
  EXPECT_NO_THROW(json.finish());
}

TEST(JsonBody, SqlMetacharactersAreJustText) {
  const std::string attack = "'; DROP TABLE users; -- \" OR 1=1 /* %_ \\";
  boost::json::object object{{"q", attack}};
  JsonBody json(object);
  EXPECT_EQ(json.text("q"), attack);
  EXPECT_NO_THROW(json.finish());
}

TEST(JsonBody, ControlCharactersAreRefusedButNewlinesAllowed) {
  auto fields = problems(R"({"a":"line1\nline2","b":"bell\u0007"})", [](JsonBody& json) {
    json.text("a");
    json.text("b");
  });
  EXPECT_EQ(fields.count("a"), 0u);
  ASSERT_EQ(fields.count("b"), 1u);
}

TEST(JsonBody, IntegersOutOfRangeAndFractions) {
  auto fields = problems(
      R"({"big":18446744073709551615,"huge":1e30,"fraction":2.5,"whole":3.0,"neg":-9223372036854775808})",
      [](JsonBody& json) {
        json.integer("big");
        json.integer("huge");
        json.integer("fraction");
        EXPECT_EQ(json.integer("whole"), 3);
        EXPECT_EQ(json.integer("neg"), std::numeric_limits<std::int64_t>::min());
      });
  EXPECT_EQ(fields.at("big").en, "is out of the supported range");
  EXPECT_EQ(fields.at("huge").en, "is out of the supported range");
  EXPECT_EQ(fields.at("fraction").en, "must be a whole number");
  EXPECT_EQ(fields.count("whole"), 0u);
  EXPECT_EQ(fields.count("neg"), 0u);
}

TEST(JsonBody, NumbersMustBeFinite) {
  boost::json::object object{{"x", std::numeric_limits<double>::infinity()},
                             {"y", std::numeric_limits<double>::quiet_NaN()},
                             {"z", 1.5}};
  JsonBody json(object);
  json.number("x");
  json.optional_number("y");
  EXPECT_DOUBLE_EQ(json.number("z"), 1.5);
  try {
    json.finish();
    ADD_FAILURE() << "non-finite accepted";
  } catch (const Error& error) {
    EXPECT_EQ(error.fields().at("x").en, "must be a finite number");
    EXPECT_EQ(error.fields().at("y").en, "must be a finite number");
    EXPECT_EQ(error.fields().count("z"), 0u);
  }
}

TEST(JsonBody, UnknownFieldsAreReportedWithOtherProblems) {
  auto fields = problems(R"({"title":"ok","colour":"red","admin":true})", [](JsonBody& json) {
    json.text("title");
    json.integer("year");
  });
  ASSERT_EQ(fields.size(), 3u);
  EXPECT_EQ(fields.at("colour").en, "is not a known field");
  EXPECT_EQ(fields.at("colour").th, "ไม่รู้จักช่องข้อมูลนี้");
  EXPECT_EQ(fields.at("admin").en, "is not a known field");
  EXPECT_EQ(fields.at("year").en, "is required");
}

TEST(JsonBody, RawAndHasMarkFieldsKnown) {
  Request request = json_request(R"({"location":{"lat":12.2,"lng":102.5},"clear":null})");
  JsonBody json(request);
  EXPECT_TRUE(json.has("clear"));
  EXPECT_FALSE(json.has("other"));
  const boost::json::value* location = json.raw("location");
  ASSERT_NE(location, nullptr);
  JsonBody nested(location->as_object());
  EXPECT_DOUBLE_EQ(nested.number("lat"), 12.2);
  EXPECT_DOUBLE_EQ(nested.number("lng"), 102.5);
  EXPECT_NO_THROW(nested.finish());
  EXPECT_FALSE(json.optional_boolean("clear").has_value());
  EXPECT_NO_THROW(json.finish());
}

TEST(JsonBody, TextListLimitsItemsAndLength) {
  auto fields = problems(R"({"many":["a","b","c"],"long":["ok","toolong"],"mixed":["a",1]})",
                         [](JsonBody& json) {
                           json.text_list("many", 2);
                           json.text_list("long", 10, 3);
                           json.optional_text_list("mixed");
                         });
  EXPECT_EQ(fields.at("many").en, "must have at most 2 items");
  EXPECT_EQ(fields.at("long").en, "item 2: must be at most 3 characters");
  EXPECT_EQ(fields.at("mixed").en, "item 2: must be text");
}

TEST(JsonBody, FailAddsDomainProblems) {
  auto fields = problems(R"({"start":"2025-10-01"})", [](JsonBody& json) {
    json.text("start");
    json.fail("start", {"วันที่เริ่มต้องอยู่ในปีงบประมาณ", "start must be inside the fiscal year"});
  });
  EXPECT_EQ(fields.at("start").en, "start must be inside the fiscal year");
}

}  // namespace
}  // namespace changwat::http
