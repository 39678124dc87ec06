// A project's procurements under the Public Procurement Act B.E. 2560 and their
// contract administration (src/modules/procurement), typed from api/openapi.yaml.
import { call, type RequestBody } from "./client";
import type { Schemas } from "./types";

export type Procurement = Schemas["Procurement"];
export type ProcurementInput = Schemas["ProcurementInput"];
export type ProcurementStages = Schemas["ProcurementStages"];
export type ProcurementDeadline = Schemas["ProcurementDeadline"];
export type ProcurementMethod = Procurement["method"];
export type Contract = Schemas["Contract"];
export type ContractInstalment = Schemas["ContractInstalment"];
export type ContractEvent = Schemas["ContractEvent"];
export type InstalmentsInput = RequestBody<"put", "/api/v1/procurements/{id}/contract/instalments">;
export type InspectionInput = RequestBody<
  "post",
  "/api/v1/procurements/{id}/contract/instalments/{number}/inspection"
>;
export type EventInput = RequestBody<"post", "/api/v1/procurements/{id}/contract/events">;

export const procurementMethods: ProcurementMethod[] = [
  "e_market",
  "e_bidding",
  "price_quotation",
  "selection",
  "specific",
];

// In the order they happen (the server refuses a date before an earlier stage's).
export const stageKeys: (keyof ProcurementStages)[] = [
  "plan_published",
  "tor_hearing_from",
  "tor_hearing_to",
  "invitation",
  "bid_day",
  "winner_announced",
  "contract_signed",
  "contract_end",
];

export const listProcurements = (elementId: number, signal?: AbortSignal) =>
  call("get", "/api/v1/projects/{element_id}/procurements", { path: { element_id: elementId }, signal }).then(
    (answer) => answer.items,
  );

export const createProcurement = (elementId: number, body: ProcurementInput) =>
  call("post", "/api/v1/projects/{element_id}/procurements", { path: { element_id: elementId }, body });

export const updateProcurement = (id: number, body: ProcurementInput) =>
  call("put", "/api/v1/procurements/{id}", { path: { id }, body });

export const setInstalments = (id: number, body: InstalmentsInput) =>
  call("put", "/api/v1/procurements/{id}/contract/instalments", { path: { id }, body });

export const inspectInstalment = (id: number, number: number, body: InspectionInput) =>
  call("post", "/api/v1/procurements/{id}/contract/instalments/{number}/inspection", {
    path: { id, number },
    body,
  });

export const addContractEvent = (id: number, body: EventInput) =>
  call("post", "/api/v1/procurements/{id}/contract/events", { path: { id }, body });

// The สขร.1 summary of an action plan's procurements, as a download link.
export const procurementSummaryUrl = (actionPlanId: number, kind: "xlsx" | "csv") =>
  `/api/v1/action-plans/${actionPlanId}/procurement-summary.${kind}`;
