// The one way the UI talks to the server: JSON over same-origin fetch, the session
// cookie sent automatically, and the CSRF token added to every unsafe request.
import type { ApiErrorBody, LocalizedText } from "./types";

// Kept in memory only (never in storage) so a script injected elsewhere cannot
// read it from localStorage; after a reload it comes back from /auth/me.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly text: LocalizedText;
  readonly fields: Record<string, LocalizedText>;
  readonly requestId: string | null;

  constructor(
    status: number,
    code: string,
    text: LocalizedText,
    fields: Record<string, LocalizedText> = {},
    requestId: string | null = null,
  ) {
    super(text.en);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.text = text;
    this.fields = fields;
    this.requestId = requestId;
  }
}

const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

// Used when the server answers with something that is not our error JSON
// (a proxy error page, an empty body): the status still tells the user something.
function fallbackText(status: number): LocalizedText {
  if (status === 401) return { th: "กรุณาเข้าสู่ระบบ", en: "Please sign in." };
  if (status === 403) return { th: "ไม่มีสิทธิ์ทำรายการนี้", en: "You are not allowed to do this." };
  if (status === 404) return { th: "ไม่พบข้อมูล", en: "Not found." };
  if (status === 429)
    return { th: "ส่งคำขอถี่เกินไป กรุณารอสักครู่", en: "Too many requests; please wait a moment." };
  if (status >= 500)
    return { th: "ระบบขัดข้อง กรุณาลองใหม่อีกครั้ง", en: "The server had a problem; please try again." };
  return { th: `คำขอไม่สำเร็จ (${status})`, en: `The request failed (${status}).` };
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== "object" || value === null) return false;
  const error = (value as { error?: unknown }).error;
  return typeof error === "object" && error !== null && "code" in error;
}

export async function errorFromResponse(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (isErrorBody(body)) {
    const e = body.error;
    const fallback = fallbackText(response.status);
    return new ApiError(
      response.status,
      e.code,
      { th: e.message_th || fallback.th, en: e.message_en || fallback.en },
      e.fields ?? {},
      e.request_id ?? response.headers.get("X-Request-Id"),
    );
  }
  return new ApiError(
    response.status,
    `http_${response.status}`,
    fallbackText(response.status),
    {},
    response.headers.get("X-Request-Id"),
  );
}

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  query?: Record<string, string | number | undefined | null>;
  signal?: AbortSignal;
}

export function buildUrl(path: string, query?: RequestOptions["query"]): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

// Returns the parsed JSON body, or null for 202/204 answers without one.
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { Accept: "application/json" };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  if (unsafeMethods.has(method) && csrfToken) headers["X-CSRF-Token"] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: "same-origin",
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError(0, "network", {
      th: "ติดต่อเซิร์ฟเวอร์ไม่ได้ กรุณาตรวจสอบการเชื่อมต่อ",
      en: "Cannot reach the server; please check your connection.",
    });
  }
  if (!response.ok) throw await errorFromResponse(response);
  if (response.status === 204) return null as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : null) as T;
}
