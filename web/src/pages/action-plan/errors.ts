// Puts the server's answer to a write next to the fields it is about: its own `fields`,
// rule errors that name no field (e.g. above_allocation) on the fields they concern,
// and a stale version (409) on the save button. What lands on no field is shown above
// the form by ErrorNotice.
import { ApiError } from "../../api/client";
import type { LocalizedText } from "../../api/types";
import { translate, type Language } from "../../i18n/language";
import type { MessageKey } from "../../i18n/messages";

type Values = Record<string, string | number>;

// A message in both languages (what FieldMessage shows); values may depend on the
// language (month names, "บาท"/"baht").
export function both(key: MessageKey, values: Values | ((language: Language) => Values) = {}): LocalizedText {
  const of = (language: Language) => (typeof values === "function" ? values(language) : values);
  return { th: translate("th", key, of("th")), en: translate("en", key, of("en")) };
}

export const staleText: LocalizedText = both("ap.error.stale");

export interface FormProblems {
  // Messages by field name (the form's own names, e.g. "lines[0].gfmis_code").
  fields: Record<string, LocalizedText>;
  // The error still to show above the form (null when every part of it sits by a field).
  general: unknown;
  stale: boolean;
}

export const noProblems: FormProblems = { fields: {}, general: null, stale: false };

export function formProblems(
  error: unknown,
  shown: string[],
  byCode: Record<string, string[]> = {},
): FormProblems {
  if (!(error instanceof ApiError)) return { fields: {}, general: error, stale: false };
  if (error.status === 409) return { fields: { version: staleText }, general: null, stale: true };
  const fields: Record<string, LocalizedText> = { ...error.fields };
  for (const field of byCode[error.code] ?? []) fields[field] ??= error.text;
  const placed = Object.keys(fields).filter((field) => shown.includes(field));
  const unplaced = Object.keys(fields).some((field) => !shown.includes(field));
  const general = placed.length > 0 && !unplaced ? null : error;
  return { fields, general, stale: false };
}
