// Adds an element to the open draft: at the top level or under `parent`. Only the
// kinds the plan's shape allows there are offered.
import { useState } from "react";
import type { FormEvent } from "react";
import { ApiError } from "../../api/client";
import { allowedParents, createElement, elementKinds } from "../../api/plan";
import type { ElementKind, NewElement, TreeNode } from "../../api/plan";
import type { LocalizedText } from "../../api/types";
import { ErrorNotice } from "../../components/ErrorNotice";
import { FieldMessage } from "../../components/FieldMessage";
import { useLanguage } from "../../i18n/language";

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
    setFields({});
    setError(null);
    setBusy(true);
    const element: NewElement = { kind, parent_id: parent?.id ?? null, text_th: textTh.trim() };
    if (code.trim()) element.code = code.trim();
    if (textEn.trim()) element.text_en = textEn.trim();
    if (kind === "kpi" && unit.trim()) element.unit_th = unit.trim();
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
      <ErrorNotice error={error} />
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
          <div className="field">
            <label htmlFor={`${prefix}-unit`}>{t("plan.unit")}</label>
            <input id={`${prefix}-unit`} value={unit} onChange={(event) => setUnit(event.target.value)} />
          </div>
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
