// Committees, meetings, packs, resolutions, directives and findings
// (src/modules/follow_up). Shapes are the schemas of api/openapi.yaml (schema.ts);
// calls go through the typed `call`.
import { call, type QueryParams, type RequestBody } from "./client";
import type { Schemas } from "./types";

export type Committee = Schemas["FollowUpCommittee"];
export type Meeting = Schemas["FollowUpMeeting"];
export type Pack = Schemas["FollowUpPack"];
export type Directive = Schemas["FollowUpDirective"];
export type DirectiveStatus = Directive["status"];
export type Finding = Schemas["FollowUpFinding"];
export type FindingKind = Finding["kind"];
export type DirectiveFilter = QueryParams<"get", "/api/v1/directives">;
export type FindingFilter = QueryParams<"get", "/api/v1/findings">;
export type NewMeeting = RequestBody<"post", "/api/v1/meetings">;
export type NewDirective = RequestBody<"post", "/api/v1/directives">;
export type DirectiveReport = RequestBody<"post", "/api/v1/directives/{id}/updates">;

export const directiveStatuses: DirectiveStatus[] = ["open", "in_progress", "done", "cancelled"];
export const findingKinds: FindingKind[] = [
  "internal_audit",
  "governance_inspection",
  "government_inspector",
  "state_audit_office",
];

// The statuses a directive may move to from `status` (the server's order).
export function nextStatuses(status: DirectiveStatus): DirectiveStatus[] {
  if (status === "open") return ["in_progress", "cancelled"];
  if (status === "in_progress") return ["done", "cancelled"];
  return [];
}

export const listCommittees = (signal?: AbortSignal) =>
  call("get", "/api/v1/committees", { signal }).then((r) => r.items);

export const listMeetings = (committeeId: number | undefined, signal?: AbortSignal) =>
  call("get", "/api/v1/meetings", { query: { committee_id: committeeId }, signal }).then((r) => r.items);

export const getMeeting = (id: number, signal?: AbortSignal) =>
  call("get", "/api/v1/meetings/{id}", { path: { id }, signal });

export const createMeeting = (body: NewMeeting) => call("post", "/api/v1/meetings", { body });

export const addResolution = (id: number, body: RequestBody<"post", "/api/v1/meetings/{id}/resolutions">) =>
  call("post", "/api/v1/meetings/{id}/resolutions", { path: { id }, body });

export const issuePack = (id: number) => call("post", "/api/v1/meetings/{id}/pack", { path: { id } });

export const listDirectives = (filter: DirectiveFilter, signal?: AbortSignal) =>
  call("get", "/api/v1/directives", { query: filter, signal }).then((r) => r.items);

export const createDirective = (body: NewDirective) => call("post", "/api/v1/directives", { body });

export const reportDirective = (id: number, body: DirectiveReport) =>
  call("post", "/api/v1/directives/{id}/updates", { path: { id }, body });

export const listFindings = (filter: FindingFilter, signal?: AbortSignal) =>
  call("get", "/api/v1/findings", { query: filter, signal }).then((r) => r.items);

export const respondToFinding = (id: number, response_th: string) =>
  call("post", "/api/v1/findings/{id}/responses", { path: { id }, body: { response_th } });

export const closeFinding = (id: number, note_th: string, evidence: string[]) =>
  call("post", "/api/v1/findings/{id}/closure", { path: { id }, body: { note_th, evidence } });
