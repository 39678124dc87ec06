// The strategy office changes a project's place in the action plan: budget source,
// request, priority, and for a reserve its ranking and readiness (design and bill of
// quantities, land or permission, contract in time) — saved with the project's version.
import { useId, useState } from "react";
import type { FormEvent } from "react";
import { budgetSources, updateProject, type BudgetSource, type Project } from "../../api/actionPlan";
import type { LocalizedText } from "../../api/types";
import { ErrorNotice } from "../../components/ErrorNotice";
import { FieldMessage } from "../../components/FieldMessage";
import { useLanguage } from "../../i18n/language";
import { bahtInput, parseBaht } from "./amounts";
import { both, formProblems, noProblems, type FormProblems } from "./errors";
import { sourceKey } from "./labels";

const shown = ["budget_source", "requested_satang", "priority", "ranking", "version"];

export function ProjectEditor({
  planId,
  project,
  onSaved,
  onCancel,
  onReload,
}: {
  planId: number;
  project: Project;
  onSaved: (project: Project) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const { t } = useLanguage();
  const id = useId();
  const [source, setSource] = useState<BudgetSource>(project.budget_source);
  const [requested, setRequested] = useState(bahtInput(project.requested_satang));
  const [priority, setPriority] = useState(project.priority === null ? "" : String(project.priority));
  const [ranking, setRanking] = useState(project.ranking === null ? "" : String(project.ranking));
  const [readiness, setReadiness] = useState({
    design_ready: project.readiness.design_ready,
    land_ready: project.readiness.land_ready,
    contract_ready: project.readiness.contract_ready,
  });
  const [problems, setProblems] = useState<FormProblems>(noProblems);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const fields: Record<string, LocalizedText> = {};
    const requestedSatang = parseBaht(requested);
    if (requestedSatang === null) fields.requested_satang = both("ap.error.amount");
    if (priority.trim() && !/^[1-9]\d*$/.test(priority.trim()))
      fields.priority = both("ap.error.whole_number");
    if (project.kind === "reserve" && !/^[1-9]\d*$/.test(ranking.trim()))
      fields.ranking = both("ap.error.whole_number");
    if (Object.keys(fields).length > 0) {
      setProblems({ fields, general: null, stale: false });
      return;
    }
    setProblems(noProblems);
    setBusy(true);
    try {
      const saved = await updateProject(planId, project.element_id, {
        version: project.version,
        budget_source: source,
        requested_satang: requestedSatang ?? 0,
        priority: priority.trim() ? Number(priority) : null,
        ...(project.kind === "reserve" ? { ranking: Number(ranking) } : {}),
        ...readiness,
      });
      onSaved(saved);
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
    <form className="panel" onSubmit={submit} noValidate aria-label={t("ap.project.edit")}>
      <ErrorNotice error={problems.general} fieldsShown={shown} />
      <div className="filters-grid">
        <div className="field">
          <label htmlFor={`${id}-source`}>{t("ap.filter.source")}</label>
          <select
            id={`${id}-source`}
            value={source}
            onChange={(event) => setSource(event.target.value as BudgetSource)}
            {...describe("budget_source")}
          >
            {budgetSources.map((value) => (
              <option key={value} value={value}>
                {t(sourceKey(value))}
              </option>
            ))}
          </select>
          <FieldMessage id={`${id}-budget_source-message`} text={problems.fields.budget_source} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-requested`}>{t("ap.project.requested_baht")}</label>
          <input
            id={`${id}-requested`}
            inputMode="decimal"
            value={requested}
            onChange={(event) => setRequested(event.target.value)}
            {...describe("requested_satang")}
          />
          <FieldMessage id={`${id}-requested_satang-message`} text={problems.fields.requested_satang} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-priority`}>{t("ap.project.priority")}</label>
          <input
            id={`${id}-priority`}
            inputMode="numeric"
            value={priority}
            onChange={(event) => setPriority(event.target.value)}
            {...describe("priority")}
          />
          <FieldMessage id={`${id}-priority-message`} text={problems.fields.priority} />
        </div>
        {project.kind === "reserve" && (
          <div className="field">
            <label htmlFor={`${id}-ranking`}>{t("ap.project.ranking")}</label>
            <input
              id={`${id}-ranking`}
              inputMode="numeric"
              value={ranking}
              onChange={(event) => setRanking(event.target.value)}
              {...describe("ranking")}
            />
            <FieldMessage id={`${id}-ranking-message`} text={problems.fields.ranking} />
          </div>
        )}
      </div>
      <fieldset className="ap-line">
        <legend>{t("ap.project.readiness")}</legend>
        {(
          [
            ["design_ready", "ap.ready.design"],
            ["land_ready", "ap.ready.land"],
            ["contract_ready", "ap.ready.contract"],
          ] as const
        ).map(([flag, key]) => (
          <label key={flag} className="check">
            <input
              type="checkbox"
              checked={readiness[flag]}
              onChange={(event) => setReadiness((current) => ({ ...current, [flag]: event.target.checked }))}
            />{" "}
            {t(key)}
          </label>
        ))}
      </fieldset>
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
