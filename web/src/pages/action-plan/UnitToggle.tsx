// Switches money between baht and ล้านบาท (two radio buttons, a real form control).
import { useId } from "react";
import { useLanguage } from "../../i18n/language";
import type { Unit } from "./amounts";

export function UnitToggle({ unit, onChange }: { unit: Unit; onChange: (unit: Unit) => void }) {
  const { t } = useLanguage();
  const name = useId();
  return (
    <fieldset className="ap-unit">
      <legend>{t("ap.unit")}</legend>
      {(["baht", "million_baht"] as const).map((value) => (
        <label key={value}>
          <input
            type="radio"
            name={name}
            value={value}
            checked={unit === value}
            onChange={() => onChange(value)}
          />{" "}
          {t(`ap.unit.${value}`)}
        </label>
      ))}
    </fieldset>
  );
}
