// One annual action plan: its projects and money (table with filters and totals),
// disbursement S-curves, reserve projects and promotions, and the import of month-end
// positions, one view at a time (?view=projects|spending|reserves|import), plus the
// documents in baht or ล้านบาท.
import { useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { exportUrl, getActionPlan } from "../../api/actionPlan";
import { useAuth } from "../../auth/auth";
import { Breadcrumbs } from "../../components/Breadcrumbs";
import { DemoBadge } from "../../components/DemoBadge";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Loading } from "../../components/Loading";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useLoad } from "../../components/useLoad";
import { useLanguage } from "../../i18n/language";
import { formatMonth } from "./amounts";
import { CloseYearDialog } from "./CloseYearDialog";
import { ImportView } from "./ImportView";
import { planOffice, positionEditors } from "./labels";
import { ProjectsTable } from "./ProjectsTable";
import { ReservesView } from "./ReservesView";
import { SpendingView } from "./SpendingView";
import { UnitToggle } from "./UnitToggle";
import { useAgencyNames } from "./useAgencyNames";
import { useUnit } from "./useUnit";
import "./action-plan.css";

const views = ["projects", "spending", "reserves", "import"] as const;
type View = (typeof views)[number];

export function ActionPlanPage() {
  const { t, language } = useLanguage();
  const { hasRole } = useAuth();
  const planId = Number(useParams().id);
  const [params] = useSearchParams();
  const requested = params.get("view") as View | null;
  const view: View = requested && views.includes(requested) ? requested : "projects";
  const [unit, setUnit] = useUnit();
  const agencyNames = useAgencyNames();
  const [load, reload] = useLoad((signal) => getActionPlan(planId, signal), [planId]);
  const [closing, setClosing] = useState(false);
  const plan = load.data;
  const title = plan ? t("ap.title", { year: plan.fiscal_year }) : t("nav.action_plan");
  useDocumentTitle(title);

  return (
    <div className="ap-page">
      <Breadcrumbs
        label={t("ap.breadcrumbs")}
        crumbs={[{ to: "/action-plan", label: t("nav.action_plan") }, { label: title }]}
      />
      {load.status === "failed" && <ErrorNotice error={load.error} onRetry={reload} />}
      {!plan && load.status === "loading" && <Loading />}
      {plan && (
        <>
          <header className="page-header">
            <h1>
              {language === "en" && plan.name_en ? plan.name_en : plan.name_th} <DemoBadge demo={plan.demo} />
            </h1>
            <p>
              {t("ap.fiscal_year", { year: plan.fiscal_year })} (
              {t("ap.fiscal_span", {
                first: formatMonth(plan.first_month, language),
                last: formatMonth(plan.last_month, language),
              })}
              ) · <span className={`badge ap-status-${plan.status}`}>{t(`ap.status.${plan.status}`)}</span> ·{" "}
              <Link to={`/plan/${plan.plan_id}`}>{t("ap.from_plan")}</Link>
            </p>
            <p>
              {t("ap.projects_count", {
                main: plan.projects.filter((project) => project.kind === "main").length,
                reserve: plan.projects.filter((project) => project.kind === "reserve").length,
              })}
            </p>
            {plan.status === "open" && hasRole(...positionEditors) && (
              <p className="form-actions">
                <Link className="button primary" to={`/action-plan/${plan.id}/month-end`}>
                  {t("ap.month_end_link")}
                </Link>
                {hasRole(...planOffice) && (
                  <button type="button" className="button" onClick={() => setClosing(true)}>
                    {t("ap.close.button")}
                  </button>
                )}
              </p>
            )}
            {closing && (
              <CloseYearDialog
                plan={plan}
                onClose={() => setClosing(false)}
                onClosed={() => {
                  setClosing(false);
                  reload();
                }}
              />
            )}
          </header>
          <div className="ap-toolbar">
            <UnitToggle unit={unit} onChange={setUnit} />
            <details className="ap-downloads">
              <summary>{t("ap.downloads")}</summary>
              <ul>
                {(["plan.pdf", "plan.xlsx", "spending.pdf", "spending.xlsx"] as const).map((kind) => (
                  <li key={kind}>
                    <a href={exportUrl(plan.id, kind, unit)} download>
                      {t(`ap.download.${kind.replace(".", "_") as "plan_pdf"}`)} ({t(`ap.unit.${unit}`)})
                    </a>
                  </li>
                ))}
              </ul>
            </details>
          </div>
          <nav className="ap-tabs" aria-label={t("ap.tabs")}>
            <ul>
              {views.map((name) => (
                <li key={name}>
                  <Link to={`?view=${name}`} aria-current={view === name ? "page" : undefined}>
                    {t(`ap.tab.${name}`)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          {view === "projects" && <ProjectsTable plan={plan} unit={unit} agencyNames={agencyNames} />}
          {view === "spending" && <SpendingView plan={plan} unit={unit} />}
          {view === "reserves" && (
            <ReservesView plan={plan} unit={unit} agencyNames={agencyNames} onPromoted={reload} />
          )}
          {view === "import" && <ImportView plan={plan} onImported={reload} />}
        </>
      )}
    </div>
  );
}
