// Month-end entry, phone first: an agency officer sees its own agency's projects that
// have money (the strategy office sees all), each with its latest position, and opens
// a short form under the one to report.
import { useState } from "react";
import { Link, useParams } from "react-router";
import { getActionPlan, type Project } from "../../api/actionPlan";
import { useAuth } from "../../auth/auth";
import { Breadcrumbs } from "../../components/Breadcrumbs";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Loading } from "../../components/Loading";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useLoad } from "../../components/useLoad";
import { useLanguage } from "../../i18n/language";
import { formatMonth, formatPercent, percentOf } from "./amounts";
import { positionEditors, projectName } from "./labels";
import { PositionForm } from "./PositionForm";
import { useAgencyNames } from "./useAgencyNames";
import "./action-plan.css";

function latestMonth(project: Project): string | null {
  return project.lines.reduce<string | null>(
    (latest, line) =>
      line.latest_month && (!latest || line.latest_month > latest) ? line.latest_month : latest,
    null,
  );
}

export function MonthEndPage() {
  const { t, language } = useLanguage();
  const { user, hasRole } = useAuth();
  const planId = Number(useParams().id);
  const agencyNames = useAgencyNames();
  useDocumentTitle(t("ap.monthend.title"));
  const [load, reload] = useLoad((signal) => getActionPlan(planId, signal), [planId]);
  const [open, setOpen] = useState<number | null>(null);
  const plan = load.data;

  if (!hasRole(...positionEditors)) {
    return (
      <div className="notice notice-error" role="alert">
        {t("ap.monthend.need_role")}
      </div>
    );
  }
  const ownAgency = user?.role === "agency_officer" ? (user.agency_code ?? "") : null;
  const projects = (plan?.projects ?? []).filter(
    (project) =>
      project.kind === "main" &&
      project.status === "active" &&
      project.lines.length > 0 &&
      (ownAgency === null || project.agency === ownAgency),
  );

  return (
    <div className="ap-month-end">
      <Breadcrumbs
        label={t("ap.breadcrumbs")}
        crumbs={[
          { to: "/action-plan", label: t("nav.action_plan") },
          ...(plan
            ? [{ to: `/action-plan/${plan.id}`, label: t("ap.fiscal_year", { year: plan.fiscal_year }) }]
            : []),
          { label: t("ap.monthend.title") },
        ]}
      />
      <h1>{t("ap.monthend.title")}</h1>
      <p className="lead">{t("ap.monthend.lead")}</p>
      {load.status === "failed" && <ErrorNotice error={load.error} onRetry={reload} />}
      {!plan && load.status === "loading" && <Loading />}
      {plan && (
        <>
          <h2>
            {ownAgency !== null
              ? t("ap.monthend.own_agency", { agency: agencyNames.name(ownAgency) })
              : t("ap.monthend.all")}
          </h2>
          {plan.status === "closed" && <p className="notice notice-info">{t("ap.monthend.closed")}</p>}
          {projects.length === 0 && <p className="muted">{t("ap.monthend.none")}</p>}
          <ul className="ap-cards" data-testid="month-end-projects">
            {projects.map((project) => {
              const name = projectName(project, language);
              const latest = latestMonth(project);
              const isOpen = open === project.element_id;
              return (
                <li key={project.element_id} className="card ap-card" data-element={project.element_id}>
                  <h3>
                    <Link to={`/action-plan/${plan.id}/projects/${project.element_id}`}>{name}</Link>
                  </h3>
                  <p className="muted">
                    {latest
                      ? t("ap.pos.latest", { month: formatMonth(latest, language) })
                      : t("ap.pos.no_latest")}
                    {" · "}
                    {t("ap.monthend.disbursed", {
                      percent: formatPercent(
                        percentOf(project.disbursed_satang, project.allocated_satang),
                        language,
                      ),
                    })}
                  </p>
                  {plan.status === "open" && (
                    <button
                      type="button"
                      className={`button ${isOpen ? "" : "primary"} ap-wide-button`}
                      aria-expanded={isOpen}
                      onClick={() => setOpen(isOpen ? null : project.element_id)}
                    >
                      {isOpen ? t("common.close") : `${t("ap.pos.enter")}`}
                      <span className="visually-hidden">: {name}</span>
                    </button>
                  )}
                  {isOpen && (
                    <PositionForm
                      planId={plan.id}
                      elementId={project.element_id}
                      projectName={name}
                      onSaved={reload}
                    />
                  )}
                </li>
              );
            })}
          </ul>
          <p>
            <Link to={`/action-plan/${plan.id}?view=spending`}>{t("ap.tab.spending")}</Link>
          </p>
        </>
      )}
    </div>
  );
}
