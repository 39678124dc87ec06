// Adds an element to the open draft: at the top level or under `parent`. Only the
// kinds the plan's shape allows there are offered.
import { useState } from "react";
import type { FormEvent } from "react";
import { ApiError } from "../../api/client";
import { allowedParents, createElement, elementKinds } from "../../api/plan";
import type { ElementKind, NewElement, TreeNode } from "../../api/plan";
import type { LocalizedText } from "../../api/types";
import { ErrorNotice } from "../../components/ErrorNotice";
import { parseBahtToSatang } from "../../format/money";
import { FieldMessage } from "../../components/FieldMessage";
import { useLanguage } from "../../i18n/language";

export const kpiFrequencies = ["monthly", "quarterly", "half_yearly", "yearly"] as const;

export function kindsUnder(parent: TreeNode | null): ElementKind[] {
  return elementKinds.filter((kind) => allowedParents[kind].includes(parent ? parent.kind : null));
}

export function AddElementForm({
  planId,
  parent,
  onAdded,
  onCancel,
}: {
  planId: number;
  parent: TreeNode | null;
  onAdded: () => void;
  onCancel: () => void;
}) {
  const { t } = useLanguage();
  const kinds = kindsUnder(parent);
  const [kind, setKind] = useState<ElementKind>(kinds[0] ?? "strategy");
  const [code, setCode] = useState("");
  const [textTh, setTextTh] = useState("");
  const [textEn, setTextEn] = useState("");
  const [unit, setUnit] = useState("");
  const [frequency, setFrequency] = useState("yearly");
  const [budget, setBudget] = useState("");
  const [projectKind, setProjectKind] = useState<"main" | "reserve">("main");
  const [ranking, setRanking] = useState("");
  const [fields, setFields] = useState<Record<string, LocalizedText>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const prefix = `add-${parent?.id ?? "top"}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!textTh.trim()) {
      setFields({ text_th: { th: "กรุณากรอกข้อความภาษาไทย", en: "Enter the Thai text." } });
      return;
    }
    const element: NewElement = { kind, parent_id: parent?.id ?? null, text_th: textTh.trim() };
    if (code.trim()) element.code = code.trim();
    if (textEn.trim()) element.text_en = textEn.trim();
    if (kind === "kpi") {
      if (unit.trim()) element.unit_th = unit.trim();
      element.frequency = frequency;
    }
    if (kind === "project") {
      const satang = budget.trim() === "" ? 0 : parseBahtToSatang(budget);
      if (satang === null || satang < 0) {
        setFields({
          budget_satang: { th: "กรอกจำนวนเงินเป็นบาท เช่น 1,500,000.50", en: "Enter baht, e.g. 1,500,000.50." },
        });
        return;
      }
      element.budget_satang = satang;
      element.project_kind = projectKind;
      if (projectKind === "reserve" && ranking.trim()) element.ranking = Number(ranking);
    }
    setFields({});
    setError(null);
    setBusy(true);
    try {
      await createElement(planId, element);
      onAdded();
    } catch (caught) {
      setError(caught);
      if (caught instanceof ApiError) setFields(caught.fields);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="inline-form" onSubmit={submit} noValidate aria-label={t("plan.add_element")}>
      <ErrorNotice
        error={error}
        fieldsShown={[
          "code",
          "text_th",
          "parent_id",
          "kind",
          "unit_th",
          "frequency",
          "budget_satang",
          "ranking",
        ]}
      />
      <div className="inline-form-grid">
        <div className="field">
          <label htmlFor={`${prefix}-kind`}>{t("plan.kind")}</label>
          <select
            id={`${prefix}-kind`}
            value={kind}
            onChange={(event) => setKind(event.target.value as ElementKind)}
          >
            {kinds.map((item) => (
              <option key={item} value={item}>
                {t(`plan.kind.${item}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${prefix}-code`}>{t("common.code")}</label>
          <input id={`${prefix}-code`} value={code} onChange={(event) => setCode(event.target.value)} />
          <FieldMessage id={`${prefix}-code-message`} text={fields.code} />
        </div>
        <div className="field wide-field">
          <label htmlFor={`${prefix}-text-th`}>{t("plan.text_th")}</label>
          <input
            id={`${prefix}-text-th`}
            lang="th"
            value={textTh}
            onChange={(event) => setTextTh(event.target.value)}
            aria-invalid={"text_th" in fields}
            aria-describedby={`${prefix}-text-th-message`}
          />
          <FieldMessage
            id={`${prefix}-text-th-message`}
            text={fields.text_th ?? fields.parent_id ?? fields.kind}
          />
        </div>
        <div className="field wide-field">
          <label htmlFor={`${prefix}-text-en`}>{t("plan.text_en")}</label>
          <input
            id={`${prefix}-text-en`}
            lang="en"
            value={textEn}
            onChange={(event) => setTextEn(event.target.value)}
          />
        </div>
        {kind === "kpi" && (
          <>
            <div className="field">
              <label htmlFor={`${prefix}-unit`}>{t("plan.unit")}</label>
              <input id={`${prefix}-unit`} value={unit} onChange={(event) => setUnit(event.target.value)} />
              <FieldMessage id={`${prefix}-unit-message`} text={fields.unit_th} />
            </div>
            <div className="field">
              <label htmlFor={`${prefix}-frequency`}>{t("plan.frequency")}</label>
              <select
                id={`${prefix}-frequency`}
                value={frequency}
                onChange={(event) => setFrequency(event.target.value)}
              >
                {kpiFrequencies.map((item) => (
                  <option key={item} value={item}>
                    {t(`plan.frequency.${item}`)}
                  </option>
                ))}
              </select>
              <FieldMessage id={`${prefix}-frequency-message`} text={fields.frequency} />
            </div>
          </>
        )}
        {kind === "project" && (
          <>
            <div className="field">
              <label htmlFor={`${prefix}-budget`}>{t("plan.budget_baht")}</label>
              <input
                id={`${prefix}-budget`}
                inputMode="decimal"
                value={budget}
                onChange={(event) => setBudget(event.target.value)}
                aria-invalid={"budget_satang" in fields}
                aria-describedby={`${prefix}-budget-message`}
              />
              <FieldMessage id={`${prefix}-budget-message`} text={fields.budget_satang} />
            </div>
            <div className="field">
              <label htmlFor={`${prefix}-project-kind`}>{t("plan.project_kind")}</label>
              <select
                id={`${prefix}-project-kind`}
                value={projectKind}
                onChange={(event) => setProjectKind(event.target.value as "main" | "reserve")}
              >
                <option value="main">{t("plan.main_project")}</option>
                <option value="reserve">{t("plan.reserve")}</option>
              </select>
            </div>
            {projectKind === "reserve" && (
              <div className="field">
                <label htmlFor={`${prefix}-ranking`}>{t("plan.ranking")}</label>
                <input
                  id={`${prefix}-ranking`}
                  inputMode="numeric"
                  value={ranking}
                  onChange={(event) => setRanking(event.target.value.replace(/\D/g, ""))}
                  aria-invalid={"ranking" in fields}
                  aria-describedby={`${prefix}-ranking-message`}
                />
                <FieldMessage id={`${prefix}-ranking-message`} text={fields.ranking} />
              </div>
            )}
          </>
        )}
      </div>
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t("common.saving") : t("plan.add")}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
