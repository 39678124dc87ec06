// Downloads of the official outputs made from the same records: the eMENSCR-shaped
// workbook and the quarterly report for a quarter, the procurement summary (สขร.1),
// and the monthly ITA procurement summary for a month of the fiscal year.
import { useState } from "react";
import type { ActionPlan } from "../../api/actionPlan";
import { useLanguage } from "../../i18n/language";
import { formatMonth, monthRange, reportingMonth } from "../action-plan/amounts";

// The quarter of the fiscal year a date falls in (October = Q1), 4 after the year.
export function currentQuarter(
  plan: Pick<ActionPlan, "first_month" | "last_month">,
  today = new Date(),
): number {
  const month = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, "0")}`;
  if (month < plan.first_month) return 1;
  if (month > plan.last_month) return 4;
  const index = monthRange(plan.first_month, month).length - 1;
  return Math.floor(index / 3) + 1;
}

export function OutputsPanel({ plan }: { plan: ActionPlan }) {
  const { t, language } = useLanguage();
  const [quarter, setQuarter] = useState(() => currentQuarter(plan));
  const months = monthRange(plan.first_month, plan.last_month);
  const [month, setMonth] = useState(() => reportingMonth(plan.first_month, plan.last_month));
  const base = `/api/v1/action-plans/${plan.id}`;
  return (
    <section className="panel" aria-labelledby="mon-outputs" data-testid="official-outputs">
      <h2 id="mon-outputs">{t("out.title")}</h2>
      <div className="mon-toolbar">
        <div className="field">
          <label htmlFor="out-quarter">{t("out.quarter")}</label>
          <select id="out-quarter" value={quarter} onChange={(e) => setQuarter(Number(e.target.value))}>
            {[1, 2, 3, 4].map((n) => (
              <option key={n} value={n}>
                {t("out.quarter_n", { n })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="out-month">{t("out.month")}</label>
          <select id="out-month" value={month} onChange={(e) => setMonth(e.target.value)}>
            {months.map((m) => (
              <option key={m} value={m}>
                {formatMonth(m, language)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ul>
        <li>
          <a href={`${base}/emenscr.xlsx?quarter=${quarter}`} download>
            {t("out.emenscr")} — {t("out.quarter_n", { n: quarter })}
          </a>
        </li>
        <li>
          <a href={`${base}/quarterly-report.pdf?quarter=${quarter}`} download>
            {t("out.quarterly")} — {t("out.quarter_n", { n: quarter })}
          </a>
        </li>
        <li>
          <a href={`${base}/procurement-summary.xlsx`} download>
            {t("out.sor_kor_ror_xlsx")}
          </a>
        </li>
        <li>
          <a href={`${base}/procurement-summary.csv`} download>
            {t("out.sor_kor_ror_csv")}
          </a>
        </li>
        <li>
          <a href={`${base}/ita-procurement-summary.xlsx?month=${month}`} download>
            {t("out.ita_xlsx")} — {formatMonth(month, language)}
          </a>
        </li>
        <li>
          <a href={`${base}/ita-procurement-summary.csv?month=${month}`} download>
            {t("out.ita_csv")} — {formatMonth(month, language)}
          </a>
        </li>
      </ul>
    </section>
  );
}
