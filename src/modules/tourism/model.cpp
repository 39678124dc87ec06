#include "modules/tourism/model.hpp"

#include "base/enum_names.hpp"

namespace changwat::tourism {
namespace {

constexpr EnumNames<PayeeKind, 2> kPayeeKinds{{"community_enterprise", "otop_group"}};
constexpr EnumNames<ItemKind, 2> kItemKinds{{"product", "experience"}};
constexpr EnumNames<OtopGroup, 5> kOtopGroups{{"food", "drink", "textile", "souvenir", "herbal"}};
constexpr EnumNames<OtopGroup, 5> kOtopGroupsTh{
    {"อาหาร", "เครื่องดื่ม", "ผ้าและเครื่องแต่งกาย", "ของใช้ ของตกแต่ง ของที่ระลึก", "สมุนไพรที่ไม่ใช่อาหาร"}};
constexpr EnumNames<CddGroup, 4> kCddGroups{{"A", "B", "C", "D"}};
constexpr EnumNames<ProducerKind, 3> kProducerKinds{{"community_group", "individual", "sme"}};
constexpr EnumNames<TripMode, 2> kTripModes{{"ferry", "road"}};
constexpr EnumNames<PaymentStatus, 2> kPaymentStatuses{{"unpaid", "verified"}};

}  // namespace

std::string_view to_string(PayeeKind value) { return kPayeeKinds.name(value); }
std::string_view to_string(ItemKind value) { return kItemKinds.name(value); }
std::string_view to_string(OtopGroup value) { return kOtopGroups.name(value); }
std::string_view to_string(CddGroup value) { return kCddGroups.name(value); }
std::string_view to_string(ProducerKind value) { return kProducerKinds.name(value); }
std::string_view to_string(TripMode value) { return kTripModes.name(value); }
std::string_view to_string(PaymentStatus value) { return kPaymentStatuses.name(value); }
std::string_view otop_group_th(OtopGroup value) { return kOtopGroupsTh.name(value); }

std::optional<PayeeKind> parse_payee_kind(std::string_view text) { return kPayeeKinds.parse(text); }
std::optional<ItemKind> parse_item_kind(std::string_view text) { return kItemKinds.parse(text); }
std::optional<OtopGroup> parse_otop_group(std::string_view text) { return kOtopGroups.parse(text); }
std::optional<CddGroup> parse_cdd_group(std::string_view text) { return kCddGroups.parse(text); }
std::optional<ProducerKind> parse_producer_kind(std::string_view text) {
  return kProducerKinds.parse(text);
}
std::optional<TripMode> parse_trip_mode(std::string_view text) { return kTripModes.parse(text); }
std::optional<PaymentStatus> parse_payment_status(std::string_view text) {
  return kPaymentStatuses.parse(text);
}

}  // namespace changwat::tourism
