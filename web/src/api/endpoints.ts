// Typed wrappers for the platform routes the pages use.
import { api } from "./client";
import type { Agency, Area, AuditEntry, AuditFilter, FiscalYear, Session } from "./types";

export const signIn = (username: string, password: string) =>
  api<Session>("/api/v1/auth/login", { method: "POST", body: { username, password } });

export const currentSession = (signal?: AbortSignal) => api<Session>("/api/v1/auth/me", { signal });

export const signOut = () => api<null>("/api/v1/auth/logout", { method: "POST" });

export const getArea = (code: string, signal?: AbortSignal) =>
  api<Area>(`/api/v1/areas/${encodeURIComponent(code)}`, { signal });

export const listAgencies = (signal?: AbortSignal) =>
  api<{ agencies: Agency[] }>("/api/v1/agencies", { signal }).then((r) => r.agencies);

export interface AgencyChange {
  version: number;
  name_th?: string;
  name_en?: string;
}

export const updateAgency = (code: string, change: AgencyChange) =>
  api<Agency>(`/api/v1/agencies/${encodeURIComponent(code)}`, { method: "PATCH", body: change });

export const listFiscalYears = (signal?: AbortSignal) =>
  api<{ fiscal_years: FiscalYear[] }>("/api/v1/fiscal-years", { signal }).then((r) => r.fiscal_years);

export const searchAudit = (filter: AuditFilter, signal?: AbortSignal) =>
  api<{ entries: AuditEntry[] }>("/api/v1/audit", {
    query: { ...filter },
    signal,
  }).then((r) => r.entries);
