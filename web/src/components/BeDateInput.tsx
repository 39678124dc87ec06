// A date picker that shows the Buddhist-era year, as Thai officials write dates:
// day, month name, and year BE. It reports an ISO date (CE) or "" when empty,
// and a problem text when the parts do not make a real date.
import { useEffect, useId, useState } from "react";
import { beOffset, daysInMonth, monthNames, parseIsoDate, toIsoDate } from "../format/date";
import { useLanguage } from "../i18n/language";

interface Parts {
  day: string;
  month: string;
  yearBe: string;
}

function partsFromIso(iso: string): Parts {
  const parsed = parseIsoDate(iso);
  if (!parsed) return { day: "", month: "", yearBe: "" };
  return {
    day: String(parsed.day),
    month: String(parsed.month),
    yearBe: String(parsed.year + beOffset),
  };
}

export type DateProblem = "incomplete" | "invalid" | null;

export function isoFromParts(parts: Parts): { iso: string; problem: DateProblem } {
  const filled = [parts.day, parts.month, parts.yearBe].filter((value) => value !== "").length;
  if (filled === 0) return { iso: "", problem: null };
  if (filled < 3) return { iso: "", problem: "incomplete" };
  const day = Number(parts.day);
  const month = Number(parts.month);
  const yearCe = Number(parts.yearBe) - beOffset;
  if (!Number.isInteger(yearCe) || yearCe < 1900 || yearCe > 2200) return { iso: "", problem: "invalid" };
  if (day > daysInMonth(yearCe, month)) return { iso: "", problem: "invalid" };
  return { iso: toIsoDate(yearCe, month, day), problem: null };
}

export function BeDateInput({
  label,
  value,
  onChange,
  name,
}: {
  label: string;
  value: string;
  onChange: (iso: string, problem: DateProblem) => void;
  name: string;
}) {
  const { t, language } = useLanguage();
  const id = useId();
  const [parts, setParts] = useState<Parts>(() => partsFromIso(value));
  const [problem, setProblem] = useState<DateProblem>(null);

  // Follow outside changes (e.g. "clear filters") without fighting the user's typing.
  useEffect(() => {
    const current = isoFromParts(parts);
    if (current.iso !== value && !(value === "" && current.problem)) {
      setParts(partsFromIso(value));
      setProblem(null);
    }
  }, [value]);

  function update(change: Partial<Parts>) {
    const next = { ...parts, ...change };
    setParts(next);
    const result = isoFromParts(next);
    setProblem(result.problem);
    onChange(result.iso, result.problem);
  }

  const months = monthNames(language);
  return (
    <fieldset className="be-date" aria-describedby={`${id}-problem`}>
      <legend>{label}</legend>
      <div className="be-date-parts">
        <label>
          <span className="visually-hidden">{t("date.day")}</span>
          <select
            name={`${name}-day`}
            value={parts.day}
            onChange={(event) => update({ day: event.target.value })}
            aria-invalid={problem !== null}
          >
            <option value="">{t("date.day")}</option>
            {Array.from({ length: 31 }, (_, index) => (
              <option key={index + 1} value={String(index + 1)}>
                {index + 1}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="visually-hidden">{t("date.month")}</span>
          <select
            name={`${name}-month`}
            value={parts.month}
            onChange={(event) => update({ month: event.target.value })}
            aria-invalid={problem !== null}
          >
            <option value="">{t("date.month")}</option>
            {months.map((month, index) => (
              <option key={month} value={String(index + 1)}>
                {month}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="visually-hidden">{t("date.year_be")}</span>
          <input
            name={`${name}-year`}
            inputMode="numeric"
            pattern="[0-9]*"
            maxLength={4}
            size={5}
            placeholder={t("date.year_be")}
            value={parts.yearBe}
            onChange={(event) => update({ yearBe: event.target.value.replace(/\D/g, "") })}
            aria-invalid={problem !== null}
          />
        </label>
      </div>
      <p id={`${id}-problem`} className="field-message" aria-live="polite">
        {problem === "incomplete" ? t("date.incomplete") : problem === "invalid" ? t("date.invalid") : ""}
      </p>
    </fieldset>
  );
}
