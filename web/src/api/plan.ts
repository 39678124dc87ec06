// Shapes and calls of the strategic plan module (src/modules/plan/api.cpp). The shapes
// are the schemas of api/openapi.yaml (see schema.ts); calls go through the typed `call`.
import { call, type RequestBody } from "./client";
import type { Schemas } from "./types";

export type ElementKind = Schemas["PlanNode"]["kind"];

export const elementKinds: ElementKind[] = [
  "vision",
  "mission",
  "value",
  "goal",
  "strategy",
  "guideline",
  "kpi",
  "program",
  "project",
];

// Where each kind may sit (mirrors the server's rule so the form offers only
// valid choices; the server still decides).
export const allowedParents: Record<ElementKind, (ElementKind | null)[]> = {
  vision: [null],
  mission: [null],
  value: [null],
  goal: [null],
  strategy: [null],
  guideline: ["strategy"],
  kpi: ["goal", "strategy", "guideline"],
  program: ["strategy", "guideline"],
  project: ["guideline", "program"],
};

export type VersionStatus = Schemas["PlanVersion"]["status"];
export type Dimension = Schemas["PlanNode"]["dimensions"][number];
export const dimensions: Dimension[] = ["economy", "society", "environment", "security"];

export type PlanPeriod = Schemas["PlanPeriod"];
export type Plan = Schemas["Plan"];
export type PlanVersion = Schemas["PlanVersion"];
export type PlanNode = Schemas["PlanNode"];
export type TreeNode = Schemas["PlanTreeNode"];
export type PlanTree = Schemas["PlanTree"];
export type PlanElement = Schemas["PlanElement"];
export type TargetRow = NonNullable<PlanElement["target_rows"]>[number];
export type PlanDiff = Schemas["PlanDiff"];
export type DiffField = PlanDiff["changed"][number]["changes"][number];
export type AlignmentTarget = Schemas["PlanAlignmentTarget"];
export type AlignmentCatalog = Schemas["PlanAlignmentCatalog"];

// "draft" = the open draft; a number = that version; undefined = the one in force.
export type VersionChoice = number | "draft" | undefined;

export const listPlans = (signal?: AbortSignal) =>
  call("get", "/api/v1/plans", { signal }).then((r) => r.plans);

export type NewPlan = RequestBody<"post", "/api/v1/plans">;

export const createPlan = (plan: NewPlan) => call("post", "/api/v1/plans", { body: plan });

export const getPlan = (planId: number, signal?: AbortSignal) =>
  call("get", "/api/v1/plans/{id}", { path: { id: planId }, signal });

// The query parameter: a number, "draft", or nothing for the version in force.
const versionQuery = (version: VersionChoice) => (version === undefined ? undefined : String(version));

export const getTree = (planId: number, version: VersionChoice, signal?: AbortSignal) =>
  call("get", "/api/v1/plans/{id}/tree", {
    path: { id: planId },
    query: { version: versionQuery(version) },
    signal,
  });

export const listVersions = (planId: number, signal?: AbortSignal) =>
  call("get", "/api/v1/plans/{id}/versions", { path: { id: planId }, signal }).then((r) => r.versions);

export const approveVersion = (planId: number, version: number, note?: string) =>
  call("post", "/api/v1/plans/{id}/approve", { path: { id: planId }, body: { version, note } });

export const startRevision = (planId: number, note?: string) =>
  call("post", "/api/v1/plans/{id}/revisions", { path: { id: planId }, body: note ? { note } : {} });

export const getDiff = (planId: number, from: number, to: number, signal?: AbortSignal) =>
  call("get", "/api/v1/plans/{id}/diff", { path: { id: planId }, query: { from, to }, signal });

export const getElement = (planId: number, elementId: number, version: VersionChoice, signal?: AbortSignal) =>
  call("get", "/api/v1/plans/{id}/elements/{element_id}", {
    path: { id: planId, element_id: elementId },
    query: { version: versionQuery(version) },
    signal,
  });

export type ElementInput = Schemas["PlanElementInput"];
export type NewElement = ElementInput & Required<Pick<ElementInput, "kind" | "parent_id" | "text_th">>;

export const createElement = (planId: number, element: NewElement) =>
  call("post", "/api/v1/plans/{id}/elements", { path: { id: planId }, body: element });

export const updateElement = (
  planId: number,
  elementId: number,
  change: ElementInput & Required<Pick<ElementInput, "version">>,
) =>
  call("patch", "/api/v1/plans/{id}/elements/{element_id}", {
    path: { id: planId, element_id: elementId },
    body: change,
  });

export const deleteElement = (planId: number, elementId: number, version: number) =>
  call("delete", "/api/v1/plans/{id}/elements/{element_id}", {
    path: { id: planId, element_id: elementId },
    query: { version },
  });

export const moveElement = (
  planId: number,
  elementId: number,
  target: RequestBody<"post", "/api/v1/plans/{id}/elements/{element_id}/move">,
) =>
  call("post", "/api/v1/plans/{id}/elements/{element_id}/move", {
    path: { id: planId, element_id: elementId },
    body: target,
  });

export const setTarget = (
  planId: number,
  elementId: number,
  fiscalYear: number,
  value: number | null,
  version: number | undefined,
) =>
  call("put", "/api/v1/plans/{id}/elements/{element_id}/targets/{fiscal_year}", {
    path: { id: planId, element_id: elementId, fiscal_year: fiscalYear },
    body: version === undefined ? { value } : { value, version },
  });

export const setAlignments = (planId: number, elementId: number, codes: string[], version: number) =>
  call("put", "/api/v1/plans/{id}/elements/{element_id}/alignments", {
    path: { id: planId, element_id: elementId },
    body: { codes, version },
  });

export const getAlignmentCatalog = (signal?: AbortSignal) =>
  call("get", "/api/v1/alignment/catalog", { signal });
