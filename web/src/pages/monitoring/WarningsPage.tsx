// Early warnings of a fiscal year: filter by owner agency, kind and status (kept in the
// URL); each warning shows its kind in words, the owner agency's name, the dates in the
// Buddhist era and the message; the agency's officers, the strategy office and admins
// record a resolution with a note in a dialog. Live like the dashboards.
import { useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { getActionPlan } from "../../api/actionPlan";
import {
  listWarnings,
  resolveWarning,
  warningKinds,
  type Warning,
  type WarningFilter,
  type WarningKind,
} from "../../api/monitoring";
import { useAuth } from "../../auth/auth";
import { DemoBadge } from "../../components/DemoBadge";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Loading } from "../../components/Loading";
import { ReasonDialog } from "../../components/ReasonDialog";
import { ThaiText } from "../../components/ThaiText";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useLoad } from "../../components/useLoad";
import { useNames } from "../../components/useNames";
import { formatDate } from "../../format/date";
import { compareNames } from "../../format/sort";
import { useLanguage } from "../../i18n/language";
import { useLive } from "./useLive";
import { WarningSettings } from "./WarningSettings";
import { useMonitoringYear } from "./useMonitoringYear";
import "./monitoring.css";

const statuses = ["open", "resolved", "all"] as const;
type StatusFilter = (typeof statuses)[number];

export function WarningsPage() {
  const { t, language } = useLanguage();
  const { user } = useAuth();
  const names = useNames();
  useDocumentTitle(t("warn.title"));
  const [params, setParams] = useSearchParams();
  const { plans, fiscalYear, actionPlan, setFiscalYear } = useMonitoringYear();
  const agency = params.get("agency") ?? "";
  const kindParam = params.get("kind") ?? "";
  const kind = warningKinds.includes(kindParam as WarningKind) ? (kindParam as WarningKind) : "";
  const statusParam = (params.get("status") ?? "open") as StatusFilter;
  const status: StatusFilter = statuses.includes(statusParam) ? statusParam : "open";
  const [resolving, setResolving] = useState<Warning | null>(null);

  const [warnings, reload] = useLoad(
    (signal) => {
      if (fiscalYear === null) return Promise.resolve([] as Warning[]);
      const filter: WarningFilter = { fiscal_year: fiscalYear };
      if (agency) filter.agency = agency;
      if (kind) filter.kind = kind;
      if (status !== "all") filter.status = status;
      return listWarnings(filter, signal);
    },
    [fiscalYear, agency, kind, status],
  );
  useLive(reload);
  // Project names and agencies for the filter come from the year's action plan.
  const [plan] = useLoad(
    (signal) => (actionPlan ? getActionPlan(actionPlan.id, signal) : Promise.resolve(null)),
    [actionPlan?.id],
  );
  const projects = useMemo(
    () => new Map((plan.data?.projects ?? []).map((project) => [project.element_id, project])),
    [plan.data],
  );
  const agencies = useMemo(() => {
    const codes = new Set<string>();
    for (const project of plan.data?.projects ?? []) if (project.agency) codes.add(project.agency);
    for (const warning of warnings.data ?? []) if (warning.agency) codes.add(warning.agency);
    if (agency) codes.add(agency);
    return [...codes]
      .map((code) => ({ code, name: names.agency(code) }))
      .sort((a, b) => compareNames(a.name, b.name, language));
  }, [plan.data, warnings.data, agency, names, language]);

  function set(key: string, value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  }

  const canResolve = (warning: Warning) =>
    warning.status === "open" &&
    user !== null &&
    (user.role === "admin" ||
      user.role === "strategy_officer" ||
      (user.role === "agency_officer" && warning.agency !== null && user.agency_code === warning.agency));

  function about(warning: Warning) {
    if (warning.kind === "kpi_below_trajectory")
      return {
        to: `/monitoring/kpis/${warning.element_id}?fiscal_year=${warning.fiscal_year}`,
        text: t("warn.open_kpi"),
      };
    if (!actionPlan) return null;
    const project = `/action-plan/${actionPlan.id}/projects/${warning.element_id}`;
    if (warning.kind === "procurement_not_committed" || warning.kind === "instalment_overdue")
      return { to: `${project}/procurement`, text: t("warn.open_project") };
    if (warning.kind === "progress_report_missing")
      return { to: `${project}/progress`, text: t("warn.open_project") };
    return { to: project, text: t("warn.open_project") };
  }

  if (plans.status === "failed") return <ErrorNotice error={plans.error} />;
  if (!plans.data) return <Loading />;
  const years = [...new Set(plans.data.plans.map((p) => p.fiscal_year))].sort((a, b) => b - a);
  const list = warnings.data ?? [];

  return (
    <div className="mon-page">
      <header className="page-header">
        <p className="eyebrow">
          <Link to={fiscalYear ? `/monitoring?fiscal_year=${fiscalYear}` : "/monitoring"}>
            {t("mon.title")}
          </Link>
        </p>
        <h1>{t("warn.title")}</h1>
      </header>
      <form className="panel mon-toolbar" aria-label={t("warn.filters")} onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="warn-year">{t("mon.fiscal_year")}</label>
          <select
            id="warn-year"
            value={fiscalYear ?? ""}
            onChange={(event) => setFiscalYear(Number(event.target.value))}
          >
            {years.map((year) => (
              <option key={year} value={year}>
                {year}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="warn-agency">{t("warn.agency")}</label>
          <select id="warn-agency" value={agency} onChange={(event) => set("agency", event.target.value)}>
            <option value="">{t("warn.all_agencies")}</option>
            {agencies.map((item) => (
              <option key={item.code} value={item.code}>
                {item.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="warn-kind">{t("warn.kind")}</label>
          <select id="warn-kind" value={kind} onChange={(event) => set("kind", event.target.value)}>
            <option value="">{t("warn.all_kinds")}</option>
            {warningKinds.map((item) => (
              <option key={item} value={item}>
                {t(`mon.kind.${item}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="warn-status">{t("warn.status")}</label>
          <select
            id="warn-status"
            value={status}
            onChange={(event) => set("status", event.target.value === "open" ? "" : event.target.value)}
          >
            {statuses.map((item) => (
              <option key={item} value={item}>
                {t(`warn.status.${item}`)}
              </option>
            ))}
          </select>
        </div>
      </form>

      {warnings.status === "failed" && <ErrorNotice error={warnings.error} onRetry={reload} />}
      {!warnings.data && warnings.status === "loading" && <Loading />}
      {warnings.data && (
        <>
          <p className="muted" data-testid="warning-count" aria-live="polite">
            {t("warn.count", { count: list.length })}
          </p>
          {list.length === 0 && <p>{t("warn.none")}</p>}
          <ul className="warn-list" data-testid="warnings">
            {list.map((warning) => {
              const project = projects.get(warning.element_id);
              const link = about(warning);
              return (
                <li
                  key={warning.id}
                  className={`warn-item${warning.status === "resolved" ? " resolved" : ""}`}
                  data-testid="warning"
                  data-id={warning.id}
                  data-kind={warning.kind}
                >
                  <div className="warn-head">
                    <span className="warn-kind">
                      <ThaiText>{t(`mon.kind.${warning.kind}`)}</ThaiText>
                    </span>
                    <span>
                      {warning.status === "open" ? (
                        warning.past_due ? (
                          <span className="badge warn-past-due">{t("warn.past_due")}</span>
                        ) : (
                          <span className="badge">{t("warn.status.open")}</span>
                        )
                      ) : (
                        <span className="badge">{t("warn.status.resolved")}</span>
                      )}{" "}
                      <DemoBadge demo={warning.demo} />
                    </span>
                  </div>
                  <p className="warn-meta">
                    <span>
                      {t("warn.owner")}: {warning.agency ? names.agency(warning.agency) : t("warn.no_owner")}
                    </span>
                    <span>
                      {t("warn.raised_on")} {formatDate(warning.raised_on, language)}
                    </span>
                    <span>
                      {t("warn.due_on")} {formatDate(warning.due_on, language)}
                    </span>
                    {project && (
                      <span>
                        {t("warn.about")}:{" "}
                        {language === "en" ? project.name_en || project.name_th : project.name_th}
                      </span>
                    )}
                  </p>
                  <p className="warn-message" data-testid="warning-message">
                    <ThaiText>{language === "en" ? warning.message_en : warning.message_th}</ThaiText>
                  </p>
                  {warning.resolution && (
                    <p className="muted">
                      {warning.resolution.resolved_on &&
                        t("warn.resolved_on", { date: formatDate(warning.resolution.resolved_on, language) })}
                      {warning.resolution.automatic ? ` · ${t("warn.resolved_by_system")}` : ""}
                      {warning.resolution.note_th ? ` · ${warning.resolution.note_th}` : ""}
                    </p>
                  )}
                  <div className="warn-actions">
                    {link && <Link to={link.to}>{link.text}</Link>}
                    {canResolve(warning) && (
                      <button type="button" className="button small" onClick={() => setResolving(warning)}>
                        {t("warn.resolve")}
                      </button>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <WarningSettings
        canEdit={user !== null && (user.role === "admin" || user.role === "strategy_officer")}
        onChanged={reload}
      />
      <ReasonDialog
        open={resolving !== null}
        title={t("warn.resolve_title")}
        label={t("warn.note")}
        confirmLabel={t("warn.resolve_confirm")}
        onClose={() => setResolving(null)}
        onConfirm={async (note) => {
          if (!resolving) return;
          await resolveWarning(resolving.id, { note_th: note, version: resolving.version });
          reload();
        }}
      />
    </div>
  );
}
