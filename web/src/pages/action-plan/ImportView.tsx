// Importing month-end positions from a GFMIS-style report (CSV or XLSX): the upload's
// progress, then either the rows written or a table of every bad row (row, column,
// reason) — nothing is stored until the whole file is right.
import { useId, useRef, useState } from "react";
import type { FormEvent } from "react";
import { Link, useLocation } from "react-router";
import {
  importPositions,
  ImportRejected,
  type ActionPlanDetail,
  type ImportRowError,
} from "../../api/actionPlan";
import { useAuth } from "../../auth/auth";
import { ErrorNotice } from "../../components/ErrorNotice";
import { FieldMessage } from "../../components/FieldMessage";
import { useLanguage } from "../../i18n/language";
import type { LocalizedText } from "../../api/types";
import { formatMonth, reportingMonth } from "./amounts";
import { templateCsv } from "./importTemplate";
import { both } from "./errors";
import { positionEditors } from "./labels";

const maxBytes = 50 * 1024 * 1024;
const satangHeader = "element_id,month,po_outstanding_satang,disbursed_to_date_satang";

type State =
  | { step: "idle" }
  | { step: "sending"; fraction: number }
  | { step: "checking" }
  | { step: "done"; imported: number; file: string }
  | { step: "rejected"; rows: ImportRowError[]; count: number; error: unknown }
  | { step: "failed"; error: unknown };

export function ImportView({ plan, onImported }: { plan: ActionPlanDetail; onImported: () => void }) {
  const { t, pick, language } = useLanguage();
  const { hasRole, user } = useAuth();
  const location = useLocation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState<LocalizedText | null>(null);
  const [state, setState] = useState<State>({ step: "idle" });

  if (!hasRole(...positionEditors)) {
    return (
      <section aria-labelledby="ap-import-heading">
        <h2 id="ap-import-heading">{t("ap.import.title")}</h2>
        <p>
          <Link
            className="button primary"
            to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`}
          >
            {t("ap.import.sign_in")}
          </Link>
        </p>
      </section>
    );
  }

  const templateMonth = reportingMonth(plan.first_month, plan.last_month);
  function downloadTemplate() {
    const agency = user?.role === "agency_officer" ? (user.agency_code ?? "") : null;
    const blob = new Blob([templateCsv(plan, agency, templateMonth)], { type: "text/csv;charset=utf-8" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = `positions-${plan.fiscal_year}-${templateMonth}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) {
      setFileProblem(both("ap.import.choose"));
      input.current?.focus();
      return;
    }
    if (file.size >= maxBytes) {
      setFileProblem(both("ap.import.too_large"));
      return;
    }
    setFileProblem(null);
    setState({ step: "sending", fraction: 0 });
    try {
      const result = await importPositions(plan.id, file, (fraction) =>
        setState(fraction >= 1 ? { step: "checking" } : { step: "sending", fraction }),
      );
      setState({ step: "done", imported: result.imported, file: file.name });
      onImported();
    } catch (caught) {
      if (caught instanceof ImportRejected) {
        setState({ step: "rejected", rows: caught.rows, count: caught.rowCount, error: caught.error });
      } else {
        setState({ step: "failed", error: caught });
      }
    }
  }

  const busy = state.step === "sending" || state.step === "checking";
  const percent =
    state.step === "sending" ? Math.round(state.fraction * 100) : state.step === "checking" ? 100 : 0;

  return (
    <section aria-labelledby="ap-import-heading">
      <h2 id="ap-import-heading">{t("ap.import.title")}</h2>
      <p className="muted">
        {t("ap.import.lead")} <code className="ap-break">{satangHeader}</code>
      </p>
      <p className="muted">{t("ap.import.all_or_nothing")}</p>
      <p>
        <button type="button" className="button small" onClick={downloadTemplate}>
          {t("ap.import.template", { month: formatMonth(templateMonth, language) })}
        </button>{" "}
        <span className="muted">{t("ap.import.template_hint")}</span>
      </p>
      <form className="panel" onSubmit={submit} noValidate aria-labelledby="ap-import-heading">
        <div className="field">
          <label htmlFor={`${id}-file`}>{t("ap.import.file")}</label>
          <input
            ref={input}
            id={`${id}-file`}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-invalid={fileProblem !== null}
            aria-describedby={`${id}-file-message`}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setFileProblem(null);
              if (!busy) setState({ step: "idle" });
            }}
          />
          <FieldMessage id={`${id}-file-message`} text={fileProblem} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={busy || plan.status === "closed"}>
            {t("ap.import.send")}
          </button>
        </div>
        {busy && (
          <div className="ap-progress" role="status">
            <progress
              max={100}
              value={percent}
              aria-label={t("ap.import.progress")}
              data-testid="import-progress"
            />
            <span>
              {state.step === "sending"
                ? t("ap.import.sending", { percent: `${percent}%` })
                : t("ap.import.checking")}
            </span>
          </div>
        )}
      </form>
      {state.step === "done" && (
        <p className="notice notice-success" role="status" data-testid="import-done">
          {t("ap.import.done", {
            count: state.imported.toLocaleString(language === "en" ? "en-US" : "th-TH"),
            file: state.file,
          })}
        </p>
      )}
      {state.step === "failed" && <ErrorNotice error={state.error} />}
      {state.step === "rejected" && (
        <section className="notice notice-error ap-import-errors" role="alert" aria-labelledby={`${id}-rows`}>
          <p className="notice-text">{t("ap.import.rejected", { count: state.count })}</p>
          <h3 id={`${id}-rows`}>{t("ap.import.rows_title")}</h3>
          <div className="table-wrap">
            <table className="table" data-testid="import-errors">
              <thead>
                <tr>
                  <th scope="col">{t("ap.import.row")}</th>
                  <th scope="col">{t("ap.import.column")}</th>
                  <th scope="col">{t("ap.import.reason")}</th>
                </tr>
              </thead>
              <tbody>
                {state.rows.map((row, index) => (
                  <tr key={`${row.row}-${row.column}-${index}`} data-row={row.row}>
                    <td>{row.row}</td>
                    <td>{row.column || "–"}</td>
                    <td>{pick({ th: row.message_th, en: row.message_en })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {state.count > state.rows.length && (
            <p className="muted">
              {t("ap.import.more_rows", { shown: state.rows.length, count: state.count })}
            </p>
          )}
        </section>
      )}
    </section>
  );
}
