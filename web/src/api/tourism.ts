// OTOP Nawatwithi community tourism (src/modules/tourism). Reads go through the typed
// `call`; the sales the manager's phone records are sent by the tourism journal
// (pages/tourism/journal.ts), which needs their raw status (200 replay, 409, 422).
import { call } from "./client";
import type { Schemas } from "./types";

export type Community = Schemas["TourismCommunity"];
export type TourismItem = Schemas["TourismItem"];
export type SaleReceipt = Schemas["TourismSaleReceipt"];

export const listCommunities = (signal?: AbortSignal) =>
  call("get", "/api/v1/tourism/communities", { signal }).then((answer) => answer.items);

export const getCommunity = (id: number, signal?: AbortSignal) =>
  call("get", "/api/v1/tourism/communities/{id}", { path: { id }, signal });

export const listProducts = (id: number, signal?: AbortSignal) =>
  call("get", "/api/v1/tourism/communities/{id}/products", { path: { id }, signal }).then(
    (answer) => answer.items,
  );

export const listExperiences = (id: number, signal?: AbortSignal) =>
  call("get", "/api/v1/tourism/communities/{id}/experiences", { path: { id }, signal }).then(
    (answer) => answer.items,
  );

export const getIncome = (id: number, fiscalYear: number, signal?: AbortSignal) =>
  call("get", "/api/v1/tourism/communities/{id}/income", {
    path: { id },
    query: { fiscal_year: fiscalYear },
    signal,
  });

export const getPromptPay = (saleId: number, signal?: AbortSignal) =>
  call("get", "/api/v1/tourism/sales/{id}/promptpay", { path: { id: saleId }, signal });
