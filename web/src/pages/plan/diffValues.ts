// Plan diff fields and values as people read them: the field's name, agency and area
// names for codes, Buddhist-era dates, baht, and numbers with thousands separators
// and one number of decimals for both sides of a row.
import type { DiffField } from "../../api/plan";
import type { JsonValue } from "../../api/types";
import type { Names } from "../../components/useNames";
import { formatDate } from "../../format/date";
import { formatSatang } from "../../format/money";
import { formatNumber, formatYear, sharedDecimals } from "../../format/number";
import { isMessageKey, translate } from "../../i18n/language";
import type { Language } from "../../i18n/language";
import type { MessageKey } from "../../i18n/messages";

const labels: Record<string, MessageKey> = {
  text_th: "plan.text_th",
  text_en: "plan.text_en",
  code: "common.code",
  parent_id: "plan.parent",
  description_th: "plan.description",
  description_en: "plan.description",
  dimensions: "plan.dimensions",
  alignments: "plan.alignment",
  unit_th: "plan.unit",
  unit_en: "plan.unit",
  "baseline.value": "plan.baseline",
  "project.budget_satang": "plan.budget",
  "project.project_kind": "plan.project_kind",
  "project.ranking": "plan.ranking",
  "project.agency": "plan.agency",
  "project.areas": "plan.areas",
  "project.start_date": "diff.start_date",
  "project.end_date": "diff.end_date",
  "project.first_fiscal_year": "field.first_fiscal_year",
  "project.last_fiscal_year": "field.last_fiscal_year",
  "project.budget_source": "diff.budget_source",
  "project.objectives_th": "diff.objectives",
  "project.objectives_en": "diff.objectives",
  "project.supporting_agencies": "diff.supporting_agencies",
  "project.term": "diff.term",
  "baseline.fiscal_year": "diff.baseline_year",
  owner_agency: "diff.owner_agency",
  formula_th: "diff.formula",
  data_source_th: "diff.data_source",
  direction: "diff.direction",
  frequency: "diff.frequency",
  range_low: "diff.range_low",
  range_high: "diff.range_high",
};

export function diffFieldLabel(field: string, language: Language): string {
  const target = /^targets\.(\d{4})$/.exec(field);
  if (target) return translate(language, "plan.target_field", { year: target[1] ?? "" });
  const key = labels[field];
  return key ? translate(language, key) : field;
}

const yearFields = new Set(["baseline.fiscal_year", "project.first_fiscal_year", "project.last_fiscal_year"]);
const dateFields = new Set(["project.start_date", "project.end_date"]);
const agencyFields = new Set(["project.agency", "owner_agency", "project.supporting_agencies"]);

function translated(prefix: string, value: string, language: Language): string {
  const key = `${prefix}.${value}`;
  return isMessageKey(key) ? translate(language, key) : value;
}

// Both sides of one changed field, readable.
export function readableChange(
  change: DiffField,
  language: Language,
  names: Names,
): { before: string; after: string } {
  const before = change.before as JsonValue;
  const after = change.after as JsonValue;
  const decimals = sharedDecimals([before, after].map((value) => (typeof value === "number" ? value : null)));
  const one = (value: JsonValue): string => {
    if (value === null || value === undefined || value === "") return "—";
    if (Array.isArray(value)) return value.length === 0 ? "—" : value.map(one).join(", ");
    if (change.field === "project.budget_satang" && typeof value === "number")
      return formatSatang(value, language);
    if (yearFields.has(change.field) && typeof value === "number") return formatYear(value);
    if (typeof value === "number") return formatNumber(value, language, { decimals });
    if (typeof value === "boolean") return translate(language, value ? "diff.yes" : "diff.no");
    if (typeof value === "string") {
      if (dateFields.has(change.field)) return formatDate(value, language);
      if (agencyFields.has(change.field)) return names.agency(value);
      if (change.field === "project.areas") return names.area(value);
      if (change.field === "dimensions") return translated("dimension", value, language);
      if (change.field === "project.project_kind")
        return translate(language, value === "reserve" ? "plan.reserve" : "plan.main_project");
      return value;
    }
    return JSON.stringify(value);
  };
  return { before: one(before), after: one(after) };
}

// The area codes a diff shows (to load their names).
export function diffAreaCodes(changes: DiffField[]): string[] {
  const codes: string[] = [];
  for (const change of changes) {
    if (change.field !== "project.areas") continue;
    for (const side of [change.before, change.after])
      if (Array.isArray(side)) for (const code of side) if (typeof code === "string") codes.push(code);
  }
  return codes;
}
