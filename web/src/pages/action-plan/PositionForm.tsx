// Entering one line's month-end position as GFMIS reports it: PO outstanding and the
// disbursement to date of the fiscal year. Works on a phone (one column, numeric
// keyboards); the used and remaining amounts and the month's own disbursement are
// worked out while typing, and the server's refusals appear next to their fields.
import { useEffect, useId, useMemo, useState } from "react";
import type { FormEvent } from "react";
import { getPositions, setPosition, type Position, type ProjectPositions } from "../../api/actionPlan";
import type { LocalizedText } from "../../api/types";
import { ErrorNotice } from "../../components/ErrorNotice";
import { FieldMessage } from "../../components/FieldMessage";
import { Loading } from "../../components/Loading";
import { useLoad } from "../../components/useLoad";
import { useLanguage } from "../../i18n/language";
import {
  addMonths,
  bahtInput,
  formatMoney,
  formatMonth,
  monthRange,
  parseBaht,
  reportingMonth,
} from "./amounts";
import { both, formProblems, noProblems, type FormProblems } from "./errors";
import { expenseKey } from "./labels";

type PositionLine = ProjectPositions["lines"][number];

const shownFields = ["gfmis_code", "month", "po_outstanding_satang", "disbursed_to_date_satang", "version"];
const fieldsByCode: Record<string, string[]> = {
  above_allocation: ["po_outstanding_satang", "disbursed_to_date_satang"],
  disbursed_below_previous: ["disbursed_to_date_satang"],
  disbursed_above_later: ["disbursed_to_date_satang"],
  month_out_of_range: ["month"],
};

// The month a person most likely reports next for a line: the one after its latest
// position, else the month that ended last (at most the fiscal year's last month:
// carry-over months follow positions, they do not start them).
function nextMonth(line: PositionLine | undefined, first: string, last: string): string {
  const positions = line?.positions ?? [];
  const latest = positions[positions.length - 1];
  if (latest) {
    const after = addMonths(latest.month, 1);
    return after <= last ? after : latest.month;
  }
  return reportingMonth(first, addMonths(first, 11));
}

function positionAt(line: PositionLine | undefined, month: string): Position | undefined {
  return line?.positions.find((position) => position.month === month);
}

function previousPosition(line: PositionLine | undefined, month: string): Position | undefined {
  return [...(line?.positions ?? [])].reverse().find((position) => position.month < month);
}

export function PositionForm({
  planId,
  elementId,
  projectName,
  onSaved,
}: {
  planId: number;
  elementId: number;
  projectName: string;
  onSaved?: () => void;
}) {
  const [load, reload] = useLoad((signal) => getPositions(planId, elementId, signal), [planId, elementId]);
  if (load.status === "failed" && !load.data) return <ErrorNotice error={load.error} onRetry={reload} />;
  if (!load.data) return <Loading />;
  return (
    <PositionFormFields
      positions={load.data}
      planId={planId}
      projectName={projectName}
      onSaved={() => {
        reload();
        onSaved?.();
      }}
    />
  );
}

function PositionFormFields({
  positions,
  planId,
  projectName,
  onSaved,
}: {
  positions: ProjectPositions;
  planId: number;
  projectName: string;
  onSaved: () => void;
}) {
  const { t, language } = useLanguage();
  const id = useId();
  const lines = positions.lines;
  const [code, setCode] = useState(lines[0]?.gfmis_code ?? "");
  const line = lines.find((candidate) => candidate.gfmis_code === code) ?? lines[0];
  const months = useMemo(
    () => monthRange(positions.first_month, positions.last_carry_over_month),
    [positions.first_month, positions.last_carry_over_month],
  );
  const lastMonth = months[months.length - 1] ?? positions.first_month;
  const [month, setMonth] = useState(() => nextMonth(line, positions.first_month, lastMonth));
  const [po, setPo] = useState("");
  const [disbursed, setDisbursed] = useState("");
  const [problems, setProblems] = useState<FormProblems>(noProblems);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

  // A month already entered opens with its figures (to correct them); a new month
  // opens empty, with the month before shown beside the fields, so nothing is saved
  // by accident as a copy of last month.
  useEffect(() => {
    const known = positionAt(line, month);
    setPo(known ? bahtInput(known.po_outstanding_satang) : "");
    setDisbursed(known ? bahtInput(known.disbursed_to_date_satang) : "");
  }, [line?.gfmis_code, month, positions]);

  if (!line) return <p className="muted">{t("ap.alloc.none")}</p>;

  const poSatang = parseBaht(po);
  const disbursedSatang = parseBaht(disbursed);
  const previous = previousPosition(line, month);
  const used = (poSatang ?? 0) + (disbursedSatang ?? 0);
  const money = (satang: number) => formatMoney(satang, "baht", language);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!line) return;
    const fields: Record<string, LocalizedText> = {};
    const amountText = both("ap.error.amount");
    if (poSatang === null) fields.po_outstanding_satang = amountText;
    if (disbursedSatang === null) fields.disbursed_to_date_satang = amountText;
    if (poSatang !== null && disbursedSatang !== null && used > line.allocated_satang) {
      const text = both("ap.error.above_allocation", (language) => ({
        amount: formatMoney(line.allocated_satang, "baht", language),
      }));
      fields.po_outstanding_satang = text;
      fields.disbursed_to_date_satang = text;
    }
    if (disbursedSatang !== null && previous && disbursedSatang < previous.disbursed_to_date_satang) {
      fields.disbursed_to_date_satang = both("ap.error.below_previous", (language) => ({
        month: formatMonth(previous.month, language),
        amount: formatMoney(previous.disbursed_to_date_satang, "baht", language),
      }));
    }
    setSaved(null);
    if (Object.keys(fields).length > 0) {
      setProblems({ fields, general: null, stale: false });
      return;
    }
    setProblems(noProblems);
    setBusy(true);
    try {
      const result = await setPosition(planId, positions.element_id, month, {
        gfmis_code: line.gfmis_code,
        po_outstanding_satang: poSatang ?? 0,
        disbursed_to_date_satang: disbursedSatang ?? 0,
      });
      setSaved(
        t("ap.pos.saved", {
          month: formatMonth(result.month, language),
          disbursed: money(result.disbursed_to_date_satang),
          remaining: money(result.remaining_satang ?? result.allocated_satang - result.used_satang),
        }),
      );
      onSaved();
    } catch (caught) {
      setProblems(formProblems(caught, shownFields, fieldsByCode));
    } finally {
      setBusy(false);
    }
  }

  const field = (name: string) => ({
    "aria-invalid": name in problems.fields,
    "aria-describedby": `${id}-${name}-message`,
  });

  return (
    <form
      className="ap-position-form"
      onSubmit={submit}
      noValidate
      aria-label={`${t("ap.pos.enter")}: ${projectName}`}
    >
      <ErrorNotice error={problems.general} fieldsShown={shownFields} />
      {lines.length > 1 && (
        <div className="field">
          <label htmlFor={`${id}-line`}>{t("ap.pos.line")}</label>
          <select
            id={`${id}-line`}
            value={line.gfmis_code}
            onChange={(event) => setCode(event.target.value)}
            {...field("gfmis_code")}
          >
            {lines.map((candidate) => (
              <option key={candidate.gfmis_code} value={candidate.gfmis_code}>
                {t(expenseKey(candidate.expense_type))} · {candidate.gfmis_code}
              </option>
            ))}
          </select>
          <FieldMessage id={`${id}-gfmis_code-message`} text={problems.fields.gfmis_code} />
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-month`}>{t("ap.pos.month")}</label>
        <select
          id={`${id}-month`}
          value={month}
          onChange={(event) => setMonth(event.target.value)}
          {...field("month")}
        >
          {months.map((value) => (
            <option key={value} value={value}>
              {formatMonth(value, language)}
              {value > (months[11] ?? value) ? ` (${t("ap.pos.carry_over")})` : ""}
            </option>
          ))}
        </select>
        <FieldMessage id={`${id}-month-message`} text={problems.fields.month} />
      </div>
      {previous && (
        <p className="muted" data-testid="previous-position">
          {t("ap.pos.previous", {
            month: formatMonth(previous.month, language),
            po: money(previous.po_outstanding_satang),
            disbursed: money(previous.disbursed_to_date_satang),
          })}
        </p>
      )}
      <div className="field">
        <label htmlFor={`${id}-po`}>{t("ap.pos.po")}</label>
        <input
          id={`${id}-po`}
          inputMode="decimal"
          autoComplete="off"
          value={po}
          onChange={(event) => setPo(event.target.value)}
          {...field("po_outstanding_satang")}
        />
        <FieldMessage
          id={`${id}-po_outstanding_satang-message`}
          text={problems.fields.po_outstanding_satang}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-disbursed`}>{t("ap.pos.disbursed")}</label>
        <input
          id={`${id}-disbursed`}
          inputMode="decimal"
          autoComplete="off"
          value={disbursed}
          onChange={(event) => setDisbursed(event.target.value)}
          {...field("disbursed_to_date_satang")}
        />
        <FieldMessage
          id={`${id}-disbursed_to_date_satang-message`}
          text={problems.fields.disbursed_to_date_satang}
        />
      </div>
      <dl className="ap-summary ap-preview" aria-live="polite">
        <div>
          <dt>{t("ap.col.allocated")}</dt>
          <dd>{money(line.allocated_satang)}</dd>
        </div>
        <div>
          <dt>{t("ap.pos.used")}</dt>
          <dd>{money(used)}</dd>
        </div>
        <div>
          <dt>{t("ap.col.remaining")}</dt>
          <dd>{money(line.allocated_satang - used)}</dd>
        </div>
        <div>
          <dt>{t("ap.pos.in_month")}</dt>
          <dd>
            {disbursedSatang === null
              ? "–"
              : money(disbursedSatang - (previous?.disbursed_to_date_satang ?? 0))}
          </dd>
        </div>
      </dl>
      <div className="form-actions">
        <button type="submit" className="button primary ap-wide-button" disabled={busy}>
          {busy ? t("common.saving") : t("common.save")}
        </button>
      </div>
      <FieldMessage id={`${id}-version-message`} text={problems.fields.version} />
      {saved && (
        <p className="notice notice-success" role="status">
          {saved}
        </p>
      )}
    </form>
  );
}
