// The orders and colours the dashboards show statuses and stages in (the keys of the
// dashboard's projects_by_status and procurement_by_stage; names come from i18n).
export const progressStatuses = [
  "not_reported",
  "not_started",
  "procuring",
  "contracted",
  "in_progress",
  "delayed",
  "completed",
  "cancelled",
] as const;
export type ProgressStatusKey = (typeof progressStatuses)[number];

export const statusColours: Record<ProgressStatusKey, string> = {
  not_reported: "#9aa6b0",
  not_started: "#c6ced4",
  procuring: "#6aa7c2",
  contracted: "#2f7f9e",
  in_progress: "#0b5d7a",
  delayed: "#a3231b",
  completed: "#1e6b35",
  cancelled: "#55626e",
};

export const procurementStages = [
  "preparing",
  "plan_published",
  "tor_hearing",
  "invited",
  "bids_opened",
  "winner_announced",
  "contracted",
  "completed",
  "terminated",
] as const;
