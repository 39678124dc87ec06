// Shapes and calls of people's needs (src/modules/participation). The shapes are the
// schemas of api/openapi.yaml (see schema.ts); calls go through the typed `call`.
import { call, type QueryParams, type RequestBody } from "./client";
import type { Schemas } from "./types";

export type Need = Schemas["ParticipationNeed"];
export type NeedStatus = Need["status"];
export type Sector = Need["sector"];
export type NeedView = Schemas["ParticipationNeedView"];
export type NeedLink = Schemas["ParticipationNeedLink"];
export type NeedPage = Schemas["ParticipationNeedPage"];
export type AreaRef = NonNullable<Schemas["ParticipationAreaRef"]>;
export type NeedFilter = QueryParams<"get", "/api/v1/needs">;
export type DistrictCount = Schemas["ParticipationDistrictCounts"]["districts"][number];
export type PublicForm = Schemas["ParticipationPublicForm"];
export type PublicNeed = RequestBody<"post", "/api/v1/needs/public">;
export type Receipt = Schemas["ParticipationReceipt"];
export type SearchResult = Schemas["ParticipationSearchResult"];

export const publishedStatuses: NeedStatus[] = ["new", "accepted", "linked", "declined", "merged"];
export const sectors: Sector[] = ["people", "private", "civil_society", "state"];

export const listNeeds = (filter: NeedFilter, signal?: AbortSignal) =>
  call("get", "/api/v1/needs", { query: filter, signal });

export const districtCounts = (planId: number | undefined, signal?: AbortSignal) =>
  call("get", "/api/v1/needs/districts", { query: { plan_id: planId }, signal }).then((r) => r.districts);

export const getPublicForm = (signal?: AbortSignal) => call("get", "/api/v1/needs/public/form", { signal });

export const submitPublicNeed = (need: PublicNeed) => call("post", "/api/v1/needs/public", { body: need });

export const getReceipt = (receipt: string, signal?: AbortSignal) =>
  call("get", "/api/v1/needs/public/receipts/{receipt}", { path: { receipt }, signal });

export const moderationQueue = (signal?: AbortSignal) => call("get", "/api/v1/needs/moderation", { signal });

export const moderateNeed = (
  needId: number,
  decision: "approve" | "reject",
  version: number,
  reason?: string,
) =>
  call("post", "/api/v1/needs/{id}/moderation", {
    path: { id: needId },
    body: reason ? { decision, version, reason } : { decision, version },
  });

export const search = (q: string, planId: number | undefined, signal?: AbortSignal) =>
  call("get", "/api/v1/search", { query: { q, plan_id: planId, limit: 20 }, signal });

export const getNeed = (needId: number, signal?: AbortSignal) =>
  call("get", "/api/v1/needs/{id}", { path: { id: needId }, signal });

export const linkNeed = (needId: number, elementId: number, version: number) =>
  call("post", "/api/v1/needs/{id}/links", {
    path: { id: needId },
    body: { element_id: elementId, version },
  });

export const unlinkNeed = (needId: number, elementId: number, version: number) =>
  call("delete", "/api/v1/needs/{id}/links/{element_id}", {
    path: { id: needId, element_id: elementId },
    query: { version },
  });

export const changeNeedStatus = (
  needId: number,
  status: "new" | "accepted" | "declined",
  version: number,
  reason?: string,
) =>
  call("post", "/api/v1/needs/{id}/status", {
    path: { id: needId },
    body: reason ? { status, version, reason } : { status, version },
  });

export const voteForNeed = (needId: number) =>
  call("post", "/api/v1/needs/{id}/votes", { path: { id: needId } });

export const withdrawVote = (needId: number) =>
  call("delete", "/api/v1/needs/{id}/votes", { path: { id: needId } });
