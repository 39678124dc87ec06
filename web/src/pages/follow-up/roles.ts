// Who may do what on the follow-up pages, as the server's rules say
// (src/modules/follow_up/rules.hpp); the server checks again.
import type { User } from "../../api/types";

// The strategy office (the governor's secretariat) and admins: meetings, packs, directives.
export const isSecretary = (user: User | null) =>
  user !== null && (user.role === "strategy_officer" || user.role === "admin");

// Auditors and admins: findings.
export const isAuditor = (user: User | null) =>
  user !== null && (user.role === "auditor" || user.role === "admin");

// An agency's officer answering for their own agency.
export const isOwnAgency = (user: User | null, agency: string) =>
  user !== null && user.role === "agency_officer" && user.agency_code === agency;
