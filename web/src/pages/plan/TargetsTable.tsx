// KPI targets by fiscal year. In an open draft an editor changes a value in place:
// click the value (or press Enter on it), type, Enter saves, Escape cancels.
import { useRef, useState } from "react";
import type { KeyboardEvent } from "react";
import { ApiError } from "../../api/client";
import { setTarget } from "../../api/plan";
import type { PlanElement } from "../../api/plan";
import { ErrorNotice } from "../../components/ErrorNotice";
import { FieldMessage } from "../../components/FieldMessage";
import { formatNumber, sharedDecimals } from "../../format/number";
import { useLanguage } from "../../i18n/language";

export function parseTargetValue(text: string): number | null | "invalid" {
  const cleaned = text.replace(/,/g, "").trim();
  if (cleaned === "") return null;
  // Plain decimal numbers only: "1e3" or "0x10" are not how a target is written.
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return "invalid";
  const number = Number(cleaned);
  return Number.isFinite(number) ? number : "invalid";
}

export function TargetsTable({
  planId,
  element,
  years,
  editable,
  onSaved,
}: {
  planId: number;
  element: PlanElement;
  years: number[];
  editable: boolean;
  onSaved: () => void;
}) {
  const { t, language } = useLanguage();
  const [editing, setEditing] = useState<number | null>(null);
  const [text, setText] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // Enter, Escape and leaving the field can all end one edit; only the first counts
  // (a second save would send a stale version and be refused with 409).
  const finished = useRef(false);
  const rows = element.target_rows ?? [];
  const unit = language === "en" ? element.unit_en || element.unit_th : element.unit_th;
  const decimals = sharedDecimals(rows.map((row) => row.value));
  // The server's message for the value (422: outside what the unit allows) goes
  // under the field; anything else above the table.
  const fieldProblem = error instanceof ApiError ? (error.fields.value ?? null) : null;

  function begin(year: number) {
    if (!editable) return;
    const row = rows.find((item) => item.fiscal_year === year);
    finished.current = false;
    setEditing(year);
    setText(row?.value === null || row?.value === undefined ? "" : String(row.value));
    setError(null);
  }

  async function save(year: number) {
    if (finished.current) return;
    const value = parseTargetValue(text);
    if (value === "invalid") {
      const text = { th: "ค่าเป้าหมายต้องเป็นตัวเลข", en: "A target must be a number." };
      setError(new ApiError(400, "invalid_number", text, { value: text }));
      return;
    }
    const row = rows.find((item) => item.fiscal_year === year);
    finished.current = true;
    setBusy(true);
    try {
      await setTarget(planId, element.id, year, value, row?.version);
      setEditing(null);
      onSaved();
    } catch (caught) {
      setError(caught);
      finished.current = false; // let the person correct the value and try again
    } finally {
      setBusy(false);
    }
  }

  function keys(event: KeyboardEvent<HTMLInputElement>, year: number) {
    if (event.key === "Enter") {
      event.preventDefault();
      void save(year);
    } else if (event.key === "Escape") {
      finished.current = true;
      setEditing(null);
      setError(null);
    }
  }

  return (
    <>
      <ErrorNotice error={error} fieldsShown={editing !== null ? ["value"] : []} />
      <div className="table-wrap">
        <table className="table targets" data-testid="targets">
          <caption className="visually-hidden">{t("plan.targets")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("plan.fiscal_year")}</th>
              <th scope="col">
                {t("plan.target")} {unit && `(${unit})`}
              </th>
            </tr>
          </thead>
          <tbody>
            {years.map((year) => {
              const row = rows.find((item) => item.fiscal_year === year);
              const shown =
                row?.value === null || row?.value === undefined
                  ? "—"
                  : formatNumber(row.value, language, { decimals });
              return (
                <tr key={year} data-year={year}>
                  <th scope="row">{t("plan.fy", { year })}</th>
                  <td>
                    {editing === year ? (
                      <>
                        <input
                          autoFocus
                          inputMode="decimal"
                          aria-label={t("plan.target_for", { year })}
                          value={text}
                          disabled={busy}
                          onChange={(event) => setText(event.target.value)}
                          onKeyDown={(event) => keys(event, year)}
                          onBlur={() => void save(year)}
                          aria-invalid={fieldProblem !== null}
                          aria-describedby={`target-${year}-message`}
                        />
                        <FieldMessage id={`target-${year}-message`} text={fieldProblem} />
                      </>
                    ) : editable ? (
                      <button
                        type="button"
                        className="cell-button"
                        aria-label={t("plan.edit_target_for", { year, value: shown })}
                        onClick={() => begin(year)}
                      >
                        {shown}
                      </button>
                    ) : (
                      shown
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {editable && <p className="muted small-print">{t("plan.target_hint")}</p>}
    </>
  );
}
