// The work areas of the product and where each lives. `ready` is false until the
// module's API exists; those pages show an honest "not available yet" state.
import type { MessageKey } from "../i18n/messages";
import type { Role } from "../api/types";

export interface ModuleEntry {
  path: string;
  label: MessageKey;
  about: MessageKey;
  ready: boolean;
  // Who sees it in the menu; undefined means everyone (including the public).
  roles?: Role[];
}

export const workModules: ModuleEntry[] = [
  { path: "/plan", label: "nav.plan", about: "module.plan.about", ready: true },
  {
    path: "/action-plan",
    label: "nav.action_plan",
    about: "module.action_plan.about",
    ready: true,
  },
  { path: "/needs", label: "nav.needs", about: "module.needs.about", ready: true },
  { path: "/monitoring", label: "nav.monitoring", about: "module.monitoring.about", ready: true },
  {
    path: "/follow-up",
    label: "nav.follow_up",
    about: "module.follow_up.about",
    ready: true,
    roles: ["admin", "strategy_officer", "agency_officer", "executive", "auditor"],
  },
  { path: "/portal", label: "nav.portal", about: "module.portal.about", ready: true },
  {
    path: "/notifications",
    label: "nav.notifications",
    about: "module.notifications.about",
    ready: true,
    roles: [
      "admin",
      "strategy_officer",
      "agency_officer",
      "executive",
      "auditor",
      "health_officer",
      "community_manager",
    ],
  },
  { path: "/tourism", label: "nav.tourism", about: "module.tourism.about", ready: false },
  { path: "/epidemic", label: "nav.epidemic", about: "module.epidemic.about", ready: false },
];

export const referenceModules: ModuleEntry[] = [
  { path: "/areas", label: "nav.areas", about: "module.areas.about", ready: true },
  { path: "/agencies", label: "nav.agencies", about: "module.agencies.about", ready: true },
  {
    path: "/audit",
    label: "nav.audit",
    about: "module.audit.about",
    ready: true,
    roles: ["admin", "auditor"],
  },
  { path: "/users", label: "nav.users", about: "module.users.about", ready: true, roles: ["admin"] },
];
