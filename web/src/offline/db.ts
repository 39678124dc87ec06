// The field queue's storage: one IndexedDB database on this device (plain IndexedDB,
// no wrapper library). An entry is a write recorded on the phone (a month's progress
// or a photo) with the Idempotency-Key made when it was recorded, so however often it
// is sent (a lost answer, a reload, two tabs) the server stores it once. Entries stay
// here until the server has answered them; a reload or a closed browser loses nothing.

import type { ProgressInput } from "../api/progress";

export type EntryKind = "progress" | "photo";

export interface QueueError {
  status: number;
  code: string;
  th: string;
  en: string;
  fields: Record<string, { th: string; en: string }>;
}

interface EntryBase {
  // The Idempotency-Key, made at capture: also the entry's key in the store.
  key: string;
  kind: EntryKind;
  elementId: number;
  // Who recorded it: sent only while the same person is signed in on this browser.
  username: string;
  // When it was recorded (ISO, the device's clock).
  recordedAt: string;
  // Set once the server refused it (4xx other than a retryable conflict): kept so
  // the officer sees why and can correct or discard it; not sent again by itself.
  refused: QueueError | null;
  attempts: number;
}

export interface ProgressEntry extends EntryBase {
  kind: "progress";
  month: string;
  body: ProgressInput;
}

export interface PhotoEntry extends EntryBase {
  kind: "photo";
  image: Blob;
  contentType: string;
  takenAt: string;
  latitude: number | null;
  longitude: number | null;
  accuracyM: number | null;
}

export type QueueEntry = ProgressEntry | PhotoEntry;

const databaseName = "changwat-field";
const storeName = "queue";

let opening: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  if (opening) return opening;
  opening = new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(databaseName, 1);
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore(storeName, { keyPath: "key" });
      store.createIndex("recordedAt", "recordedAt");
    };
    request.onsuccess = () => {
      const database = request.result;
      // Another tab upgrading the database: let it, and open again next time.
      database.onversionchange = () => {
        database.close();
        opening = null;
      };
      resolve(database);
    };
    request.onerror = () => {
      opening = null;
      reject(request.error ?? new Error("IndexedDB unavailable"));
    };
  });
  return opening;
}

function finished(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onabort = transaction.onerror = () =>
      reject(transaction.error ?? new Error("IndexedDB transaction failed"));
  });
}

export async function putEntry(entry: QueueEntry): Promise<void> {
  const database = await open();
  const transaction = database.transaction(storeName, "readwrite");
  transaction.objectStore(storeName).put(entry);
  await finished(transaction);
}

export async function deleteEntry(key: string): Promise<void> {
  const database = await open();
  const transaction = database.transaction(storeName, "readwrite");
  transaction.objectStore(storeName).delete(key);
  await finished(transaction);
}

export async function getEntry(key: string): Promise<QueueEntry | undefined> {
  const database = await open();
  const transaction = database.transaction(storeName, "readonly");
  const request = transaction.objectStore(storeName).get(key);
  await finished(transaction);
  return request.result as QueueEntry | undefined;
}

// Oldest first: the order they were recorded is the order they are sent (a month's
// report before a later month's, so a drop is judged against the right month).
export async function allEntries(): Promise<QueueEntry[]> {
  const database = await open();
  const transaction = database.transaction(storeName, "readonly");
  const request = transaction.objectStore(storeName).index("recordedAt").getAll();
  await finished(transaction);
  return request.result as QueueEntry[];
}
