// Shapes of the platform API's JSON. They are the schemas of api/openapi.yaml as
// generated into schema.ts (`npm run gen:api`); only UI-side helpers are written here.
import type { components } from "./schema";
import type { QueryParams } from "./client";

export type Schemas = components["schemas"];

export type User = Schemas["User"];
export type Role = User["role"];
export type Session = Schemas["SignedIn"];

export type AreaSummary = Schemas["Area"];
export type AreaLevel = AreaSummary["level"];
export type Area = Schemas["AreaWithChildren"];

export type Agency = Schemas["Agency"];
export type FiscalYear = Schemas["FiscalYear"];
export type AuditFilter = QueryParams<"get", "/api/v1/audit">;

// What the audit log and plan differences carry in before/after: any JSON (the
// description says `{}`, which the generator types as unknown).
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export type AuditEntry = Omit<Schemas["AuditEntry"], "before" | "after"> & {
  before: JsonValue;
  after: JsonValue;
};

export interface LocalizedText {
  th: string;
  en: string;
}

export type ApiErrorBody = Schemas["Error"];
