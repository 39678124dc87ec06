#pragma once
// Procurements under the Public Procurement Act B.E. 2560 (พ.ร.บ.การจัดซื้อจัดจ้างและ
// การบริหารพัสดุภาครัฐ พ.ศ. 2560) as plain data: a project's procurements, each with its
// e-GP project number, method, reference price, stage dates, bidders (the สขร.1
// columns), winner and contract; contract administration (instalments with their
// inspection, time extensions, penalty waivers, penalties, termination); the
// holidays the Cabinet announces per year; the deadlines computed from the rules.
// Money is integer satang; dates are ISO YYYY-MM-DD (Common Era).
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace changwat::procurement {

using Satang = std::int64_t;

// The five methods the Act allows for general work (มาตรา 55–56).
enum class Method { e_market, e_bidding, price_quotation, selection, specific };
std::string_view to_string(Method method);
std::optional<Method> parse_method(std::string_view text);
std::string_view name_th(Method method);  // "วิธีประกาศเชิญชวนทั่วไป (e-market)" …
inline constexpr std::string_view kMethodNames =
    "e_market, e_bidding, price_quotation, selection, specific";

// Where a procurement is, from the dates entered (the latest stage reached), or
// terminated. Ordered: a later value is further along.
enum class Stage {
  preparing,         // no date yet
  plan_published,    // the procurement plan is published
  tor_hearing,       // the draft TOR is out for hearing
  invited,           // the invitation is published
  bids_opened,       // the bid day has passed
  winner_announced,  // the winner is announced (appeal window)
  contracted,        // the contract is signed (committed, ก่อหนี้ผูกพัน)
  completed,         // every instalment inspected and accepted
  terminated,        // the contract was terminated
};
inline constexpr std::size_t kStageCount = 9;
std::string_view to_string(Stage stage);
std::optional<Stage> parse_stage(std::string_view text);
std::string_view name_th(Stage stage);

// The eight stage dates, each optional; they must not go backwards in this order.
struct Stages {
  std::optional<std::string> plan_published;
  std::optional<std::string> tor_hearing_from;
  std::optional<std::string> tor_hearing_to;
  std::optional<std::string> invitation;
  std::optional<std::string> bid_day;
  std::optional<std::string> winner_announced;
  std::optional<std::string> contract_signed;
  std::optional<std::string> contract_end;
  friend bool operator==(const Stages&, const Stages&) = default;
};
// The JSON keys of Stages, in order (the API's `stages` object has exactly these).
inline constexpr std::array<std::string_view, 8> kStageKeys = {
    "plan_published", "tor_hearing_from", "tor_hearing_to",  "invitation",
    "bid_day",        "winner_announced", "contract_signed", "contract_end"};
// The field of `stages` by its index in kStageKeys.
std::optional<std::string>& stage_date(Stages& stages, std::size_t index);
const std::optional<std::string>& stage_date(const Stages& stages, std::size_t index);

// One bidder and its offered price (สขร.1 "รายชื่อผู้เสนอราคาและราคาที่เสนอ").
struct Bidder {
  std::string name;
  std::optional<std::string> tax_id;
  Satang offered_satang = 0;
  friend bool operator==(const Bidder&, const Bidder&) = default;
};

// The selected supplier (สขร.1 "ผู้ได้รับการคัดเลือกและราคาที่ตกลง", "เหตุผลที่คัดเลือก").
struct Winner {
  std::string name;
  std::optional<std::string> tax_id;
  Satang agreed_satang = 0;
  std::string reason_th;  // e.g. "ราคาต่ำสุดและคุณสมบัติครบถ้วน"
  friend bool operator==(const Winner&, const Winner&) = default;
};

// An instalment (งวดงาน) of the contract and its inspection (ตรวจรับ).
struct Instalment {
  int number = 0;  // 1, 2, … in order
  std::string due_on;
  Satang amount_satang = 0;
  std::optional<std::string> delivered_on;
  std::optional<std::string> inspected_on;
  std::optional<std::string> committee_th;  // the inspection committee
  std::optional<bool> accepted;             // none until inspected
  std::optional<std::string> inspection_note_th;
  friend bool operator==(const Instalment&, const Instalment&) = default;
};

enum class EventKind { extension, penalty_waiver, penalty, termination };
std::string_view to_string(EventKind kind);
std::optional<EventKind> parse_event_kind(std::string_view text);
inline constexpr std::string_view kEventKindNames =
    "extension, penalty_waiver, penalty, termination";

// A contract administration event: a time extension (days, new end date), a penalty
// waiver (days or amount, with its reason), a penalty charged, a termination.
struct ContractEvent {
  std::int64_t id = 0;
  EventKind kind = EventKind::extension;
  std::string on;  // ISO date it was decided
  std::optional<int> days;
  std::optional<Satang> amount_satang;
  std::optional<std::string> new_end;  // extension: the contract's new end date
  std::string reason_th;
  std::string recorded_by;
  std::string recorded_at;
};

struct Procurement {
  std::int64_t id = 0;
  std::string province_code;
  std::int64_t element_id = 0;      // the plan project (plan module), no foreign key
  std::int64_t action_plan_id = 0;  // the action plan of its fiscal year (action_plan module)
  int fiscal_year = 0;              // BE
  std::optional<std::string> agency_code;  // the project's agency when recorded
  std::string title_th;  // งานที่จัดซื้อจัดจ้าง
  Method method = Method::specific;
  Satang budget_satang = 0;  // วงเงินที่จะซื้อหรือจ้าง
  Satang reference_price_satang = 0;  // ราคากลาง
  std::optional<std::string> method_reason_th;
  std::optional<std::string> legal_ground;  // section 56 ground, e.g. "56(2)(ข)"
  std::optional<std::string> egp_project_number;
  bool in_e_catalog = false;
  bool multi_year = false;   // a multi-year commitment (Cabinet deadline of Q2, not Q1)
  bool plan_exempt = false;  // a purchase the law exempts from the published plan
  bool tor_hearing = false;  // a draft TOR hearing is held (required above the threshold)
  std::optional<std::string> allocated_on;  // date of the allocation letter
  Stages stages;
  std::vector<Bidder> bidders;
  std::optional<Winner> winner;
  std::optional<std::string> contract_number;
  std::optional<Satang> contract_value_satang;
  std::vector<Instalment> instalments;
  std::vector<ContractEvent> events;
  std::optional<std::string> terminated_on;
  bool demo = false;
  std::string created_by;
  std::string created_at;
  std::string updated_at;
  std::int64_t version = 1;

  Stage stage() const;
  // The contract's end after extensions (the latest new_end, else stages.contract_end).
  std::optional<std::string> contract_end() const;
};

// A holiday the Cabinet announced (substitution days included).
struct Holiday {
  std::string date;  // ISO
  std::string name_th;
  std::string name_en;
  friend bool operator==(const Holiday&, const Holiday&) = default;
};

// One calendar year's holidays as an officer loaded them.
struct HolidayYear {
  int year = 0;        // Common Era calendar year
  std::string source;  // the Cabinet resolution or announcement it comes from
  bool demo = false;
  std::vector<Holiday> holidays;
  std::string loaded_by;
  std::string loaded_at;
  std::int64_t version = 1;
};

// A deadline of one procurement, computed from the rules (rules.hpp).
struct Deadline {
  std::string rule;                   // "plan_published", "tor_hearing", "commitment", …
  std::optional<std::string> due_on;  // none when an input it needs is missing
  std::optional<bool> met;            // none: not yet due and not yet done
  // False when a year the computation crosses has no holidays loaded: the due date
  // then skips weekends only (note_* says so).
  bool holidays_loaded = true;
  std::string note_th;
  std::string note_en;
  std::string source;  // where the rule comes from
};

}  // namespace changwat::procurement
