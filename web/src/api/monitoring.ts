// Early warnings and executive dashboards (src/modules/monitoring). Shapes are the
// schemas of api/openapi.yaml (schema.ts); calls go through the typed `call`.
import { call, type QueryParams, type RequestBody } from "./client";
import type { Schemas } from "./types";

export type Warning = Schemas["MonitoringWarning"];
export type WarningKind = Warning["kind"];
export type WarningSetting = Schemas["MonitoringSetting"];
export type Dashboard = Schemas["MonitoringDashboard"];
export type DashboardScope = Dashboard["scope"]["kind"];
export type WarningFilter = QueryParams<"get", "/api/v1/warnings">;
export type ResolutionInput = RequestBody<"post", "/api/v1/warnings/{id}/resolution">;

export const warningKinds: WarningKind[] = [
  "procurement_not_committed",
  "behind_disbursement_target",
  "kpi_below_trajectory",
  "progress_report_missing",
  "reserve_available",
  "instalment_overdue",
];

export const listWarnings = (filter: WarningFilter, signal?: AbortSignal) =>
  call("get", "/api/v1/warnings", { query: filter, signal }).then((r) => r.items);

export const resolveWarning = (id: number, body: ResolutionInput) =>
  call("post", "/api/v1/warnings/{id}/resolution", { path: { id }, body });

export const listWarningSettings = (signal?: AbortSignal) =>
  call("get", "/api/v1/warning-settings", { signal }).then((r) => r.items);

// One dashboard: the province, a strategy (element id), an agency or a district (code).
export function getDashboard(
  scope: DashboardScope,
  key: string,
  fiscalYear: number | undefined,
  signal?: AbortSignal,
): Promise<Dashboard> {
  const query = fiscalYear ? { fiscal_year: fiscalYear } : {};
  switch (scope) {
    case "province":
      return call("get", "/api/v1/dashboards/province", { query, signal });
    case "strategy":
      return call("get", "/api/v1/dashboards/strategies/{element_id}", {
        path: { element_id: Number(key) },
        query,
        signal,
      });
    case "agency":
      return call("get", "/api/v1/dashboards/agencies/{code}", { path: { code: key }, query, signal });
    case "district":
      return call("get", "/api/v1/dashboards/districts/{code}", { path: { code: key }, query, signal });
  }
}

export const setWarningSetting = (key: string, body: RequestBody<"put", "/api/v1/warning-settings/{key}">) =>
  call("put", "/api/v1/warning-settings/{key}", { path: { key }, body });
