// Closing a fiscal year (strategy office): said plainly what it means, then done with
// the action plan's version (409 when someone changed it meanwhile).
import { useState } from "react";
import { closeActionPlan, type ActionPlan } from "../../api/actionPlan";
import { Dialog } from "../../components/Dialog";
import { ErrorNotice } from "../../components/ErrorNotice";
import { useLanguage } from "../../i18n/language";

export function CloseYearDialog({
  plan,
  onClose,
  onClosed,
}: {
  plan: ActionPlan;
  onClose: () => void;
  onClosed: () => void;
}) {
  const { t } = useLanguage();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await closeActionPlan(plan.id, plan.version);
      onClosed();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      title={t("ap.close.title", { year: plan.fiscal_year })}
      open
      onClose={onClose}
      testId="close-year-dialog"
    >
      <p>{t("ap.close.explain", { year: plan.fiscal_year })}</p>
      <ErrorNotice error={error} />
      <div className="dialog-actions">
        <button type="button" className="button danger" onClick={confirm} disabled={busy}>
          {busy ? t("common.saving") : t("ap.close.confirm")}
        </button>
        <button type="button" className="button" onClick={onClose} disabled={busy}>
          {t("common.cancel")}
        </button>
      </div>
    </Dialog>
  );
}
