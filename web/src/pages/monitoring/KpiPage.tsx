// One KPI for the strategy office: its trend against the plan's targets (a chart and a
// table), its actuals per fiscal year and period (Q1–Q4, year) with evidence, data
// year and source (recorded here), and its scoring rubric (thresholds value → score,
// direction, weight) edited in place; the server's 422 is shown at its field.
import {
  CategoryScale,
  Chart as ChartJS,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  Tooltip,
  type ChartOptions,
} from "chart.js";
import { useEffect, useId, useState } from "react";
import type { FormEvent } from "react";
import { Line } from "react-chartjs-2";
import { Link, useParams, useSearchParams } from "react-router";
import { ApiError } from "../../api/client";
import {
  getKpiRubric,
  getKpiTrend,
  kpiPeriods,
  listKpiActuals,
  setKpiActual,
  setKpiRubric,
  type KpiActual,
  type KpiPeriod,
  type KpiRubric,
  type RubricDirection,
} from "../../api/kpiResults";
import { getElement } from "../../api/plan";
import type { LocalizedText } from "../../api/types";
import { useAuth } from "../../auth/auth";
import { DemoBadge } from "../../components/DemoBadge";
import { ErrorNotice } from "../../components/ErrorNotice";
import { FieldMessage } from "../../components/FieldMessage";
import { Loading } from "../../components/Loading";
import { ThaiText } from "../../components/ThaiText";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import { useLoad } from "../../components/useLoad";
import { useNames } from "../../components/useNames";
import { formatDateTime } from "../../format/date";
import { formatNumber } from "../../format/number";
import { personName } from "../../format/person";
import { useLanguage } from "../../i18n/language";
import { formatScore } from "./KpiScoresPage";
import { parseNumber } from "./parse";
import "./monitoring.css";

ChartJS.register(CategoryScale, LinearScale, PointElement, LineElement, Tooltip, Legend);

const editors = ["strategy_officer", "admin"] as const;

export function KpiPage() {
  const { t, language } = useLanguage();
  const { hasRole } = useAuth();
  const names = useNames();
  const { elementId: raw } = useParams();
  const elementId = Number(raw);
  const [params] = useSearchParams();
  const fiscalYear = Number(params.get("fiscal_year")) || null;
  const canEdit = hasRole(...editors);

  const [trend, reloadTrend] = useLoad((signal) => getKpiTrend(elementId, signal), [elementId]);
  const planId = trend.data?.plan_id ?? null;
  const [element] = useLoad(
    (signal) => (planId === null ? Promise.resolve(null) : getElement(planId, elementId, undefined, signal)),
    [planId, elementId],
  );
  const [actuals, reloadActuals] = useLoad((signal) => listKpiActuals(elementId, signal), [elementId]);
  const [rubric, reloadRubric, replaceRubric] = useLoad(
    (signal) =>
      getKpiRubric(elementId, signal).catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }),
    [elementId],
  );
  const name = element.data
    ? language === "en"
      ? element.data.text_en || element.data.text_th
      : element.data.text_th
    : "";
  const unit = element.data
    ? language === "en"
      ? element.data.unit_en || element.data.unit_th
      : element.data.unit_th
    : "";
  useDocumentTitle(name ? `${t("kpi.page_title")} · ${name}` : t("kpi.page_title"));

  if (trend.status === "failed") return <ErrorNotice error={trend.error} onRetry={reloadTrend} />;
  if (!trend.data) return <Loading />;
  const years = trend.data.years.map((year) => year.fiscal_year);

  return (
    <div className="mon-page">
      <header className="page-header">
        <p className="eyebrow">
          <Link to={fiscalYear ? `/monitoring/kpis?fiscal_year=${fiscalYear}` : "/monitoring/kpis"}>
            {t("kpi.back")}
          </Link>
        </p>
        <h1 data-testid="kpi-name">
          <ThaiText>{name || "…"}</ThaiText>
        </h1>
        {element.data && (
          <p className="muted">
            {unit && `${unit} · `}
            {t(`kpi.direction.${element.data.direction ?? "higher_is_better"}`)}
            {element.data.owner_agency && ` · ${names.agency(element.data.owner_agency)}`}
            {trend.data.baseline_value !== null &&
              trend.data.baseline_year !== null &&
              ` · ${t("kpi.baseline", {
                value: formatNumber(trend.data.baseline_value, language),
                year: trend.data.baseline_year,
              })}`}
          </p>
        )}
      </header>

      <section className="panel" aria-labelledby="kpi-trend">
        <h2 id="kpi-trend">{t("kpi.trend")}</h2>
        <TrendChart trend={trend.data} />
        <div className="table-wrap">
          <table className="table mon-table" data-testid="kpi-trend-table">
            <thead>
              <tr>
                <th scope="col">{t("kpi.fiscal_year")}</th>
                <th scope="col" className="num">
                  {t("kpi.target")}
                </th>
                <th scope="col" className="num">
                  {t("kpi.actual")}
                </th>
                <th scope="col" className="num">
                  {t("kpi.score")}
                </th>
                <th scope="col">{t("warn.status")}</th>
              </tr>
            </thead>
            <tbody>
              {trend.data.years.map((year) => (
                <tr key={year.fiscal_year}>
                  <th scope="row">{year.fiscal_year}</th>
                  <td className="num">{year.target === null ? "–" : formatNumber(year.target, language)}</td>
                  <td className="num">
                    {year.actual === null ? "–" : formatNumber(year.actual, language)}
                    {year.period && <span className="mon-sub">{t(`kpi.period.${year.period}`)}</span>}
                  </td>
                  <td className="num">{formatScore(year.score)}</td>
                  <td>
                    {year.on_track === null ? (
                      t("kpi.not_judged")
                    ) : year.on_track ? (
                      <span className="kpi-on">{t("kpi.on_track")}</span>
                    ) : (
                      <span className="kpi-off">{t("kpi.off_track")}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="panel" aria-labelledby="kpi-actuals">
        <h2 id="kpi-actuals">{t("kpi.actuals")}</h2>
        {actuals.status === "failed" && <ErrorNotice error={actuals.error} onRetry={reloadActuals} />}
        {actuals.data && (
          <ActualsTable
            actuals={actuals.data}
            canEdit={canEdit}
            years={years}
            defaultYear={fiscalYear ?? years[years.length - 1] ?? 0}
            onSave={async (year, body) => {
              await setKpiActual(elementId, year, body);
              reloadActuals();
              reloadTrend();
            }}
          />
        )}
      </section>

      <section className="panel" aria-labelledby="kpi-rubric">
        <h2 id="kpi-rubric">{t("kpi.rubric")}</h2>
        <p className="muted small-print">{t("kpi.rubric_lead")}</p>
        {rubric.status === "failed" && <ErrorNotice error={rubric.error} onRetry={reloadRubric} />}
        {rubric.status !== "failed" && rubric.data === null && rubric.status === "loading" && <Loading />}
        {(rubric.status === "ready" || rubric.data) && (
          <RubricEditor
            rubric={rubric.data ?? null}
            canEdit={canEdit}
            planDirection={element.data?.direction ?? null}
            onSave={async (body) => {
              const saved = await setKpiRubric(elementId, body);
              replaceRubric(saved);
              reloadTrend();
            }}
          />
        )}
      </section>
    </div>
  );
}

function TrendChart({ trend }: { trend: NonNullable<Awaited<ReturnType<typeof getKpiTrend>>> }) {
  const { t } = useLanguage();
  const data = {
    labels: trend.years.map((year) => String(year.fiscal_year)),
    datasets: [
      {
        label: t("kpi.target"),
        data: trend.years.map((year) => year.target),
        borderColor: "#55626e",
        backgroundColor: "#55626e",
        borderDash: [6, 4],
        spanGaps: true,
      },
      {
        label: t("kpi.actual"),
        data: trend.years.map((year) => year.actual),
        borderColor: "#0b5d7a",
        backgroundColor: "#0b5d7a",
        pointRadius: 4,
        spanGaps: false,
      },
    ],
  };
  const options: ChartOptions<"line"> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    plugins: { legend: { position: "bottom" } },
    scales: { y: { beginAtZero: false } },
  };
  return (
    <div className="mon-chart" style={{ height: "260px" }} data-testid="kpi-trend-chart">
      <Line data={data} options={options} aria-label={t("kpi.trend")} role="img" />
    </div>
  );
}

type ActualBody = Parameters<typeof setKpiActual>[2];

function ActualsTable({
  actuals,
  canEdit,
  years,
  defaultYear,
  onSave,
}: {
  actuals: KpiActual[];
  canEdit: boolean;
  years: number[];
  defaultYear: number;
  onSave: (year: number, body: ActualBody) => Promise<void>;
}) {
  const { t, language } = useLanguage();
  const id = useId();
  const [year, setYear] = useState(defaultYear);
  const [period, setPeriod] = useState<KpiPeriod>("year");
  const existing = actuals.find((a) => a.fiscal_year === year && a.period === period) ?? null;
  const [value, setValue] = useState("");
  const [evidence, setEvidence] = useState("");
  const [dataYear, setDataYear] = useState("");
  const [source, setSource] = useState("");
  const [problems, setProblems] = useState<Record<string, LocalizedText>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  // Choosing a year and period fills the form with what is stored for them.
  useEffect(() => {
    setValue(existing ? String(existing.value) : "");
    setEvidence(existing?.evidence_th ?? "");
    setDataYear(existing?.data_year ? String(existing.data_year) : "");
    setSource(existing?.source_th ?? "");
    setProblems({});
    setError(null);
    // The stored row's version changes after a save.
  }, [year, period, existing?.version]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const number = parseNumber(value);
    const found: Record<string, LocalizedText> = {};
    if (number === null) found.value = { th: t("kpi.number_required"), en: "Enter a number" };
    if (!evidence.trim()) found.evidence_th = { th: "กรุณาระบุหลักฐาน", en: "Give the evidence." };
    const dataYearNumber = dataYear.trim() ? Number(dataYear) : null;
    if (dataYear.trim() && !Number.isInteger(dataYearNumber))
      found.data_year = { th: "กรอกปี พ.ศ. 4 หลัก", en: "Enter a 4-digit BE year" };
    setProblems(found);
    setSaved(false);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const body: ActualBody = {
        period,
        value: number!,
        evidence_th: evidence.trim(),
        data_year: dataYearNumber,
        source_th: source.trim() || null,
      };
      if (existing) body.version = existing.version;
      await onSave(year, body);
      setSaved(true);
    } catch (caught) {
      setError(caught);
      if (caught instanceof ApiError) setProblems(caught.fields);
    } finally {
      setBusy(false);
    }
  }

  const sorted = [...actuals].sort(
    (a, b) => b.fiscal_year - a.fiscal_year || kpiPeriods.indexOf(a.period) - kpiPeriods.indexOf(b.period),
  );
  const shown = ["value", "evidence_th", "data_year", "source_th", "fiscal_year", "period"];

  return (
    <>
      {sorted.length === 0 ? (
        <p>{t("kpi.no_actuals")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table mon-table" data-testid="kpi-actuals">
            <thead>
              <tr>
                <th scope="col">{t("kpi.fiscal_year")}</th>
                <th scope="col">{t("kpi.period")}</th>
                <th scope="col" className="num">
                  {t("kpi.value")}
                </th>
                <th scope="col">{t("kpi.evidence")}</th>
                <th scope="col">{t("kpi.data_year")}</th>
                <th scope="col">{t("kpi.source")}</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((actual) => (
                <tr key={`${actual.fiscal_year}-${actual.period}`}>
                  <th scope="row">{actual.fiscal_year}</th>
                  <td>
                    {t(`kpi.period.${actual.period}`)} <DemoBadge demo={actual.demo} />
                  </td>
                  <td className="num">{formatNumber(actual.value, language)}</td>
                  <td>
                    <ThaiText>{actual.evidence_th}</ThaiText>
                    <span className="mon-sub">
                      {t("kpi.updated", {
                        name: personName(actual.updated_by, language),
                        date: formatDateTime(actual.updated_at, language),
                      })}
                    </span>
                  </td>
                  <td>{actual.data_year ?? t("kpi.data_year_same")}</td>
                  <td>{actual.source_th ? <ThaiText>{actual.source_th}</ThaiText> : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canEdit && (
        <form className="inline-form" onSubmit={submit} noValidate data-testid="actual-form">
          <h3>{t("kpi.record_actual")}</h3>
          <ErrorNotice error={error} fieldsShown={shown} />
          <div className="rubric-row">
            <div className="field">
              <label htmlFor={`${id}-year`}>{t("kpi.fiscal_year")}</label>
              <select id={`${id}-year`} value={year} onChange={(e) => setYear(Number(e.target.value))}>
                {years.map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </select>
              <FieldMessage id={`${id}-year-message`} text={problems.fiscal_year} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-period`}>{t("kpi.period")}</label>
              <select
                id={`${id}-period`}
                value={period}
                onChange={(e) => setPeriod(e.target.value as KpiPeriod)}
              >
                {kpiPeriods.map((p) => (
                  <option key={p} value={p}>
                    {t(`kpi.period.${p}`)}
                  </option>
                ))}
              </select>
              <FieldMessage id={`${id}-period-message`} text={problems.period} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-value`}>{t("kpi.value")}</label>
              <input
                id={`${id}-value`}
                inputMode="decimal"
                value={value}
                onChange={(e) => setValue(e.target.value)}
                aria-invalid={problems.value !== undefined}
                aria-describedby={`${id}-value-message`}
              />
              <FieldMessage id={`${id}-value-message`} text={problems.value} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-data-year`}>{t("kpi.data_year")}</label>
              <input
                id={`${id}-data-year`}
                inputMode="numeric"
                placeholder={t("kpi.data_year_same")}
                value={dataYear}
                onChange={(e) => setDataYear(e.target.value)}
                aria-invalid={problems.data_year !== undefined}
                aria-describedby={`${id}-data-year-message`}
              />
              <FieldMessage id={`${id}-data-year-message`} text={problems.data_year} />
            </div>
          </div>
          <div className="field">
            <label htmlFor={`${id}-evidence`}>{t("kpi.evidence")}</label>
            <textarea
              id={`${id}-evidence`}
              rows={2}
              maxLength={2000}
              value={evidence}
              onChange={(e) => setEvidence(e.target.value)}
              aria-invalid={problems.evidence_th !== undefined}
              aria-describedby={`${id}-evidence-message`}
            />
            <FieldMessage id={`${id}-evidence-message`} text={problems.evidence_th} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-source`}>{t("kpi.source")}</label>
            <input
              id={`${id}-source`}
              maxLength={500}
              value={source}
              onChange={(e) => setSource(e.target.value)}
              aria-invalid={problems.source_th !== undefined}
              aria-describedby={`${id}-source-message`}
            />
            <FieldMessage id={`${id}-source-message`} text={problems.source_th} />
          </div>
          <p className="form-actions">
            <button type="submit" className="button primary" disabled={busy}>
              {busy ? t("common.saving") : t("common.save")}
            </button>
            {saved && (
              <span role="status" className="kpi-on">
                {t("kpi.saved")}
              </span>
            )}
          </p>
        </form>
      )}
    </>
  );
}

interface Row {
  value: string;
  score: string;
}

function RubricEditor({
  rubric,
  canEdit,
  planDirection,
  onSave,
}: {
  rubric: KpiRubric | null;
  canEdit: boolean;
  planDirection: string | null;
  onSave: (body: Parameters<typeof setKpiRubric>[1]) => Promise<void>;
}) {
  const { t, language } = useLanguage();
  const id = useId();
  const initialDirection: RubricDirection =
    rubric?.direction ?? (planDirection === "lower_is_better" ? "lower_is_better" : "higher_is_better");
  const [direction, setDirection] = useState<RubricDirection>(initialDirection);
  const [weight, setWeight] = useState(rubric ? String(rubric.weight) : "1");
  const [rows, setRows] = useState<Row[]>(
    rubric
      ? rubric.thresholds.map((th) => ({ value: String(th.value), score: String(th.score) }))
      : [
          { value: "", score: "1" },
          { value: "", score: "5" },
        ],
  );
  const [problems, setProblems] = useState<Record<string, LocalizedText>>({});
  const [rowProblems, setRowProblems] = useState<Record<string, boolean>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  if (!canEdit) {
    if (!rubric) return <p>{t("kpi.no_rubric")}</p>;
    return (
      <div className="table-wrap">
        <p>
          {t(`kpi.direction.${rubric.direction}`)} · {t("kpi.weight")} {formatNumber(rubric.weight, language)}
        </p>
        <table className="table mon-table" data-testid="rubric-table">
          <thead>
            <tr>
              <th scope="col" className="num">
                {t("kpi.value")}
              </th>
              <th scope="col" className="num">
                {t("kpi.score")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rubric.thresholds.map((th, index) => (
              <tr key={index}>
                <td className="num">{formatNumber(th.value, language)}</td>
                <td className="num">{formatNumber(th.score, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const numbers = rows.map((row) => ({ value: parseNumber(row.value), score: parseNumber(row.score) }));
    const bad: Record<string, boolean> = {};
    numbers.forEach((n, i) => {
      if (n.value === null) bad[`${i}-value`] = true;
      if (n.score === null) bad[`${i}-score`] = true;
    });
    const weightNumber = parseNumber(weight);
    const found: Record<string, LocalizedText> = {};
    if (Object.keys(bad).length > 0)
      found.thresholds = {
        th: "กรอกค่าและคะแนนของทุกเกณฑ์เป็นตัวเลข",
        en: "Enter every threshold's value and score as numbers.",
      };
    if (weightNumber === null) found.weight = { th: t("kpi.number_required"), en: "Enter a number" };
    setRowProblems(bad);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const body: Parameters<typeof setKpiRubric>[1] = {
        thresholds: numbers.map((n) => ({ value: n.value!, score: n.score! })),
        direction,
        weight: weightNumber!,
      };
      if (rubric) body.version = rubric.version;
      await onSave(body);
      setSaved(true);
    } catch (caught) {
      setError(caught);
      if (caught instanceof ApiError) setProblems(caught.fields);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate data-testid="rubric-form">
      {!rubric && <p>{t("kpi.no_rubric")}</p>}
      <ErrorNotice error={error} fieldsShown={["thresholds", "weight", "direction"]} />
      <div className="rubric-row">
        <div className="field">
          <label htmlFor={`${id}-direction`}>{t("kpi.direction")}</label>
          <select
            id={`${id}-direction`}
            value={direction}
            onChange={(e) => setDirection(e.target.value as RubricDirection)}
            aria-describedby={`${id}-direction-message`}
          >
            <option value="higher_is_better">{t("kpi.direction.higher_is_better")}</option>
            <option value="lower_is_better">{t("kpi.direction.lower_is_better")}</option>
          </select>
          <FieldMessage id={`${id}-direction-message`} text={problems.direction} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-weight`}>{t("kpi.weight")}</label>
          <input
            id={`${id}-weight`}
            inputMode="decimal"
            value={weight}
            onChange={(e) => setWeight(e.target.value)}
            aria-invalid={problems.weight !== undefined}
            aria-describedby={`${id}-weight-message`}
          />
          <FieldMessage id={`${id}-weight-message`} text={problems.weight} />
        </div>
      </div>
      <fieldset
        className="rubric-rows"
        aria-invalid={problems.thresholds !== undefined}
        aria-describedby={`${id}-thresholds-message`}
        data-testid="rubric-thresholds"
      >
        <legend>{t("kpi.thresholds")}</legend>
        {rows.map((row, index) => (
          <div className="rubric-row" key={index}>
            <div className="field">
              <label htmlFor={`${id}-v${index}`}>{t("kpi.threshold_value", { n: index + 1 })}</label>
              <input
                id={`${id}-v${index}`}
                inputMode="decimal"
                value={row.value}
                aria-invalid={rowProblems[`${index}-value`] === true || problems.thresholds !== undefined}
                onChange={(e) =>
                  setRows(rows.map((r, i) => (i === index ? { ...r, value: e.target.value } : r)))
                }
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-s${index}`}>{t("kpi.threshold_score", { n: index + 1 })}</label>
              <input
                id={`${id}-s${index}`}
                inputMode="decimal"
                value={row.score}
                aria-invalid={rowProblems[`${index}-score`] === true || problems.thresholds !== undefined}
                onChange={(e) =>
                  setRows(rows.map((r, i) => (i === index ? { ...r, score: e.target.value } : r)))
                }
              />
            </div>
            <button
              type="button"
              className="button small"
              disabled={rows.length <= 2}
              onClick={() => setRows(rows.filter((_, i) => i !== index))}
            >
              {t("kpi.remove_threshold", { n: index + 1 })}
            </button>
          </div>
        ))}
        <FieldMessage id={`${id}-thresholds-message`} text={problems.thresholds} />
        <p>
          <button
            type="button"
            className="button small"
            disabled={rows.length >= 20}
            onClick={() => setRows([...rows, { value: "", score: "" }])}
          >
            {t("kpi.add_threshold")}
          </button>
        </p>
      </fieldset>
      <p className="form-actions">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t("common.saving") : t("kpi.save_rubric")}
        </button>
        {saved && (
          <span role="status" className="kpi-on">
            {t("kpi.saved")}
          </span>
        )}
      </p>
    </form>
  );
}
