// Asks for the reason of a refusal (rejecting a submission, declining a need) in a
// dialog: the field is named in the current language, required, and the server's
// message for it is shown under it.
import { useId, useState } from "react";
import type { FormEvent } from "react";
import { ApiError } from "../api/client";
import type { LocalizedText } from "../api/types";
import { useLanguage } from "../i18n/language";
import { Dialog } from "./Dialog";
import { ErrorNotice } from "./ErrorNotice";
import { FieldMessage } from "./FieldMessage";

export const reasonMaxLength = 500;

export function ReasonDialog({
  open,
  title,
  label,
  confirmLabel,
  onClose,
  onConfirm,
}: {
  open: boolean;
  title: string;
  label: string;
  confirmLabel: string;
  onClose: () => void;
  // Resolves when done (the dialog closes); a rejection is shown in the dialog.
  onConfirm: (reason: string) => Promise<void>;
}) {
  const { t } = useLanguage();
  const id = useId();
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<LocalizedText | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  function close() {
    setReason("");
    setProblem(null);
    setError(null);
    onClose();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const text = reason.trim();
    if (!text) {
      setProblem({ th: "กรุณาระบุเหตุผล", en: "Please give a reason." });
      return;
    }
    setBusy(true);
    setProblem(null);
    setError(null);
    try {
      await onConfirm(text);
      setReason("");
      onClose();
    } catch (caught) {
      setError(caught);
      if (caught instanceof ApiError && caught.fields.reason) setProblem(caught.fields.reason);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={title} open={open} onClose={close} testId="reason-dialog">
      <form onSubmit={submit} noValidate>
        <ErrorNotice error={error} fieldsShown={["reason"]} />
        <div className="field">
          <label htmlFor={`${id}-reason`}>{label}</label>
          <textarea
            id={`${id}-reason`}
            rows={4}
            required
            autoFocus
            maxLength={reasonMaxLength}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            aria-invalid={problem !== null}
            aria-describedby={`${id}-reason-message`}
          />
          <FieldMessage id={`${id}-reason-message`} text={problem} />
        </div>
        <div className="dialog-actions">
          <button type="submit" className="button danger" disabled={busy}>
            {busy ? t("common.saving") : confirmLabel}
          </button>
          <button type="button" className="button" onClick={close} disabled={busy}>
            {t("common.cancel")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
