// The spending plan (แผนการใช้จ่ายงบประมาณ) of a project: per budget line, the planned
// cumulative disbursement at each month end of the fiscal year — the "planned" curve
// of every S-curve. Shown as a table to everyone; the strategy office edits it.
import { useId, useState } from "react";
import type { FormEvent } from "react";
import { setSpendingPlan, type Project } from "../../api/actionPlan";
import type { LocalizedText } from "../../api/types";
import { ErrorNotice } from "../../components/ErrorNotice";
import { FieldMessage } from "../../components/FieldMessage";
import { useLanguage } from "../../i18n/language";
import { bahtInput, formatAmount, formatMoney, formatMonth, parseBaht } from "./amounts";
import { both, formProblems, noProblems, type FormProblems } from "./errors";
import { expenseKey } from "./labels";

export function SpendingPlanTable({ project, months }: { project: Project; months: string[] }) {
  const { t, language } = useLanguage();
  if (project.lines.every((line) => line.spending_plan.length === 0))
    return <p className="muted">{t("ap.plan.none")}</p>;
  return (
    <div className="table-wrap">
      <table className="table ap-numbers" data-testid="spending-plan">
        <thead>
          <tr>
            <th scope="col">{t("ap.scurve.month")}</th>
            {project.lines.map((line) => (
              <th scope="col" key={line.gfmis_code}>
                {t(expenseKey(line.expense_type))} · {line.gfmis_code}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {months.map((month) => (
            <tr key={month}>
              <th scope="row">{formatMonth(month, language)}</th>
              {project.lines.map((line) => {
                const point = line.spending_plan.find((candidate) => candidate.month === month);
                return (
                  <td key={line.gfmis_code}>
                    {point ? formatAmount(point.planned_cumulative_satang, "baht") : "–"}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function SpendingPlanEditor({
  planId,
  project,
  months,
  onSaved,
  onCancel,
  onReload,
}: {
  planId: number;
  project: Project;
  months: string[];
  onSaved: (project: Project) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const { t, language } = useLanguage();
  const id = useId();
  // values[line][month] as typed (baht).
  const [values, setValues] = useState<string[][]>(() =>
    project.lines.map((line) =>
      months.map((month) => {
        const point = line.spending_plan.find((candidate) => candidate.month === month);
        return point ? bahtInput(point.planned_cumulative_satang) : "";
      }),
    ),
  );
  const [problems, setProblems] = useState<FormProblems>(noProblems);
  const [busy, setBusy] = useState(false);
  const shown = [
    "lines",
    "version",
    ...project.lines.flatMap((_, index) => [`lines[${index}].months`, `lines[${index}]`]),
  ];

  async function submit(event: FormEvent) {
    event.preventDefault();
    const fields: Record<string, LocalizedText> = {};
    const lines = project.lines.map((line, lineIndex) => {
      let previous = 0;
      const points: { month: string; planned_cumulative_satang: number }[] = [];
      months.forEach((month, monthIndex) => {
        const text = values[lineIndex]?.[monthIndex] ?? "";
        if (!text.trim()) return;
        const satang = parseBaht(text);
        const field = `lines[${lineIndex}].months`;
        if (satang === null) {
          fields[field] ??= both("ap.error.month_amount", (language) => ({
            month: formatMonth(month, language),
          }));
          return;
        }
        if (satang < previous)
          fields[field] ??= both("ap.error.decreasing", (language) => ({
            month: formatMonth(month, language),
          }));
        if (satang > line.allocated_satang)
          fields[field] ??= both("ap.error.month_above_allocation", (language) => ({
            month: formatMonth(month, language),
            amount: formatMoney(line.allocated_satang, "baht", language),
          }));
        previous = satang;
        points.push({ month, planned_cumulative_satang: satang });
      });
      return { gfmis_code: line.gfmis_code, months: points };
    });
    if (Object.keys(fields).length > 0) {
      setProblems({ fields, general: null, stale: false });
      return;
    }
    setProblems(noProblems);
    setBusy(true);
    try {
      onSaved(await setSpendingPlan(planId, project.element_id, { lines, version: project.version }));
    } catch (caught) {
      setProblems(formProblems(caught, shown));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel" onSubmit={submit} noValidate aria-label={t("ap.plan.edit")}>
      <ErrorNotice error={problems.general} fieldsShown={shown} />
      {project.lines.map((line, lineIndex) => {
        const field = `lines[${lineIndex}].months`;
        const messageId = `${id}-line-${lineIndex}-message`;
        return (
          <fieldset key={line.gfmis_code} className="ap-line" aria-describedby={messageId}>
            <legend>
              {t("ap.plan.line_heading", {
                code: line.gfmis_code,
                amount: formatMoney(line.allocated_satang, "baht", language),
              })}
            </legend>
            <FieldMessage
              id={messageId}
              text={problems.fields[field] ?? problems.fields[`lines[${lineIndex}]`]}
            />
            <div className="ap-month-grid">
              {months.map((month, monthIndex) => (
                <div className="field" key={month}>
                  <label htmlFor={`${id}-${lineIndex}-${month}`}>
                    {t("ap.plan.month_amount", { month: formatMonth(month, language, "short") })}
                  </label>
                  <input
                    id={`${id}-${lineIndex}-${month}`}
                    inputMode="decimal"
                    value={values[lineIndex]?.[monthIndex] ?? ""}
                    aria-invalid={field in problems.fields}
                    onChange={(event) =>
                      setValues((current) =>
                        current.map((row, at) =>
                          at === lineIndex
                            ? row.map((value, column) => (column === monthIndex ? event.target.value : value))
                            : row,
                        ),
                      )
                    }
                  />
                </div>
              ))}
            </div>
          </fieldset>
        );
      })}
      <FieldMessage id={`${id}-lines-message`} text={problems.fields.lines} />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t("common.saving") : t("common.save")}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          {t("common.cancel")}
        </button>
        {problems.stale && (
          <button type="button" className="button" onClick={onReload}>
            {t("ap.error.reload")}
          </button>
        )}
      </div>
      <FieldMessage id={`${id}-version-message`} text={problems.fields.version} />
    </form>
  );
}
