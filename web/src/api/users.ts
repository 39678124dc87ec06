// The admin's user management (src/auth): list, add, change role/scope, disable,
// reset a password. Every change is audited by the server.
import { call, type RequestBody } from "./client";
import type { Role, Schemas } from "./types";

export type ManagedUser = Schemas["ManagedUser"];
export type NewUser = RequestBody<"post", "/api/v1/users">;
export type UserChange = RequestBody<"patch", "/api/v1/users/{id}">;

export const roles: Role[] = [
  "admin",
  "strategy_officer",
  "agency_officer",
  "executive",
  "auditor",
  "health_officer",
  "community_manager",
  "public",
];

export const listUsers = (signal?: AbortSignal) =>
  call("get", "/api/v1/users", { signal }).then((r) => r.users);

export const createUser = (user: NewUser) => call("post", "/api/v1/users", { body: user });

export const updateUser = (id: number, change: UserChange) =>
  call("patch", "/api/v1/users/{id}", { path: { id }, body: change });

export const resetPassword = (id: number, password: string) =>
  call("post", "/api/v1/users/{id}/password", { path: { id }, body: { password } });
