// The thresholds that raise warnings (the province's settings with their defaults and
// ranges); the strategy office and admins change one at a time, the server's 422
// shown at the field.
import { useId, useState } from "react";
import type { FormEvent } from "react";
import { ApiError } from "../../api/client";
import { listWarningSettings, setWarningSetting, type WarningSetting } from "../../api/monitoring";
import type { LocalizedText } from "../../api/types";
import { ErrorNotice } from "../../components/ErrorNotice";
import { FieldMessage } from "../../components/FieldMessage";
import { useLoad } from "../../components/useLoad";
import { formatNumber } from "../../format/number";
import { useLanguage } from "../../i18n/language";
import { parseNumber } from "./parse";

function SettingRow({
  setting,
  canEdit,
  onSaved,
}: {
  setting: WarningSetting;
  canEdit: boolean;
  onSaved: () => void;
}) {
  const { t, language } = useLanguage();
  const id = useId();
  const [value, setValue] = useState(String(setting.value));
  const [problem, setProblem] = useState<LocalizedText | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const about = language === "en" ? setting.about_en || setting.about_th : setting.about_th;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const number = parseNumber(value);
    if (number === null) {
      setProblem({ th: t("kpi.number_required"), en: "Enter a number" });
      return;
    }
    setBusy(true);
    setProblem(null);
    setError(null);
    try {
      const body: { value: number; version?: number } = { value: number };
      if (setting.version !== null) body.version = setting.version;
      await setWarningSetting(setting.key, body);
      onSaved();
    } catch (caught) {
      setError(caught);
      if (caught instanceof ApiError) setProblem(caught.fields.value ?? null);
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className="warn-setting">
      {canEdit ? (
        <form onSubmit={submit} noValidate className="rubric-row">
          <div className="field">
            <label htmlFor={`${id}-value`}>{about}</label>
            <input
              id={`${id}-value`}
              inputMode="decimal"
              value={value}
              onChange={(e) => setValue(e.target.value)}
              aria-invalid={problem !== null}
              aria-describedby={`${id}-message ${id}-range`}
            />
            <span id={`${id}-range`} className="mon-sub">
              {t("set.range", {
                min: formatNumber(setting.min, language),
                max: formatNumber(setting.max, language),
                default: formatNumber(setting.default, language),
              })}
            </span>
            <FieldMessage id={`${id}-message`} text={problem} />
          </div>
          <button type="submit" className="button small" disabled={busy || value === String(setting.value)}>
            {busy ? t("common.saving") : t("common.save")}
          </button>
          <ErrorNotice error={error} fieldsShown={["value"]} />
        </form>
      ) : (
        <p>
          {about}: <strong>{formatNumber(setting.value, language)}</strong>{" "}
          <span className="muted">
            (
            {t("set.range", {
              min: formatNumber(setting.min, language),
              max: formatNumber(setting.max, language),
              default: formatNumber(setting.default, language),
            })}
            )
          </span>
        </p>
      )}
    </li>
  );
}

export function WarningSettings({ canEdit, onChanged }: { canEdit: boolean; onChanged: () => void }) {
  const { t } = useLanguage();
  const [settings, reload] = useLoad((signal) => listWarningSettings(signal), []);
  return (
    <details className="panel" data-testid="warning-settings">
      <summary>{t("set.title")}</summary>
      <p className="muted small-print">{t("set.lead")}</p>
      {settings.status === "failed" && <ErrorNotice error={settings.error} onRetry={reload} />}
      <ul className="warn-settings">
        {(settings.data ?? []).map((setting) => (
          <SettingRow
            key={`${setting.key}-${setting.version ?? 0}`}
            setting={setting}
            canEdit={canEdit}
            onSaved={() => {
              reload();
              onChanged();
            }}
          />
        ))}
      </ul>
    </details>
  );
}
