// The field queue: progress reports and photos recorded on a phone are kept in
// IndexedDB (db.ts) with the Idempotency-Key made at capture, and sent when the
// signal allows — at once when online, on the browser's `online` event, and every
// half minute while something waits. Nothing is sent twice: a retry carries the
// same key, so the server answers it as the first time; one tab sends at a time
// (Web Locks). Every send first asks /auth/me for a fresh CSRF token (the token in
// memory may be from before a reload, and the service worker's offline copy of
// /auth/me has none).
import { ApiError, setCsrfToken } from "../api/client";
import { putProgress, uploadPhoto, type ProgressPhoto, type ProgressReport } from "../api/progress";
import {
  allEntries,
  deleteEntry,
  getEntry,
  putEntry,
  type PhotoEntry,
  type ProgressEntry,
  type QueueEntry,
  type QueueError,
} from "./db";

export type { PhotoEntry, ProgressEntry, QueueEntry, QueueError } from "./db";

// Why the last attempt stopped, if it did: no signal, or the session has ended
// (sending resumes after signing in again).
export type Blocked = "offline" | "signed_out" | null;

export type SendResult =
  | { kind: "progress"; key: string; report: ProgressReport }
  | { kind: "photo"; key: string; photo: ProgressPhoto };

export interface QueueState {
  entries: QueueEntry[];
  sending: boolean;
  blocked: Blocked;
}

type Listener = (state: QueueState) => void;
type SentListener = (result: SendResult) => void;

let state: QueueState = { entries: [], sending: false, blocked: null };
const listeners = new Set<Listener>();
const sentListeners = new Set<SentListener>();
const channel = typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel("changwat-field");

function emit(change: Partial<QueueState>) {
  state = { ...state, ...change };
  for (const listener of listeners) listener(state);
}

async function reloadEntries(): Promise<void> {
  try {
    emit({ entries: await allEntries() });
  } catch {
    // IndexedDB unavailable (private mode on some browsers): nothing can wait here.
  }
}

channel?.addEventListener("message", () => void reloadEntries());

function changed() {
  channel?.postMessage("changed");
  return reloadEntries();
}

export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  listener(state);
  return () => listeners.delete(listener);
}

export function onSent(listener: SentListener): () => void {
  sentListeners.add(listener);
  return () => sentListeners.delete(listener);
}

export function currentState(): QueueState {
  return state;
}

export function newKey(): string {
  if (typeof crypto.randomUUID === "function") return `field-${crypto.randomUUID()}`;
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return `field-${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

// --- recording -----------------------------------------------------------------------

export async function recordProgress(
  entry: Omit<ProgressEntry, "kind" | "key" | "recordedAt" | "refused" | "attempts">,
): Promise<ProgressEntry> {
  const stored: ProgressEntry = {
    ...entry,
    kind: "progress",
    key: newKey(),
    recordedAt: new Date().toISOString(),
    refused: null,
    attempts: 0,
  };
  await putEntry(stored);
  await changed();
  return stored;
}

export async function recordPhoto(
  entry: Omit<PhotoEntry, "kind" | "key" | "recordedAt" | "refused" | "attempts">,
): Promise<PhotoEntry> {
  const stored: PhotoEntry = {
    ...entry,
    kind: "photo",
    key: newKey(),
    recordedAt: new Date().toISOString(),
    refused: null,
    attempts: 0,
  };
  await putEntry(stored);
  await changed();
  return stored;
}

export async function discard(key: string): Promise<void> {
  await deleteEntry(key);
  await changed();
}

// --- sending -------------------------------------------------------------------------

class Stop extends Error {
  constructor(readonly why: Exclude<Blocked, null>) {
    super(why);
  }
}

// A token read from the server now, never the one in memory (see above), and who it
// belongs to.
// Also the health checkpoint's screening queue (pages/health/queue.ts) before it sends.
export async function freshSession(): Promise<{ token: string; username: string }> {
  let response: Response;
  try {
    response = await fetch("/api/v1/auth/me", {
      credentials: "same-origin",
      cache: "no-store",
      // The service worker lets this one through to the network (no kept answer).
      headers: { Accept: "application/json", "X-Changwat-Fresh": "1" },
    });
  } catch {
    throw new Stop("offline");
  }
  if (response.headers.get("X-Changwat-Offline")) throw new Stop("offline");
  if (response.status === 401) throw new Stop("signed_out");
  if (!response.ok) throw new Stop("offline");
  const session = (await response.json()) as { csrf_token?: string; user?: { username?: string } };
  if (!session.csrf_token) throw new Stop("offline");
  setCsrfToken(session.csrf_token);
  return { token: session.csrf_token, username: session.user?.username ?? "" };
}

function queueError(error: ApiError): QueueError {
  return {
    status: error.status,
    code: error.code,
    th: error.text.th,
    en: error.text.en,
    fields: error.fields,
  };
}

// Worth another try later: no answer, the server busy or failing, the same key still
// being answered (another tab), a token that went stale between reading and sending.
export function transient(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  if (error.status === 0 || error.status >= 500 || error.status === 429 || error.status === 408) return true;
  if (error.status === 409 && error.code === "idempotency_key_in_progress") return true;
  if (error.status === 403 && error.code === "csrf") return true;
  return false;
}

async function sendEntry(entry: QueueEntry, token: string): Promise<SendResult> {
  if (entry.kind === "progress") {
    const report = await putProgress(entry.elementId, entry.month, entry.body, entry.key, token);
    return { kind: "progress", key: entry.key, report };
  }
  const photo = await uploadPhoto(
    entry.elementId,
    entry.image,
    entry.contentType,
    entry.takenAt,
    { latitude: entry.latitude, longitude: entry.longitude, accuracyM: entry.accuracyM },
    entry.key,
    token,
  );
  return { kind: "photo", key: entry.key, photo };
}

export interface FlushOutcome {
  sent: SendResult[];
  refused: { key: string; error: ApiError }[];
  blocked: Blocked;
}

async function flushHere(): Promise<FlushOutcome> {
  const outcome: FlushOutcome = { sent: [], refused: [], blocked: null };
  const pending = (await allEntries()).filter((entry) => entry.refused === null);
  if (pending.length === 0) return outcome;
  let token: string;
  let username: string;
  try {
    ({ token, username } = await freshSession());
  } catch (error) {
    outcome.blocked = error instanceof Stop ? error.why : "offline";
    return outcome;
  }
  // Another person's entries on a shared phone wait until they sign in again.
  const waiting = pending.filter((entry) => entry.username === username);
  for (const listed of waiting) {
    // Another tab may have sent or discarded it since the list was read.
    const entry = await getEntry(listed.key);
    if (!entry || entry.refused) continue;
    try {
      const result = await sendEntry(entry, token);
      await deleteEntry(entry.key);
      outcome.sent.push(result);
      for (const listener of sentListeners) listener(result);
      await changed();
    } catch (caught) {
      const error =
        caught instanceof ApiError
          ? caught
          : new ApiError(0, "network", { th: "ส่งไม่สำเร็จ", en: "Could not send" });
      if (error.status === 401) {
        outcome.blocked = "signed_out";
        break;
      }
      if (transient(error)) {
        await putEntry({ ...entry, attempts: entry.attempts + 1 });
        outcome.blocked = error.status === 0 ? "offline" : null;
        break; // keep the order: later entries wait for this one
      }
      await putEntry({ ...entry, attempts: entry.attempts + 1, refused: queueError(error) });
      outcome.refused.push({ key: entry.key, error });
      await changed();
    }
  }
  await changed();
  return outcome;
}

let running: Promise<FlushOutcome> | null = null;

// The browser says it is online but the server was not reached (a signal coming
// back, a captive portal): try again soon, then less often (2 s doubling to 30 s).
let retryDelay = 2000;
let retryTimer: ReturnType<typeof setTimeout> | null = null;
function scheduleRetry(outcome: FlushOutcome) {
  if (retryTimer) clearTimeout(retryTimer);
  retryTimer = null;
  if (outcome.blocked !== "offline") {
    retryDelay = 2000;
    return;
  }
  if (typeof navigator === "undefined" || !navigator.onLine) return;
  retryTimer = setTimeout(() => {
    retryTimer = null;
    void flush();
  }, retryDelay);
  retryDelay = Math.min(retryDelay * 2, 30000);
}

// Sends what waits, oldest first; one run at a time in this tab, and with Web Locks
// one tab at a time (a second tab finds the entries gone and skips them).
export function flush(): Promise<FlushOutcome> {
  if (running) return running.then(() => flush());
  emit({ sending: true });
  const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
  const run = locks ? locks.request("changwat-field-queue", () => flushHere()) : flushHere();
  running = run
    .catch((): FlushOutcome => ({ sent: [], refused: [], blocked: "offline" }))
    .then((outcome) => {
      emit({ sending: false, blocked: outcome.blocked });
      scheduleRetry(outcome);
      return outcome;
    })
    .finally(() => {
      running = null;
    });
  return running;
}

// Starts the queue in this page: loads what waits, sends it when the signal returns
// (the `online` event), and retries every 30 s while something waits.
let started = false;
export function startQueue(): void {
  if (started || typeof window === "undefined") return;
  started = true;
  void reloadEntries().then(() => {
    if (state.entries.some((entry) => entry.refused === null) && navigator.onLine) void flush();
  });
  window.addEventListener("online", () => void flush());
  window.setInterval(() => {
    if (state.entries.some((entry) => entry.refused === null) && navigator.onLine && !state.sending)
      void flush();
  }, 30000);
}
