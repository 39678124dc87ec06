// The executive dashboards: the province (default), a strategy, an agency or a
// district for a fiscal year. Projects by status, average physical progress, money
// (allocated, disbursed, % against the national target, in baht or ล้านบาท),
// procurements by stage, overdue instalments, the KPI score and open warnings; each
// figure links to the list behind it. Live: reloads on focus, every 30 s while
// visible, and the server evaluates on read, so a write anywhere shows at once.
import { useMemo } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { getActionPlan } from "../../api/actionPlan";
import { getArea } from "../../api/endpoints";
import { getDashboard, warningKinds, type Dashboard, type DashboardScope } from "../../api/monitoring";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Loading } from "../../components/Loading";
import { AreaMap } from "../../components/map/AreaMap";
import { ThaiText } from "../../components/ThaiText";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useLoad } from "../../components/useLoad";
import { useNames } from "../../components/useNames";
import { formatDate } from "../../format/date";
import { compareNames } from "../../format/sort";
import { useLanguage } from "../../i18n/language";
import { formatMoney, formatMonth, formatPercent } from "../action-plan/amounts";
import { UnitToggle } from "../action-plan/UnitToggle";
import { useUnit } from "../action-plan/useUnit";
import { provinceCode } from "../areas/AreasPage";
import { BarChart } from "./BarChart";
import { OutputsPanel } from "./OutputsPanel";
import { procurementStages, progressStatuses, statusColours } from "./labels";
import { useLive } from "./useLive";
import { useMonitoringYear } from "./useMonitoringYear";
import "./monitoring.css";

const scopePaths: Record<DashboardScope, string> = {
  province: "",
  strategy: "strategies",
  agency: "agencies",
  district: "districts",
};

export function dashboardPath(scope: DashboardScope, key: string, fiscalYear: number | null): string {
  const base = scope === "province" ? "/monitoring" : `/monitoring/${scopePaths[scope]}/${key}`;
  return fiscalYear ? `${base}?fiscal_year=${fiscalYear}` : base;
}

function Figure({
  title,
  value,
  detail,
  to,
  testId,
  tone,
}: {
  title: string;
  value: string;
  detail?: string;
  to?: string;
  testId: string;
  tone?: "warn" | "good";
}) {
  const { t } = useLanguage();
  return (
    <li className={`mon-figure${tone ? ` mon-${tone}` : ""}`} data-testid={testId}>
      <span className="mon-figure-title">{title}</span>
      <span className="mon-figure-value">{to ? <Link to={to}>{value}</Link> : value}</span>
      {detail && <span className="mon-figure-detail">{detail}</span>}
      {to && (
        <Link className="mon-figure-link" to={to} aria-hidden="true" tabIndex={-1}>
          {t("mon.see_list")}
        </Link>
      )}
    </li>
  );
}

export function DashboardPage({ scope }: { scope: DashboardScope }) {
  const { t, language } = useLanguage();
  const navigate = useNavigate();
  const { key = "" } = useParams();
  const { plans, fiscalYear, actionPlan, setFiscalYear } = useMonitoringYear();
  const [unit, setUnit] = useUnit();
  const names = useNames();

  const [dashboard, reload] = useLoad(
    (signal) =>
      fiscalYear === null
        ? Promise.resolve(null)
        : getDashboard(scope, scope === "province" ? "" : key, fiscalYear, signal),
    [scope, key, fiscalYear],
  );
  // Names for the scope pickers: the year's strategies and agencies from its action
  // plan, the districts from the areas reference data.
  const [plan] = useLoad(
    (signal) => (actionPlan ? getActionPlan(actionPlan.id, signal) : Promise.resolve(null)),
    [actionPlan?.id],
  );
  const [province] = useLoad((signal) => getArea(provinceCode, signal), []);
  const districts = province.data?.children ?? [];
  // Each district's figures for the map (the district dashboards).
  const [districtFigures, reloadDistricts] = useLoad(
    async (signal) => {
      if (fiscalYear === null || districts.length === 0) return new Map<string, Dashboard>();
      const all = await Promise.all(
        districts.map((district) =>
          getDashboard("district", district.code, fiscalYear, signal).catch(() => null),
        ),
      );
      return new Map(all.filter((d): d is Dashboard => d !== null).map((d) => [d.scope.code, d]));
    },
    [fiscalYear, districts.length],
  );
  const reloadAll = useMemo(
    () => () => {
      reload();
      reloadDistricts();
    },
    [reload, reloadDistricts],
  );
  useLive(reloadAll);

  const data = dashboard.data;
  const scopeName = data
    ? language === "en"
      ? data.scope.name_en || data.scope.name_th
      : data.scope.name_th
    : "";
  useDocumentTitle(scopeName ? `${t("mon.title")} · ${scopeName}` : t("mon.title"));

  const strategies = useMemo(() => {
    const found = new Map<number, string>();
    for (const project of plan.data?.projects ?? [])
      if (project.strategy) found.set(project.strategy.element_id, project.strategy.name_th);
    return [...found].sort((a, b) => a[0] - b[0]);
  }, [plan.data]);
  const agencies = useMemo(() => {
    const found = new Map<string, string>();
    for (const project of plan.data?.projects ?? [])
      if (project.agency) found.set(project.agency, project.agency_name_th);
    return [...found]
      .map(([code, name]) => ({ code, name: names.agency(code) === code ? name : names.agency(code) }))
      .sort((a, b) => compareNames(a.name, b.name, language));
  }, [plan.data, names, language]);

  if (plans.status === "failed") return <ErrorNotice error={plans.error} />;
  if (!plans.data) return <Loading />;
  if (plans.data.plans.length === 0 || fiscalYear === null)
    return (
      <>
        <h1>{t("mon.title")}</h1>
        <p className="notice notice-info">{t("mon.no_action_plan")}</p>
      </>
    );

  const ap = actionPlan?.id;
  // The lists behind the figures.
  const projectsList =
    ap === undefined
      ? undefined
      : scope === "strategy"
        ? `/action-plan/${ap}?view=projects&strategy=${key}`
        : scope === "agency"
          ? `/action-plan/${ap}?view=projects&agency=${encodeURIComponent(key)}`
          : `/action-plan/${ap}?view=projects`;
  const spendingList =
    ap === undefined
      ? undefined
      : scope === "strategy"
        ? `/action-plan/${ap}?view=spending&by=strategy&group=${key}`
        : scope === "agency"
          ? `/action-plan/${ap}?view=spending&by=agency&group=${encodeURIComponent(key)}`
          : `/action-plan/${ap}?view=spending&by=province`;
  const warningsList = (kind?: string) => {
    const query = new URLSearchParams({ fiscal_year: String(fiscalYear), status: "open" });
    if (scope === "agency") query.set("agency", key);
    if (kind) query.set("kind", kind);
    return `/monitoring/warnings?${query}`;
  };
  const kpiList = `/monitoring/kpis?fiscal_year=${fiscalYear}`;
  const years = [...new Set(plans.data.plans.map((p) => p.fiscal_year))].sort((a, b) => b - a);
  const difference =
    data && data.disbursed_percent !== null && data.target_percent !== null
      ? data.disbursed_percent - data.target_percent
      : null;

  return (
    <div className="mon-page">
      <header className="page-header">
        <p className="eyebrow">{t("mon.title")}</p>
        <h1 data-testid="dashboard-title">{scopeName || t("mon.title")}</h1>
        {data && (
          <p className="muted small-print" data-testid="dashboard-as-of">
            {data.latest_month
              ? t("mon.as_of", {
                  date: formatDate(data.as_of, language),
                  month: formatMonth(data.latest_month, language),
                })
              : t("mon.as_of_no_month", { date: formatDate(data.as_of, language) })}
          </p>
        )}
      </header>

      <div className="panel mon-toolbar">
        <div className="field">
          <label htmlFor="mon-year">{t("mon.fiscal_year")}</label>
          <select
            id="mon-year"
            value={fiscalYear}
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
          <label htmlFor="mon-strategy">{t("mon.scope.strategy")}</label>
          <select
            id="mon-strategy"
            value={scope === "strategy" ? key : ""}
            onChange={(event) =>
              navigate(
                event.target.value
                  ? dashboardPath("strategy", event.target.value, fiscalYear)
                  : dashboardPath("province", "", fiscalYear),
              )
            }
          >
            <option value="">{t("mon.scope.choose")}</option>
            {strategies.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="mon-agency">{t("mon.scope.agency")}</label>
          <select
            id="mon-agency"
            value={scope === "agency" ? key : ""}
            onChange={(event) =>
              navigate(
                event.target.value
                  ? dashboardPath("agency", event.target.value, fiscalYear)
                  : dashboardPath("province", "", fiscalYear),
              )
            }
          >
            <option value="">{t("mon.scope.choose")}</option>
            {agencies.map((agency) => (
              <option key={agency.code} value={agency.code}>
                {agency.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="mon-district">{t("mon.scope.district")}</label>
          <select
            id="mon-district"
            value={scope === "district" ? key : ""}
            onChange={(event) =>
              navigate(
                event.target.value
                  ? dashboardPath("district", event.target.value, fiscalYear)
                  : dashboardPath("province", "", fiscalYear),
              )
            }
          >
            <option value="">{t("mon.scope.choose")}</option>
            {districts.map((district) => (
              <option key={district.code} value={district.code}>
                {language === "en" ? district.name_en : district.name_th}
              </option>
            ))}
          </select>
        </div>
        <p className="mon-toolbar-links">
          {scope !== "province" && (
            <Link to={dashboardPath("province", "", fiscalYear)}>{t("mon.scope.province")}</Link>
          )}
          <Link to={warningsList()}>{t("mon.links.warnings")}</Link>
          <Link to={kpiList}>{t("mon.links.kpis")}</Link>
        </p>
        <UnitToggle unit={unit} onChange={setUnit} />
      </div>

      {dashboard.status === "failed" && <ErrorNotice error={dashboard.error} onRetry={reload} />}
      {!data && dashboard.status === "loading" && <Loading />}
      {data && (
        <>
          <ul className="mon-figures" aria-label={scopeName}>
            <Figure
              testId="fig-projects"
              title={t("mon.projects")}
              value={t("mon.projects_value", { count: data.projects })}
              detail={
                data.reserve_projects > 0
                  ? t("mon.reserve_projects", { count: data.reserve_projects })
                  : undefined
              }
              to={projectsList}
            />
            <Figure
              testId="fig-progress"
              title={t("mon.average_progress")}
              value={formatPercent(data.average_physical_percent, language)}
              to={projectsList}
            />
            <Figure
              testId="fig-allocated"
              title={t("mon.allocated")}
              value={formatMoney(data.allocated_satang, unit, language)}
              to={spendingList}
            />
            <Figure
              testId="fig-disbursed"
              title={t("mon.disbursed")}
              value={formatMoney(data.disbursed_satang, unit, language)}
              detail={`${t("mon.disbursed_percent")} ${formatPercent(data.disbursed_percent, language)} · ${t("mon.target_percent")} ${formatPercent(data.target_percent, language)}`}
              to={spendingList}
              tone={difference === null ? undefined : difference < 0 ? "warn" : "good"}
            />
            <Figure
              testId="fig-warnings"
              title={t("mon.open_warnings")}
              value={String(data.open_warnings)}
              to={warningsList()}
              tone={data.open_warnings > 0 ? "warn" : undefined}
            />
            <Figure
              testId="fig-instalments"
              title={t("mon.overdue_instalments")}
              value={String(data.overdue_instalments)}
              detail={
                data.overdue_instalments > 0
                  ? t("mon.overdue_amount", {
                      amount: formatMoney(data.overdue_instalments_satang, unit, language),
                    })
                  : undefined
              }
              to={warningsList("instalment_overdue")}
              tone={data.overdue_instalments > 0 ? "warn" : undefined}
            />
            <Figure
              testId="fig-kpi"
              title={t("mon.kpi_score")}
              value={data.kpi_score === null ? t("mon.kpi_none") : data.kpi_score.toFixed(2)}
              detail={data.kpi_score === null ? undefined : t("mon.kpi_scored", { count: data.kpis_scored })}
              to={kpiList}
            />
          </ul>

          <div className="mon-grid">
            <section className="panel" aria-labelledby="mon-money">
              <h2 id="mon-money">{t("mon.money_chart")}</h2>
              <BarChart
                testId="chart-money"
                label={t("mon.money_chart")}
                suffix="%"
                max={100}
                items={[
                  {
                    key: "disbursed",
                    label: t("mon.disbursed_percent"),
                    value: data.disbursed_percent ?? 0,
                    colour: difference !== null && difference < 0 ? "#a3231b" : "#1e6b35",
                  },
                  {
                    key: "target",
                    label: t("mon.target_percent"),
                    value: data.target_percent ?? 0,
                    colour: "#55626e",
                  },
                ]}
              />
              {difference !== null && (
                <p className={difference < 0 ? "mon-behind" : "mon-ahead"}>
                  {t("mon.vs_target", { diff: `${difference > 0 ? "+" : ""}${difference.toFixed(1)}` })}
                </p>
              )}
            </section>

            <section className="panel" aria-labelledby="mon-status">
              <h2 id="mon-status">{t("mon.by_status")}</h2>
              <BarChart
                testId="chart-status"
                label={t("mon.by_status")}
                items={progressStatuses.map((status) => ({
                  key: status,
                  label: t(`mon.status.${status}`),
                  value: data.projects_by_status[status] ?? 0,
                  colour: statusColours[status],
                }))}
              />
              <FigureList
                entries={progressStatuses.map((status) => [
                  t(`mon.status.${status}`),
                  data.projects_by_status[status] ?? 0,
                ])}
                to={projectsList}
              />
            </section>

            <section className="panel" aria-labelledby="mon-stage">
              <h2 id="mon-stage">{t("mon.by_stage")}</h2>
              <BarChart
                testId="chart-stage"
                label={t("mon.by_stage")}
                items={procurementStages.map((stage) => ({
                  key: stage,
                  label: t(`mon.stage.${stage}`),
                  value: data.procurement_by_stage[stage] ?? 0,
                }))}
              />
              <FigureList
                entries={procurementStages.map((stage) => [
                  t(`mon.stage.${stage}`),
                  data.procurement_by_stage[stage] ?? 0,
                ])}
                to={projectsList}
              />
              {data.projects_without_procurement > 0 && (
                <p className="muted">
                  {t("mon.without_procurement", { count: data.projects_without_procurement })}
                </p>
              )}
            </section>

            <section className="panel" aria-labelledby="mon-kinds">
              <h2 id="mon-kinds">{t("mon.by_kind")}</h2>
              <ul className="mon-kinds" data-testid="warnings-by-kind">
                {warningKinds.map((kind) => (
                  <li key={kind}>
                    <Link to={warningsList(kind)}>
                      <ThaiText>{t(`mon.kind.${kind}`)}</ThaiText>
                    </Link>
                    <span className="mon-kind-count">{data.open_warnings_by_kind[kind] ?? 0}</span>
                  </li>
                ))}
              </ul>
            </section>

            <section className="panel" aria-labelledby="mon-map">
              <h2 id="mon-map">{t("mon.map")}</h2>
              <AreaMap
                testId="dashboard-map"
                label={t("mon.map_label")}
                selected={scope === "district" ? key : undefined}
                onSelect={(code) =>
                  navigate(
                    scope === "district" && key === code
                      ? dashboardPath("province", "", fiscalYear)
                      : dashboardPath("district", code, fiscalYear),
                  )
                }
                districts={districts.map((district) => {
                  const figures = districtFigures.data?.get(district.code);
                  return {
                    code: district.code,
                    name: language === "en" ? district.name_en : district.name_th,
                    ...(figures ? { value: figures.projects } : {}),
                  };
                })}
              />
            </section>
            {scope === "province" && actionPlan && <OutputsPanel plan={actionPlan} />}
          </div>
        </>
      )}
    </div>
  );
}

function FigureList({ entries, to }: { entries: [string, number][]; to?: string }) {
  const { t } = useLanguage();
  return (
    <table className="table mon-figure-table">
      <thead>
        <tr>
          <th scope="col" className="visually-hidden">
            {t("mon.scopes")}
          </th>
          <th scope="col" className="num">
            {t("mon.count")}
          </th>
        </tr>
      </thead>
      <tbody>
        {entries.map(([label, value]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td className="num">{to && value > 0 ? <Link to={to}>{value}</Link> : value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
