// Shapes and calls of the strategic plan module (src/modules/plan/api.cpp).
import { api } from "./client";

export type ElementKind =
  "vision" | "mission" | "value" | "goal" | "strategy" | "guideline" | "kpi" | "program" | "project";

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

export type VersionStatus = "draft" | "approved" | "superseded";
export type Dimension = "economy" | "society" | "environment" | "security";
export const dimensions: Dimension[] = ["economy", "society", "environment", "security"];

export interface PlanPeriod {
  first_fiscal_year: number;
  last_fiscal_year: number;
  text: string;
}

export interface Plan {
  id: number;
  province_code: string;
  name_th: string;
  name_en: string;
  period: PlanPeriod;
  status: VersionStatus;
  version: number;
  approved_version: number | null;
  draft_version: number | null;
  row_version: number;
  demo: boolean;
  created_at: string;
}

export interface PlanVersion {
  number: number;
  status: VersionStatus;
  based_on: number | null;
  created_by: string;
  created_at: string;
  approved_by: string | null;
  approved_at: string | null;
  note: string | null;
  revision: number;
  element_count: number;
}

export interface ProjectSummaryFields {
  kind: "main" | "reserve";
  ranking: number | null;
  proposal: "proposed" | "accepted";
  budget_source: string;
  first_fiscal_year: number | null;
  last_fiscal_year: number | null;
  term: string;
}

export interface TreeNode {
  id: number;
  kind: ElementKind;
  code: string | null;
  text_th: string;
  text_en: string;
  parent_id: number | null;
  position: number;
  version: number;
  demo: boolean;
  dimensions: Dimension[];
  alignments: string[];
  // KPI
  unit_th?: string;
  unit_en?: string;
  direction?: string;
  baseline?: { value: number | null; fiscal_year: number | null };
  targets?: Record<string, number | null>;
  owner_agency?: string | null;
  frequency?: string;
  // Project
  project_kind?: "main" | "reserve";
  project?: ProjectSummaryFields;
  ranking?: number | null;
  budget_satang?: number;
  agency?: string | null;
  areas?: string[];
  children: TreeNode[];
}

export interface PlanTree {
  plan_id: number;
  version: number;
  status: VersionStatus;
  name_th: string;
  name_en: string;
  period: PlanPeriod;
  approved_by: string | null;
  approved_at: string | null;
  revision: number;
  element_count: number;
  children: TreeNode[];
}

export interface TargetRow {
  fiscal_year: number;
  value: number | null;
  version: number;
}

export interface PlanElement extends Omit<TreeNode, "children"> {
  plan_id: number;
  description_th: string;
  description_en: string;
  formula_th?: string;
  formula_en?: string;
  data_source_th?: string;
  data_source_en?: string;
  target_rows?: TargetRow[];
  objectives_th?: string;
  objectives_en?: string;
  start_date?: string | null;
  end_date?: string | null;
  supporting_agencies?: string[];
}

export interface DiffField {
  field: string;
  before: unknown;
  after: unknown;
}

export interface PlanDiff {
  plan_id: number;
  from: PlanVersion;
  to: PlanVersion;
  summary: { added: number; removed: number; changed: number; target_changes: number };
  added: TreeNode[];
  removed: TreeNode[];
  changed: { id: number; kind: ElementKind; code: string | null; text_th: string; changes: DiffField[] }[];
}

export interface AlignmentTarget {
  code: string;
  framework: string;
  number: number;
  parent_code: string | null;
  name_th: string;
  name_en: string;
  short_th: string;
  short_en: string;
}

export interface AlignmentCatalog {
  frameworks: {
    key: string;
    name_th: string;
    name_en: string;
    source: string;
    wording: string;
    targets: AlignmentTarget[];
  }[];
  target_count: number;
}

// "draft" = the open draft; a number = that version; undefined = the one in force.
export type VersionChoice = number | "draft" | undefined;

const base = (planId: number) => `/api/v1/plans/${planId}`;

export const listPlans = (signal?: AbortSignal) =>
  api<{ plans: Plan[] }>("/api/v1/plans", { signal }).then((r) => r.plans);

export interface NewPlan {
  name_th: string;
  name_en: string;
  first_fiscal_year: number;
  last_fiscal_year: number;
  note?: string;
}

export const createPlan = (plan: NewPlan) => api<Plan>("/api/v1/plans", { method: "POST", body: plan });

export const getPlan = (planId: number, signal?: AbortSignal) => api<Plan>(base(planId), { signal });

export const getTree = (planId: number, version: VersionChoice, signal?: AbortSignal) =>
  api<PlanTree>(`${base(planId)}/tree`, { query: { version }, signal });

export const listVersions = (planId: number, signal?: AbortSignal) =>
  api<{ plan_id: number; versions: PlanVersion[] }>(`${base(planId)}/versions`, { signal }).then(
    (r) => r.versions,
  );

export const approveVersion = (planId: number, version: number, note?: string) =>
  api<PlanVersion>(`${base(planId)}/approve`, { method: "POST", body: { version, note } });

export const startRevision = (planId: number, note?: string) =>
  api<PlanVersion>(`${base(planId)}/revisions`, { method: "POST", body: note ? { note } : {} });

export const getDiff = (planId: number, from: number, to: number, signal?: AbortSignal) =>
  api<PlanDiff>(`${base(planId)}/diff`, { query: { from, to }, signal });

export const getElement = (planId: number, elementId: number, version: VersionChoice, signal?: AbortSignal) =>
  api<PlanElement>(`${base(planId)}/elements/${elementId}`, { query: { version }, signal });

export interface NewElement {
  kind: ElementKind;
  parent_id: number | null;
  code?: string;
  text_th: string;
  text_en?: string;
  unit_th?: string;
  frequency?: string;
  budget_satang?: number;
  agency?: string;
  project_kind?: "main" | "reserve";
  ranking?: number;
}

export const createElement = (planId: number, element: NewElement) =>
  api<PlanElement>(`${base(planId)}/elements`, { method: "POST", body: element });

export const updateElement = (
  planId: number,
  elementId: number,
  change: Record<string, unknown> & { version: number },
) => api<PlanElement>(`${base(planId)}/elements/${elementId}`, { method: "PATCH", body: change });

export const deleteElement = (planId: number, elementId: number, version: number) =>
  api<null>(`${base(planId)}/elements/${elementId}`, { method: "DELETE", query: { version } });

export const moveElement = (
  planId: number,
  elementId: number,
  target: { parent_id: number | null; position: number; version: number },
) => api<PlanElement>(`${base(planId)}/elements/${elementId}/move`, { method: "POST", body: target });

export const setTarget = (
  planId: number,
  elementId: number,
  fiscalYear: number,
  value: number | null,
  version: number | undefined,
) =>
  api<{ element_id: number; fiscal_year: number; value: number | null; version: number }>(
    `${base(planId)}/elements/${elementId}/targets/${fiscalYear}`,
    { method: "PUT", body: version === undefined ? { value } : { value, version } },
  );

export const setAlignments = (planId: number, elementId: number, codes: string[], version: number) =>
  api<PlanElement>(`${base(planId)}/elements/${elementId}/alignments`, {
    method: "PUT",
    body: { codes, version },
  });

export const getAlignmentCatalog = (signal?: AbortSignal) =>
  api<AlignmentCatalog>("/api/v1/alignment/catalog", { signal });
