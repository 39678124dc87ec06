// A month's progress report, phone first: month, physical %, status, what was done,
// problems and fixes, the project's indicator values, and a reason when the % is
// below the latest earlier month's. The report is kept on the phone first (the field
// queue, with its Idempotency-Key) and sent at once when there is a signal; the
// server's refusals appear next to their fields.
import { useEffect, useId, useMemo, useState } from "react";
import type { FormEvent } from "react";
import { ApiError } from "../../api/client";
import {
  progressStatuses,
  type ProgressInput,
  type ProgressReport,
  type ProgressStatus,
} from "../../api/progress";
import type { LocalizedText } from "../../api/types";
import { useAuth } from "../../auth/auth";
import { ErrorNotice } from "../../components/ErrorNotice";
import { FieldMessage } from "../../components/FieldMessage";
import { focusFirstInvalid } from "../../components/focusFirstInvalid";
import { formatNumber } from "../../format/number";
import { useLanguage } from "../../i18n/language";
import type { MessageKey } from "../../i18n/messages";
import { discard, flush, recordProgress, type ProgressEntry } from "../../offline/queue";
import { addMonths, formatMonth } from "../action-plan/amounts";
import { parseNumber } from "./values";
import { both, formProblems, noProblems, type FormProblems } from "../action-plan/errors";

export interface Indicator {
  level: "output" | "outcome";
  text_th: string;
  text_en?: string;
  unit_th?: string;
  target_value?: number | null;
}

// A report as the form knows it: stored on the server or still waiting on the phone.
export interface KnownReport {
  month: string;
  physical_percent: number;
  status: ProgressStatus;
  activities_th: string;
  problems_th: string;
  fixes_th: string;
  reason_th: string | null;
  indicators: { index: number; value: number }[];
  waiting: boolean;
}

export const statusKey = (status: string): MessageKey => `prog.status.${status as ProgressStatus}`;

const shownFields = [
  "month",
  "physical_percent",
  "status",
  "activities_th",
  "problems_th",
  "fixes_th",
  "reason_th",
  "indicators",
  "version",
];
const fieldsByCode: Record<string, string[]> = {
  progress_dropped: ["reason_th"],
  month_outside_plan: ["month"],
  project_cancelled: ["status"],
};

export function fromReport(report: ProgressReport): KnownReport {
  return {
    month: report.month,
    physical_percent: report.physical_percent,
    status: report.status,
    activities_th: report.activities_th,
    problems_th: report.problems_th,
    fixes_th: report.fixes_th,
    reason_th: report.reason_th,
    indicators: report.indicators,
    waiting: false,
  };
}

export function fromEntry(entry: ProgressEntry): KnownReport {
  return {
    month: entry.month,
    physical_percent: entry.body.physical_percent,
    status: entry.body.status,
    activities_th: entry.body.activities_th ?? "",
    problems_th: entry.body.problems_th ?? "",
    fixes_th: entry.body.fixes_th ?? "",
    reason_th: entry.body.reason_th ?? null,
    indicators: entry.body.indicators ?? [],
    waiting: true,
  };
}

function nextMonth(reports: KnownReport[], months: string[], fallback: string): string {
  const latest = reports[reports.length - 1];
  if (!latest) return fallback;
  const after = addMonths(latest.month, 1);
  return months.includes(after) ? after : latest.month;
}

export function ProgressForm({
  elementId,
  months,
  defaultMonth,
  reports,
  indicators,
  draft,
  onDone,
}: {
  elementId: number;
  months: string[];
  defaultMonth: string;
  // Known reports of the fiscal year, months ascending (the phone's waiting ones included).
  reports: KnownReport[];
  indicators: Indicator[];
  // A refused entry taken back into the form to correct.
  draft: ProgressEntry | null;
  onDone: (message: string) => void;
}) {
  const { t, language, pick } = useLanguage();
  const username = useAuth().user?.username ?? "";
  const id = useId();
  const [month, setMonth] = useState(() => draft?.month ?? nextMonth(reports, months, defaultMonth));
  const known = reports.find((report) => report.month === month);
  const previous = useMemo(
    () => [...reports].reverse().find((report) => report.month < month),
    [reports, month],
  );
  const [percent, setPercent] = useState("");
  const [status, setStatus] = useState<ProgressStatus>("in_progress");
  const [activities, setActivities] = useState("");
  const [problemsText, setProblemsText] = useState("");
  const [fixes, setFixes] = useState("");
  const [reason, setReason] = useState("");
  const [values, setValues] = useState<string[]>([]);
  const [problems, setProblems] = useState<FormProblems>(noProblems);
  const [busy, setBusy] = useState(false);

  // A month already reported opens with its report (to correct it); a new month opens
  // empty with the latest status, so nothing is sent by accident as last month's copy.
  useEffect(() => {
    const source = draft && draft.month === month ? fromEntry(draft) : known;
    setPercent(source ? String(source.physical_percent) : "");
    setStatus(source?.status ?? previous?.status ?? "in_progress");
    setActivities(source?.activities_th ?? "");
    setProblemsText(source?.problems_th ?? "");
    setFixes(source?.fixes_th ?? "");
    setReason(source?.reason_th ?? "");
    setValues(
      indicators.map((_, index) => {
        const value = source?.indicators.find((item) => item.index === index)?.value;
        return value === undefined ? "" : String(value);
      }),
    );
    setProblems(noProblems);
  }, [month, known?.month, known?.physical_percent, draft, indicators.length]);

  const percentValue = parseNumber(percent);
  const drops = percentValue !== null && previous !== undefined && percentValue < previous.physical_percent;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const fields: Record<string, LocalizedText> = {};
    if (percentValue === null || percentValue < 0 || percentValue > 100) {
      fields.physical_percent = both("prog.percent_range");
    }
    if (drops && previous && reason.trim() === "") {
      fields.reason_th = both("prog.reason_needed", (language) => ({
        month: formatMonth(previous.month, language),
        percent: previous.physical_percent,
      }));
    }
    const indicatorValues: { index: number; value: number }[] = [];
    values.forEach((text, index) => {
      if (text.trim() === "") return;
      const value = parseNumber(text);
      if (value === null) fields[`indicators[${index}].value`] = both("prog.indicator_number");
      else indicatorValues.push({ index, value });
    });
    if (Object.keys(fields).length > 0) {
      setProblems({ fields, general: null, stale: false });
      focusFirstInvalid(document.getElementById(`${id}-form`));
      return;
    }
    const body: ProgressInput = {
      physical_percent: percentValue ?? 0,
      status,
      activities_th: activities.trim(),
      problems_th: problemsText.trim(),
      fixes_th: fixes.trim(),
      reason_th: drops ? reason.trim() : reason.trim() || null,
    };
    if (indicators.length > 0) body.indicators = indicatorValues;
    setBusy(true);
    setProblems(noProblems);
    try {
      const entry = await recordProgress({ elementId, username, month, body });
      if (!navigator.onLine) {
        onDone(t("prog.kept"));
        return;
      }
      const outcome = await flush();
      if (outcome.sent.some((result) => result.key === entry.key)) {
        onDone(t("prog.sent", { month: formatMonth(month, language) }));
        return;
      }
      const refused = outcome.refused.find((item) => item.key === entry.key);
      if (refused) {
        // Refused while the officer is here: back to the form, not left in the queue.
        await discard(entry.key);
        setProblems(formProblems(refused.error, shownFields, fieldsByCode));
        focusFirstInvalid(document.getElementById(`${id}-form`));
        return;
      }
      onDone(t("prog.kept"));
    } catch (caught) {
      setProblems(
        formProblems(
          caught instanceof ApiError
            ? caught
            : new ApiError(0, "storage", { th: "บันทึกในเครื่องไม่ได้", en: "Could not keep it on this device" }),
          shownFields,
          fieldsByCode,
        ),
      );
    } finally {
      setBusy(false);
    }
  }

  const field = (name: string) => ({
    "aria-invalid": name in problems.fields,
    "aria-describedby": `${id}-${name.replace(/[^a-z0-9_]/gi, "_")}-message`,
  });
  const message = (name: string) => (
    <FieldMessage id={`${id}-${name.replace(/[^a-z0-9_]/gi, "_")}-message`} text={problems.fields[name]} />
  );

  return (
    <form id={`${id}-form`} className="field-form" onSubmit={submit} noValidate aria-label={t("prog.entry")}>
      <ErrorNotice error={problems.general} fieldsShown={shownFields} />
      <div className="field">
        <label htmlFor={`${id}-month`}>{t("prog.month")}</label>
        <select
          id={`${id}-month`}
          value={month}
          onChange={(e) => setMonth(e.target.value)}
          {...field("month")}
        >
          {months.map((value) => (
            <option key={value} value={value}>
              {formatMonth(value, language)}
            </option>
          ))}
        </select>
        {message("month")}
      </div>
      {previous && (
        <p className="muted" data-testid="previous-report">
          {t("prog.previous", {
            month: formatMonth(previous.month, language),
            percent: formatNumber(previous.physical_percent, language),
            status: t(statusKey(previous.status)),
          })}
        </p>
      )}
      <div className="field">
        <label htmlFor={`${id}-percent`}>{t("prog.percent")}</label>
        <input
          id={`${id}-percent`}
          inputMode="decimal"
          autoComplete="off"
          placeholder={t("prog.percent_hint")}
          value={percent}
          onChange={(e) => setPercent(e.target.value)}
          {...field("physical_percent")}
        />
        {message("physical_percent")}
      </div>
      <div className="field">
        <label htmlFor={`${id}-status`}>{t("prog.status")}</label>
        <select
          id={`${id}-status`}
          value={status}
          onChange={(e) => setStatus(e.target.value as ProgressStatus)}
          {...field("status")}
        >
          {progressStatuses.map((value) => (
            <option key={value} value={value}>
              {t(statusKey(value))}
            </option>
          ))}
        </select>
        {message("status")}
      </div>
      {(drops || "reason_th" in problems.fields || reason !== "") && (
        <div className="field">
          <label htmlFor={`${id}-reason`}>{t("prog.reason")}</label>
          <textarea
            id={`${id}-reason`}
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            {...field("reason_th")}
          />
          {message("reason_th")}
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-activities`}>{t("prog.activities")}</label>
        <textarea
          id={`${id}-activities`}
          rows={3}
          value={activities}
          onChange={(e) => setActivities(e.target.value)}
          {...field("activities_th")}
        />
        {message("activities_th")}
      </div>
      <div className="field">
        <label htmlFor={`${id}-problems`}>{t("prog.problems")}</label>
        <textarea
          id={`${id}-problems`}
          rows={2}
          value={problemsText}
          onChange={(e) => setProblemsText(e.target.value)}
          {...field("problems_th")}
        />
        {message("problems_th")}
      </div>
      <div className="field">
        <label htmlFor={`${id}-fixes`}>{t("prog.fixes")}</label>
        <textarea
          id={`${id}-fixes`}
          rows={2}
          value={fixes}
          onChange={(e) => setFixes(e.target.value)}
          {...field("fixes_th")}
        />
        {message("fixes_th")}
      </div>
      {indicators.length > 0 && (
        <fieldset className="field-indicators">
          <legend>{t("prog.indicators")}</legend>
          {indicators.map((indicator, index) => (
            <div className="field" key={index}>
              <label htmlFor={`${id}-indicator-${index}`}>
                {t(indicator.level === "output" ? "prog.indicator.output" : "prog.indicator.outcome")}:{" "}
                {pick({ th: indicator.text_th, en: indicator.text_en ?? "" })}
                {indicator.unit_th ? ` (${indicator.unit_th})` : ""}
                {indicator.target_value !== null && indicator.target_value !== undefined && (
                  <span className="muted">
                    {" "}
                    · {t("prog.indicator_target", { target: formatNumber(indicator.target_value, language) })}
                  </span>
                )}
              </label>
              <input
                id={`${id}-indicator-${index}`}
                inputMode="decimal"
                autoComplete="off"
                value={values[index] ?? ""}
                onChange={(e) =>
                  setValues((current) => current.map((value, at) => (at === index ? e.target.value : value)))
                }
                {...field(`indicators[${index}].value`)}
              />
              {message(`indicators[${index}].value`)}
            </div>
          ))}
          {message("indicators")}
        </fieldset>
      )}
      <div className="form-actions">
        <button type="submit" className="button primary field-wide-button" disabled={busy}>
          {busy ? t("common.saving") : t("common.save")}
        </button>
      </div>
      {message("version")}
    </form>
  );
}
