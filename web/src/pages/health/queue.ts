// The checkpoint phone's screening queue: every screening is kept in localStorage with
// the client_id made when it was recorded, so a reload or a day without signal loses
// nothing, and however often it is sent the server stores it once (the same client_id
// answers 200 with the first record). Sent in one batch when online; an item the
// server refuses (422) stays with its reason and is not sent again by itself.
import { sendScreenings, type ScreeningInput } from "../../api/health";
import { freshSession } from "../../offline/queue";

export interface QueuedScreening {
  input: ScreeningInput;
  recordedAt: string;
  refused: { code: string; th: string; en: string } | null;
}

const storageKey = "changwat.health.screenings";
let sending = false;
const listeners = new Set<(items: QueuedScreening[]) => void>();

export function queued(): QueuedScreening[] {
  try {
    const text = localStorage.getItem(storageKey);
    return text ? (JSON.parse(text) as QueuedScreening[]) : [];
  } catch {
    return [];
  }
}

function store(items: QueuedScreening[]): void {
  localStorage.setItem(storageKey, JSON.stringify(items));
  for (const listener of listeners) listener(items);
}

export function subscribe(listener: (items: QueuedScreening[]) => void): () => void {
  listeners.add(listener);
  listener(queued());
  return () => listeners.delete(listener);
}

export function newClientId(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(16).slice(2)}`;
}

export function enqueue(input: ScreeningInput): void {
  store([...queued(), { input, recordedAt: new Date().toISOString(), refused: null }]);
  void flush();
}

export function discard(clientId: string): void {
  store(queued().filter((item) => item.input.client_id !== clientId));
}

// Sends what waits; keeps what the server did not answer. Returns how many were sent.
export async function flush(): Promise<number> {
  if (sending || (typeof navigator !== "undefined" && !navigator.onLine)) return 0;
  const waiting = queued().filter((item) => item.refused === null);
  if (waiting.length === 0) return 0;
  sending = true;
  try {
    // A page opened offline has no CSRF token (the kept /auth/me has none): a fresh one.
    await freshSession();
    const answers = await sendScreenings(waiting.map((item) => item.input));
    const byClient = new Map(answers.map((answer) => [answer.client_id, answer]));
    const left: QueuedScreening[] = [];
    for (const item of queued()) {
      const answer = byClient.get(item.input.client_id ?? null);
      if (!answer) {
        left.push(item);
      } else if (answer.status >= 400) {
        const error = (answer.error ?? {}) as { code?: string; message_th?: string; message_en?: string };
        left.push({
          ...item,
          refused: { code: error.code ?? "", th: error.message_th ?? "", en: error.message_en ?? "" },
        });
      }
    }
    store(left);
    return waiting.length - left.filter((item) => item.refused === null).length;
  } catch {
    return 0; // no server yet: tried again when the browser is back online
  } finally {
    sending = false;
  }
}

if (typeof window !== "undefined") window.addEventListener("online", () => void flush());
