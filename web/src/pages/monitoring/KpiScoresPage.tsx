// The plan's KPI scores for a fiscal year: the province's (weighted over every scored
// KPI), each strategy's (a chart and a table), each KPI's actual against its target
// with its score, and the KPIs below their target. Each KPI links to its page
// (actuals with evidence, rubric, trend).
import { useMemo } from "react";
import { Link } from "react-router";
import { getKpiScores } from "../../api/kpiResults";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Loading } from "../../components/Loading";
import { ThaiText } from "../../components/ThaiText";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useLoad } from "../../components/useLoad";
import { useNames } from "../../components/useNames";
import { formatNumber } from "../../format/number";
import { useLanguage } from "../../i18n/language";
import { BarChart } from "./BarChart";
import { useLive } from "./useLive";
import { useMonitoringYear } from "./useMonitoringYear";
import "./monitoring.css";

export function formatScore(score: number | null | undefined): string {
  return score === null || score === undefined ? "–" : score.toFixed(2);
}

export function KpiScoresPage() {
  const { t, language } = useLanguage();
  const names = useNames();
  useDocumentTitle(t("kpi.title"));
  const { plans, fiscalYear, actionPlan, setFiscalYear } = useMonitoringYear();
  const planId = actionPlan?.plan_id ?? null;
  const [scores, reload] = useLoad(
    (signal) =>
      planId === null || fiscalYear === null
        ? Promise.resolve(null)
        : getKpiScores(planId, fiscalYear, signal),
    [planId, fiscalYear],
  );
  useLive(reload);
  const text = (item: { text_th: string; text_en?: string }) =>
    language === "en" ? item.text_en || item.text_th : item.text_th;
  const strategyNames = useMemo(
    () => new Map((scores.data?.strategies ?? []).map((s) => [s.element_id, s])),
    [scores.data],
  );

  if (plans.status === "failed") return <ErrorNotice error={plans.error} />;
  if (!plans.data) return <Loading />;
  const years = [...new Set(plans.data.plans.map((p) => p.fiscal_year))].sort((a, b) => b - a);
  const data = scores.data;

  return (
    <div className="mon-page">
      <header className="page-header">
        <p className="eyebrow">
          <Link to={fiscalYear ? `/monitoring?fiscal_year=${fiscalYear}` : "/monitoring"}>
            {t("mon.title")}
          </Link>
        </p>
        <h1>{t("kpi.title")}</h1>
      </header>
      <div className="panel mon-toolbar">
        <div className="field">
          <label htmlFor="kpi-year">{t("kpi.fiscal_year")}</label>
          <select
            id="kpi-year"
            value={fiscalYear ?? ""}
            onChange={(e) => setFiscalYear(Number(e.target.value))}
          >
            {years.map((year) => (
              <option key={year} value={year}>
                {year}
              </option>
            ))}
          </select>
        </div>
      </div>
      {planId === null && <p className="notice notice-info">{t("kpi.no_plan")}</p>}
      {scores.status === "failed" && <ErrorNotice error={scores.error} onRetry={reload} />}
      {!data && scores.status === "loading" && <Loading />}
      {data && (
        <>
          <section className="panel" aria-labelledby="kpi-province">
            <h2 id="kpi-province">{t("kpi.province_score")}</h2>
            <p className="kpi-province" data-testid="province-score">
              {formatScore(data.province.score)}
            </p>
            <p className="muted">
              {t("kpi.scored_of", { scored: data.province.scored_count, total: data.province.kpi_count })}
            </p>
          </section>
          <section className="panel" aria-labelledby="kpi-strategies">
            <h2 id="kpi-strategies">{t("kpi.strategies")}</h2>
            <BarChart
              testId="strategy-scores-chart"
              label={t("kpi.strategies")}
              max={5}
              items={data.strategies.map((s) => ({
                key: String(s.element_id),
                label: text(s).length > 48 ? `${text(s).slice(0, 46)}…` : text(s),
                value: s.score ?? 0,
              }))}
            />
            <div className="table-wrap">
              <table className="table mon-table">
                <thead>
                  <tr>
                    <th scope="col">{t("kpi.strategy")}</th>
                    <th scope="col" className="num">
                      {t("kpi.score")}
                    </th>
                    <th scope="col" className="num">
                      {t("kpi.weight")}
                    </th>
                    <th scope="col" className="num">
                      {t("kpi.kpis")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.strategies.map((s) => (
                    <tr key={s.element_id}>
                      <th scope="row">
                        <Link to={`/monitoring/strategies/${s.element_id}?fiscal_year=${data.fiscal_year}`}>
                          <ThaiText>{text(s)}</ThaiText>
                        </Link>
                      </th>
                      <td className="num">{formatScore(s.score)}</td>
                      <td className="num">{formatNumber(s.weight, language)}</td>
                      <td className="num">
                        {s.scored_count}/{s.kpi_count}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <section className="panel" aria-labelledby="kpi-list">
            <h2 id="kpi-list">{t("kpi.kpis")}</h2>
            <div className="table-wrap">
              <table className="table mon-table" data-testid="kpi-scores">
                <thead>
                  <tr>
                    <th scope="col">{t("kpi.kpi")}</th>
                    <th scope="col">{t("kpi.strategy")}</th>
                    <th scope="col">{t("kpi.owner")}</th>
                    <th scope="col" className="num">
                      {t("kpi.target")}
                    </th>
                    <th scope="col" className="num">
                      {t("kpi.actual")}
                    </th>
                    <th scope="col" className="num">
                      {t("kpi.score")}
                    </th>
                    <th scope="col" className="num">
                      {t("kpi.weight")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.kpis.map((kpi) => {
                    const strategy =
                      kpi.strategy_id !== null ? strategyNames.get(kpi.strategy_id) : undefined;
                    return (
                      <tr key={kpi.element_id}>
                        <th scope="row">
                          <Link to={`/monitoring/kpis/${kpi.element_id}?fiscal_year=${data.fiscal_year}`}>
                            <ThaiText>{text(kpi)}</ThaiText>
                          </Link>
                        </th>
                        <td>{strategy ? <ThaiText>{text(strategy)}</ThaiText> : t("kpi.no_strategy")}</td>
                        <td>{kpi.agency_code ? names.agency(kpi.agency_code) : "–"}</td>
                        <td className="num">
                          {kpi.target === null ? "–" : formatNumber(kpi.target, language)}
                        </td>
                        <td className="num">
                          {kpi.value === null ? "–" : formatNumber(kpi.value, language)}
                          {kpi.period && <span className="mon-sub">{t(`kpi.period.${kpi.period}`)}</span>}
                        </td>
                        <td className="num">{formatScore(kpi.score)}</td>
                        <td className="num">{formatNumber(kpi.weight, language)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>
          <section className="panel" aria-labelledby="kpi-below">
            <h2 id="kpi-below">{t("kpi.below_target")}</h2>
            {data.below_target.length === 0 ? (
              <p>{t("kpi.none_below")}</p>
            ) : (
              <ul>
                {data.below_target.map((kpi) => (
                  <li key={kpi.element_id}>
                    <Link to={`/monitoring/kpis/${kpi.element_id}?fiscal_year=${data.fiscal_year}`}>
                      <ThaiText>{kpi.text_th}</ThaiText>
                    </Link>{" "}
                    — {t("kpi.actual")} {formatNumber(kpi.actual, language)} ({t(`kpi.period.${kpi.period}`)}
                    ), {t("kpi.target")} {formatNumber(kpi.target, language)}
                    {kpi.agency_code && ` · ${names.agency(kpi.agency_code)}`}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </div>
  );
}
