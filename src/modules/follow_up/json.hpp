#pragma once
// The JSON of follow-up records: API answers and audit entries use the same shapes.
#include <boost/json/object.hpp>

#include "modules/follow_up/model.hpp"
#include "modules/follow_up/service.hpp"

namespace changwat::follow_up {

boost::json::object committee_json(const Committee& committee);
boost::json::object meeting_json(const Meeting& meeting);
// The meeting with its committee's short name and its pack (lists), plus resolutions
// and directives when the view has them (detail).
boost::json::object meeting_view_json(const MeetingView& view, const std::string& today,
                                      bool detail);
boost::json::object pack_json(const Pack& pack);
boost::json::object resolution_json(const Resolution& resolution);
boost::json::object directive_json(const Directive& directive, bool overdue);
boost::json::object directive_view_json(const DirectiveView& view, bool detail);
boost::json::object finding_json(const Finding& finding, bool overdue);
boost::json::object finding_view_json(const FindingView& view, bool detail);
boost::json::object evidence_json(const EvidenceFile& file);
boost::json::object review_notes_json(const ReviewNotes& notes);
boost::json::object review_json(const ReviewPack& pack);

}  // namespace changwat::follow_up
