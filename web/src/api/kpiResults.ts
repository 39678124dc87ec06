// KPI actuals, scoring rubrics, trends and the plan's scores (src/modules/kpi_results).
import { call, type RequestBody } from "./client";
import type { Schemas } from "./types";

export type KpiActual = Schemas["KpiActual"];
export type KpiPeriod = KpiActual["period"];
export type KpiRubric = Schemas["KpiRubric"];
export type KpiThreshold = Schemas["KpiThreshold"];
export type KpiTrend = Schemas["KpiTrend"];
export type KpiScores = Schemas["KpiScores"];
export type KpiScore = Schemas["KpiScore"];
export type KpiStrategyScore = Schemas["KpiStrategyScore"];
export type ActualInput = RequestBody<"put", "/api/v1/kpis/{element_id}/actuals/{fiscal_year}">;
export type RubricInput = RequestBody<"put", "/api/v1/kpis/{element_id}/rubric">;
export type RubricDirection = RubricInput["direction"];

export const kpiPeriods: KpiPeriod[] = ["Q1", "Q2", "Q3", "Q4", "year"];

export const listKpiActuals = (elementId: number, signal?: AbortSignal) =>
  call("get", "/api/v1/kpis/{element_id}/actuals", { path: { element_id: elementId }, signal }).then(
    (r) => r.items,
  );

export const setKpiActual = (elementId: number, fiscalYear: number, body: ActualInput) =>
  call("put", "/api/v1/kpis/{element_id}/actuals/{fiscal_year}", {
    path: { element_id: elementId, fiscal_year: fiscalYear },
    body,
  });

export const getKpiRubric = (elementId: number, signal?: AbortSignal) =>
  call("get", "/api/v1/kpis/{element_id}/rubric", { path: { element_id: elementId }, signal });

export const setKpiRubric = (elementId: number, body: RubricInput) =>
  call("put", "/api/v1/kpis/{element_id}/rubric", { path: { element_id: elementId }, body });

export const getKpiTrend = (elementId: number, signal?: AbortSignal) =>
  call("get", "/api/v1/kpis/{element_id}/trend", { path: { element_id: elementId }, signal });

export const getKpiScores = (planId: number, fiscalYear: number, signal?: AbortSignal) =>
  call("get", "/api/v1/plans/{id}/kpi-scores", {
    path: { id: planId },
    query: { fiscal_year: fiscalYear },
    signal,
  });
