// Monthly progress and site photos of a plan project (src/modules/progress). Reads go
// through the typed `call`; the writes are sent by the field queue (offline/queue.ts)
// with an Idempotency-Key and the photo's position headers, which `call` does not
// carry, so they are plain fetches here, typed from the same description.
import { buildUrl, call, errorFromResponse, type RequestBody } from "./client";
import type { Schemas } from "./types";

export type ProgressReport = Schemas["ProgressReport"];
export type ProgressStatus = Schemas["ProgressStatus"];
export type ProgressPhoto = Schemas["ProgressPhoto"];
export type ProgressInput = RequestBody<"put", "/api/v1/projects/{element_id}/progress/{month}">;

export const progressStatuses: ProgressStatus[] = [
  "not_started",
  "procuring",
  "contracted",
  "in_progress",
  "delayed",
  "completed",
  "cancelled",
];

export const listProgress = (elementId: number, signal?: AbortSignal) =>
  call("get", "/api/v1/projects/{element_id}/progress", { path: { element_id: elementId }, signal }).then(
    (answer) => answer.items,
  );

export const listPhotos = (elementId: number, signal?: AbortSignal) =>
  call("get", "/api/v1/projects/{element_id}/photos", { path: { element_id: elementId }, signal }).then(
    (answer) => answer.items,
  );

// A write with its Idempotency-Key and a CSRF token read just before (the queue asks
// /auth/me first, so a token from before a reload or a new sign-in is never used).
export async function putProgress(
  elementId: number,
  month: string,
  body: ProgressInput,
  idempotencyKey: string,
  csrfToken: string,
): Promise<ProgressReport> {
  const response = await fetch(
    `/api/v1/projects/${encodeURIComponent(elementId)}/progress/${encodeURIComponent(month)}`,
    {
      method: "PUT",
      credentials: "same-origin",
      headers: {
        Accept: "application/json",
        "Content-Type": "application/json",
        "Idempotency-Key": idempotencyKey,
        "X-CSRF-Token": csrfToken,
      },
      body: JSON.stringify(body),
    },
  );
  if (!response.ok) throw await errorFromResponse(response);
  return (await response.json()) as ProgressReport;
}

export interface PhotoPosition {
  latitude: number | null;
  longitude: number | null;
  accuracyM: number | null;
}

export async function uploadPhoto(
  elementId: number,
  image: Blob,
  contentType: string,
  takenAt: string,
  position: PhotoPosition,
  idempotencyKey: string,
  csrfToken: string,
): Promise<ProgressPhoto> {
  const headers: Record<string, string> = {
    Accept: "application/json",
    "Content-Type": contentType,
    "Idempotency-Key": idempotencyKey,
    "X-CSRF-Token": csrfToken,
    "X-Taken-At": takenAt,
  };
  if (position.latitude !== null && position.longitude !== null) {
    headers["X-Latitude"] = String(position.latitude);
    headers["X-Longitude"] = String(position.longitude);
    if (position.accuracyM !== null)
      headers["X-Accuracy-M"] = String(Math.round(position.accuracyM * 10) / 10);
  }
  const response = await fetch(`/api/v1/projects/${encodeURIComponent(elementId)}/photos`, {
    method: "POST",
    credentials: "same-origin",
    headers,
    body: image,
  });
  if (!response.ok) throw await errorFromResponse(response);
  return (await response.json()) as ProgressPhoto;
}

// A thumbnail answers 202 until the background worker has made it: asked again after
// Retry-After (at most `tries` times). Resolves to an object URL of the JPEG, or null.
export async function loadThumbnail(url: string, signal: AbortSignal, tries = 20): Promise<string | null> {
  for (let attempt = 0; attempt < tries; attempt++) {
    const response = await fetch(buildUrl(url), { credentials: "same-origin", signal });
    if (response.status === 200) return URL.createObjectURL(await response.blob());
    if (response.status !== 202) return null;
    const seconds = Number(response.headers.get("Retry-After") ?? "1");
    const wait = Math.min(Math.max(Number.isFinite(seconds) ? seconds : 1, 0.5), 5) * 1000;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, wait);
      signal.addEventListener("abort", () => {
        clearTimeout(timer);
        reject(new DOMException("aborted", "AbortError"));
      });
    });
  }
  return null;
}
