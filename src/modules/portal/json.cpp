#include "modules/portal/json.hpp"

#include <boost/json.hpp>

#include "base/json_or_null.hpp"
#include "modules/portal/rules.hpp"

namespace changwat::portal {
namespace {

std::string_view status_name(FeedbackStatus status) { return kFeedbackStatusNames.name(status); }

boost::json::array texts(const std::vector<std::string>& values) {
  boost::json::array array;
  for (const auto& value : values) array.emplace_back(value);
  return array;
}

// What the sender (by the receipt) and a moderator both read of a feedback.
boost::json::object comment_json(const Feedback& f) {
  return {{"element_id", f.element_id},
          {"rating", f.rating},
          {"comment_th", f.comment_th},
          {"status", status_name(f.status)},
          {"status_th", kFeedbackStatusLabels.name(f.status)},
          {"answer_th", json_or_null(f.answer_th)},
          {"answered_at", json_or_null(f.answered_at)},
          {"created_at", f.created_at}};
}

}  // namespace

boost::json::object feedback_json(const Feedback& f) {
  boost::json::object json = comment_json(f);
  json["id"] = f.id;
  json["moderated_at"] = json_or_null(f.moderated_at);
  json["demo"] = f.demo;
  json["version"] = f.version;
  return json;
}

boost::json::object rating_json(const Rating& rating) {
  return {{"average", rating.average}, {"count", rating.count}};
}

boost::json::object project_json(const PublicProject& p) {
  return {{"element_id", p.element_id},
          {"code", p.code},
          {"name_th", p.name_th},
          {"agency_code", json_or_null(p.agency_code)},
          {"districts", texts(p.districts)},
          {"fiscal_year", p.fiscal_year},
          {"physical_percent", json_or_null(p.physical_percent)},
          {"progress_status_th", json_or_null(p.progress_status)},
          {"allocated_satang", p.allocated_satang},
          {"disbursed_satang", p.disbursed_satang},
          {"rating", rating_json(p.rating)}};
}

boost::json::object page_json(const ProjectPage& page) {
  boost::json::object json = project_json(page.project);
  boost::json::array procurements;
  for (const auto& p : page.procurements)
    procurements.push_back({{"title_th", p.title_th},
                            {"method_th", p.method},
                            {"stage_th", p.stage},
                            {"reference_price_satang", p.reference_price_satang},
                            {"winner_name", json_or_null(p.winner_name)},
                            {"contract_value_satang", json_or_null(p.contract_value_satang)},
                            {"contract_signed", json_or_null(p.contract_signed)}});
  boost::json::array comments;
  for (const auto& c : page.comments)
    comments.push_back({{"rating", c.rating},
                        {"comment_th", c.comment_th},
                        {"answer_th", json_or_null(c.answer_th)},
                        {"created_at", c.created_at},
                        {"demo", c.demo}});
  json["procurements"] = std::move(procurements);
  json["comments"] = std::move(comments);
  json["complaint_notice_th"] = rules::kComplaintCentreNotice;
  json["complaint_url"] = rules::kComplaintCentreUrl;
  return json;
}

boost::json::object overview_json(const Overview& o) {
  boost::json::value plan = nullptr;
  if (o.plan)
    plan = boost::json::object{{"id", o.plan->id},
                               {"name_th", o.plan->name_th},
                               {"first_fiscal_year", o.plan->period.first_fiscal_year},
                               {"last_fiscal_year", o.plan->period.last_fiscal_year}};
  boost::json::array kpis;
  for (const auto& k : o.kpis)
    kpis.push_back({{"code", k.code},
                    {"text_th", k.text_th},
                    {"value", json_or_null(k.value)},
                    {"target", json_or_null(k.target)},
                    {"score", json_or_null(k.score)},
                    {"on_track", json_or_null(k.on_track)}});
  boost::json::array needs;
  for (const auto& n : o.open_needs)
    needs.push_back({{"title", n.title}, {"district_code", n.district_code}, {"votes", n.votes}});
  return {{"plan", std::move(plan)},
          {"fiscal_year", o.fiscal_year},
          {"province_score", json_or_null(o.province_score)},
          {"kpis", std::move(kpis)},
          {"open_needs", std::move(needs)},
          {"open_needs_total", o.open_needs_total},
          {"projects", o.projects},
          {"allocated_satang", o.allocated_satang},
          {"disbursed_satang", o.disbursed_satang},
          {"complaint_notice_th", rules::kComplaintCentreNotice},
          {"complaint_url", rules::kComplaintCentreUrl}};
}

boost::json::object follow_json(const FeedbackFollow& follow) {
  boost::json::object json = comment_json(follow.feedback);
  json["project_name_th"] = follow.project_name_th;
  json["complaint_notice_th"] = rules::kComplaintCentreNotice;
  return json;
}

}  // namespace changwat::portal
