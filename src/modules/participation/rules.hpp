#pragma once
// Checks shared by the service's files: who may do what, field limits, and where
// an area sits in the province.
#include <cstdint>
#include <optional>
#include <string>

#include "base/error.hpp"
#include "base/principal.hpp"
#include "platform/areas/area_service.hpp"

namespace changwat::participation::rules {

// A new receipt for a need sent from the public form: 12 characters of Crockford's
// base 32 (digits and capitals without I, L, O, U; 60 random bits), so it can be
// read aloud and typed in any letter case.
std::string new_receipt();

// Declining or rejecting a need needs its reason (the sender reads it with their
// receipt): Error(validation, "reason_required") whose message and field "reason"
// name the field in Thai and English (`what`: "เหตุผลที่ไม่อนุมัติเผยแพร่").
[[noreturn]] void throw_reason_required(const Message& what);

// strategy_officer or admin: the strategy office runs plan formulation.
const Principal& require_strategy_office(const Actor& actor);
bool is_strategy_office(const Actor& actor);
// strategy office, or an agency officer scoped to an area (checked per area).
const Principal& require_recorder(const Actor& actor);
// Signed-in staff: any role but `public` (coverage views).
const Principal& require_staff(const Actor& actor);

// Where a need or forum sits: the district (and subdistrict) it rolls up to.
struct Placement {
  std::string area_code;
  areas::Level level = areas::Level::district;
  std::string province_code;
  std::string district_code;
  std::optional<std::string> subdistrict_code;
};

// The area must exist at district, subdistrict or village level inside the
// principal's province (and inside an agency officer's own area). Problems are
// added to `errors` under `field`; nullopt then.
std::optional<Placement> place_for(const areas::AreaService& areas, const Principal& principal,
                                   const std::string& area_code, const char* field,
                                   FieldErrors& errors);
// Same for an anonymous submitter: any province, but a real district or lower.
std::optional<Placement> place_public(const areas::AreaService& areas, const std::string& area_code,
                                      const char* field, FieldErrors& errors);

// Required text: not blank, at most `max_chars` code points.
void check_text(FieldErrors& errors, const char* field, const std::string& value,
                std::size_t max_chars);
// Optional text: at most `max_chars` code points when present.
void check_optional_text(FieldErrors& errors, const char* field,
                         const std::optional<std::string>& value, std::size_t max_chars);
// Text that may be empty: at most `max_chars` code points.
void check_optional_text(FieldErrors& errors, const char* field, const std::string& value,
                         std::size_t max_chars);

// Thai or international phone numbers: digits with spaces, dashes, one leading +.
bool is_phone_number(const std::string& text);

[[noreturn]] void throw_need_not_found();
[[noreturn]] void throw_forum_not_found();
[[noreturn]] void throw_swot_not_found();
[[noreturn]] void throw_plan_not_found();

}  // namespace changwat::participation::rules
