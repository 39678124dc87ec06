// One S-curve: planned against actual cumulative disbursement as a percentage of the
// allocation, month by month over the fiscal year, with the government's target at the
// quarter ends. Drawn by Chart.js; the same figures are in a table below it (for
// screen readers, copying, and anyone who prefers numbers).
import {
  CategoryScale,
  Chart as ChartJS,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  Tooltip,
  type ChartOptions,
  type TooltipItem,
} from "chart.js";
import { useMemo } from "react";
import { Line } from "react-chartjs-2";
import type { SpendingGroup } from "../../api/actionPlan";
import { useLanguage } from "../../i18n/language";
import { formatAmount, formatMonth, formatPercent, percentOf, unitName, type Unit } from "./amounts";
import { curvePoints, latestPoint } from "./curve";

ChartJS.register(CategoryScale, LinearScale, PointElement, LineElement, Tooltip, Legend);
ChartJS.defaults.font.family = '"Sarabun", "Noto Sans Thai", Tahoma, system-ui, sans-serif';

const colours = { planned: "#55626e", actual: "#0b5d7a", target: "#a3231b" };

export function SCurveChart({
  group,
  name,
  unit,
  testId,
}: {
  group: SpendingGroup;
  name: string;
  unit: Unit;
  testId?: string;
}) {
  const { t, language } = useLanguage();
  const points = useMemo(() => curvePoints(group), [group]);
  const latest = latestPoint(group);
  const latestPercent = latest
    ? percentOf(latest.disbursed_cumulative_satang ?? 0, group.allocated_satang)
    : null;
  const latestPlanned = latest ? percentOf(latest.planned_cumulative_satang, group.allocated_satang) : null;

  const data = {
    labels: points.map((point) => formatMonth(point.month, language, "short")),
    datasets: [
      {
        label: t("ap.scurve.planned"),
        data: points.map((point) => point.planned),
        borderColor: colours.planned,
        backgroundColor: colours.planned,
        borderDash: [6, 4],
        pointRadius: 2,
      },
      {
        label: t("ap.scurve.actual"),
        data: points.map((point) => point.actual),
        borderColor: colours.actual,
        backgroundColor: colours.actual,
        borderWidth: 3,
        pointRadius: 3,
      },
      {
        label: t("ap.scurve.target"),
        data: points.map((point) => point.target),
        borderColor: colours.target,
        backgroundColor: colours.target,
        borderDash: [2, 3],
        pointRadius: 5,
        pointStyle: "rectRot" as const,
        spanGaps: true,
      },
    ],
  };
  const amountOf = (index: number, series: number) => {
    const month = group.months[index];
    if (!month) return null;
    if (series === 0) return month.planned_cumulative_satang;
    if (series === 1) return month.disbursed_cumulative_satang;
    return null;
  };
  const options: ChartOptions<"line"> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ? false : { duration: 300 },
    interaction: { mode: "index", intersect: false },
    scales: {
      y: {
        min: 0,
        suggestedMax: 100,
        title: { display: true, text: t("ap.scurve.percent_axis") },
        ticks: { callback: (value) => `${value}%` },
      },
    },
    plugins: {
      legend: { position: "bottom" },
      tooltip: {
        callbacks: {
          label: (item: TooltipItem<"line">) => {
            const percent = formatPercent(item.parsed.y, language);
            const amount = amountOf(item.dataIndex, item.datasetIndex);
            return amount === null
              ? `${item.dataset.label}: ${percent}`
              : `${item.dataset.label}: ${percent} (${formatAmount(amount, unit)} ${unitName(unit, language)})`;
          },
        },
      },
    },
  };

  const label = latest
    ? t("ap.scurve.label", {
        name,
        actual: formatPercent(latestPercent, language),
        planned: formatPercent(latestPlanned, language),
        month: formatMonth(latest.month, language),
      })
    : `${name}: ${t("ap.scurve.no_data")}`;

  return (
    <figure className="ap-scurve" data-testid={testId}>
      <div className="ap-scurve-canvas">
        <Line data={data} options={options} role="img" aria-label={label} />
      </div>
      <figcaption className="muted">{label}</figcaption>
      <details className="ap-scurve-data">
        <summary>{t("ap.scurve.table")}</summary>
        <div className="table-wrap">
          <table className="table ap-numbers">
            <caption className="visually-hidden">{t("ap.scurve.table")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("ap.scurve.month")}</th>
                <th scope="col">
                  {t("ap.scurve.planned")} ({unitName(unit, language)})
                </th>
                <th scope="col">{t("ap.scurve.planned")} (%)</th>
                <th scope="col">
                  {t("ap.scurve.actual")} ({unitName(unit, language)})
                </th>
                <th scope="col">{t("ap.scurve.actual")} (%)</th>
                <th scope="col">{t("ap.scurve.target")} (%)</th>
              </tr>
            </thead>
            <tbody>
              {group.months.map((month, index) => (
                <tr key={month.month} data-month={month.month}>
                  <th scope="row">{formatMonth(month.month, language)}</th>
                  <td className="num">{formatAmount(month.planned_cumulative_satang, unit)}</td>
                  <td className="num">{formatPercent(points[index]?.planned, language)}</td>
                  <td className="num" data-testid="actual-amount">
                    {month.disbursed_cumulative_satang === null
                      ? "–"
                      : formatAmount(month.disbursed_cumulative_satang, unit)}
                  </td>
                  <td className="num" data-testid="actual-percent">
                    {formatPercent(points[index]?.actual, language)}
                  </td>
                  <td className="num">{formatPercent(month.target_percent, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
