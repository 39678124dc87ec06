#pragma once
// Rules of epidemic control that need no database: who may read a person (PDPA),
// identity numbers, temperatures, symptoms, the classification order, masks for
// lists, case numbers, day arithmetic.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.hpp"
#include "base/principal.hpp"
#include "modules/health/model.hpp"

namespace changwat::health::rules {

inline constexpr double kLowestTemperature = 30.0;
inline constexpr double kHighestTemperature = 45.0;
inline constexpr std::size_t kMaxReasonChars = 300;

// Who reads a person's record and why. Health officers read in the normal course; an
// admin only by break-glass with a reason (X-Access-Reason), which is logged.
struct Reader {
  std::string username;
  std::string province_code;
  std::optional<std::string> reason;
  bool break_glass = false;
};

// Health officers, or an admin with a reason; anyone else 403, the public 401.
Reader require_person_reader(const Actor& actor, const std::optional<std::string>& reason);
// Writes: health officers only.
const Principal& require_officer(const Actor& actor);
// Aggregates without persons (board, checkpoints): health officers, admins, executives.
const Principal& require_aggregate_reader(const Actor& actor);

// A Thai national ID: 13 digits whose last is the mod-11 check digit. Any leading
// digit is accepted (0, 6, 7, 8 are given to non-Thai registrants).
bool is_valid_thai_id(std::string_view digits);

// The person of a request, with `prefix` ("person.") before the field names; a Thai ID
// with a wrong check digit is a 422 naming `<prefix>id_number`.
void check_person(FieldErrors& errors, const std::string& prefix, const PersonInput& person);
[[noreturn]] void throw_bad_thai_id(const std::string& field);
void check_temperature(double temperature_c);
// Symptoms are codes from a short list (data minimisation: no free text).
void check_symptoms(FieldErrors& errors, const std::string& field,
                    const std::vector<std::string>& symptoms);
std::string_view symptom_codes();

// Moving to a lower class (confirmed -> suspect, anything -> not_a_case) needs a reason.
bool is_backwards(Classification from, Classification to);

// Lists show people masked: "1-1014-xxxxx-xx-3", "081-xxx-x678", "สมชาย ก.".
std::string mask_id(const std::optional<std::string>& id_number);
std::optional<std::string> mask_phone(const std::optional<std::string>& phone);
std::string mask_name(const std::string& name);

// The case number from the outbreak's mask: {disease}, {yyyy} (Buddhist era of the
// report date), {seq:N} (the outbreak's running number, zero-padded to N).
std::string case_number(std::string_view mask, std::string_view disease_code, int be_year,
                        std::int64_t seq);

// An ISO day "YYYY-MM-DD" that exists; else a field error.
void check_date(FieldErrors& errors, const std::string& field, const std::string& value);
// ISO dates: `iso` plus `days`; whole days from `from` to `to`.
std::string add_days(const std::string& iso, int days);
int days_between(const std::string& from, const std::string& to);
// "2026-12-01T10:00:00Z": a real day and time, UTC, second precision.
bool is_iso_utc(std::string_view text);
// An ISO UTC timestamp plus hours.
std::string add_hours(const std::string& iso_utc, int hours);

}  // namespace changwat::health::rules
