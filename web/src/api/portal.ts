// Shapes and calls of the public portal (src/modules/portal) and of notifications
// (src/platform/notifications). The shapes are api/openapi.yaml's schemas.
import { call, type RequestBody } from "./client";
import type { Schemas } from "./types";

export type PortalProject = Schemas["PortalProject"];
export type PortalProjectPage = Schemas["PortalProjectPage"];
export type FeedbackFollow = Schemas["PortalFeedbackFollow"];
export type Feedback = Schemas["PortalFeedback"];
export type FeedbackStatus = Feedback["status"];
export type NotificationPreferences = Schemas["NotificationPreferences"];
export type PreferencesInput = RequestBody<"put", "/api/v1/notifications/preferences">;

export const listPortalProjects = (district: string | undefined, signal?: AbortSignal) =>
  call("get", "/api/v1/public/projects", { query: district ? { district } : {}, signal }).then(
    (r) => r.items,
  );

export const getPortalOverview = (signal?: AbortSignal) => call("get", "/api/v1/public/overview", { signal });

export const getPortalProject = (elementId: number, signal?: AbortSignal) =>
  call("get", "/api/v1/public/projects/{element_id}", { path: { element_id: elementId }, signal });

export const getFeedbackForm = (elementId: number, signal?: AbortSignal) =>
  call("get", "/api/v1/public/projects/{element_id}/feedback/form", {
    path: { element_id: elementId },
    signal,
  });

export const postFeedback = (
  elementId: number,
  body: RequestBody<"post", "/api/v1/public/projects/{element_id}/feedback">,
) => call("post", "/api/v1/public/projects/{element_id}/feedback", { path: { element_id: elementId }, body });

export const followFeedback = (receipt: string, signal?: AbortSignal) =>
  call("get", "/api/v1/public/feedback/{receipt}", { path: { receipt }, signal });

export const feedbackQueue = (status: FeedbackStatus, signal?: AbortSignal) =>
  call("get", "/api/v1/portal/feedback", { query: { status }, signal }).then((r) => r.items);

export const moderateFeedback = (
  id: number,
  decision: "approve" | "reject" | "refer",
  version: number,
  answer?: string,
) =>
  call("post", "/api/v1/portal/feedback/{id}/moderation", {
    path: { id },
    body: answer ? { decision, version, answer_th: answer } : { decision, version },
  });

export const listNotifications = (signal?: AbortSignal) => call("get", "/api/v1/notifications", { signal });

export const readNotification = (id: number) =>
  call("post", "/api/v1/notifications/{id}/read", { path: { id } });

export const getPreferences = (signal?: AbortSignal) =>
  call("get", "/api/v1/notifications/preferences", { signal });

export const setPreferences = (body: PreferencesInput) =>
  call("put", "/api/v1/notifications/preferences", { body });

export const lineLinkCode = (forGroup: boolean) =>
  call("post", "/api/v1/notifications/line-link", { body: { for_group: forGroup } });
