#pragma once
// Rules of follow-up and review that need no database: who may do what, the order of
// a directive's statuses, field limits.
#include <string>
#include <vector>

#include "base/error.hpp"
#include "base/principal.hpp"
#include "modules/follow_up/model.hpp"

namespace changwat::follow_up::rules {

inline constexpr std::size_t kTitleMax = 300;
inline constexpr std::size_t kTextMax = 4000;
inline constexpr std::size_t kShortMax = 30;
inline constexpr std::size_t kListMax = 50;
inline constexpr std::size_t kEvidenceFileMax = 10u * 1000u * 1000u;

// The strategy office (the governor's secretariat) and admins: committees' meetings,
// packs, resolutions, directives, the yearly review.
const Principal& require_secretary(const Actor& actor);
// Auditors and admins: findings.
const Principal& require_auditor(const Actor& actor);
// Admins: committees and their members.
const Principal& require_admin(const Actor& actor);

// An agency officer acts only for their own agency (403 not_own_agency).
void require_own_agency(const Principal& principal, const std::string& agency_code);

// open → in_progress → done; open or in_progress → cancelled (with a reason). Anything
// else, and any change of a done or cancelled directive: 409 status_out_of_order.
bool may_move(DirectiveStatus from, DirectiveStatus to);
void check_move(DirectiveStatus from, DirectiveStatus to, const std::string& note_th);
// The assigned agency's officers report in_progress and done; the strategy office and
// admins may also cancel. Others: 403.
void check_directive_writer(const Principal& principal, const Directive& directive,
                            DirectiveStatus to);

// A required text of at most `max` code points.
void check_text(FieldErrors& errors, const char* field, const std::string& text, std::size_t max);
// An ISO date (YYYY-MM-DD) that is a real day.
void check_date(FieldErrors& errors, const char* field, const std::string& text);

}  // namespace changwat::follow_up::rules
