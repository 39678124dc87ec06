// The one way the UI talks to the server: JSON over same-origin fetch, the session
// cookie sent automatically, and the CSRF token added to every unsafe request.
// `call` takes an operation of api/openapi.yaml by method and path template; its
// parameters, body and answer are typed from schema.ts, which `npm run gen:api`
// generates from that file, so a change to the API that the UI does not follow
// fails the type check (scripts/lint-api.sh fails when schema.ts is stale).
import type { paths } from "./schema";
import type { ApiErrorBody, LocalizedText } from "./types";

// Kept in memory only (never in storage) so a script injected elsewhere cannot
// read it from localStorage; after a reload it comes back from /auth/me.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

// For requests that cannot go through `call` (a file upload with progress, sent by
// XMLHttpRequest): the header to add to an unsafe request, if signed in.
export function csrfHeader(): Record<string, string> {
  return csrfToken ? { "X-CSRF-Token": csrfToken } : {};
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

type QueryValue = string | number | boolean | undefined | null;

export function buildUrl(path: string, query?: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries((query ?? {}) as Record<string, QueryValue>)) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

// --- Types of an operation, read from the generated description -------------------

export type Method = "get" | "post" | "put" | "patch" | "delete";

// The path templates that have an operation for `M`.
export type PathsFor<M extends Method> = {
  [P in keyof paths]: M extends keyof paths[P] ? P : never;
}[keyof paths];

export type Operation<M extends Method, P extends PathsFor<M>> = paths[P][M & keyof paths[P]];

type Empty = Record<never, never>;
// A parameter group ("path" or "query") of an operation or of its path item.
type Group<T, G extends "path" | "query"> = T extends { parameters: infer Params }
  ? G extends keyof Params
    ? NonNullable<Params[G]>
    : Empty
  : Empty;

export type PathParams<M extends Method, P extends PathsFor<M>> = Group<paths[P], "path"> &
  Group<Operation<M, P>, "path">;
export type QueryParams<M extends Method, P extends PathsFor<M>> = Group<paths[P], "query"> &
  Group<Operation<M, P>, "query">;

type JsonContent<T> = T extends { content: { "application/json": infer Body } } ? Body : never;
export type RequestBody<M extends Method, P extends PathsFor<M>> =
  Operation<M, P> extends { requestBody?: infer B } ? JsonContent<NonNullable<B>> : never;

type SuccessStatus = 200 | 201 | 202 | 204;
// The generator writes `content: never` for an answer without a body.
type SuccessBody<R> = R extends { content: infer Content }
  ? [Content] extends [never]
    ? null
    : Content extends { "application/json": infer Body }
      ? Body
      : null
  : null;
// The JSON of the operation's 2xx answers (null for one without a body, e.g. 204).
export type ResponseBody<M extends Method, P extends PathsFor<M>> =
  Operation<M, P> extends { responses: infer R } ? SuccessBody<R[keyof R & SuccessStatus]> : never;

type IsEmpty<T> = keyof T extends never ? true : false;
type BodyRequired<M extends Method, P extends PathsFor<M>> =
  Operation<M, P> extends { requestBody: unknown } ? true : false;

export type CallOptions<M extends Method, P extends PathsFor<M>> = { signal?: AbortSignal } & (IsEmpty<
  PathParams<M, P>
> extends true
  ? { path?: never }
  : { path: PathParams<M, P> }) &
  (IsEmpty<QueryParams<M, P>> extends true ? { query?: never } : { query?: QueryParams<M, P> }) &
  ([RequestBody<M, P>] extends [never]
    ? { body?: never }
    : BodyRequired<M, P> extends true
      ? { body: RequestBody<M, P> }
      : { body?: RequestBody<M, P> });

// Options may be left out only when nothing in them is required.
type OptionsArgument<M extends Method, P extends PathsFor<M>> =
  Empty extends CallOptions<M, P> ? [options?: CallOptions<M, P>] : [options: CallOptions<M, P>];

// "/api/v1/needs/{id}" + { id: 7 } -> "/api/v1/needs/7"
export function fillPath(template: string, params: object = {}): string {
  const values = params as Record<string, string | number>;
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${template}`);
    return encodeURIComponent(String(value));
  });
}

// Calls one operation of api/openapi.yaml, e.g.
//   call("get", "/api/v1/needs/{id}", { path: { id: 7 } })  -> Promise<NeedView>
export function call<M extends Method, P extends PathsFor<M>>(
  method: M,
  path: P,
  ...[options]: OptionsArgument<M, P>
): Promise<ResponseBody<M, P>> {
  const given = (options ?? {}) as { path?: object; query?: object; body?: unknown; signal?: AbortSignal };
  return send<ResponseBody<M, P>>(method.toUpperCase() as HttpMethod, fillPath(path, given.path), {
    query: given.query,
    body: given.body,
    signal: given.signal,
  });
}

// --- The request itself ------------------------------------------------------------

type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

interface SendOptions {
  body?: unknown;
  query?: object;
  signal?: AbortSignal;
}

// Returns the parsed JSON body, or null for 202/204 answers without one.
async function send<T>(method: HttpMethod, path: string, options: SendOptions): Promise<T> {
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
