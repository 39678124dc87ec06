// Edits an agency's names (admin). Sends the version it started from, so a change
// made meanwhile by someone else is refused (409) instead of silently overwritten.
import { useEffect, useRef, useState } from "react";
import type { FormEvent } from "react";
import { ApiError } from "../../api/client";
import { updateAgency } from "../../api/endpoints";
import type { AgencyChange } from "../../api/endpoints";
import type { Agency, LocalizedText } from "../../api/types";
import { ErrorNotice } from "../../components/ErrorNotice";
import { FieldMessage } from "../../components/FieldMessage";
import { useLanguage } from "../../i18n/language";

export function validateAgencyNames(nameTh: string, nameEn: string): Record<string, LocalizedText> {
  const problems: Record<string, LocalizedText> = {};
  if (nameTh.trim() === "") problems.name_th = { th: "กรุณากรอกชื่อภาษาไทย", en: "Enter the Thai name." };
  if (nameEn.trim() === "") problems.name_en = { th: "กรุณากรอกชื่อภาษาอังกฤษ", en: "Enter the English name." };
  return problems;
}

export function AgencyEditor({
  agency,
  onSaved,
  onStale,
  onClose,
}: {
  agency: Agency;
  onSaved: (agency: Agency) => void;
  onStale: () => Promise<Agency | null>;
  onClose: () => void;
}) {
  const { t } = useLanguage();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [base, setBase] = useState(agency);
  const [nameTh, setNameTh] = useState(agency.name_th);
  const [nameEn, setNameEn] = useState(agency.name_en);
  const [fieldErrors, setFieldErrors] = useState<Record<string, LocalizedText>>({});
  const [error, setError] = useState<unknown>(null);
  const [staleNotice, setStaleNotice] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = validateAgencyNames(nameTh, nameEn);
    setFieldErrors(problems);
    setError(null);
    setStaleNotice(false);
    if (Object.keys(problems).length > 0) return;
    const change: AgencyChange = { version: base.version };
    if (nameTh.trim() !== base.name_th) change.name_th = nameTh.trim();
    if (nameEn.trim() !== base.name_en) change.name_en = nameEn.trim();
    if (change.name_th === undefined && change.name_en === undefined) {
      setError(new ApiError(400, "no_change", { th: t("agencies.no_change"), en: t("agencies.no_change") }));
      return;
    }
    setBusy(true);
    try {
      onSaved(await updateAgency(base.code, change));
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 409) {
        const latest = await onStale().catch(() => null);
        if (latest) {
          setBase(latest);
          setNameTh(latest.name_th);
          setNameEn(latest.name_en);
        }
        setStaleNotice(true);
      } else {
        setError(caught);
        if (caught instanceof ApiError) setFieldErrors(caught.fields);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <dialog ref={dialogRef} className="dialog" aria-labelledby="agency-editor-title" onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <h2 id="agency-editor-title">{t("agencies.edit_title", { code: base.code })}</h2>
        {staleNotice && (
          <div className="notice notice-error" role="alert">
            {t("agencies.stale")}
          </div>
        )}
        <ErrorNotice error={error} fieldsShown={["name_th", "name_en"]} />
        <div className="field">
          <label htmlFor="agency-name-th">{t("common.name_th")}</label>
          <input
            id="agency-name-th"
            name="name_th"
            lang="th"
            value={nameTh}
            onChange={(event) => setNameTh(event.target.value)}
            aria-invalid={"name_th" in fieldErrors}
            aria-describedby="agency-name-th-message"
          />
          <FieldMessage id="agency-name-th-message" text={fieldErrors.name_th} />
        </div>
        <div className="field">
          <label htmlFor="agency-name-en">{t("common.name_en")}</label>
          <input
            id="agency-name-en"
            name="name_en"
            lang="en"
            value={nameEn}
            onChange={(event) => setNameEn(event.target.value)}
            aria-invalid={"name_en" in fieldErrors}
            aria-describedby="agency-name-en-message"
          />
          <FieldMessage id="agency-name-en-message" text={fieldErrors.name_en} />
        </div>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={() => dialogRef.current?.close()}>
            {t("common.cancel")}
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? t("common.saving") : t("common.save")}
          </button>
        </div>
      </form>
    </dialog>
  );
}
