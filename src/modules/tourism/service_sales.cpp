// Sales sent by the managers' phones (the receipt chain, idempotent by device and
// sequence), their PromptPay payload and the manager's confirmation of payment.
#include <algorithm>
#include <regex>

#include "base/clock.hpp"
#include "modules/tourism/catalog_store.hpp"
#include "modules/tourism/json.hpp"
#include "modules/tourism/rules.hpp"
#include "modules/tourism/sale_store.hpp"
#include "modules/tourism/service.hpp"
#include "platform/audit/audit_log.hpp"

namespace changwat::tourism {
namespace {

const Message kSale{"รายการขายนี้", "Sale"};

std::string line_field(std::size_t index, const SaleLine& line, const char* name = nullptr) {
  std::string at = "lines[" + std::to_string(index) + "].";
  if (name) return at + name;
  return at + (line.kind == ItemKind::product ? "product_id" : "experience_id");
}

[[noreturn]] void throw_line_rule(const std::string& code, const std::string& field,
                                  const Message& message) {
  throw Error(ErrorKind::rule, code, message, {{field, message}});
}

[[noreturn]] void throw_broken_chain(const char* why_th, const char* why_en) {
  Message message{std::string("ห่วงโซ่ใบเสร็จขาด: ") + why_th,
                  std::string("the receipt chain is broken: ") + why_en};
  throw Error(ErrorKind::rule, "broken_chain", message, {{"previous_hash", message}});
}

bool is_hex64(const std::string& text) {
  return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

void check_sale_input(const NewSale& input) {
  FieldErrors errors;
  static const std::regex kDevice("^[A-Za-z0-9._:-]{1,100}$");
  if (!std::regex_match(input.device_id, kDevice))
    errors.add("device_id", {"รหัสเครื่องต้องเป็น A-Z a-z 0-9 . _ : - ยาว 1–100 ตัว",
                             "device id must be 1–100 characters of A-Z a-z 0-9 . _ : -"});
  if (input.sequence < 1) errors.add("sequence", {"ลำดับต้องเริ่มที่ 1", "sequence must be 1 or more"});
  if (!rules::canonical_utc(input.sold_at))
    errors.add("sold_at", {"เวลาขายต้องเป็น RFC 3339 เวลาสากล เช่น 2026-11-28T03:00:00Z",
                           "sold_at must be RFC 3339 in UTC, e.g. 2026-11-28T03:00:00Z"});
  if (input.lines.empty() || input.lines.size() > rules::kMaxLines)
    errors.add("lines", {"ต้องมี 1 ถึง 100 รายการ", "must have 1 to 100 lines"});
  errors.throw_if_any();
  for (std::size_t i = 0; i < input.lines.size(); ++i) {
    const SaleLine& line = input.lines[i];
    if (line.quantity <= 0 || line.quantity > rules::kMaxQuantity)
      throw_line_rule(
          "invalid_quantity", line_field(i, line, "quantity"),
          {"จำนวนต้องมากกว่า 0 (ไม่เกิน 100,000)", "quantity must be more than 0 (at most 100,000)"});
    if (line.unit_price_satang < 0 || line.unit_price_satang > rules::kMaxPriceSatang)
      throw_line_rule("invalid_price", line_field(i, line, "unit_price_satang"),
                      {"ราคาต้องเป็น 0 ถึง 1,000,000 บาท", "price must be 0 to 1,000,000 baht"});
  }
  if (!is_hex64(input.previous_hash))
    throw_broken_chain("previous_hash ต้องเป็น SHA-256 ฐานสิบหก 64 ตัวอักษรตัวเล็ก",
                       "previous_hash must be 64 lowercase hex digits");
}

bool same_sale(const Sale& stored, const NewSale& input) {
  return stored.sold_at == input.sold_at && stored.lines_text == rules::lines_text(input.lines) &&
         stored.previous_hash == input.previous_hash && stored.receipt_hash == input.receipt_hash;
}

}  // namespace

RecordedSale TourismService::record_sale(const Actor& actor, const NewSale& input) {
  const Principal& principal = rules::require_manager(actor);
  check_sale_input(input);
  return database_.write([&](db::Connection& connection) {
    auto community = CatalogStore(connection).find_community(*principal.community_id);
    if (!community || community->province_code != principal.province_code) throw_forbidden();
    return record_sale_in(connection, actor, *community, input, false);
  });
}

std::vector<SaleOutcome> TourismService::record_sales(const Actor& actor,
                                                      const std::vector<NewSale>& inputs) {
  const Principal& principal = rules::require_manager(actor);
  return database_.write([&](db::Connection& connection) {
    auto community = CatalogStore(connection).find_community(*principal.community_id);
    if (!community || community->province_code != principal.province_code) throw_forbidden();
    std::vector<SaleOutcome> outcomes;
    for (const NewSale& input : inputs) {
      // Every check comes before the sale's first write, so a refused sale leaves
      // nothing behind and the others go on; a database failure ends the batch.
      try {
        check_sale_input(input);
        outcomes.push_back({record_sale_in(connection, actor, *community, input, false), {}});
      } catch (const Error& error) {
        if (error.kind() == ErrorKind::internal || error.kind() == ErrorKind::unavailable) throw;
        outcomes.push_back({std::nullopt, error});
      }
    }
    return outcomes;
  });
}

RecordedSale TourismService::record_sale_in(db::Connection& connection, const Actor& actor,
                                            const Community& community, const NewSale& input,
                                            bool demo) {
  SaleStore sales(connection);
  if (auto existing = sales.find_by_device(input.device_id, input.sequence)) {
    if (existing->community_id == community.id && same_sale(*existing, input))
      return {*existing, true};
    throw_conflict("sequence_taken",
                   {"เครื่องนี้ส่งรายการขายลำดับนี้มาแล้วด้วยรายการอื่น",
                    "this device already sent a different sale under this sequence"});
  }
  CatalogStore catalog(connection);
  Sale sale;
  sale.lines = input.lines;
  for (std::size_t i = 0; i < sale.lines.size(); ++i) {
    SaleLine& line = sale.lines[i];
    auto item = catalog.find_item(line.item_id);
    if (!item || item->kind != line.kind)
      throw_line_rule("unknown_item", line_field(i, line),
                      {"ไม่พบสินค้าหรือกิจกรรมนี้", "no such product or experience"});
    if (item->community_id != community.id)
      throw_line_rule("other_community", line_field(i, line),
                      {"ขายได้เฉพาะสินค้าและกิจกรรมของชุมชนของท่าน",
                       "you may only sell your own community's products and experiences"});
    // The price of the moment of sale, so a phone that sold before a price change is
    // right, and a price that was never the item's is refused.
    std::int64_t price = catalog.price_at(item->id, input.sold_at).value_or(item->price_satang);
    if (price != line.unit_price_satang)
      throw_line_rule("price_mismatch", line_field(i, line, "unit_price_satang"),
                      {"ราคาไม่ตรงกับราคาของ " + item->name_th + " ณ เวลาขาย (" +
                           std::to_string(price) + " สตางค์)",
                       "the price is not " + item->name_th + "'s price at the time of sale (" +
                           std::to_string(price) + " satang)"});
  }
  sale.lines_text = rules::lines_text(sale.lines);
  sale.total_satang = rules::total_satang(sale.lines);
  std::string expected = rules::receipt_hash(input.previous_hash, input.device_id, input.sequence,
                                             input.sold_at, sale.total_satang, sale.lines_text);
  if (input.receipt_hash != expected)
    throw Error(ErrorKind::rule, "receipt_hash_mismatch",
                {"receipt_hash ไม่ตรงกับสูตรของใบเสร็จ", "receipt_hash does not match the recipe"},
                {{"receipt_hash", {"ไม่ตรงกับสูตร", "does not match the recipe"}}});
  if (input.sequence == 1) {
    if (input.previous_hash != rules::kFirstPreviousHash)
      throw_broken_chain("ใบเสร็จแรกของเครื่องต้องมี previous_hash เป็นศูนย์ 64 ตัว",
                         "a device's first previous_hash is 64 zeros");
  } else if (auto before = sales.find_by_device(input.device_id, input.sequence - 1)) {
    if (before->receipt_hash != input.previous_hash)
      throw_broken_chain("previous_hash ไม่ใช่ receipt_hash ของใบเสร็จก่อนหน้า",
                         "previous_hash is not the receipt_hash of the sale before it");
  } else {
    // The sale before it has not arrived (yet): accepted and flagged, so day close
    // shows the hole instead of refusing what the phone did sell.
    sale.gap_before = true;
  }
  if (auto after = sales.find_by_device(input.device_id, input.sequence + 1)) {
    if (after->previous_hash != expected)
      throw_broken_chain("ใบเสร็จถัดไปของเครื่องนี้ชี้ไปยังใบเสร็จอื่น",
                         "the device's next sale points at another receipt");
    sales.clear_gap(input.device_id, input.sequence);
  }
  std::vector<SplitRule> split = catalog.split_rules(community.id);
  for (SaleLine& line : sale.lines) {
    auto rule = std::find_if(split.begin(), split.end(),
                             [&](const SplitRule& r) { return r.applies_to == line.kind; });
    rules::split_line(line, rule == split.end() ? std::nullopt : std::optional(*rule));
    sale.to_residents_satang +=
        line.to_producer_satang + line.to_guide_satang + line.to_homestay_satang;
    sale.to_fund_satang += line.to_fund_satang;
  }
  sale.province_code = community.province_code;
  sale.community_id = community.id;
  sale.device_id = input.device_id;
  sale.sequence = input.sequence;
  sale.sold_at = input.sold_at;
  sale.month = rules::thai_month(input.sold_at);
  sale.previous_hash = input.previous_hash;
  sale.receipt_hash = expected;
  sale.demo = demo;
  std::optional<std::int64_t> user;
  if (actor.principal) user = actor.principal->user_id;
  sale.id = sales.insert_sale(sale, user, iso_utc_now());
  audit::record_in(connection, community.province_code, actor, "tourism_sale",
                   std::to_string(sale.id), "create", nullptr, sale_receipt_json(sale));
  return {sale, false};
}

Community TourismService::readable_sales_community(db::Connection& connection, const Actor& actor,
                                                   std::int64_t community_id) const {
  const Principal& principal = actor.require_signed_in();
  auto community = CatalogStore(connection).find_community(community_id);
  if (!community || community->province_code != principal.province_code)
    throw_not_found("ชุมชน", "Community");
  if (principal.role == Role::community_manager) {
    if (principal.community_id != community_id) throw_forbidden();
  } else {
    rules::require_program_reader(actor);
  }
  return *community;
}

SalePage TourismService::sales(const Actor& actor, std::int64_t community_id, std::int64_t limit,
                               std::int64_t offset) const {
  return database_.read([&](db::Connection& connection) {
    readable_sales_community(connection, actor, community_id);
    return SaleStore(connection).page(community_id, limit, offset);
  });
}

Sale TourismService::sale(const Actor& actor, std::int64_t id) const {
  return database_.read([&](db::Connection& connection) {
    auto sale = SaleStore(connection).find(id);
    if (!sale) throw_not_found(kSale.th, kSale.en);
    readable_sales_community(connection, actor, sale->community_id);
    return *sale;
  });
}

TourismService::PromptPay TourismService::promptpay(const Actor& actor,
                                                    std::int64_t sale_id) const {
  return database_.read([&](db::Connection& connection) {
    auto sale = SaleStore(connection).find(sale_id);
    if (!sale) throw_not_found(kSale.th, kSale.en);
    Community community = readable_sales_community(connection, actor, sale->community_id);
    if (!community.promptpay_id && !community.biller_id)
      throw_rule("no_promptpay", {"ผู้รับเงินของชุมชนนี้ยังไม่มีพร้อมเพย์หรือรหัสผู้เรียกเก็บเงิน",
                                  "this community's payee has no PromptPay id or biller id"});
    return PromptPay{rules::promptpay_payload(community.promptpay_id, community.biller_id,
                                              sale_number(sale->id), sale->total_satang),
                     sale->total_satang};
  });
}

Sale TourismService::verify_payment(const Actor& actor, std::int64_t sale_id,
                                    const std::string& reference) {
  const Principal& principal = rules::require_manager(actor);
  return database_.write([&](db::Connection& connection) {
    SaleStore store(connection);
    auto sale = store.find(sale_id);
    if (!sale || sale->province_code != principal.province_code)
      throw_not_found(kSale.th, kSale.en);
    if (sale->community_id != principal.community_id) throw_forbidden();
    Sale before = *sale;
    if (!store.verify_payment(sale_id, reference, principal.user_id, iso_utc_now()))
      throw_conflict("already_verified",
                     {"รายการนี้ยืนยันการรับเงินแล้ว", "this payment is already verified"});
    sale->payment_status = PaymentStatus::verified;
    sale->payment_reference = reference;
    audit::record(connection, actor, "tourism_sale", std::to_string(sale_id), "verify_payment",
                  sale_json(before), sale_json(*sale));
    return *sale;
  });
}

}  // namespace changwat::tourism
