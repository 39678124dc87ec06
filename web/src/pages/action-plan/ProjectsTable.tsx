// The action plan's projects: filters by strategy, agency, budget source and kind (kept
// in the URL), money in baht or ล้านบาท with thousands separators, and the totals of
// the main projects shown; then the totals by budget source of the whole plan.
import { Link, useSearchParams } from "react-router";
import { budgetSources, type ActionPlanDetail, type Project } from "../../api/actionPlan";
import { DemoBadge } from "../../components/DemoBadge";
import { useLanguage } from "../../i18n/language";
import { compareNames, matchesFilter } from "../../format/sort";
import { formatAmount, formatPercent, percentOf, unitName, type Unit } from "./amounts";
import { projectName, sourceKey } from "./labels";
import type { AgencyNames } from "./useAgencyNames";
import { useStrategyNames } from "./useStrategyNames";

const filterKeys = ["strategy", "agency", "source", "kind", "q"] as const;

export function kindLabel(
  project: Pick<Project, "kind" | "ranking">,
  t: (
    key: "ap.kind.main" | "ap.kind.reserve_rank" | "ap.kind.reserve",
    values?: Record<string, string | number>,
  ) => string,
) {
  if (project.kind === "main") return t("ap.kind.main");
  return project.ranking === null
    ? t("ap.kind.reserve")
    : t("ap.kind.reserve_rank", { rank: project.ranking });
}

export function ProjectsTable({
  plan,
  unit,
  agencyNames,
}: {
  plan: ActionPlanDetail;
  unit: Unit;
  agencyNames: AgencyNames;
}) {
  const { t, language } = useLanguage();
  const [params, setParams] = useSearchParams();
  const strategyName = useStrategyNames(plan.id);
  const filter = Object.fromEntries(filterKeys.map((key) => [key, params.get(key) ?? ""])) as Record<
    (typeof filterKeys)[number],
    string
  >;

  function setFilter(key: (typeof filterKeys)[number], value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  }
  function clearFilters() {
    const next = new URLSearchParams(params);
    for (const key of filterKeys) next.delete(key);
    setParams(next, { replace: true });
  }

  const strategies = new Map<string, string>();
  const agencies = new Map<string, string>();
  for (const project of plan.projects) {
    if (project.strategy) strategies.set(String(project.strategy.element_id), strategyName(project.strategy));
    if (project.agency)
      agencies.set(project.agency, agencyNames.name(project.agency, project.agency_name_th));
  }
  const hasNoStrategy = plan.projects.some((project) => !project.strategy);
  const byName = (a: [string, string], b: [string, string]) => compareNames(a[1], b[1], language);

  const shown = plan.projects.filter((project) => {
    if (
      filter.strategy === "none"
        ? project.strategy !== null
        : filter.strategy && String(project.strategy?.element_id) !== filter.strategy
    )
      return false;
    if (filter.agency && project.agency !== filter.agency) return false;
    if (filter.source && project.budget_source !== filter.source) return false;
    if (filter.kind && project.kind !== filter.kind) return false;
    if (!matchesFilter(filter.q, project.name_th, project.name_en, project.code)) return false;
    return true;
  });
  const counted = shown.filter((project) => project.kind === "main" && project.status === "active");
  const sum = (pick: (project: Project) => number) =>
    counted.reduce((total, project) => total + BigInt(pick(project)), 0n);
  const totals = {
    requested: sum((project) => project.requested_satang),
    allocated: sum((project) => project.allocated_satang),
    po: sum((project) => project.po_outstanding_satang),
    disbursed: sum((project) => project.disbursed_satang),
  };
  const money = (satang: number | bigint) => formatAmount(satang, unit);

  return (
    <section aria-labelledby="ap-projects-heading">
      <h2 id="ap-projects-heading">{t("ap.tab.projects")}</h2>
      <form
        className="panel filters-grid ap-filters"
        role="search"
        aria-label={t("ap.filter.title")}
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="field">
          <label htmlFor="ap-filter-strategy">{t("ap.filter.strategy")}</label>
          <select
            id="ap-filter-strategy"
            value={filter.strategy}
            onChange={(event) => setFilter("strategy", event.target.value)}
          >
            <option value="">{t("ap.filter.all")}</option>
            {[...strategies.entries()].sort(byName).map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
            {hasNoStrategy && <option value="none">{t("ap.filter.no_strategy")}</option>}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ap-filter-agency">{t("ap.filter.agency")}</label>
          <select
            id="ap-filter-agency"
            value={filter.agency}
            onChange={(event) => setFilter("agency", event.target.value)}
          >
            <option value="">{t("ap.filter.all")}</option>
            {[...agencies.entries()].sort(byName).map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ap-filter-source">{t("ap.filter.source")}</label>
          <select
            id="ap-filter-source"
            value={filter.source}
            onChange={(event) => setFilter("source", event.target.value)}
          >
            <option value="">{t("ap.filter.all")}</option>
            {budgetSources.map((source) => (
              <option key={source} value={source}>
                {t(sourceKey(source))}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ap-filter-kind">{t("ap.filter.kind")}</label>
          <select
            id="ap-filter-kind"
            value={filter.kind}
            onChange={(event) => setFilter("kind", event.target.value)}
          >
            <option value="">{t("ap.filter.all")}</option>
            <option value="main">{t("ap.kind.main")}</option>
            <option value="reserve">{t("ap.kind.reserve")}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="ap-filter-q">{t("ap.filter.text")}</label>
          <input
            id="ap-filter-q"
            type="search"
            value={filter.q}
            onChange={(event) => setFilter("q", event.target.value)}
          />
        </div>
        <div className="form-actions">
          <button type="button" className="button small" onClick={clearFilters}>
            {t("ap.filter.clear")}
          </button>
        </div>
      </form>
      <p className="muted" aria-live="polite" data-testid="projects-shown">
        {t("ap.filter.showing", { shown: shown.length, total: plan.projects.length })} ·{" "}
        {t("ap.amounts_in", { unit: unitName(unit, language) })}
      </p>
      <div className="table-wrap">
        <table className="table ap-numbers ap-projects" data-testid="ap-projects">
          <thead>
            <tr>
              <th scope="col">{t("ap.col.project")}</th>
              <th scope="col">{t("ap.col.agency")}</th>
              <th scope="col">{t("ap.col.strategy")}</th>
              <th scope="col">{t("ap.col.source")}</th>
              <th scope="col">{t("ap.col.kind")}</th>
              <th scope="col">{t("ap.col.requested")}</th>
              <th scope="col">{t("ap.col.allocated")}</th>
              <th scope="col">{t("ap.col.po")}</th>
              <th scope="col">{t("ap.col.disbursed")}</th>
              <th scope="col">{t("ap.col.disbursed_percent")}</th>
            </tr>
          </thead>
          <tbody>
            {shown.length === 0 && (
              <tr>
                <td colSpan={10} className="muted">
                  {t("ap.no_projects")}
                </td>
              </tr>
            )}
            {shown.map((project) => (
              <tr
                key={project.element_id}
                data-element={project.element_id}
                className={project.status === "cancelled" ? "ap-row-cancelled" : undefined}
              >
                <th scope="row">
                  <Link to={`/action-plan/${plan.id}/projects/${project.element_id}`}>
                    {projectName(project, language)}
                  </Link>
                  {/* Only where demo and real projects mix; a demo plan says so once, at the top. */}
                  {!plan.demo && <DemoBadge demo={project.demo} />}
                  <span className="muted ap-sub">
                    {project.code}
                    {project.status === "cancelled" && ` · ${t("ap.cancelled")}`}
                  </span>
                </th>
                <td>{project.agency ? agencyNames.name(project.agency, project.agency_name_th) : "–"}</td>
                <td title={strategyName(project.strategy)}>
                  <span className="ap-clamp">{strategyName(project.strategy)}</span>
                </td>
                <td>{t(sourceKey(project.budget_source))}</td>
                <td>{kindLabel(project, t)}</td>
                <td className="num">{money(project.requested_satang)}</td>
                <td className="num">{money(project.allocated_satang)}</td>
                <td className="num">{money(project.po_outstanding_satang)}</td>
                <td className="num">{money(project.disbursed_satang)}</td>
                <td className="num">
                  {formatPercent(percentOf(project.disbursed_satang, project.allocated_satang), language)}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-testid="ap-projects-total">
              <th scope="row" colSpan={5}>
                {t("ap.total")} ({t("ap.kind.main")} {counted.length})
              </th>
              <td className="num">{money(totals.requested)}</td>
              <td className="num">{money(totals.allocated)}</td>
              <td className="num">{money(totals.po)}</td>
              <td className="num">{money(totals.disbursed)}</td>
              <td className="num">
                {formatPercent(percentOf(Number(totals.disbursed), Number(totals.allocated)), language)}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <section className="panel" aria-labelledby="ap-sources-heading">
        <h3 id="ap-sources-heading">{t("ap.totals_by_source")}</h3>
        <div className="table-wrap">
          <table className="table ap-numbers" data-testid="ap-source-totals">
            <thead>
              <tr>
                <th scope="col">{t("ap.col.source")}</th>
                <th scope="col">{t("ap.col.requested")}</th>
                <th scope="col">{t("ap.col.allocated")}</th>
              </tr>
            </thead>
            <tbody>
              {plan.totals_by_source.map((row) => (
                <tr key={row.budget_source}>
                  <th scope="row">{t(sourceKey(row.budget_source))}</th>
                  <td className="num">{money(row.requested_satang)}</td>
                  <td className="num">{money(row.allocated_satang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </section>
  );
}
