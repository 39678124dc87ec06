// The sales journal of a community manager's phone: every sale is appended to
// IndexedDB (never changed, never deleted) with its receipt number chained by hash to
// the one before on this device, so a reload, a closed browser or a day without
// signal loses nothing. A sale is sent until the server acknowledges it (201, or 200
// for one it already has: device id + sequence make a second copy impossible); the
// acknowledgement goes to a store of its own. "N waiting to send" is the journal
// minus the acknowledgements; the aim is zero at day close.
import { setCsrfToken } from "../../api/client";
import { receiptHash, saleBody, utcNow, zeroHash, type SaleLine } from "./receipt";

export interface JournalSale {
  device_id: string;
  sequence: number;
  community_id: number;
  username: string;
  sold_at: string;
  lines: SaleLine[];
  previous_hash: string;
  receipt_hash: string;
}

export interface Acknowledgement {
  device_id: string;
  sequence: number;
  sale_id: number | null;
  sale_number: string | null;
  // Set when the server refused the sale (409/422): it stays in the journal, shown
  // with the reason, and is not sent again by itself.
  refused: { status: number; code: string; th: string; en: string } | null;
}

export interface JournalState {
  sales: JournalSale[];
  acks: Map<string, Acknowledgement>;
  sending: boolean;
  blocked: "offline" | "signed_out" | null;
}

const databaseName = "changwat-tourism";
const deviceKey = "changwat.tourism.device";
const keyOf = (sale: { device_id: string; sequence: number }) => `${sale.device_id}#${sale.sequence}`;

let opening: Promise<IDBDatabase> | null = null;
function open(): Promise<IDBDatabase> {
  if (opening) return opening;
  opening = new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(databaseName, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore("sales", { keyPath: ["device_id", "sequence"] });
      request.result.createObjectStore("acks", { keyPath: ["device_id", "sequence"] });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => {
      opening = null;
      reject(request.error ?? new Error("IndexedDB unavailable"));
    };
  });
  return opening;
}

function all<T>(store: string): Promise<T[]> {
  return open().then(
    (database) =>
      new Promise<T[]>((resolve, reject) => {
        const request = database.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as T[]);
        request.onerror = () => reject(request.error);
      }),
  );
}

function write(store: string, value: object, mode: "add" | "put"): Promise<void> {
  return open().then(
    (database) =>
      new Promise<void>((resolve, reject) => {
        const transaction = database.transaction(store, "readwrite");
        if (mode === "add") transaction.objectStore(store).add(value);
        else transaction.objectStore(store).put(value);
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error);
        transaction.onabort = () => reject(transaction.error);
      }),
  );
}

// This browser's device id, made once and kept.
export function deviceId(): string {
  let id = localStorage.getItem(deviceKey);
  if (!id) {
    id = `web-${crypto.randomUUID()}`;
    localStorage.setItem(deviceKey, id);
  }
  return id;
}

let state: JournalState = { sales: [], acks: new Map(), sending: false, blocked: null };
const listeners = new Set<(state: JournalState) => void>();
const channel = typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel(databaseName);

function emit(change: Partial<JournalState>) {
  state = { ...state, ...change };
  for (const listener of listeners) listener(state);
}

async function reload(): Promise<void> {
  const [sales, acks] = await Promise.all([all<JournalSale>("sales"), all<Acknowledgement>("acks")]);
  sales.sort((a, b) => a.device_id.localeCompare(b.device_id) || a.sequence - b.sequence);
  emit({ sales, acks: new Map(acks.map((ack) => [keyOf(ack), ack])) });
}

channel?.addEventListener("message", () => void reload());

export function subscribe(listener: (state: JournalState) => void): () => void {
  listeners.add(listener);
  listener(state);
  return () => listeners.delete(listener);
}

export function waiting(current: JournalState): JournalSale[] {
  return current.sales.filter((sale) => !current.acks.has(keyOf(sale)));
}

export function acknowledgement(current: JournalState, sale: JournalSale): Acknowledgement | undefined {
  return current.acks.get(keyOf(sale));
}

// One tab at a time appends (the chain needs the head) and sends.
function exclusive<T>(name: string, work: () => Promise<T>): Promise<T> {
  if (typeof navigator !== "undefined" && navigator.locks) {
    return navigator.locks.request(name, work) as Promise<T>;
  }
  return work();
}

// Appends a sale chained to this device's last one; returns it.
export function recordSale(communityId: number, username: string, lines: SaleLine[]): Promise<JournalSale> {
  return exclusive("changwat-tourism-append", async () => {
    await reload();
    const device = deviceId();
    const mine = state.sales.filter((sale) => sale.device_id === device);
    const head = mine[mine.length - 1];
    const sequence = head ? head.sequence + 1 : 1;
    const previous = head ? head.receipt_hash : zeroHash;
    const soldAt = utcNow();
    const sale: JournalSale = {
      device_id: device,
      sequence,
      community_id: communityId,
      username,
      sold_at: soldAt,
      lines,
      previous_hash: previous,
      receipt_hash: await receiptHash(previous, device, sequence, soldAt, lines),
    };
    await write("sales", sale, "add");
    await reload();
    channel?.postMessage("changed");
    void flush();
    return sale;
  });
}

class Stop extends Error {
  constructor(readonly why: "offline" | "signed_out") {
    super(why);
  }
}

async function freshToken(username: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch("/api/v1/auth/me", { credentials: "same-origin", cache: "no-store" });
  } catch {
    throw new Stop("offline");
  }
  if (response.headers.get("X-Changwat-Offline")) throw new Stop("offline");
  if (response.status === 401) throw new Stop("signed_out");
  if (!response.ok) throw new Stop("offline");
  const session = (await response.json()) as { csrf_token?: string; user?: { username?: string } };
  if (!session.csrf_token || session.user?.username !== username) throw new Stop("signed_out");
  setCsrfToken(session.csrf_token);
  return session.csrf_token;
}

interface BatchResult {
  status: number;
  id?: number;
  sale_number?: string;
  error?: { code: string; message_th: string; message_en: string };
}

// Sends up to `batchSize` sales in one request (one transaction on the server); each
// sale gets its own answer: acknowledged (201, or 200 for one it already has) or refused.
async function send(sales: JournalSale[], token: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch("/api/v1/tourism/sales/batch", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRF-Token": token },
      body: JSON.stringify({ sales: sales.map(saleBody) }),
    });
  } catch {
    throw new Stop("offline");
  }
  if (response.status === 401 || response.status === 403) throw new Stop("signed_out");
  if (!response.ok) throw new Stop("offline");
  const body = (await response.json()) as { results: BatchResult[] };
  for (const [index, result] of body.results.entries()) {
    const sale = sales[index];
    if (!sale) continue;
    const accepted = result.status === 200 || result.status === 201;
    const ack: Acknowledgement = {
      device_id: sale.device_id,
      sequence: sale.sequence,
      sale_id: accepted ? (result.id ?? null) : null,
      sale_number: accepted ? (result.sale_number ?? null) : null,
      refused: accepted
        ? null
        : {
            status: result.status,
            code: result.error?.code ?? `http_${result.status}`,
            th: result.error?.message_th ?? `ส่งไม่สำเร็จ (${result.status})`,
            en: result.error?.message_en ?? `Not accepted (${result.status})`,
          },
    };
    await write("acks", ack, "put");
  }
}

const batchSize = 100;

let flushing: Promise<void> | null = null;
// Sends every sale waiting on this phone, oldest first, until one cannot be sent.
export function flush(): Promise<void> {
  if (flushing) return flushing;
  flushing = exclusive("changwat-tourism-send", async () => {
    await reload();
    const pending = waiting(state);
    if (pending.length === 0) {
      emit({ blocked: null });
      return;
    }
    emit({ sending: true });
    try {
      // In journal order, each person's sales with their own session.
      for (let start = 0; start < pending.length;) {
        const username = pending[start]!.username;
        let end = start;
        while (end < pending.length && end - start < batchSize && pending[end]!.username === username)
          end += 1;
        await send(pending.slice(start, end), await freshToken(username));
        await reload();
        start = end;
      }
      emit({ blocked: null });
    } catch (error) {
      if (error instanceof Stop) emit({ blocked: error.why });
      else throw error;
    } finally {
      emit({ sending: false });
      channel?.postMessage("changed");
    }
  }).finally(() => {
    flushing = null;
  });
  return flushing;
}

let started = false;
// Loads the journal and keeps sending: when the signal returns and every few seconds
// while something waits.
export function startJournal(): void {
  if (started) return;
  started = true;
  void reload().then(() => flush());
  window.addEventListener("online", () => void flush());
  window.setInterval(() => {
    if (waiting(state).length > 0 && !state.sending) void flush();
  }, 3000);
}
