// Shapes and calls of people's needs (src/modules/participation).
import { api } from "./client";
import type { Plan } from "./plan";
import type { Dimension } from "./plan";

export type NeedStatus =
  "pending_moderation" | "new" | "accepted" | "merged" | "linked" | "declined" | "rejected";

export const publishedStatuses: NeedStatus[] = ["new", "accepted", "linked", "declined", "merged"];
export type Sector = "people" | "private" | "civil_society" | "state";
export const sectors: Sector[] = ["people", "private", "civil_society", "state"];

export interface AreaRef {
  code: string;
  level: string;
  name_th: string;
  name_en: string;
}

export interface Need {
  id: number;
  plan_id: number;
  source: "officer" | "public" | "forum";
  title: string;
  description: string;
  dimension: Dimension;
  sector: Sector;
  area_code: string;
  district_code: string;
  subdistrict_code: string | null;
  forum_id: number | null;
  status: NeedStatus;
  decline_reason: string | null;
  merged_into_id: number | null;
  vote_count: number;
  created_at: string;
  updated_at: string;
  demo: boolean;
  version: number;
  area: AreaRef | null;
  district?: AreaRef | null;
  receipt?: string;
  submitter?: { name: string | null; phone: string | null };
}

export interface NeedLink {
  element_id: number;
  element_kind: string;
  linked_at: string;
  code: string | null;
  text_th: string | null;
  text_en: string | null;
  in_latest_version: boolean;
}

export interface NeedView extends Need {
  links: NeedLink[];
  voted: boolean;
}

export interface NeedPage {
  total: number;
  limit: number;
  offset: number;
  items: Need[];
}

export interface NeedFilter {
  plan_id?: number;
  district?: string;
  dimension?: string;
  sector?: string;
  status?: string;
  sort?: "newest" | "oldest" | "votes" | "title";
  limit?: number;
  offset?: number;
}

export interface DistrictCount {
  code: string;
  name_th: string | null;
  name_en: string | null;
  total: number;
  by_status: Record<string, number>;
  by_dimension: Record<string, number>;
}

export interface PublicForm {
  form_token: string;
  issued_at: string;
  min_fill_seconds: number;
  max_age_seconds: number;
  honeypot_field: string;
  limits: { title: number; description: number; name: number; phone: number };
  dimensions: Dimension[];
  sectors: Sector[];
  plans: Plan[];
}

export interface PublicNeed {
  form_token: string;
  website: string;
  plan_id?: number;
  title: string;
  description: string;
  dimension: Dimension;
  sector: Sector;
  area_code: string;
  name?: string;
  phone?: string;
}

export interface Receipt {
  receipt: string;
  status: NeedStatus;
  submitted_at: string;
  reason: string | null;
  need_id: number | null;
}

export interface SearchResult {
  query: string;
  terms: string[];
  needs: { total: number; items: Need[] };
  projects: {
    total: number;
    items: {
      element_id: number;
      plan_id: number;
      version: number;
      code: string;
      text_th: string;
      text_en: string;
      score: number;
    }[];
  };
}

export const listNeeds = (filter: NeedFilter, signal?: AbortSignal) =>
  api<NeedPage>("/api/v1/needs", { query: { ...filter }, signal });

export const districtCounts = (planId: number | undefined, signal?: AbortSignal) =>
  api<{ plan_id: number | null; districts: DistrictCount[] }>("/api/v1/needs/districts", {
    query: { plan_id: planId },
    signal,
  }).then((r) => r.districts);

export const getPublicForm = (signal?: AbortSignal) =>
  api<PublicForm>("/api/v1/needs/public/form", { signal });

export const submitPublicNeed = (need: PublicNeed) =>
  api<Receipt>("/api/v1/needs/public", { method: "POST", body: need });

export const getReceipt = (receipt: string, signal?: AbortSignal) =>
  api<Receipt>(`/api/v1/needs/public/receipts/${encodeURIComponent(receipt)}`, { signal });

export const moderationQueue = (signal?: AbortSignal) =>
  api<NeedPage>("/api/v1/needs/moderation", { signal });

export const moderateNeed = (
  needId: number,
  decision: "approve" | "reject",
  version: number,
  reason?: string,
) =>
  api<Need>(`/api/v1/needs/${needId}/moderation`, {
    method: "POST",
    body: reason ? { decision, version, reason } : { decision, version },
  });

export const search = (q: string, planId: number | undefined, signal?: AbortSignal) =>
  api<SearchResult>("/api/v1/search", { query: { q, plan_id: planId, limit: 20 }, signal });

export const getNeed = (needId: string, signal?: AbortSignal) =>
  api<NeedView>(`/api/v1/needs/${encodeURIComponent(needId)}`, { signal });

export const linkNeed = (needId: number, elementId: number, version: number) =>
  api<NeedView>(`/api/v1/needs/${needId}/links`, {
    method: "POST",
    body: { element_id: elementId, version },
  });

export const unlinkNeed = (needId: number, elementId: number, version: number) =>
  api<NeedView>(`/api/v1/needs/${needId}/links/${elementId}`, { method: "DELETE", query: { version } });

export const changeNeedStatus = (
  needId: number,
  status: "new" | "accepted" | "declined",
  version: number,
  reason?: string,
) =>
  api<NeedView>(`/api/v1/needs/${needId}/status`, {
    method: "POST",
    body: reason ? { status, version, reason } : { status, version },
  });
