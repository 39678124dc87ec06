// Which targets of higher plans (National Strategy, master plans, NESDP, …) this
// element serves. Editors tick them in an open draft.
import { useState } from "react";
import { getAlignmentCatalog, setAlignments } from "../../api/plan";
import type { AlignmentTarget, PlanElement } from "../../api/plan";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Loading } from "../../components/Loading";
import { useLoad } from "../../components/useLoad";
import { useLanguage } from "../../i18n/language";

export function AlignmentEditor({
  planId,
  element,
  editable,
  onSaved,
}: {
  planId: number;
  element: PlanElement;
  editable: boolean;
  onSaved: () => void;
}) {
  const { t, language } = useLanguage();
  const [catalog, reload] = useLoad((signal) => getAlignmentCatalog(signal), []);
  const [editing, setEditing] = useState(false);
  const [chosen, setChosen] = useState<Set<string>>(new Set(element.alignments));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const byCode = new Map<string, AlignmentTarget>();
  for (const framework of catalog.data?.frameworks ?? [])
    for (const target of framework.targets) byCode.set(target.code, target);
  const name = (target: AlignmentTarget) =>
    language === "en" ? target.name_en || target.name_th : target.name_th;

  async function save() {
    setBusy(true);
    setError(null);
    try {
      await setAlignments(planId, element.id, [...chosen], element.version);
      setEditing(false);
      onSaved();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  if (catalog.status === "failed") return <ErrorNotice error={catalog.error} onRetry={reload} />;
  if (!catalog.data) return <Loading />;

  if (!editing) {
    return (
      <>
        {element.alignments.length === 0 ? (
          <p className="muted">{t("plan.no_alignment")}</p>
        ) : (
          <ul className="alignment-list">
            {element.alignments.map((code) => {
              const target = byCode.get(code);
              return (
                <li key={code}>
                  <code>{code}</code> {target ? name(target) : ""}
                </li>
              );
            })}
          </ul>
        )}
        {editable && (
          <button
            type="button"
            className="button small"
            onClick={() => {
              setChosen(new Set(element.alignments));
              setEditing(true);
            }}
          >
            {t("plan.edit_alignment")}
          </button>
        )}
      </>
    );
  }

  return (
    <div className="alignment-editor">
      <ErrorNotice error={error} />
      {catalog.data.frameworks.map((framework) => (
        <fieldset key={framework.key} className="alignment-framework">
          <legend>{language === "en" ? framework.name_en : framework.name_th}</legend>
          {framework.targets.map((target) => (
            <label key={target.code} className="check">
              <input
                type="checkbox"
                checked={chosen.has(target.code)}
                onChange={(event) => {
                  const next = new Set(chosen);
                  if (event.target.checked) next.add(target.code);
                  else next.delete(target.code);
                  setChosen(next);
                }}
              />
              <code>{target.code}</code> {name(target)}
            </label>
          ))}
        </fieldset>
      ))}
      <div className="form-actions">
        <button type="button" className="button primary" disabled={busy} onClick={() => void save()}>
          {busy ? t("common.saving") : t("common.save")}
        </button>
        <button type="button" className="button" onClick={() => setEditing(false)}>
          {t("common.cancel")}
        </button>
      </div>
    </div>
  );
}
