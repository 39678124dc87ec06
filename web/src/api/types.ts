// Shapes of the platform API's JSON (see api/openapi.yaml in the repository).

export type Role =
  | "admin"
  | "strategy_officer"
  | "agency_officer"
  | "executive"
  | "auditor"
  | "health_officer"
  | "community_manager"
  | "public";

export interface User {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  agency_code: string | null;
  area_code: string | null;
}

export interface Session {
  user: User;
  csrf_token: string;
}

export type AreaLevel = "province" | "district" | "subdistrict" | "village";

export interface AreaSummary {
  code: string;
  level: AreaLevel;
  parent_code: string | null;
  name_th: string;
  name_en: string;
  demo: boolean;
}

export interface Area extends AreaSummary {
  children: AreaSummary[];
  // Ancestors from the province down to the parent, when the server includes them.
  path?: AreaSummary[];
}

export interface Agency {
  code: string;
  name_th: string;
  name_en: string;
  kind: string;
  version: number;
  demo: boolean;
}

export interface FiscalYear {
  year: number; // Buddhist Era
  first_day: string; // ISO date
  last_day: string; // ISO date
  current: boolean;
}

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface AuditEntry {
  id: number;
  user: string | null;
  at: string; // ISO 8601 UTC
  address: string;
  entity: string;
  entity_id: string;
  action: string;
  before: JsonValue;
  after: JsonValue;
}

export interface AuditFilter {
  entity?: string;
  user?: string;
  from?: string; // YYYY-MM-DD
  to?: string; // YYYY-MM-DD
  before_id?: number;
  limit?: number;
}

export interface LocalizedText {
  th: string;
  en: string;
}

export interface ApiErrorBody {
  error: {
    code: string;
    message_th: string;
    message_en: string;
    fields?: Record<string, LocalizedText>;
    request_id?: string;
  };
}
