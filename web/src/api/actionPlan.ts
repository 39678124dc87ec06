// Shapes and calls of the annual action plan and its money (src/modules/action_plan).
// The shapes are the schemas of api/openapi.yaml (schema.ts); calls go through the
// typed `call`, except the file import, which needs upload progress (XMLHttpRequest).
import { ApiError, call, csrfHeader, errorFromResponse, type QueryParams, type RequestBody } from "./client";
import type { Schemas } from "./types";

export type ActionPlan = Schemas["ActionPlan"];
export type ActionPlanDetail = Schemas["ActionPlanDetail"];
export type Project = Schemas["ActionPlanProject"];
export type Line = Schemas["ActionPlanLine"];
export type ProjectPositions = Schemas["ActionPlanProjectPositions"];
export type Position = Schemas["ActionPlanPosition"];
export type Spending = Schemas["ActionPlanSpending"];
export type SpendingGroup = Schemas["ActionPlanSpendingGroup"];
export type SpendingMonth = SpendingGroup["months"][number];
export type ReserveProposals = Schemas["ActionPlanReserveProposals"];
export type Reserve = Schemas["ActionPlanReserve"];
export type Promotion = Schemas["ActionPlanPromotion"];
export type DisbursementTarget = Schemas["DisbursementTarget"];

export type BudgetSource = Project["budget_source"];
export type ExpenseType = Line["expense_type"];
export type SpendingBy = NonNullable<QueryParams<"get", "/api/v1/action-plans/{id}/spending">["by"]>;

export const budgetSources: BudgetSource[] = ["provincial", "province_group", "ministry", "local", "other"];
export const expenseTypes: ExpenseType[] = ["personnel", "operating", "investment", "subsidy", "other"];
export const spendingGroupings: SpendingBy[] = ["province", "strategy", "agency", "budget_source", "project"];

export type AllocationInput = RequestBody<
  "put",
  "/api/v1/action-plans/{id}/projects/{element_id}/allocation"
>;
export type AllocationLineInput = AllocationInput["lines"][number];
export type SpendingPlanInput = RequestBody<
  "put",
  "/api/v1/action-plans/{id}/projects/{element_id}/spending-plan"
>;
export type PositionInput = RequestBody<
  "put",
  "/api/v1/action-plans/{id}/projects/{element_id}/positions/{month}"
>;
export type PromotionInput = RequestBody<"post", "/api/v1/action-plans/{id}/promotions">;

export const listActionPlans = (signal?: AbortSignal) =>
  call("get", "/api/v1/action-plans", { signal }).then((r) => r.items);

export const createActionPlan = (body: RequestBody<"post", "/api/v1/action-plans">) =>
  call("post", "/api/v1/action-plans", { body });

export const getActionPlan = (id: number, signal?: AbortSignal) =>
  call("get", "/api/v1/action-plans/{id}", { path: { id }, signal });

export const getSpending = (id: number, by: SpendingBy, signal?: AbortSignal) =>
  call("get", "/api/v1/action-plans/{id}/spending", { path: { id }, query: { by }, signal });

export const getReserveProposals = (id: number, signal?: AbortSignal) =>
  call("get", "/api/v1/action-plans/{id}/reserve-proposals", { path: { id }, signal });

export const listTargets = (fiscalYear: number, signal?: AbortSignal) =>
  call("get", "/api/v1/disbursement-targets", { query: { fiscal_year: fiscalYear }, signal });

export const getPositions = (id: number, elementId: number, signal?: AbortSignal) =>
  call("get", "/api/v1/action-plans/{id}/projects/{element_id}/positions", {
    path: { id, element_id: elementId },
    signal,
  });

export const updateProject = (
  id: number,
  elementId: number,
  body: RequestBody<"patch", "/api/v1/action-plans/{id}/projects/{element_id}">,
) =>
  call("patch", "/api/v1/action-plans/{id}/projects/{element_id}", {
    path: { id, element_id: elementId },
    body,
  });

export const setAllocation = (id: number, elementId: number, body: AllocationInput) =>
  call("put", "/api/v1/action-plans/{id}/projects/{element_id}/allocation", {
    path: { id, element_id: elementId },
    body,
  });

export const setSpendingPlan = (id: number, elementId: number, body: SpendingPlanInput) =>
  call("put", "/api/v1/action-plans/{id}/projects/{element_id}/spending-plan", {
    path: { id, element_id: elementId },
    body,
  });

export const setPosition = (id: number, elementId: number, month: string, body: PositionInput) =>
  call("put", "/api/v1/action-plans/{id}/projects/{element_id}/positions/{month}", {
    path: { id, element_id: elementId, month },
    body,
  });

export const promoteReserve = (id: number, body: PromotionInput) =>
  call("post", "/api/v1/action-plans/{id}/promotions", { path: { id }, body });

// Where the documents are (public downloads; the browser fetches them itself).
export type MoneyUnit = "baht" | "million_baht";
export const exportUrl = (
  id: number,
  kind: "plan.pdf" | "plan.xlsx" | "spending.pdf" | "spending.xlsx",
  unit: MoneyUnit,
) => {
  const path = {
    "plan.pdf": "export.pdf",
    "plan.xlsx": "export.xlsx",
    "spending.pdf": "spending/export.pdf",
    "spending.xlsx": "spending/export.xlsx",
  }[kind];
  return `/api/v1/action-plans/${id}/${path}?unit=${unit}`;
};

// --- Import of month-end positions ---------------------------------------------------

export interface ImportRowError {
  row: number;
  column: string;
  message_th: string;
  message_en: string;
}

// A refused import: the error, and every bad row the server named (nothing was stored).
export class ImportRejected extends Error {
  readonly error: ApiError;
  readonly rows: ImportRowError[];
  readonly rowCount: number;

  constructor(error: ApiError, rows: ImportRowError[], rowCount: number) {
    super(error.message);
    this.name = "ImportRejected";
    this.error = error;
    this.rows = rows;
    this.rowCount = rowCount;
  }
}

export const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// The body type the server expects for a file: XLSX by its name or type, else CSV.
export function importContentType(file: { name: string; type: string }): string {
  if (file.type === xlsxType || /\.xlsx$/i.test(file.name)) return xlsxType;
  return "text/csv";
}

function rowsOf(body: unknown): { rows: ImportRowError[]; count: number } {
  const error = (body as { error?: { rows?: unknown; row_count?: unknown } } | null)?.error;
  const rows = Array.isArray(error?.rows) ? (error.rows as ImportRowError[]) : [];
  const count = typeof error?.row_count === "number" ? error.row_count : rows.length;
  return { rows, count };
}

// Sends the file as the request body and reports the upload's progress (0…1). Resolves
// with the rows written; rejects with ImportRejected (bad rows), ApiError or AbortError.
export function importPositions(
  id: number,
  file: Blob & { name: string },
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<{ imported: number; layout: string }> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", `/api/v1/action-plans/${id}/positions/import`);
    request.setRequestHeader("Content-Type", importContentType(file));
    request.setRequestHeader("Accept", "application/json");
    for (const [name, value] of Object.entries(csrfHeader())) request.setRequestHeader(name, value);
    request.withCredentials = true;
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.upload.onload = () => onProgress(1);
    request.onerror = () =>
      reject(
        new ApiError(0, "network", {
          th: "ติดต่อเซิร์ฟเวอร์ไม่ได้ กรุณาตรวจสอบการเชื่อมต่อ",
          en: "Cannot reach the server; please check your connection.",
        }),
      );
    request.onabort = () => reject(new DOMException("The import was cancelled.", "AbortError"));
    request.onload = () => {
      const text = request.responseText;
      if (request.status >= 200 && request.status < 300) {
        resolve(JSON.parse(text) as { imported: number; layout: string });
        return;
      }
      const headers = new Headers();
      const requestId = request.getResponseHeader("X-Request-Id");
      if (requestId) headers.set("X-Request-Id", requestId);
      const response = new Response(text || null, { status: request.status, headers });
      void errorFromResponse(response).then((error) => {
        let body: unknown = null;
        try {
          body = JSON.parse(text);
        } catch {
          body = null;
        }
        const { rows, count } = rowsOf(body);
        reject(rows.length > 0 ? new ImportRejected(error, rows, count) : error);
      });
    };
    signal?.addEventListener("abort", () => request.abort(), { once: true });
    request.send(file);
  });
}

export const cancelProject = (id: number, elementId: number, reason: string, version: number) =>
  call("post", "/api/v1/action-plans/{id}/projects/{element_id}/cancel", {
    path: { id, element_id: elementId },
    body: { reason_th: reason, version },
  });

export const closeActionPlan = (id: number, version: number) =>
  call("post", "/api/v1/action-plans/{id}/close", { path: { id }, body: { version } });

export type TargetInput = RequestBody<"put", "/api/v1/disbursement-targets">;
export const setTarget = (body: TargetInput) => call("put", "/api/v1/disbursement-targets", { body });
