// One project of the action plan: what it is (agency, strategy, source, kind, readiness),
// its allocation by budget line, spending plan, month-end positions and S-curve. The
// strategy office edits the allocation and the spending plan; the project's own agency
// officer (and the strategy office) enters month-end positions.
import { useState } from "react";
import { Link, useParams } from "react-router";
import {
  cancelProject,
  getActionPlan,
  getPositions,
  getSpending,
  type ActionPlanDetail,
  type Project,
} from "../../api/actionPlan";
import { useAuth } from "../../auth/auth";
import { Breadcrumbs } from "../../components/Breadcrumbs";
import { DemoBadge } from "../../components/DemoBadge";
import { ErrorNotice } from "../../components/ErrorNotice";
import { ReasonDialog } from "../../components/ReasonDialog";
import { Loading } from "../../components/Loading";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useLoad } from "../../components/useLoad";
import { useLanguage } from "../../i18n/language";
import { AllocationEditor } from "./AllocationEditor";
import { formatAmount, formatMoney, formatMonth, monthRange, unitName, type Unit } from "./amounts";
import { expenseKey, planOffice, projectName, sourceKey } from "./labels";
import { PositionForm } from "./PositionForm";
import { ProjectEditor } from "./ProjectEditor";
import { kindLabel } from "./ProjectsTable";
import { SCurve } from "./SCurve";
import { SpendingPlanEditor, SpendingPlanTable } from "./SpendingPlanEditor";
import { GroupSummary } from "./SpendingView";
import { UnitToggle } from "./UnitToggle";
import { useAgencyNames, type AgencyNames } from "./useAgencyNames";
import { useStrategyNames } from "./useStrategyNames";
import { useUnit } from "./useUnit";
import "./action-plan.css";

function LinesTable({
  project,
  unit,
  agencyNames,
}: {
  project: Project;
  unit: Unit;
  agencyNames: AgencyNames;
}) {
  const { t, language } = useLanguage();
  return (
    <div className="table-wrap">
      <table className="table ap-numbers" data-testid="allocation-lines">
        <thead>
          <tr>
            <th scope="col">{t("ap.alloc.gfmis_code")}</th>
            <th scope="col">{t("ap.alloc.expense_type")}</th>
            <th scope="col">
              {t("ap.capital")}/{t("ap.current")}
            </th>
            <th scope="col">{t("ap.col.allocated")}</th>
            <th scope="col">{t("ap.alloc.contract")}</th>
            <th scope="col">{t("ap.alloc.budget_holder")}</th>
            <th scope="col">{t("ap.alloc.paying_agency")}</th>
            <th scope="col">{t("ap.col.po")}</th>
            <th scope="col">{t("ap.col.disbursed")}</th>
          </tr>
        </thead>
        <tbody>
          {project.lines.map((line) => (
            <tr key={line.gfmis_code}>
              <th scope="row">{line.gfmis_code}</th>
              <td>{t(expenseKey(line.expense_type))}</td>
              <td>{line.is_capital ? t("ap.capital") : t("ap.current")}</td>
              <td className="num">{formatAmount(line.allocated_satang, unit)}</td>
              <td className="num">
                {line.contract_satang === null ? "–" : formatAmount(line.contract_satang, unit)}
              </td>
              <td>{line.budget_holder ? agencyNames.name(line.budget_holder) : "–"}</td>
              <td>{line.paying_agency ? agencyNames.name(line.paying_agency) : "–"}</td>
              <td className="num">{formatAmount(line.po_outstanding_satang, unit)}</td>
              <td className="num">
                {formatAmount(line.disbursed_to_date_satang, unit)}
                {line.latest_month && (
                  <span className="muted ap-sub">
                    {t("ap.pos.latest", { month: formatMonth(line.latest_month, language) })}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              {t("ap.total")}
            </th>
            <td className="num">{formatAmount(project.allocated_satang, unit)}</td>
            <td colSpan={3}></td>
            <td className="num">{formatAmount(project.po_outstanding_satang, unit)}</td>
            <td className="num">{formatAmount(project.disbursed_satang, unit)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function PositionsHistory({
  planId,
  elementId,
  refresh,
}: {
  planId: number;
  elementId: number;
  refresh: number;
}) {
  const { t, language } = useLanguage();
  const [load, reload] = useLoad(
    (signal) => getPositions(planId, elementId, signal),
    [planId, elementId, refresh],
  );
  if (load.status === "failed") return <ErrorNotice error={load.error} onRetry={reload} />;
  if (!load.data) return <Loading />;
  const money = (satang: number | undefined) => (satang === undefined ? "–" : formatAmount(satang, "baht"));
  return (
    <>
      {load.data.lines.map((line) => (
        <section key={line.gfmis_code} aria-label={`${t("ap.pos.title")} ${line.gfmis_code}`}>
          <h4>
            {t(expenseKey(line.expense_type))} · {line.gfmis_code} · {t("ap.col.allocated")}{" "}
            {formatMoney(line.allocated_satang, "baht", language)}
          </h4>
          {line.positions.length === 0 ? (
            <p className="muted">{t("ap.pos.none")}</p>
          ) : (
            <div className="table-wrap">
              <table className="table ap-numbers" data-testid="positions">
                <thead>
                  <tr>
                    <th scope="col">{t("ap.pos.month")}</th>
                    <th scope="col">{t("ap.col.po")}</th>
                    <th scope="col">{t("ap.col.disbursed")}</th>
                    <th scope="col">{t("ap.pos.in_month")}</th>
                    <th scope="col">{t("ap.pos.used")}</th>
                    <th scope="col">{t("ap.col.remaining")}</th>
                    <th scope="col">{t("ap.pos.source")}</th>
                  </tr>
                </thead>
                <tbody>
                  {line.positions.map((position) => (
                    <tr key={position.month} data-month={position.month}>
                      <th scope="row">
                        {formatMonth(position.month, language)}
                        {position.carry_over && (
                          <span className="muted ap-sub">{t("ap.pos.carry_over")}</span>
                        )}
                      </th>
                      <td className="num">{money(position.po_outstanding_satang)}</td>
                      <td className="num">{money(position.disbursed_to_date_satang)}</td>
                      <td className="num">{money(position.disbursed_in_month_satang)}</td>
                      <td className="num">{money(position.used_satang)}</td>
                      <td className="num">{money(position.remaining_satang)}</td>
                      <td>{t(`ap.pos.source.${position.source}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
      <p className="muted">{t("ap.amounts_in", { unit: unitName("baht", language) })}</p>
    </>
  );
}

function ProjectCurve({
  plan,
  project,
  unit,
  refresh,
}: {
  plan: ActionPlanDetail;
  project: Project;
  unit: Unit;
  refresh: number;
}) {
  const { language } = useLanguage();
  const [load] = useLoad(
    (signal) => getSpending(plan.id, "project", signal),
    [plan.id, project.version, refresh],
  );
  const group = load.data?.groups.find((candidate) => String(candidate.key) === String(project.element_id));
  if (load.status === "failed") return <ErrorNotice error={load.error} />;
  if (!group) return load.status === "loading" ? <Loading /> : null;
  return (
    <>
      <GroupSummary group={group} unit={unit} />
      <SCurve group={group} name={projectName(project, language)} unit={unit} testId="s-curve-project" />
    </>
  );
}

export function ProjectPage() {
  const { t, language } = useLanguage();
  const { user, hasRole } = useAuth();
  const params = useParams();
  const planId = Number(params.id);
  const elementId = Number(params.elementId);
  const [unit, setUnit] = useUnit();
  const agencyNames = useAgencyNames();
  const strategyName = useStrategyNames(planId);
  const [load, reload, replace] = useLoad((signal) => getActionPlan(planId, signal), [planId]);
  const [editing, setEditing] = useState<"project" | "allocation" | "plan" | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  // Counts the positions saved here, so the history and the S-curve read them again.
  const [entries, setEntries] = useState(0);
  const plan = load.data;
  const project = plan?.projects.find((candidate) => candidate.element_id === elementId);
  useDocumentTitle(project ? projectName(project, language) : t("nav.action_plan"));

  if (load.status === "failed" && !plan) return <ErrorNotice error={load.error} onRetry={reload} />;
  if (!plan) return <Loading />;
  if (!project)
    return (
      <div className="notice notice-error" role="alert">
        <p>{t("ap.project.not_found")}</p>
        <Link to={`/action-plan/${plan.id}`}>{t("ap.project.back")}</Link>
      </div>
    );

  const open = plan.status === "open";
  const isOffice = hasRole(...planOffice);
  const canAllocate = isOffice && open && project.kind === "main" && project.status === "active";
  const canEditProject = isOffice && open && project.status === "active";
  const canEnter =
    open &&
    project.kind === "main" &&
    project.status === "active" &&
    project.lines.length > 0 &&
    (isOffice || (user?.role === "agency_officer" && user.agency_code === project.agency));
  const months = monthRange(plan.first_month, plan.last_month);
  const name = projectName(project, language);
  const saved = (updated: Project, message: string) => {
    replace({
      ...plan,
      projects: plan.projects.map((candidate) =>
        candidate.element_id === updated.element_id ? updated : candidate,
      ),
    });
    setEditing(null);
    setNotice(message);
    reload();
  };

  return (
    <div className="ap-page">
      <Breadcrumbs
        label={t("ap.breadcrumbs")}
        crumbs={[
          { to: "/action-plan", label: t("nav.action_plan") },
          { to: `/action-plan/${plan.id}`, label: t("ap.fiscal_year", { year: plan.fiscal_year }) },
          { label: name },
        ]}
      />
      <header className="page-header">
        <h1>
          {name} <DemoBadge demo={project.demo} />
        </h1>
        <p className="muted">{project.code}</p>
        <p>
          <Link to={`/action-plan/${plan.id}/projects/${project.element_id}/progress`}>{t("prog.link")}</Link>
        </p>
      </header>
      {project.status === "cancelled" && (
        <p className="notice notice-info">
          {t("ap.cancelled_reason", { reason: project.cancel_reason ?? "" })}
        </p>
      )}
      <dl className="ap-summary" data-testid="project-details">
        <div>
          <dt>{t("ap.col.agency")}</dt>
          <dd>{project.agency ? agencyNames.name(project.agency, project.agency_name_th) : "–"}</dd>
        </div>
        <div>
          <dt>{t("ap.col.strategy")}</dt>
          <dd>{strategyName(project.strategy)}</dd>
        </div>
        <div>
          <dt>{t("ap.col.source")}</dt>
          <dd>{t(sourceKey(project.budget_source))}</dd>
        </div>
        <div>
          <dt>{t("ap.col.kind")}</dt>
          <dd>{kindLabel(project, t)}</dd>
        </div>
        <div>
          <dt>{t("ap.col.requested")}</dt>
          <dd>{formatMoney(project.requested_satang, unit, language)}</dd>
        </div>
        <div>
          <dt>{t("ap.col.allocated")}</dt>
          <dd data-testid="project-allocated">{formatMoney(project.allocated_satang, unit, language)}</dd>
        </div>
        <div>
          <dt>{t("ap.project.readiness")}</dt>
          <dd>
            {project.readiness.ready
              ? t("ap.ready.all")
              : (
                  [
                    ["design_ready", "ap.ready.design"],
                    ["land_ready", "ap.ready.land"],
                    ["contract_ready", "ap.ready.contract"],
                  ] as const
                )
                  .map(
                    ([flag, key]) =>
                      `${t(key)}: ${project.readiness[flag] ? t("ap.ready.yes") : t("ap.ready.no")}`,
                  )
                  .join(" · ")}
          </dd>
        </div>
        {project.decision_ref && (
          <div>
            <dt>{t("ap.decision_ref")}</dt>
            <dd>{project.decision_ref}</dd>
          </div>
        )}
      </dl>
      <div className="ap-toolbar">
        <UnitToggle unit={unit} onChange={setUnit} />
        {canEditProject && editing !== "project" && (
          <button
            type="button"
            className="button small"
            onClick={() => {
              setNotice(null);
              setEditing("project");
            }}
          >
            {t("ap.project.edit")}
          </button>
        )}
        {canAllocate && (
          <button type="button" className="button small" onClick={() => setCancelling(true)}>
            {t("ap.project.cancel")}
          </button>
        )}
      </div>
      {editing === "project" && (
        <ProjectEditor
          key={project.version}
          planId={plan.id}
          project={project}
          onSaved={(updated) => saved(updated, t("ap.project.saved"))}
          onCancel={() => setEditing(null)}
          onReload={reload}
        />
      )}
      <ReasonDialog
        open={cancelling}
        title={t("ap.project.cancel_named", { name })}
        label={t("ap.project.cancel_reason")}
        confirmLabel={t("ap.project.cancel")}
        onClose={() => setCancelling(false)}
        onConfirm={async (reason) => {
          const updated = await cancelProject(plan.id, project.element_id, reason, project.version);
          saved(updated, t("ap.project.cancelled_done"));
        }}
      />
      {notice && (
        <p className="notice notice-success" role="status">
          {notice}
        </p>
      )}

      <section aria-labelledby="ap-allocation-heading">
        <h2 id="ap-allocation-heading">{t("ap.alloc.title")}</h2>
        {project.kind === "reserve" && <p className="muted">{t("ap.alloc.reserve")}</p>}
        {editing === "allocation" ? (
          <AllocationEditor
            key={project.version}
            planId={plan.id}
            project={project}
            agencyNames={agencyNames}
            onSaved={(updated) => saved(updated, t("ap.alloc.saved"))}
            onCancel={() => setEditing(null)}
            onReload={reload}
          />
        ) : (
          <>
            {project.lines.length === 0 && project.kind === "main" && (
              <p className="muted">{t("ap.alloc.none")}</p>
            )}
            {project.lines.length > 0 && (
              <LinesTable project={project} unit={unit} agencyNames={agencyNames} />
            )}
            {canAllocate && (
              <button
                type="button"
                className="button"
                onClick={() => {
                  setNotice(null);
                  setEditing("allocation");
                }}
              >
                {t("ap.alloc.edit")}
              </button>
            )}
          </>
        )}
      </section>

      {project.lines.length > 0 && (
        <section aria-labelledby="ap-plan-heading">
          <h2 id="ap-plan-heading">{t("ap.plan.title")}</h2>
          {editing === "plan" ? (
            <SpendingPlanEditor
              key={project.version}
              planId={plan.id}
              project={project}
              months={months}
              onSaved={(updated) => saved(updated, t("ap.plan.saved"))}
              onCancel={() => setEditing(null)}
              onReload={reload}
            />
          ) : (
            <>
              <SpendingPlanTable project={project} months={months} />
              {canAllocate && (
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    setNotice(null);
                    setEditing("plan");
                  }}
                >
                  {t("ap.plan.edit")}
                </button>
              )}
            </>
          )}
        </section>
      )}

      {project.lines.length > 0 && (
        <section aria-labelledby="ap-curve-heading">
          <h2 id="ap-curve-heading">{t("ap.scurve.title")}</h2>
          <ProjectCurve plan={plan} project={project} unit={unit} refresh={entries} />
        </section>
      )}

      {project.lines.length > 0 && (
        <section aria-labelledby="ap-positions-heading">
          <h2 id="ap-positions-heading">{t("ap.pos.title")}</h2>
          {canEnter && (
            <div className="panel">
              <h3>{t("ap.pos.enter")}</h3>
              <PositionForm
                planId={plan.id}
                elementId={project.element_id}
                projectName={name}
                onSaved={() => {
                  setEntries((count) => count + 1);
                  reload();
                }}
              />
            </div>
          )}
          {user ? (
            <PositionsHistory planId={plan.id} elementId={project.element_id} refresh={entries} />
          ) : (
            <p>
              <Link
                to={`/sign-in?next=${encodeURIComponent(`/action-plan/${plan.id}/projects/${project.element_id}`)}`}
              >
                {t("ap.pos.sign_in")}
              </Link>
            </p>
          )}
        </section>
      )}
      <p>
        <Link to={`/action-plan/${plan.id}`}>{t("ap.project.back")}</Link>
      </p>
    </div>
  );
}
