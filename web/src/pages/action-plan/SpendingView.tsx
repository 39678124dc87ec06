// Disbursement against plan and target: the province's S-curve, or the groups of one
// grouping (strategy, agency, budget source, project) with those behind standing out,
// each group's S-curve on request, and the government's targets of the year.
import { useSearchParams } from "react-router";
import {
  getSpending,
  listTargets,
  spendingGroupings,
  type ActionPlan,
  type SpendingBy,
  type SpendingGroup,
} from "../../api/actionPlan";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Loading } from "../../components/Loading";
import { useLoad } from "../../components/useLoad";
import { useLanguage } from "../../i18n/language";
import { formatAmount, formatMonth, formatPercent, percentOf, unitName, type Unit } from "./amounts";
import { byKey } from "./labels";
import { SCurve } from "./SCurve";
import { TargetsTable } from "./TargetsTable";

export function groupName(group: SpendingGroup, language: string): string {
  return language === "en" && group.name_en ? group.name_en : group.name_th;
}

function StatusBadges({ group }: { group: SpendingGroup }) {
  const { t } = useLanguage();
  if (!group.behind_target && !group.behind_plan)
    return <span className="badge ap-on-track">{t("ap.spending.on_track")}</span>;
  return (
    <>
      {group.behind_target && <span className="badge ap-behind">{t("ap.spending.behind_target")}</span>}{" "}
      {group.behind_plan && <span className="badge ap-behind-plan">{t("ap.spending.behind_plan")}</span>}
    </>
  );
}

export function GroupSummary({ group, unit }: { group: SpendingGroup; unit: Unit }) {
  const { t, language } = useLanguage();
  const used = group.po_outstanding_satang + group.disbursed_satang;
  const money = (satang: number) => `${formatAmount(satang, unit)} ${unitName(unit, language)}`;
  return (
    <dl className="ap-summary" data-testid="spending-summary">
      <div>
        <dt>{t("ap.col.allocated")}</dt>
        <dd data-testid="summary-allocated">{money(group.allocated_satang)}</dd>
      </div>
      <div>
        <dt>{t("ap.col.po")}</dt>
        <dd>{money(group.po_outstanding_satang)}</dd>
      </div>
      <div>
        <dt>{t("ap.col.disbursed")}</dt>
        <dd data-testid="summary-disbursed">
          {money(group.disbursed_satang)} (
          {formatPercent(percentOf(group.disbursed_satang, group.allocated_satang), language)})
        </dd>
      </div>
      <div>
        <dt>{t("ap.col.remaining")}</dt>
        <dd>{money(group.allocated_satang - used)}</dd>
      </div>
      <div>
        <dt>{t("ap.scurve.forecast")}</dt>
        <dd>{formatPercent(group.forecast_year_end_percent, language)}</dd>
      </div>
      <div>
        <dt>{t("ap.spending.status")}</dt>
        <dd>
          <StatusBadges group={group} />
        </dd>
      </div>
    </dl>
  );
}

export function SpendingView({ plan, unit }: { plan: ActionPlan; unit: Unit }) {
  const { t, language } = useLanguage();
  const [params, setParams] = useSearchParams();
  const requested = params.get("by") as SpendingBy | null;
  const by: SpendingBy = requested && spendingGroupings.includes(requested) ? requested : "province";
  const [load, reload] = useLoad((signal) => getSpending(plan.id, by, signal), [plan.id, by]);
  const [targets, reloadTargets] = useLoad(
    (signal) => listTargets(plan.fiscal_year, signal),
    [plan.fiscal_year],
  );
  // While a write's figures load, the curve on screen stays (an open data table stays open).
  const spending = load.data && load.data.by === by ? load.data : null;
  const selectedKey = params.get("group");
  // The group asked for, else the first (the province, or the first of the grouping).
  const selected = spending?.groups.find((group) => String(group.key) === selectedKey) ?? spending?.groups[0];

  function update(change: Record<string, string | null>) {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(change)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setParams(next, { replace: true });
  }

  return (
    <section aria-labelledby="ap-spending-heading">
      <h2 id="ap-spending-heading">{t("ap.scurve.title")}</h2>
      <div className="field ap-by">
        <label htmlFor="ap-spending-by">{t("ap.spending.by")}</label>
        <select
          id="ap-spending-by"
          value={by}
          onChange={(event) => update({ by: event.target.value, group: null })}
        >
          {spendingGroupings.map((value) => (
            <option key={value} value={value}>
              {t(byKey(value))}
            </option>
          ))}
        </select>
      </div>
      {load.status === "failed" && <ErrorNotice error={load.error} onRetry={reload} />}
      {load.status === "loading" && !spending && <Loading />}
      {spending && (
        <>
          <p className="muted" data-testid="spending-latest">
            {spending.latest_month
              ? t("ap.scurve.latest", { month: formatMonth(spending.latest_month, language) })
              : t("ap.scurve.no_data")}
            {" · "}
            {t("ap.amounts_in", { unit: unitName(unit, language) })}
          </p>
          {by !== "province" && (
            <div className="table-wrap">
              <table className="table ap-numbers ap-groups" data-testid="spending-groups">
                <thead>
                  <tr>
                    <th scope="col">{t(byKey(by))}</th>
                    <th scope="col">{t("ap.col.allocated")}</th>
                    <th scope="col">{t("ap.col.po")}</th>
                    <th scope="col">{t("ap.col.disbursed")}</th>
                    <th scope="col">{t("ap.col.disbursed_percent")}</th>
                    <th scope="col">{t("ap.scurve.forecast")}</th>
                    <th scope="col">{t("ap.spending.status")}</th>
                  </tr>
                </thead>
                <tbody>
                  {spending.groups.map((group) => {
                    const name = groupName(group, language);
                    const isSelected = selected !== undefined && String(selected.key) === String(group.key);
                    return (
                      <tr
                        key={String(group.key)}
                        className={group.behind_target ? "ap-row-behind" : undefined}
                        aria-current={isSelected ? "true" : undefined}
                      >
                        <th scope="row">
                          <button
                            type="button"
                            className="link-button"
                            aria-label={t("ap.spending.show", { name })}
                            onClick={() => update({ group: String(group.key) })}
                          >
                            {name}
                          </button>
                          <span className="muted ap-sub">
                            {t("ap.spending.projects", { count: group.projects })}
                          </span>
                        </th>
                        <td className="num">{formatAmount(group.allocated_satang, unit)}</td>
                        <td className="num">{formatAmount(group.po_outstanding_satang, unit)}</td>
                        <td className="num">{formatAmount(group.disbursed_satang, unit)}</td>
                        <td className="num">
                          {formatPercent(percentOf(group.disbursed_satang, group.allocated_satang), language)}
                        </td>
                        <td className="num">{formatPercent(group.forecast_year_end_percent, language)}</td>
                        <td>
                          <StatusBadges group={group} />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          {selected && (
            <section className="panel" aria-label={groupName(selected, language)}>
              <h3>{by === "province" ? t("ap.scurve.province") : groupName(selected, language)}</h3>
              <GroupSummary group={selected} unit={unit} />
              <SCurve
                group={selected}
                name={by === "province" ? t("ap.scurve.province") : groupName(selected, language)}
                unit={unit}
                testId={by === "province" ? "s-curve-province" : "s-curve-group"}
              />
            </section>
          )}
        </>
      )}
      {targets.status === "ready" && (
        <TargetsTable
          items={targets.data.items}
          fiscalYear={plan.fiscal_year}
          onChanged={() => {
            reloadTargets();
            reload();
          }}
        />
      )}
    </section>
  );
}
