// Typed wrappers for the platform routes the pages use.
import { call, type RequestBody } from "./client";
import type { AuditEntry, AuditFilter } from "./types";

export const signIn = (username: string, password: string) =>
  call("post", "/api/v1/auth/login", { body: { username, password } });

export const currentSession = (signal?: AbortSignal) => call("get", "/api/v1/auth/me", { signal });

export const signOut = () => call("post", "/api/v1/auth/logout");

export const getArea = (code: string, signal?: AbortSignal) =>
  call("get", "/api/v1/areas/{code}", { path: { code }, signal });

export const listAgencies = (signal?: AbortSignal) =>
  call("get", "/api/v1/agencies", { signal }).then((r) => r.agencies);

export type AgencyChange = RequestBody<"patch", "/api/v1/agencies/{code}">;

export const updateAgency = (code: string, change: AgencyChange) =>
  call("patch", "/api/v1/agencies/{code}", { path: { code }, body: change });

export const listFiscalYears = (signal?: AbortSignal) =>
  call("get", "/api/v1/fiscal-years", { signal }).then((r) => r.fiscal_years);

export const searchAudit = (filter: AuditFilter, signal?: AbortSignal) =>
  call("get", "/api/v1/audit", { query: filter, signal }).then((r) => r.entries as AuditEntry[]);

export const listAuditEntities = (signal?: AbortSignal) =>
  call("get", "/api/v1/audit/entities", { signal }).then((r) => r.entities);
