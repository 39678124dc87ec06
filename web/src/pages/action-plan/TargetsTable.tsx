// The government's disbursement targets of the fiscal year (category × base × measure
// by quarter), each figure with its source; quarters not announced stay empty. An
// admin sets or clears a figure in a dialog (a figure needs its source).
import { useId, useState } from "react";
import type { FormEvent } from "react";
import { setTarget, type DisbursementTarget, type TargetInput } from "../../api/actionPlan";
import type { LocalizedText } from "../../api/types";
import { useAuth } from "../../auth/auth";
import { Dialog } from "../../components/Dialog";
import { ErrorNotice } from "../../components/ErrorNotice";
import { FieldMessage } from "../../components/FieldMessage";
import { useLanguage } from "../../i18n/language";
import { formatPercent } from "./amounts";
import { both, formProblems, noProblems, type FormProblems } from "./errors";

const categories = ["overall", "current", "capital"] as const;
type Slot = Pick<TargetInput, "category" | "base" | "measure" | "quarter" | "fiscal_year">;

function rowName(
  first: Pick<DisbursementTarget, "category" | "base" | "measure" | "category_th" | "base_th" | "measure_th">,
  language: string,
  t: ReturnType<typeof useLanguage>["t"],
): string {
  if (language !== "en") return `${first.category_th} · ${first.measure_th} · ${first.base_th}`;
  return `${t(`ap.target.category.${first.category}`)} · ${t(`ap.target.measure.${first.measure}`)} · ${t(
    `ap.target.base.${first.base}`,
  )}`;
}

function TargetDialog({
  slot,
  current,
  title,
  onClose,
  onSaved,
}: {
  slot: Slot;
  current: DisbursementTarget | undefined;
  title: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useLanguage();
  const id = useId();
  const [percent, setPercent] = useState(
    current?.percent === null || !current ? "" : String(current.percent),
  );
  const [source, setSource] = useState(current?.source ?? "");
  const [note, setNote] = useState(current?.note ?? "");
  const [problems, setProblems] = useState<FormProblems>(noProblems);
  const [busy, setBusy] = useState(false);
  const shown = ["percent", "source", "note", "version"];

  async function submit(event: FormEvent) {
    event.preventDefault();
    const fields: Record<string, LocalizedText> = {};
    const value = percent.trim() === "" ? null : Number(percent.trim().replace(",", "."));
    if (value !== null && (!Number.isFinite(value) || value < 0 || value > 100))
      fields.percent = both("ap.targets.percent_range");
    if (value !== null && !source.trim()) fields.source = both("ap.targets.source_required");
    if (Object.keys(fields).length > 0) {
      setProblems({ fields, general: null, stale: false });
      return;
    }
    setProblems(noProblems);
    setBusy(true);
    try {
      await setTarget({
        ...slot,
        percent: value,
        ...(source.trim() ? { source: source.trim() } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(current ? { version: current.version } : {}),
      });
      onSaved();
    } catch (caught) {
      setProblems(formProblems(caught, shown));
    } finally {
      setBusy(false);
    }
  }

  const describe = (name: string) => ({
    "aria-invalid": name in problems.fields,
    "aria-describedby": `${id}-${name}-message`,
  });
  return (
    <Dialog title={title} open onClose={onClose} testId="target-dialog">
      <form onSubmit={submit} noValidate>
        <ErrorNotice error={problems.general} fieldsShown={shown} />
        <div className="field">
          <label htmlFor={`${id}-percent`}>{t("ap.targets.percent")}</label>
          <input
            id={`${id}-percent`}
            inputMode="decimal"
            value={percent}
            onChange={(event) => setPercent(event.target.value)}
            {...describe("percent")}
          />
          <FieldMessage id={`${id}-percent-message`} text={problems.fields.percent} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-source`}>{t("ap.targets.source")}</label>
          <input
            id={`${id}-source`}
            value={source}
            onChange={(event) => setSource(event.target.value)}
            {...describe("source")}
          />
          <FieldMessage id={`${id}-source-message`} text={problems.fields.source} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-note`}>{t("ap.targets.note")}</label>
          <textarea
            id={`${id}-note`}
            rows={2}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
          <FieldMessage id={`${id}-note-message`} text={problems.fields.note} />
        </div>
        <div className="dialog-actions">
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? t("common.saving") : t("common.save")}
          </button>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t("common.cancel")}
          </button>
        </div>
        <FieldMessage id={`${id}-version-message`} text={problems.fields.version} />
      </form>
    </Dialog>
  );
}

export function TargetsTable({
  items,
  fiscalYear,
  onChanged,
}: {
  items: DisbursementTarget[];
  fiscalYear: number;
  onChanged: () => void;
}) {
  const { t, language } = useLanguage();
  const { hasRole } = useAuth();
  const canEdit = hasRole("admin");
  const [editing, setEditing] = useState<{ slot: Slot; current?: DisbursementTarget; title: string } | null>(
    null,
  );
  const rows = new Map<string, DisbursementTarget[]>();
  for (const item of items) {
    const key = `${item.category}|${item.base}|${item.measure}`;
    rows.set(key, [...(rows.get(key) ?? []), item]);
  }
  const rank = (key: string) => categories.indexOf(key.split("|")[0] as (typeof categories)[number]);
  const ordered = [...rows.entries()].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
  const sources = [...new Set(items.filter((item) => item.percent !== null).map((item) => item.source))];
  const quarterName = (quarter: number) =>
    quarter === 4 ? t("ap.targets.year") : t("ap.targets.quarter", { quarter });

  return (
    <section className="panel" aria-labelledby="ap-targets-heading">
      <h3 id="ap-targets-heading">{t("ap.targets.title", { year: fiscalYear })}</h3>
      <div className="table-wrap">
        <table className="table ap-numbers" data-testid="targets">
          <thead>
            <tr>
              <th scope="col">{t("ap.promote.field")}</th>
              {[1, 2, 3, 4].map((quarter) => (
                <th scope="col" key={quarter}>
                  {quarterName(quarter)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ordered.map(([key, targets]) => {
              const first = targets[0];
              if (!first) return null;
              const name = rowName(first, language, t);
              return (
                <tr key={key}>
                  <th scope="row">{name}</th>
                  {[1, 2, 3, 4].map((quarter) => {
                    const target = targets.find((item) => item.quarter === quarter);
                    const text =
                      target && target.percent !== null ? (
                        formatPercent(target.percent, language, 0)
                      ) : (
                        <span className="muted">{t("ap.targets.not_announced")}</span>
                      );
                    const title = `${name} · ${quarterName(quarter)}`;
                    return (
                      <td key={quarter} className="num">
                        {canEdit ? (
                          <button
                            type="button"
                            className="cell-button"
                            aria-label={t("ap.targets.edit", { name: title })}
                            onClick={() =>
                              setEditing({
                                slot: {
                                  fiscal_year: fiscalYear,
                                  quarter,
                                  category: first.category,
                                  base: first.base,
                                  measure: first.measure,
                                },
                                current: target,
                                title,
                              })
                            }
                          >
                            {text}
                          </button>
                        ) : (
                          text
                        )}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {sources.length > 0 && (
        <p className="small-print ap-break">
          {t("ap.targets.source")}: {sources.join("; ")}
        </p>
      )}
      {editing && (
        <TargetDialog
          slot={editing.slot}
          current={editing.current}
          title={t("ap.targets.edit", { name: editing.title })}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            onChanged();
          }}
        />
      )}
    </section>
  );
}
