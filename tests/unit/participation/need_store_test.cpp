#include "modules/participation/need_store.hpp"

#include "fixture.hpp"
#include "thai/text.hpp"

namespace changwat::participation {
namespace {

class NeedStoreTest : public testing::DatabaseTest {
 protected:
  std::int64_t add(const std::string& title, const std::string& description,
                   NeedStatus status = NeedStatus::new_, const std::string& area = "230101",
                   Dimension dimension = Dimension::economy, std::int64_t plan_id = 1) {
    static int receipts = 0;
    Need need;
    need.province_code = "23";
    need.plan_id = plan_id;
    need.receipt = "receipt-" + std::to_string(++receipts);
    need.title = title;
    need.description = description;
    need.dimension = dimension;
    need.area_code = area;
    need.district_code = area.substr(0, 4);
    if (area.size() >= 6) need.subdistrict_code = area.substr(0, 6);
    need.status = status;
    need.created_at = "2025-01-0" + std::to_string(receipts % 9 + 1) + "T00:00:00Z";
    need.updated_at = need.created_at;
    return database().write([&](db::Connection& c) {
      return NeedStore(c).insert_need({need, thai::search_text(title + "\n" + description),
                                       std::nullopt, std::nullopt, std::nullopt});
    });
  }

  NeedPage search(const std::string& query) {
    return database().read([&](db::Connection& c) {
      return NeedStore(c).search_needs({thai::search_tokens(query), std::nullopt, 20});
    });
  }

  Need find(std::int64_t id) {
    return *database().read([&](db::Connection& c) { return NeedStore(c).find_need(id); });
  }
};

TEST_F(NeedStoreTest, FindsAThaiWordInsideRunOnText) {
  std::int64_t tourism = add("การส่งเสริมการท่องเที่ยวชุมชน", "พัฒนาแหล่งท่องเที่ยวเกาะช้าง");
  add("ซ่อมถนนลูกรังในหมู่บ้าน", "ถนนเป็นหลุมบ่อ ใช้สัญจรลำบากในฤดูฝน");
  NeedPage found = search("ท่องเที่ยว");
  ASSERT_EQ(found.total, 1);
  EXPECT_EQ(found.items.at(0).id, tourism);
  EXPECT_EQ(search("ถนน").total, 1);
  EXPECT_EQ(search("ชุมชน").total, 1);
  EXPECT_EQ(search("โรงพยาบาล").total, 0);
}

TEST_F(NeedStoreTest, EveryQueryWordMustOccur) {
  add("น้ำประปาไม่พอใช้", "หมู่บ้านขาดแคลนน้ำประปาในหน้าแล้ง");
  add("น้ำท่วมขัง", "ถนนสายหลักมีน้ำท่วมขังเมื่อฝนตก");
  EXPECT_EQ(search("น้ำ").total, 2);
  EXPECT_EQ(search("น้ำ ถนน").total, 1);
  EXPECT_EQ(search("น้ำประปา หน้าแล้ง").total, 1);
}

TEST_F(NeedStoreTest, UnpublishedNeedsAreNotFoundUntilApproved) {
  std::int64_t id = add("ขอไฟส่องสว่างริมทาง", "ทางมืดอันตราย", NeedStatus::pending_moderation);
  EXPECT_EQ(search("ไฟส่องสว่าง").total, 0);
  Need need = find(id);
  need.status = NeedStatus::new_;
  ASSERT_TRUE(database().write([&](db::Connection& c) {
    return NeedStore(c).save_need(need, thai::search_text(need.title + "\n" + need.description));
  }));
  EXPECT_EQ(search("ไฟส่องสว่าง").total, 1);
  need = find(id);
  need.status = NeedStatus::rejected;
  database().write([&](db::Connection& c) {
    return NeedStore(c).save_need(need, thai::search_text(need.title + "\n" + need.description));
  });
  EXPECT_EQ(search("ไฟส่องสว่าง").total, 0);
}

TEST_F(NeedStoreTest, EditedTextIsSearchedByItsNewWords) {
  std::int64_t id = add("ขุดลอกคลอง", "คลองตื้นเขิน");
  Need need = find(id);
  need.title = "สร้างฝายชะลอน้ำ";
  need.description = "เก็บน้ำไว้ใช้ในหน้าแล้ง";
  database().write([&](db::Connection& c) {
    return NeedStore(c).save_need(need, thai::search_text(need.title + "\n" + need.description));
  });
  EXPECT_EQ(search("คลอง").total, 0);
  EXPECT_EQ(search("ฝาย").total, 1);
}

TEST_F(NeedStoreTest, SearchInsideOnePlanAndNewestFirst) {
  std::int64_t older = add("ถนนเข้าหมู่บ้าน", "ก", NeedStatus::new_, "230101", Dimension::economy, 1);
  std::int64_t other_plan =
      add("ถนนริมคลอง", "ข", NeedStatus::new_, "230101", Dimension::economy, 2);
  std::int64_t newer = add("ถนนสายหลัก", "ค", NeedStatus::accepted, "230101", Dimension::economy, 1);
  auto in_plan = [&](std::optional<std::int64_t> plan) {
    return database().read([&](db::Connection& c) {
      return NeedStore(c).search_needs({thai::search_tokens("ถนน"), plan, 20});
    });
  };
  NeedPage plan_one = in_plan(1);
  ASSERT_EQ(plan_one.total, 2);
  EXPECT_EQ(plan_one.items.at(0).id, newer);
  EXPECT_EQ(plan_one.items.at(1).id, older);
  NeedPage plan_two = in_plan(2);
  ASSERT_EQ(plan_two.total, 1);
  EXPECT_EQ(plan_two.items.at(0).id, other_plan);
  EXPECT_EQ(in_plan(3).total, 0);
  EXPECT_EQ(in_plan(std::nullopt).total, 3);
}

TEST_F(NeedStoreTest, SearchCountsStopAtTheCap) {
  database().write([&](db::Connection& c) {
    for (std::int64_t i = 0; i < NeedStore::kSearchCountCap + 5; ++i) {
      Need need;
      need.province_code = "23";
      need.plan_id = 1;
      need.receipt = "many-" + std::to_string(i);
      need.title = "ซ่อมถนน";
      need.description = "ถนนชำรุด";
      need.area_code = "2301";
      need.district_code = "2301";
      need.status = NeedStatus::new_;
      need.created_at = "2025-01-01T00:00:00Z";
      need.updated_at = need.created_at;
      NeedStore(c).insert_need(
          {need, "ซ่อม ถนน ซ่อมถนน ชำรุด", std::nullopt, std::nullopt, std::nullopt});
    }
  });
  add("ถนนใหม่", "ก");
  NeedPage many = search("ถนน");
  EXPECT_EQ(many.total, NeedStore::kSearchCountCap);
  EXPECT_FALSE(many.total_is_exact);
  EXPECT_EQ(many.items.size(), 20u);
  EXPECT_EQ(many.items.at(0).title, "ถนนใหม่");  // the newest
  NeedPage few = search("ใหม่");
  EXPECT_EQ(few.total, 1);
  EXPECT_TRUE(few.total_is_exact);
}

TEST_F(NeedStoreTest, SaveRefusesAStaleVersion) {
  std::int64_t id = add("ขอรถพยาบาล", "ไม่มีรถรับส่งผู้ป่วย");
  Need need = find(id);
  EXPECT_EQ(need.version, 1);
  Need stale = need;
  need.title = "ขอรถพยาบาลฉุกเฉิน";
  EXPECT_TRUE(
      database().write([&](db::Connection& c) { return NeedStore(c).save_need(need, "x"); }));
  EXPECT_EQ(find(id).version, 2);
  stale.title = "อื่น";
  EXPECT_FALSE(
      database().write([&](db::Connection& c) { return NeedStore(c).save_need(stale, "x"); }));
  EXPECT_EQ(find(id).title, "ขอรถพยาบาลฉุกเฉิน");
}

TEST_F(NeedStoreTest, ListFiltersAndHidesUnpublished) {
  add("ก", "หนึ่ง", NeedStatus::new_, "23010101", Dimension::economy);
  add("ข", "สอง", NeedStatus::accepted, "230201", Dimension::society);
  add("ค", "สาม", NeedStatus::pending_moderation, "230201", Dimension::society);
  add("ง", "สี่", NeedStatus::rejected, "2302", Dimension::society);
  auto list = [&](NeedFilter filter) {
    return database().read([&](db::Connection& c) {
      return NeedStore(c).list_needs(filter, NeedOrder::newest, 50, 0);
    });
  };
  EXPECT_EQ(list({}).total, 2);
  NeedFilter filter;
  filter.district_code = "2302";
  EXPECT_EQ(list(filter).total, 1);
  filter = {};
  filter.subdistrict_code = "230101";
  EXPECT_EQ(list(filter).total, 1);
  filter = {};
  filter.dimension = Dimension::society;
  EXPECT_EQ(list(filter).total, 1);
  filter = {};
  filter.status = NeedStatus::pending_moderation;
  EXPECT_EQ(list(filter).total, 1);
  filter = {};
  filter.plan_id = 2;
  EXPECT_EQ(list(filter).total, 0);
  NeedPage page = database().read(
      [&](db::Connection& c) { return NeedStore(c).list_needs({}, NeedOrder::newest, 1, 1); });
  EXPECT_EQ(page.total, 2);
  EXPECT_EQ(page.items.size(), 1u);
}

TEST_F(NeedStoreTest, CountsPublishedNeedsByDistrict) {
  add("ก", "หนึ่ง", NeedStatus::new_, "23010101", Dimension::economy);
  add("ข", "สอง", NeedStatus::declined, "2301", Dimension::environment);
  add("ค", "สาม", NeedStatus::new_, "230701", Dimension::security);
  add("ง", "สี่", NeedStatus::pending_moderation, "230701", Dimension::security);
  auto counts =
      database().read([&](db::Connection& c) { return NeedStore(c).count_by_district(1); });
  ASSERT_EQ(counts.size(), 2u);
  EXPECT_EQ(counts[0].district_code, "2301");
  EXPECT_EQ(counts[0].total, 2);
  EXPECT_EQ(counts[0].by_status[static_cast<std::size_t>(NeedStatus::declined)], 1);
  EXPECT_EQ(counts[0].by_dimension[static_cast<std::size_t>(Dimension::environment)], 1);
  EXPECT_EQ(counts[1].district_code, "2307");
  EXPECT_EQ(counts[1].total, 1);
}

TEST_F(NeedStoreTest, VotesAreCountedOncePerUserAndCopiedOnMerge) {
  std::int64_t first = add("ก", "หนึ่ง");
  std::int64_t second = add("ข", "สอง");
  database().write([&](db::Connection& c) {
    c.execute(
        "INSERT INTO app_user (province_code, username, display_name, password_hash, role, "
        "created_at) VALUES ('23', 'u1', 'U1', 'x', 'executive', 'now'), "
        "('23', 'u2', 'U2', 'x', 'executive', 'now')");
  });
  std::int64_t u1 = count("SELECT id FROM app_user WHERE username = 'u1'");
  std::int64_t u2 = count("SELECT id FROM app_user WHERE username = 'u2'");
  database().write([&](db::Connection& c) {
    NeedStore store(c);
    EXPECT_TRUE(store.insert_vote(first, u1, "t"));
    EXPECT_TRUE(store.insert_vote(first, u2, "t"));
    EXPECT_FALSE(store.insert_vote(first, u2, "t"));  // once per user
    EXPECT_TRUE(store.insert_vote(second, u1, "t"));
    EXPECT_EQ(store.add_votes(first, 2), 2);
    EXPECT_EQ(store.add_votes(second, 1), 1);
    EXPECT_TRUE(store.has_vote(first, u2));
    EXPECT_EQ(store.copy_votes(first, second), 1);  // u1 is not counted twice
    EXPECT_EQ(store.add_votes(second, 1), 2);
    EXPECT_TRUE(store.delete_vote(first, u2));
    EXPECT_FALSE(store.delete_vote(first, u2));
    EXPECT_EQ(store.add_votes(first, -1), 1);
  });
  EXPECT_EQ(find(second).vote_count, 2);
}

TEST_F(NeedStoreTest, LinksAreUniqueAndCopied) {
  std::int64_t first = add("ก", "หนึ่ง");
  std::int64_t second = add("ข", "สอง");
  database().write([&](db::Connection& c) {
    EXPECT_TRUE(NeedStore(c).insert_link({first, 501, "project", "t", std::nullopt}));
    EXPECT_FALSE(NeedStore(c).insert_link({first, 501, "project", "t", std::nullopt}));
    EXPECT_TRUE(NeedStore(c).insert_link({first, 502, "guideline", "t", std::nullopt}));
    NeedStore(c).copy_links(first, second);
    EXPECT_EQ(NeedStore(c).links_of(second).size(), 2u);
    EXPECT_EQ(NeedStore(c).count_links_to_element(501), 2);
    EXPECT_EQ(NeedStore(c).links_of_needs({first, second}).size(), 4u);
    EXPECT_EQ(NeedStore(c).links_of_plan(1).size(), 4u);
    EXPECT_TRUE(NeedStore(c).delete_link(first, 501));
    EXPECT_EQ(NeedStore(c).count_links_to_element(501), 1);
  });
}

TEST_F(NeedStoreTest, PublicSubmissionsAreCountedPerAddressHash) {
  Need need;
  need.province_code = "23";
  need.plan_id = 1;
  need.title = "ก";
  need.description = "ข";
  need.area_code = "2301";
  need.district_code = "2301";
  need.status = NeedStatus::pending_moderation;
  need.source = NeedSource::public_form;
  for (int i = 0; i < 3; ++i) {
    need.receipt = "public-" + std::to_string(i);
    need.created_at = "2025-01-01T10:0" + std::to_string(i) + ":00Z";
    need.updated_at = need.created_at;
    database().write([&](db::Connection& c) {
      return NeedStore(c).insert_need({need, "ก ข", std::string(i < 2 ? "hash-a" : "hash-b"),
                                       "nonce-" + std::to_string(i), std::nullopt});
    });
  }
  database().read([&](db::Connection& c) {
    EXPECT_EQ(NeedStore(c).count_public_since("hash-a", "2025-01-01T00:00:00Z"), 2);
    EXPECT_EQ(NeedStore(c).count_public_since("hash-a", "2025-01-01T10:01:00Z"), 1);
    EXPECT_EQ(NeedStore(c).count_public_since("hash-b", "2025-01-01T00:00:00Z"), 1);
    EXPECT_TRUE(NeedStore(c).form_nonce_used("nonce-1"));
    EXPECT_FALSE(NeedStore(c).form_nonce_used("nonce-9"));
  });
}

}  // namespace
}  // namespace changwat::participation
