// TRAT-FC epidemic control (src/modules/health). Reads and writes go through the typed
// `call`; the checkpoint's queued screenings are sent by pages/health/queue.ts.
import { call } from "./client";
import type { Schemas } from "./types";

export type Checkpoint = Schemas["HealthCheckpoint"];
export type Board = Schemas["HealthBoard"];
export type HealthCase = Schemas["HealthCaseDetail"];
export type HealthContact = Schemas["HealthContact"];
export type ScreeningInput = Schemas["HealthScreeningInput"];

export const listCheckpoints = (signal?: AbortSignal) =>
  call("get", "/api/v1/health/checkpoints", { signal }).then((answer) => answer.items);

export const getBoard = (date: string, signal?: AbortSignal) =>
  call("get", "/api/v1/health/board", { query: { date }, signal });

export const listCases = (signal?: AbortSignal) =>
  call("get", "/api/v1/health/cases", { query: { limit: 50 }, signal }).then((answer) => answer.items);

export const getCase = (id: number, signal?: AbortSignal) =>
  call("get", "/api/v1/health/cases/{id}", { path: { id }, signal });

export const convertContact = (id: number) =>
  call("post", "/api/v1/health/contacts/{id}/convert", { path: { id } });

export const recordVisit = (id: number, date: string, performed: boolean, symptoms: string[]) =>
  call("post", "/api/v1/health/contacts/{id}/visits", {
    path: { id },
    body: { date, performed, symptoms },
  });

export const getChainFrom = (from: string, signal?: AbortSignal) =>
  call("get", "/api/v1/health/chains", { query: { from }, signal });

export const getChainOfCluster = (cluster: number, signal?: AbortSignal) =>
  call("get", "/api/v1/health/chains", { query: { cluster }, signal });

export const sendScreenings = (items: ScreeningInput[]) =>
  call("post", "/api/v1/health/screenings/batch", { body: { items } }).then((answer) => answer.items);
